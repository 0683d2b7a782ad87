/**
 * Issue 12, finding 1: no request reveals an item's answer before the learner has committed an answer to it, and an
 * item of the learner's open quiz attempt not before the attempt is finished (docs/decisions/011).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { GeneratedItem } from "@/lib/content/types";
import { createAssignment, startAssignmentQuiz } from "@/lib/db/assignments";
import { db } from "@/lib/db/client";
import { createClass } from "@/lib/db/classes";
import { publishDocument } from "@/lib/db/content";
import { loadOpenQuizItems } from "@/lib/db/open-quizzes";
import { answerQuiz, createQuiz, endPracticeQuiz, getQuiz, quizState } from "@/lib/db/quiz";
import { amendReview, answerItem, recordReview, setAside } from "@/lib/db/reviews";
import { createSet } from "@/lib/db/sets";
import { nextStep } from "@/lib/db/study";
import { DEFAULT_SRS_SETTINGS, newCard, schedule } from "@/lib/srs";
import { scheduleBalanced } from "@/lib/srs/load-balance";
import { makeUser } from "@/tests/factories";

const T0 = new Date("2026-03-02T09:00:00Z");

function mcq(i: number): GeneratedItem {
  return {
    key: `m${i}`,
    factKey: `f${i}`,
    kind: "multiple_choice",
    prompt: `Question ${i}?`,
    answer: `Right ${i}`,
    accepted: [],
    options: [`Right ${i}`, `Wrong ${i}a`, `Wrong ${i}b`, `Wrong ${i}c`],
    answerType: "text",
    topic: "dates",
    difficulty: 0.5,
    source: { text: `Right ${i} is the answer.`, start: i * 10, end: i * 10 + 5 },
  };
}

let deckId = "";
let itemIds: string[] = [];

beforeAll(async () => {
  const result = await publishDocument(
    { slug: "committed", title: "Committed", body: "x".repeat(200) },
    Array.from({ length: 6 }, (_, i) => mcq(i)),
  );
  deckId = result.documentId;
  itemIds = (await db.item.findMany({ where: { documentId: deckId }, orderBy: { position: "asc" } })).map((i) => i.id);
});

const ask = (userId: string, itemId: string, response: string | null, version = 0) =>
  answerItem({ userId, reviewId: crypto.randomUUID(), itemId, version, response, responseMs: 2000, now: T0 });

describe("the study check is the commitment", () => {
  it("records 'I don't know' (no response) on a study card as a wrong answer rated Again, then shows the answer", async () => {
    const user = await makeUser();
    const result = await ask(user.id, itemIds[0]!, null);
    expect(result).toMatchObject({
      ok: true,
      feedback: { correct: false, recorded: true, suggested: "again", expected: "Right 0" },
    });
    const logs = await db.reviewLog.findMany({ where: { userId: user.id } });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ itemId: itemIds[0], rating: "again", correct: false, response: null });
    const card = await db.card.findFirstOrThrow({ where: { userId: user.id } });
    expect(card).toMatchObject({ ...schedule(newCard(T0), "again", T0, DEFAULT_SRS_SETTINGS).card, version: 1 });
  });

  it("records a right answer with the suggested rating; a retry of the same review id records nothing more", async () => {
    const user = await makeUser();
    const reviewId = crypto.randomUUID();
    const input = { userId: user.id, reviewId, itemId: itemIds[1]!, version: 0, responseMs: 2000, now: T0 };
    const first = await answerItem({ ...input, response: "Right 1" });
    expect(first).toMatchObject({ ok: true, feedback: { correct: true, suggested: "good", recorded: true } });
    // A replay with another response gets the first answer's feedback, not a second grading.
    expect(await answerItem({ ...input, response: "Wrong 1a" })).toEqual(first);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(1);
    // Someone else's review id is not theirs to replay.
    const other = await makeUser();
    expect(await answerItem({ ...input, userId: other.id, response: null })).toEqual({
      ok: false,
      reason: "not_found",
    });
  });

  it("a rated answer through the JSON API's recordReview with no response counts as wrong, not as recalled", async () => {
    const user = await makeUser();
    const recorded = await recordReview({
      userId: user.id,
      reviewId: crypto.randomUUID(),
      itemId: itemIds[2]!,
      version: 0,
      response: null,
      rating: "easy",
      responseMs: 100,
      now: T0,
    });
    expect(recorded).toMatchObject({ ok: true });
    expect(await db.reviewLog.findFirstOrThrow({ where: { userId: user.id } })).toMatchObject({ correct: false });
  });
});

describe("amending the rating of the answer just recorded", () => {
  it("re-schedules from the stored snapshot with the chosen rating and keeps `correct` as graded", async () => {
    const user = await makeUser();
    const reviewId = crypto.randomUUID();
    await answerItem({
      userId: user.id,
      reviewId,
      itemId: itemIds[0]!,
      version: 0,
      response: "Wrong 0a",
      responseMs: 2000,
      now: T0,
    });
    const later = new Date(T0.getTime() + 5000);
    const amended = await amendReview({ userId: user.id, reviewId, rating: "easy", now: later });
    // Load balancing is on by default; with no other card due it keeps ts-fsrs's own interval (lib/srs/load-balance.ts).
    const expected = scheduleBalanced(newCard(T0), "easy", T0, DEFAULT_SRS_SETTINGS, { dueCounts: new Map() }).card;
    expect(expected).toEqual(schedule(newCard(T0), "easy", T0, DEFAULT_SRS_SETTINGS).card);
    expect(amended).toEqual({ ok: true, leech: false, card: expected });
    expect(await db.card.findFirstOrThrow({ where: { userId: user.id } })).toMatchObject({ ...expected, version: 2 });
    const log = await db.reviewLog.findUniqueOrThrow({ where: { id: reviewId } });
    expect(log).toMatchObject({ rating: "easy", correct: false });
    expect(JSON.parse(log.stateAfter).card.reps).toBe(1);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(1);
  });

  it("refuses once it is not the learner's latest review of the card, and someone else's review", async () => {
    const user = await makeUser();
    const first = crypto.randomUUID();
    await answerItem({
      userId: user.id,
      reviewId: first,
      itemId: itemIds[1]!,
      version: 0,
      response: "Right 1",
      responseMs: 2000,
      now: T0,
    });
    const other = await makeUser();
    expect(await amendReview({ userId: other.id, reviewId: first, rating: "again", now: T0 })).toEqual({
      ok: false,
      reason: "not_found",
    });
    const later = new Date(T0.getTime() + 3_600_000);
    await answerItem({
      userId: user.id,
      reviewId: crypto.randomUUID(),
      itemId: itemIds[1]!,
      version: 1,
      response: "Right 1",
      responseMs: 2000,
      now: later,
    });
    const before = await db.card.findFirstOrThrow({ where: { userId: user.id } });
    expect(await amendReview({ userId: user.id, reviewId: first, rating: "again", now: later })).toEqual({
      ok: false,
      reason: "not_latest",
    });
    expect(await db.card.findFirstOrThrow({ where: { userId: user.id } })).toEqual(before);
    expect((await db.reviewLog.findUniqueOrThrow({ where: { id: first } })).rating).toBe("good");
  });

  it("refuses after the card was buried since the answer", async () => {
    const user = await makeUser();
    const reviewId = crypto.randomUUID();
    await answerItem({
      userId: user.id,
      reviewId,
      itemId: itemIds[2]!,
      version: 0,
      response: "Right 2",
      responseMs: 2000,
      now: T0,
    });
    await setAside({ userId: user.id, itemId: itemIds[2]!, how: "bury", now: T0 });
    expect(await amendReview({ userId: user.id, reviewId, rating: "again", now: T0 })).toEqual({
      ok: false,
      reason: "not_latest",
    });
  });
});

describe("items of an open quiz attempt", () => {
  it("replaying the check with no response on every quiz item reveals nothing, records nothing and earns nothing", async () => {
    const teacher = await makeUser({ role: "instructor" });
    const learner = await makeUser();
    const set = (await createSet(teacher, { name: "Quiz", itemIds: itemIds.slice(0, 4) }))!;
    const klass = await createClass(teacher, { name: "Class", description: "" }, T0);
    await db.classMember.create({ data: { classId: klass.id, userId: learner.id } });
    const created = await createAssignment(
      teacher,
      { classId: klass.id, setId: set.id, mode: "quiz", dueAt: new Date(Date.now() + 86_400_000), maxAttempts: 1 },
      new Date(),
    );
    const started = await startAssignmentQuiz(created.ok ? created.id : "", learner.id);
    if (!started.ok) throw new Error(started.reason);

    // The attack: ask the study check for each question's answer, then type it into the quiz.
    for (;;) {
      const state = await quizState(started.attemptId, learner.id);
      if (!state || state.done) break;
      const check = await ask(learner.id, state.card.itemId, null);
      expect(check).toEqual({ ok: false, reason: "in_quiz", attemptId: started.attemptId });
      expect(JSON.stringify(check)).not.toContain("Right");
      // The JSON API's recording path refuses them too, and the study queue does not offer them.
      expect(
        await recordReview({
          userId: learner.id,
          reviewId: crypto.randomUUID(),
          itemId: state.card.itemId,
          version: 0,
          response: null,
          rating: "good",
          responseMs: 1,
          now: T0,
        }),
      ).toEqual({ ok: false, reason: "in_quiz" });
      const step = await nextStep({ userId: learner.id, deckId }, T0);
      expect(itemIds.slice(0, 4)).not.toContain(step.card?.itemId);
      // Without the answer, the learner can only guess: a wrong option.
      const n = Number(state.card.prompt.match(/\d+/)![0]);
      await answerQuiz({
        userId: learner.id,
        attemptId: started.attemptId,
        answerId: crypto.randomUUID(),
        itemId: state.card.itemId,
        response: `Wrong ${n}a`,
        responseMs: 1000,
        now: T0,
      });
    }
    const attempt = await getQuiz(started.attemptId, learner.id);
    expect(attempt).toMatchObject({ score: 0, total: 4 });
    expect(attempt!.finishedAt).not.toBeNull();
    expect(await db.reviewLog.count({ where: { userId: learner.id } })).toBe(0);
    // Finished: the items are ordinary study cards again.
    expect((await loadOpenQuizItems(learner.id)).size).toBe(0);
    expect(await ask(learner.id, itemIds[0]!, null)).toMatchObject({ ok: true, feedback: { expected: "Right 0" } });
  });

  it("a practice attempt hides its items too, and a retry of an earlier review id cannot show them", async () => {
    const learner = await makeUser();
    const reviewId = crypto.randomUUID();
    await answerItem({
      userId: learner.id,
      reviewId,
      itemId: itemIds[5]!,
      version: 0,
      response: "Right 5",
      responseMs: 2000,
      now: T0,
    });
    const quiz = (await createQuiz({ userId: learner.id, deckId, count: 6, updatesSchedule: true }))!;
    expect((await loadOpenQuizItems(learner.id)).get(itemIds[5]!)).toBe(quiz.id);
    const replay = await answerItem({
      userId: learner.id,
      reviewId,
      itemId: itemIds[5]!,
      version: 0,
      response: null,
      responseMs: 1,
      now: T0,
    });
    expect(replay).toEqual({ ok: false, reason: "in_quiz", attemptId: quiz.id });
    expect((await nextStep({ userId: learner.id }, new Date(T0.getTime() + 30 * 86_400_000))).card).toBeNull();
  });

  it("an abandoned practice quiz can be ended: unanswered questions count as wrong, its items come back", async () => {
    const learner = await makeUser();
    const quiz = (await createQuiz({ userId: learner.id, deckId, count: 3, updatesSchedule: false }))!;
    const state = await quizState(quiz.id, learner.id);
    if (!state || state.done) throw new Error("no question");
    expect(state.practice).toBe(true);
    const n = Number(state.card.prompt.match(/\d+/)![0]);
    await answerQuiz({
      userId: learner.id,
      attemptId: quiz.id,
      answerId: crypto.randomUUID(),
      itemId: state.card.itemId,
      response: `Right ${n}`,
      responseMs: 900,
      now: T0,
    });
    const other = await makeUser();
    expect(await endPracticeQuiz(quiz.id, other.id, T0)).toEqual({ ok: false, reason: "not_found" });
    expect((await loadOpenQuizItems(learner.id)).size).toBe(3);
    expect(await endPracticeQuiz(quiz.id, learner.id, T0)).toEqual({ ok: true });
    expect(await quizState(quiz.id, learner.id)).toEqual({ done: true, score: 1, total: 3 });
    expect((await loadOpenQuizItems(learner.id)).size).toBe(0);
  });

  it("an assignment's attempt cannot be ended early", async () => {
    const teacher = await makeUser({ role: "instructor" });
    const learner = await makeUser();
    const set = (await createSet(teacher, { name: "Quiz", itemIds: itemIds.slice(0, 2) }))!;
    const klass = await createClass(teacher, { name: "Class", description: "" }, T0);
    await db.classMember.create({ data: { classId: klass.id, userId: learner.id } });
    const created = await createAssignment(
      teacher,
      { classId: klass.id, setId: set.id, mode: "quiz", dueAt: new Date(Date.now() + 86_400_000), maxAttempts: 1 },
      new Date(),
    );
    const started = await startAssignmentQuiz(created.ok ? created.id : "", learner.id);
    if (!started.ok) throw new Error(started.reason);
    expect(await endPracticeQuiz(started.attemptId, learner.id, T0)).toEqual({ ok: false, reason: "not_found" });
    expect((await getQuiz(started.attemptId, learner.id))!.finishedAt).toBeNull();
  });
});

describe("an open quiz hides its items' siblings too", () => {
  it("refuses and leaves out the typed twin of a quiz question and another blank of its sentence", async () => {
    const question = mcq(0);
    const twin: GeneratedItem = { ...question, key: "t0", kind: "typed", options: null };
    const sameSentence: GeneratedItem = { ...mcq(1), key: "c1", kind: "cloze", source: question.source };
    const unrelated = mcq(2);
    const { documentId } = await publishDocument({ slug: "siblings", title: "Siblings", body: "x".repeat(200) }, [
      question,
      twin,
      sameSentence,
      unrelated,
    ]);
    const byKey = new Map(
      (await db.item.findMany({ where: { documentId }, select: { id: true, key: true } })).map((i) => [i.key, i.id]),
    );
    const user = await makeUser();
    const attempt = await db.quizAttempt.create({
      data: {
        userId: user.id,
        documentId,
        itemIds: JSON.stringify([byKey.get("m0")]),
        total: 1,
        updatesSchedule: false,
      },
    });

    const hidden = await loadOpenQuizItems(user.id);
    expect([...hidden.keys()].sort()).toEqual([byKey.get("m0"), byKey.get("t0"), byKey.get("c1")].sort());
    expect(hidden.get(byKey.get("t0")!)).toBe(attempt.id);
    expect(await ask(user.id, byKey.get("t0")!, null)).toMatchObject({ ok: false, reason: "in_quiz" });
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(0);
    const step = await nextStep({ userId: user.id, deckId: documentId }, T0);
    expect(step.card?.itemId).toBe(byKey.get("m2"));
    expect(step.counts.new).toBe(1);
  });
});
