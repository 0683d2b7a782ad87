import { randomInt } from "node:crypto";
import { explainVerdict, grade, type Response } from "@/lib/content/grade";
import { storedResponse } from "@/lib/study/answer-locale";
import type { GeneratedItem } from "@/lib/content/types";
import { ratingFromAnswer } from "@/lib/srs";
import type { StudyCard } from "@/lib/study/types";
import { db } from "./client";
import { studiableDeckWhere } from "./deck-access";
import { recordReview } from "./reviews";
import { toStudyCard } from "./study";

/** Kinds a quiz can score on its own (a flashcard needs the learner's self-rating): scored quizzes ask only these. */
export const GRADED_KINDS: readonly string[] = [
  "multiple_choice",
  "cloze",
  "true_false",
  "typed",
  "matching",
  "ordering",
];

/**
 * Starts a practice quiz of up to `count` random items from a deck (or one of its topics), at most one item per
 * fact so a question does not answer another. Returns null when the deck has no such items.
 */
export async function createQuiz(input: {
  userId: string;
  deckId: string;
  topic?: string;
  count: number;
  updatesSchedule: boolean;
}): Promise<{ id: string; total: number } | null> {
  const items = await db.item.findMany({
    where: {
      documentId: input.deckId,
      // A deck the learner may not see has no items for them: the quiz is "not found" like the deck page.
      document: studiableDeckWhere(input.userId),
      retiredAt: null,
      // Suspended for everyone by the deck's owner (e.g. while fixing it): not asked.
      suspendedAt: null,
      kind: { in: [...GRADED_KINDS] },
      ...(input.topic ? { topic: input.topic } : {}),
    },
    select: { id: true, factKey: true },
  });
  // Fisher–Yates with a cryptographic source: quizzes differ every time.
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  const facts = new Set<string>();
  const picked = items.filter((item) => !facts.has(item.factKey) && facts.add(item.factKey)).slice(0, input.count);
  if (picked.length === 0) return null;
  return db.quizAttempt.create({
    data: {
      userId: input.userId,
      documentId: input.deckId,
      topic: input.topic ?? null,
      itemIds: JSON.stringify(picked.map((item) => item.id)),
      updatesSchedule: input.updatesSchedule,
      total: picked.length,
    },
    select: { id: true, total: true },
  });
}

/**
 * The learner's own attempt (someone else's is "not found"), with its answers. An assignment's attempt exists for
 * the learner only while they are in its class: after they leave or are removed it can neither be viewed nor answered.
 */
export async function getQuiz(attemptId: string, userId: string) {
  const attempt = await db.quizAttempt.findFirst({
    where: {
      id: attemptId,
      userId,
      OR: [{ assignmentId: null }, { assignment: { class: { members: { some: { userId } } } } }],
    },
    include: { document: { select: { id: true, title: true } }, answers: true },
  });
  if (!attempt) return null;
  return { ...attempt, itemIds: JSON.parse(attempt.itemIds) as string[] };
}

/**
 * The questions a quiz scores, in the attempt's order: its items of a kind a quiz can grade. Attempts started before
 * scored quizzes left flashcards out (and items deleted since) skip those: they do not count towards the total.
 */
async function questionsOf(itemIds: string[], userId: string) {
  const items = await db.item.findMany({
    // An item whose deck the learner can no longer see (made private, archived, moved to other classes) is skipped.
    where: { id: { in: itemIds }, kind: { in: [...GRADED_KINDS] }, document: studiableDeckWhere(userId) },
    select: { id: true },
  });
  const gradable = new Set(items.map((item) => item.id));
  return itemIds.filter((id) => gradable.has(id));
}

export type QuizState =
  | { done: false; card: StudyCard; index: number; total: number; practice: boolean }
  | { done: true; score: number; total: number };

/** The next unanswered question, or the score once every question is answered. */
export async function quizState(attemptId: string, userId: string): Promise<QuizState | null> {
  const attempt = await getQuiz(attemptId, userId);
  if (!attempt) return null;
  if (attempt.finishedAt) return { done: true, score: attempt.score ?? 0, total: attempt.total };
  const questions = await questionsOf(attempt.itemIds, userId);
  const answered = new Set(attempt.answers.map((a) => a.itemId));
  const nextId = questions.find((id) => !answered.has(id));
  if (!nextId) {
    // Every gradable question is answered but the attempt is open: one started with a flashcard in it, stuck on a
    // question that has no input. Finish it now, scored on the questions it could grade.
    const score = attempt.answers.filter((a) => a.correct && questions.includes(a.itemId)).length;
    await db.quizAttempt.updateMany({
      where: { id: attempt.id, finishedAt: null },
      data: { score, total: questions.length, finishedAt: new Date() },
    });
    return { done: true, score, total: questions.length };
  }
  const item = await db.item.findUnique({
    where: { id: nextId },
    select: { id: true, data: true, documentId: true, document: { select: { title: true } } },
  });
  if (!item) return null;
  return {
    done: false,
    // Choices in an order of this attempt's own: a retake or another learner sees them differently.
    card: toStudyCard(item, 0, "review", attempt.id),
    index: questions.filter((id) => answered.has(id)).length,
    total: questions.length,
    practice: attempt.assignmentId === null,
  };
}

/**
 * Ends the learner's unfinished practice quiz now: the questions not answered count as wrong. While a quiz is open its
 * items are out of study and their answers hidden (docs/decisions/011), so an abandoned one must be closable. An
 * assignment's attempt cannot be ended this way (it is scored for the teacher); a finished one is left as it is.
 * @example await endPracticeQuiz(attemptId, user.id, new Date()) // { ok: true }
 */
