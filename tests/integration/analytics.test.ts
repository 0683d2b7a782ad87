import { beforeAll, describe, expect, it } from "vitest";
import type { GeneratedItem } from "@/lib/content/types";
import { applyCatchUp, previewCatchUp } from "@/lib/db/catch-up";
import { loadClassDashboard } from "@/lib/db/class-dashboard";
import { createClass } from "@/lib/db/classes";
import { db } from "@/lib/db/client";
import { publishDocument } from "@/lib/db/content";
import { readSettings } from "@/lib/db/settings";
import { loadWorkloadData } from "@/lib/db/workload";
import { makeUser } from "@/tests/factories";

// The analytical reads ported to the query builder (issue 17), on data written through Prisma only, so the file
// runs on SQLite and on PostgreSQL alike (vitest.config.mts BOTH_DATABASES). progress.test.ts covers the learner's
// dashboard the same way; class-dashboard.test.ts and scheduling-tools.test.ts cover more on SQLite.
const NOW = new Date("2026-05-20T15:00:00Z");
const DAY = 86_400_000;

function item(key: string, position: number): GeneratedItem {
  return {
    key,
    factKey: `fact-${key}`,
    kind: "typed",
    prompt: `What is ${key}?`,
    answer: key.toUpperCase(),
    accepted: [],
    options: null,
    answerType: "text",
    topic: "dates",
    difficulty: 0.4,
    source: { text: `${key} is ${key}.`, start: position * 10, end: position * 10 + 9 },
  };
}

let learner = { id: "" };
let instructor: Awaited<ReturnType<typeof makeUser>>;
let itemIds: string[] = [];

async function reviewCard(itemId: string, dueInDays: number) {
  return db.card.create({
    data: {
      userId: learner.id,
      itemId,
      state: "review",
      due: new Date(NOW.getTime() + dueInDays * DAY),
      stability: 20,
      difficulty: 5,
      scheduledDays: 20,
      learningSteps: 0,
      reps: 4,
      lapses: 0,
      lastReview: new Date(NOW.getTime() - 10 * DAY),
    },
  });
}

async function log(card: { id: string; itemId: string }, rating: string, correct: boolean | null, daysAgo: number) {
  await db.reviewLog.create({
    data: {
      id: crypto.randomUUID(),
      userId: learner.id,
      itemId: card.itemId,
      cardId: card.id,
      rating,
      correct,
      responseMs: 4000,
      previousState: "review",
      elapsedDays: 3,
      reviewedAt: new Date(NOW.getTime() - daysAgo * DAY),
      stateBefore: "{}",
      stateAfter: "{}",
    },
  });
}

beforeAll(async () => {
  const deck = await publishDocument(
    { slug: "analytics-deck", title: "Analytics deck", body: "z".repeat(200) },
    Array.from({ length: 6 }, (_, i) => item(`a${i}`, i)),
  );
  itemIds = (await db.item.findMany({ where: { documentId: deck.documentId }, orderBy: { position: "asc" } })).map(
    (i) => i.id,
  );
  learner = await makeUser();
  instructor = await makeUser({ role: "instructor" });
  await db.userSettings.create({ data: { userId: learner.id, timeZone: "Europe/Paris", desiredRetention: 0.88 } });
  await db.studyDeck.create({ data: { userId: learner.id, documentId: deck.documentId } });
  const [i0, i1, i2] = itemIds as [string, string, string];
  const overdue = await reviewCard(i0, -3); // due three days ago
  const soon = await reviewCard(i1, 2); // due in two days
  const later = await reviewCard(i2, 30);
  // i0: 3 answers, 1 recalled (graded wrong twice); i1: 2 answers, both recalled; i2: one answer (too few to rank)
  await log(overdue, "good", false, 9);
  await log(overdue, "again", null, 6);
  await log(overdue, "good", true, 4);
  await log(soon, "good", null, 8);
  await log(soon, "hard", true, 5);
  await log(later, "again", null, 7);
});

describe("analytics on either database", () => {
  it("reads settings", async () => {
    const settings = await readSettings(learner.id);
    expect(settings).toMatchObject({ timeZone: "Europe/Paris", desiredRetention: 0.88 });
  });

  it("ranks the class's weakest items by share recalled", async () => {
    const klass = await createClass(instructor, { name: "Analytics class", description: "" }, NOW);
    await db.classMember.create({ data: { classId: klass.id, userId: learner.id } });
    const dashboard = await loadClassDashboard(klass.id, instructor);
    expect(dashboard!.weakest.map(({ id, answers, recall }) => ({ id, answers, recall }))).toEqual([
      { id: itemIds[0], answers: 3, recall: 1 / 3 },
      { id: itemIds[1], answers: 2, recall: 1 },
    ]);
    expect(dashboard!.learners[0]!.lastActive).toEqual(new Date(NOW.getTime() - 4 * DAY));
  });

  it("previews and applies a postponement", async () => {
    const { overview } = await previewCatchUp(learner.id, null, NOW);
    expect(overview).toMatchObject({ overdue: 1, dueToday: 1, dueSoon: 1, timeZone: "Europe/Paris" });
    const { changed } = await applyCatchUp(learner.id, { kind: "postpone", count: 1 }, NOW);
    expect(changed).toBe(1);
    const card = await db.card.findFirstOrThrow({ where: { userId: learner.id, itemId: itemIds[0] } });
    expect(card.version).toBe(1);
    expect(card.due.getTime()).toBeGreaterThan(NOW.getTime());
  });

  it("gives the workload simulator the learner's cards, unseen items and timing", async () => {
    const { input, ownTiming, timedAnswers } = await loadWorkloadData(learner.id, NOW);
    expect(input.cards).toHaveLength(3);
    expect(input.unseenItems).toBe(3);
    expect(input.settings.desiredRetention).toBe(0.88);
    expect({ ownTiming, timedAnswers, seconds: input.secondsPerAnswer }).toEqual({
      ownTiming: true,
      timedAnswers: 6,
      seconds: 4,
    });
  });
});
