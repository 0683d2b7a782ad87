import { sql } from "kysely";
import type { GeneratedItem } from "@/lib/content/types";
import { analyseItems, type ItemStat } from "@/lib/progress/item-analysis";
import { isMastered } from "@/lib/progress/mastery";
import { classAssignmentProgress } from "./assignments";
import { getTeacherClass } from "./classes";
import { classDeckWhere } from "./deck-access";
import { db } from "./client";
import { toDate } from "./dialect";
import { queryDb } from "./query";
import type { UserSummary } from "./users";

export const WEAKEST_LIMIT = 10;

const latest = (dates: (Date | null | undefined)[]) =>
  dates.reduce<Date | null>((max, d) => (d && (!max || d > max) ? d : max), null);

/**
 * The items the class's learners recall least often (at least two answers), lowest share recalled first. A review
 * counts as recalled when graded correct, or, ungraded, when not rated Again.
 */
async function weakestItems(userIds: string[]): Promise<{ itemId: string; answers: number; recalled: number }[]> {
  if (userIds.length === 0) return [];
  const { q } = queryDb();
  const recalled = sql<number>`SUM(CASE WHEN "correct" = ${true} OR ("correct" IS NULL AND "rating" <> 'again') THEN 1 ELSE 0 END)`;
  const rows = await q
    .selectFrom("ReviewLog")
    .select((eb) => ["itemId", eb.fn.countAll<number>().as("answers"), recalled.as("recalled")])
    .where("userId", "in", userIds)
    .groupBy("itemId")
    .having((eb) => eb.fn.countAll(), ">=", 2)
    .orderBy(sql`CAST(${recalled} AS REAL) / COUNT(*)`)
    .orderBy(sql`COUNT(*)`, "desc")
    .orderBy("itemId")
    .limit(WEAKEST_LIMIT)
    .execute();
  return rows.map((r) => ({ itemId: r.itemId, answers: Number(r.answers), recalled: Number(r.recalled) }));
}

/**
 * Each learner's latest answer: one MAX per learner, which both databases read as the last entry of that learner's
 * ReviewLog(userId, reviewedAt) range. Grouping the learners' logs instead read every log of the class
 * (docs/decisions/031).
 */
async function lastReviews(userIds: string[]): Promise<Map<string, Date | null>> {
  if (userIds.length === 0) return new Map();
  const rows = await queryDb()
    .q.selectFrom("User as u")
    .select((eb) => [
      "u.id",
      eb
        .selectFrom("ReviewLog as l")
        .select((log) => log.fn.max("l.reviewedAt").as("at"))
        .whereRef("l.userId", "=", "u.id")
        .as("at"),
    ])
    .where("u.id", "in", userIds)
    .execute();
  return new Map(rows.map((row) => [row.id, row.at === null ? null : toDate(row.at)]));
}

/**
 * Everything the instructor's class page shows beyond the roster: per learner the last activity and mastery per
 * topic of the class's assigned items, assignment progress and scores; the class's weakest items; and item analysis
 * of the quiz assignments' answers next to each item's FSRS difficulty and lapse rate. Null for someone else's class.
 */
export async function loadClassDashboard(classId: string, user: UserSummary) {
  const klass = await getTeacherClass(classId, user);
  if (!klass) return null;
  const userIds = klass.members.map((m) => m.user.id);
  const setIds = klass.assignments.map((a) => a.set.id);

  // The items of the class's sets on its decks; retired ones too, for their cards' figures in the item analysis. A
  // plain promise: read once, used twice below (a Prisma query runs when awaited).
  const setItems = Promise.resolve(
    db.item.findMany({
      where: { document: classDeckWhere(classId), sets: { some: { setId: { in: setIds } } } },
      select: { id: true, topic: true, prompt: true, documentId: true, data: true, retiredAt: true },
    }),
  );
  const [progress, lastReview, lastQuiz, universe, cards, weakestRows, answers] = await Promise.all([
    classAssignmentProgress(klass.members, klass.assignments),
    lastReviews(userIds),
    db.quizAttempt.groupBy({
      by: ["userId"],
      where: { userId: { in: userIds } },
      _max: { finishedAt: true, startedAt: true },
    }),
    setItems.then((items) => items.filter((item) => item.retiredAt === null)),
    // By item id: through the item relation, PostgreSQL started from the items and probed Card(userId, itemId) once
    // per learner and item (docs/decisions/031).
    setItems.then((items) =>
      db.card.findMany({
        where: { userId: { in: userIds }, itemId: { in: items.map((item) => item.id) } },
        select: {
          userId: true,
          itemId: true,
          state: true,
          suspended: true,
          scheduledDays: true,
          stability: true,
          difficulty: true,
          lapses: true,
          reps: true,
        },
      }),
    ),
    weakestItems(userIds),
    db.quizAnswer.findMany({
      where: { attempt: { assignment: { classId }, finishedAt: { not: null }, userId: { in: userIds } } },
      select: { attemptId: true, itemId: true, correct: true, response: true },
    }),
  ]);

  const topics = [...new Set(universe.map((i) => i.topic))].sort();
  const topicOf = new Map(universe.map((i) => [i.id, i.topic]));
  const learners = klass.members.map(({ user: learner }) => {
    const mine = cards.filter((c) => c.userId === learner.id);
    const mastery = Object.fromEntries(
      topics.map((topic) => {
        const total = universe.filter((i) => i.topic === topic).length;
        const mastered = mine.filter((c) => topicOf.get(c.itemId) === topic && isMastered(c)).length;
        return [topic, { mastered, total }];
      }),
    );
    return {
      ...learner,
      // Studying or finishing a quiz, whichever was later.
      lastActive: latest([
        lastReview.get(learner.id),
        lastQuiz.find((row) => row.userId === learner.id)?._max.finishedAt,
      ]),
      mastery,
      assignments: progress.get(learner.id)!,
    };
  });

  const weakItems = await db.item.findMany({
    where: { id: { in: weakestRows.map((r) => r.itemId) } },
    select: { id: true, prompt: true, documentId: true },
  });
  const weakest = weakestRows.map((row) => ({
    ...weakItems.find((i) => i.id === row.itemId)!,
    answers: Number(row.answers),
    recall: Number(row.recalled) / Number(row.answers),
  }));

  const answered = await db.item.findMany({
    where: { id: { in: [...new Set(answers.map((a) => a.itemId))] } },
    select: { id: true, prompt: true, documentId: true, data: true },
  });
  const stats = analyseItems(
    answers,
    answered.map((i) => {
      const data = JSON.parse(i.data) as GeneratedItem;
      return {
        id: i.id,
        answer: data.answer,
        options: data.kind === "multiple_choice" || data.kind === "true_false" ? data.options : null,
      };
    }),
  );
  const itemAnalysis = stats.map((stat: ItemStat) => {
    const itemCards = cards.filter((c) => c.itemId === stat.itemId);
    const reps = itemCards.reduce((sum, c) => sum + c.reps, 0);
    return {
      ...stat,
      prompt: answered.find((i) => i.id === stat.itemId)!.prompt,
      documentId: answered.find((i) => i.id === stat.itemId)!.documentId,
      fsrsDifficulty: itemCards.length ? itemCards.reduce((sum, c) => sum + c.difficulty, 0) / itemCards.length : null,
      lapseRate: reps ? itemCards.reduce((sum, c) => sum + c.lapses, 0) / reps : null,
    };
  });

  return { klass, topics, learners, weakest, itemAnalysis };
}

export type ClassDashboard = NonNullable<Awaited<ReturnType<typeof loadClassDashboard>>>;
