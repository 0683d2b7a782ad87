import { createAssignment } from "./assignments";
import { createClass } from "./classes";
import { db } from "./client";
import { createSet } from "./sets";
import type { UserSummary } from "./users";

const DEMO_CLASS = "Demo class: NATO Mission Iraq";

/**
 * The demo learner studies the NATO deck from the start ("Study now" has items at once); new learners add library
 * decks themselves. Idempotent.
 * @example await ensureDemoStudies(learner)
 */
export async function ensureDemoStudies(learner: UserSummary) {
  const deck = await db.document.findUnique({ where: { slug: "nato-mission-iraq" }, select: { id: true } });
  if (!deck) return "no NATO deck";
  await db.studyDeck.upsert({
    where: { userId_documentId: { userId: learner.id, documentId: deck.id } },
    create: { userId: learner.id, documentId: deck.id },
    update: {},
  });
  return "ready";
}

/**
 * The demo class: the instructor's class with the learner in it and a study assignment on the NATO deck's dates and
 * commanders, due a week after seeding. Created once; later seeds leave it (and its progress) alone.
 */
export async function ensureDemoClass(instructor: UserSummary, learner: UserSummary, now: Date) {
  if (await db.class.findFirst({ where: { ownerId: instructor.id, name: DEMO_CLASS } })) return "unchanged";
  const deck = await db.document.findUnique({ where: { slug: "nato-mission-iraq" }, select: { id: true } });
  if (!deck) return "no NATO deck";
  const items = await db.item.findMany({
    where: { documentId: deck.id, retiredAt: null, topic: { in: ["dates", "commanders"] } },
    orderBy: { position: "asc" },
    select: { id: true },
    take: 15,
  });
  const set = await createSet(instructor, {
    name: "NATO Mission Iraq: dates and commanders",
    itemIds: items.map((i) => i.id),
  });
  const klass = await createClass(
    instructor,
    { name: DEMO_CLASS, description: "Created by the seed for the demo accounts." },
    now,
  );
  await db.classMember.create({ data: { classId: klass.id, userId: learner.id } });
  if (set) {
    await createAssignment(
      instructor,
      {
        classId: klass.id,
        setId: set.id,
        mode: "study",
        dueAt: new Date(now.getTime() + 7 * 86_400_000),
        maxAttempts: 1,
      },
      now,
    );
  }
  return "added";
}
