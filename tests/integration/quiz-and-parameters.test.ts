import { describe, expect, it } from "vitest";
import type { GeneratedItem } from "@/lib/content/types";
import { db } from "@/lib/db/client";
import { publishDocument } from "@/lib/db/content";
import { fitPersonalParameters } from "@/lib/db/optimize";
import { answerQuiz, createQuiz, quizResults, quizState } from "@/lib/db/quiz";
import { readSettings } from "@/lib/db/settings";
import { DEFAULT_SRS_SETTINGS, newCard } from "@/lib/srs";
import { simulateLearner } from "@/lib/srs/test-support/simulate-learner";
import { default_w } from "ts-fsrs";
import { makeUser } from "@/tests/factories";

const NOW = new Date("2026-04-01T10:00:00Z");

function mcq(i: number): GeneratedItem {
  return {
    key: `q${i}`,
    factKey: `f${i}`,
    kind: "multiple_choice",
    prompt: `Question ${i}?`,
    answer: `Answer ${i}`,
    accepted: [],
    options: [`Answer ${i}`, `Wrong ${i}a`, `Wrong ${i}b`, `Wrong ${i}c`],
    answerType: "text",
    topic: i % 2 ? "dates" : "places",
    difficulty: 0.5,
    source: { text: `Answer ${i} is right.`, start: i, end: i + 1 },
  };
}

async function deckOf(slug: string, count: number) {
  const { documentId } = await publishDocument(
    { slug, title: slug, body: "body" },
    Array.from({ length: count }, (_, i) => mcq(i)),
  );
  return documentId;
}

describe("practice quiz", () => {
  it("asks N items of a topic, scores at the end, and leaves the schedule alone unless asked", async () => {
    const deckId = await deckOf("quiz-deck", 10);
    const user = await makeUser();
    const quiz = await createQuiz({ userId: user.id, deckId, topic: "dates", count: 3, updatesSchedule: false });
    let state = await quizState(quiz!.id, user.id);
    const asked: string[] = [];
    while (state && !state.done) {
      asked.push(state.card.prompt);
      expect(state.card.topic).toBe("dates");
      const n = Number(state.card.prompt.match(/\d+/)![0]);
      const response = asked.length === 1 ? `Wrong ${n}a` : `Answer ${n}`;
      const answerId = crypto.randomUUID();
      await answerQuiz({
        userId: user.id,
        attemptId: quiz!.id,
        answerId,
        itemId: state.card.itemId,
        response,
        responseMs: 1000,
        now: NOW,
      });
      // A retried submission changes nothing.
      await answerQuiz({
        userId: user.id,
        attemptId: quiz!.id,
        answerId,
        itemId: state.card.itemId,
        response: "x",
        responseMs: 1,
        now: NOW,
      });
      state = await quizState(quiz!.id, user.id);
    }
    expect(new Set(asked).size).toBe(3);
    expect(state).toEqual({ done: true, score: 2, total: 3 });
    const results = await quizResults(quiz!.id, user.id);
    expect(results!.questions.filter((q) => !q.given?.correct)).toHaveLength(1);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.card.count({ where: { userId: user.id } })).toBe(0);
  });

  it("records reviews when the learner chooses to, and hides the attempt from other learners", async () => {
    const deckId = await deckOf("quiz-deck-2", 4);
    const [user, other] = [await makeUser(), await makeUser()];
    const quiz = await createQuiz({ userId: user.id, deckId, count: 2, updatesSchedule: true });
    expect(await quizState(quiz!.id, other.id)).toBeNull();
    const state = await quizState(quiz!.id, user.id);
    if (!state || state.done) throw new Error("expected a question");
    expect(
      await answerQuiz({
        userId: other.id,
        attemptId: quiz!.id,
        answerId: crypto.randomUUID(),
        itemId: state.card.itemId,
        response: "x",
        responseMs: 1,
        now: NOW,
      }),
    ).toEqual({ ok: false, reason: "not_found" });
    const n = Number(state.card.prompt.match(/\d+/)![0]);
    await answerQuiz({
      userId: user.id,
      attemptId: quiz!.id,
      answerId: crypto.randomUUID(),
      itemId: state.card.itemId,
      response: `Answer ${n}`,
      responseMs: 1000,
      now: NOW,
    });
    const logs = await db.reviewLog.findMany({ where: { userId: user.id } });
    expect(logs).toMatchObject([{ itemId: state.card.itemId, rating: "good", correct: true, source: "quiz" }]);
  });

  it("refuses an empty deck or topic", async () => {
    const deckId = await deckOf("quiz-deck-3", 2);
    const user = await makeUser();
    expect(
      await createQuiz({ userId: user.id, deckId, topic: "commanders", count: 5, updatesSchedule: false }),
    ).toBeNull();
  });
});

describe("personal FSRS parameters", () => {
  it("are fitted from the learner's own review log and then used for scheduling", async () => {
    const simulation = simulateLearner({
      truthWeights: default_w.map((w, i) => (i < 4 ? w * 1.6 : w)),
      settings: DEFAULT_SRS_SETTINGS,
      itemCount: 300,
      days: 60,
      seed: 7,
      start: NOW,
    });
    const deckId = await deckOf("optimizer-deck", 300);
    const items = await db.item.findMany({ where: { documentId: deckId }, select: { id: true, key: true } });
    const idOf = new Map(items.map((item) => [`item-${item.key.slice(1)}`, item.id]));
    const user = await makeUser();
    const snapshot = JSON.stringify({
      existed: true,
      card: newCard(NOW),
      suspended: false,
      leech: false,
      buriedUntil: null,
    });
    for (const itemId of new Set(simulation.logs.map((log) => log.itemId))) {
      await db.card.create({ data: { userId: user.id, itemId: idOf.get(itemId)!, ...newCard(NOW) } });
    }
    const cards = new Map((await db.card.findMany({ where: { userId: user.id } })).map((c) => [c.itemId, c.id]));
    await db.reviewLog.createMany({
      data: simulation.logs.map((log) => ({
        id: crypto.randomUUID(),
        userId: user.id,
        itemId: idOf.get(log.itemId)!,
        cardId: cards.get(idOf.get(log.itemId)!)!,
        rating: log.rating,
        stateBefore: snapshot,
        stateAfter: snapshot,
        previousState: log.stateBefore,
        elapsedDays: 0,
        reviewedAt: log.reviewedAt,
      })),
    });

    const result = await fitPersonalParameters(user.id, NOW);
    expect(result.ok).toBe(true);
    const settings = await readSettings(user.id);
    expect(settings.weights).toHaveLength(21);
    expect(settings.weights).not.toEqual([...default_w]);
    const row = await db.userSettings.findUniqueOrThrow({ where: { userId: user.id } });
    expect(row.weightsReviews).toBe(result.ok ? result.reviewCount : -1);
  });

  it("refuse to fit on too few reviews and keep the defaults", async () => {
    const user = await makeUser();
    const result = await fitPersonalParameters(user.id, NOW);
    expect(result).toMatchObject({ ok: false, reason: "not_enough_reviews" });
    expect((await readSettings(user.id)).weights).toBeUndefined();
  });
});
