/**
 * Issue 13, grading: the verdict a learner sees says what was tolerated ("accepted — spelling: October") or why the
 * answer failed, in the study loop (also when a retried answer is replayed) and in a quiz's results; ambiguous numeric
 * dates are read by the learner's locale; a forgiven typo is recorded as Hard at most.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { GeneratedItem } from "@/lib/content/types";
import { db } from "@/lib/db/client";
import { publishDocument } from "@/lib/db/content";
import { answerQuiz, createQuiz, quizResults } from "@/lib/db/quiz";
import { answerItem } from "@/lib/db/reviews";
import { makeUser } from "@/tests/factories";

const T0 = new Date("2026-03-02T09:00:00Z");

function typed(i: number, answer: string, answerType: GeneratedItem["answerType"], accepted: string[] = []) {
  return {
    key: `t${i}`,
    factKey: `f${i}`,
    kind: "typed",
    prompt: `Question ${i}?`,
    answer,
    accepted,
    options: null,
    answerType,
    topic: "dates",
    difficulty: 0.5,
    source: { text: `The answer is ${answer}.`, start: i * 40, end: i * 40 + 30 },
  } satisfies GeneratedItem;
}

const ITEMS = [
  typed(0, "October 2018", "date"),
  typed(1, "5 April 1904", "date"),
  typed(2, "John F. Stevens", "person", ["Stevens"]),
  typed(3, "26 November 2019", "date"),
];
let ids: string[] = [];
let deckId = "";

beforeAll(async () => {
  const result = await publishDocument({ slug: "grading", title: "Grading", body: "x".repeat(400) }, ITEMS);
  deckId = result.documentId;
  ids = (await db.item.findMany({ where: { documentId: deckId }, orderBy: { position: "asc" } })).map((i) => i.id);
});

const ask = (userId: string, index: number, response: string, locale?: string, reviewId = crypto.randomUUID()) =>
  answerItem({ userId, reviewId, itemId: ids[index]!, version: 0, response, responseMs: 2000, now: T0, locale });

describe("the study check explains its verdict", () => {
  it("accepts a misspelt month, says so, and records Hard rather than Good; a retry replays the same words", async () => {
    const user = await makeUser();
    const reviewId = crypto.randomUUID();
    const first = await ask(user.id, 0, "Ocotber 2018", undefined, reviewId);
    expect(first).toMatchObject({
      ok: true,
      feedback: { correct: true, suggested: "hard", explanation: "accepted — spelling: October" },
    });
    const log = await db.reviewLog.findUniqueOrThrow({ where: { id: reviewId } });
    expect(log).toMatchObject({ rating: "hard", correct: true, response: "Ocotber 2018" });
    const retry = await ask(user.id, 0, "Ocotber 2018", undefined, reviewId);
    expect(retry).toEqual(first);
  });

  it("says why a refused answer failed", async () => {
    const user = await makeUser();
    expect(await ask(user.id, 3, "November 2019")).toMatchObject({
      ok: true,
      feedback: { correct: false, suggested: "again", explanation: "the question asks for a day" },
    });
  });

  it("accepts a full name without its middle initial and says so", async () => {
    const user = await makeUser();
    expect(await ask(user.id, 2, "John Stevens")).toMatchObject({
      ok: true,
      feedback: { correct: true, suggested: "good", explanation: "accepted — without the middle initial: F." },
    });
  });

  it("reads 5/4/1904 by the learner's locale, and refuses it with a hint when there is none", async () => {
    const british = await makeUser();
    expect(await ask(british.id, 1, "5/4/1904", "en-GB")).toMatchObject({
      ok: true,
      feedback: { correct: true, explanation: "accepted — read as: 5 April 1904 (day first, as in en-GB)" },
    });
    const american = await makeUser();
    expect(await ask(american.id, 1, "5/4/1904", "en-US")).toMatchObject({
      ok: true,
      feedback: { correct: false, explanation: "a different month (5/4/1904 was read as 4 May 1904)" },
    });
    const unknown = await makeUser();
    expect(await ask(unknown.id, 1, "5/4/1904")).toMatchObject({
      ok: true,
      feedback: {
        correct: false,
        explanation: "5/4/1904 could be 5 April 1904 or May 4, 1904: write the month as a word",
      },
    });
  });
});

describe("a quiz's results explain each mistake", () => {
  it("gives the reason beside a wrong answer, and what was tolerated for an accepted one", async () => {
    const user = await makeUser();
    const quiz = await createQuiz({ userId: user.id, deckId, count: 4, updatesSchedule: false });
    if (!quiz) throw new Error("quiz not created");
    const responses = ["Ocotber 2018", "5 April 1904", "Ray Stevens", "November 2019"];
    for (const [i, response] of responses.entries()) {
      const result = await answerQuiz({
        userId: user.id,
        attemptId: quiz.id,
        answerId: crypto.randomUUID(),
        itemId: ids[i]!,
        response,
        responseMs: 1500,
        now: T0,
      });
      expect(result).toEqual({ ok: true });
    }
    const results = await quizResults(quiz.id, user.id);
    const byPrompt = new Map(results!.questions.map((q) => [q.prompt, q]));
    expect(byPrompt.get("Question 0?")).toMatchObject({
      given: { correct: true },
      explanation: "accepted — spelling: October",
    });
    expect(byPrompt.get("Question 1?")).toMatchObject({ given: { correct: true }, explanation: null });
    expect(byPrompt.get("Question 2?")).toMatchObject({
      given: { correct: false },
      explanation: "a different first name",
    });
    expect(byPrompt.get("Question 3?")).toMatchObject({
      given: { correct: false },
      explanation: "the question asks for a day",
    });
    // The item's data (answers, accepted spellings) stays on the server.
    expect(results!.questions.every((q) => !("data" in q))).toBe(true);
  });
});