export async function endPracticeQuiz(
  attemptId: string,
  userId: string,
  now: Date,
): Promise<{ ok: true } | { ok: false; reason: "not_found" }> {
  const attempt = await getQuiz(attemptId, userId);
  if (!attempt || attempt.assignmentId !== null) return { ok: false, reason: "not_found" };
  if (attempt.finishedAt) return { ok: true };
  const questions = await questionsOf(attempt.itemIds, userId);
  const score = attempt.answers.filter((a) => a.correct && questions.includes(a.itemId)).length;
  await db.quizAttempt.updateMany({
    where: { id: attempt.id, finishedAt: null },
    data: { score, total: questions.length, finishedAt: now },
  });
  return { ok: true };
}

/**
 * Records one quiz answer (once: a repeated answer id or a second answer to the same question changes nothing) and,
 * if the learner chose so, also as a review in their schedule. The last answer scores the attempt.
 */
export async function answerQuiz(input: {
  userId: string;
  attemptId: string;
  answerId: string;
  itemId: string;
  response: Response;
  responseMs: number;
  now: Date;
  /** The learner's locale (Accept-Language), for reading ambiguous numeric dates; none refuses them. */
  locale?: string;
}): Promise<{ ok: true } | { ok: false; reason: "not_found" | "finished" }> {
  const attempt = await getQuiz(input.attemptId, input.userId);
  if (!attempt || !attempt.itemIds.includes(input.itemId)) return { ok: false, reason: "not_found" };
  if (attempt.answers.some((a) => a.id === input.answerId || a.itemId === input.itemId)) return { ok: true };
  if (attempt.finishedAt) return { ok: false, reason: "finished" };
  const questions = await questionsOf(attempt.itemIds, input.userId);
  if (!questions.includes(input.itemId)) return { ok: false, reason: "not_found" };
  const item = await db.item.findUnique({ where: { id: input.itemId }, select: { data: true } });
  if (!item) return { ok: false, reason: "not_found" };
  const verdict = grade(JSON.parse(item.data) as GeneratedItem, input.response, { locale: input.locale });
  const { correct } = verdict;
  const stored = typeof input.response === "string" ? input.response : JSON.stringify(input.response);

  await db.$transaction(async (tx) => {
    await tx.quizAnswer.create({
      data: {
        id: input.answerId,
        attemptId: attempt.id,
        itemId: input.itemId,
        response: stored,
        correct,
        responseMs: input.responseMs,
        answeredAt: input.now,
      },
    });
    // Counted inside the transaction, so the last of two concurrent answers sees both and finishes the attempt.
    // Only the gradable questions count; the total becomes their number (skipped flashcards are not scored).
    const answers = await tx.quizAnswer.findMany({
      where: { attemptId: attempt.id, itemId: { in: questions } },
      select: { correct: true },
    });
    if (answers.length === questions.length) {
      const score = answers.filter((a) => a.correct).length;
      await tx.quizAttempt.update({
        where: { id: attempt.id },
        data: { score, total: questions.length, finishedAt: input.now },
      });
    }
  });

  if (attempt.updatesSchedule) {
    const card = await db.card.findUnique({
      where: { userId_itemId: { userId: input.userId, itemId: input.itemId } },
      select: { version: true, suspended: true },
    });
    if (!card?.suspended) {
      await recordReview({
        userId: input.userId,
        reviewId: input.answerId,
        itemId: input.itemId,
        version: card?.version ?? 0,
        response: input.response,
        // A forgiven typo caps the rating at Hard, as in the study loop (lib/db/reviews.ts).
        rating:
          verdict.ratingHint === "hard" && correct
            ? "hard"
            : ratingFromAnswer({ correct, responseMs: input.responseMs }),
        responseMs: input.responseMs,
        now: input.now,
        source: "quiz",
      });
    }
  }
  return { ok: true };
}

/**
 * What the grader tolerated or why it refused a recorded quiz answer, graded again from the stored response; null when
 * that grading no longer agrees with the recorded verdict (the item was rebuilt, or the locale differs).
 */
function explanationOf(data: string, given: { response: string; correct: boolean } | undefined, locale?: string) {
  if (!given) return null;
  const item = JSON.parse(data) as GeneratedItem;
  const verdict = grade(item, storedResponse(item.kind, given.response), { locale });
  return verdict.correct === given.correct ? explainVerdict(verdict) : null;
}

/** A finished attempt's questions with the learner's answers, for the review of mistakes. */
export async function quizResults(attemptId: string, userId: string, locale?: string) {
  const attempt = await getQuiz(attemptId, userId);
  if (!attempt) return null;
  const rows = await db.item.findMany({
    where: { id: { in: attempt.itemIds } },
    select: { id: true, prompt: true, answer: true, sourceText: true, documentId: true, data: true },
  });
  const answered = new Map(attempt.answers.map((a) => [a.itemId, a]));
  const items = rows.map(({ data, ...item }) => ({
    ...item,
    explanation: explanationOf(data, answered.get(item.id), locale),
  }));
  const byId = new Map(items.map((item) => [item.id, item]));
  const questions = await questionsOf(attempt.itemIds, userId);
  return {
    attempt,
    /** Items of the attempt a quiz cannot score (flashcards in an attempt from before they were left out). */
    skipped: attempt.itemIds.length - questions.length,
    questions: questions.flatMap((id) => {
      const item = byId.get(id);
      return item ? [{ ...item, answer: item.answer, given: answered.get(id) ?? null }] : [];
    }),
  };
}
