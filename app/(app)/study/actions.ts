"use server";

import { requireUser } from "@/lib/auth/session";
import {
  amendReview,
  answerItem,
  recordReview,
  setAside,
  unburyCards,
  undoLastReview,
  undoSetAside,
} from "@/lib/db/reviews";
import { nextStep } from "@/lib/db/study";
import { REFUSAL_MESSAGES } from "@/lib/study/messages";
import { requestLocale } from "@/lib/study/request-locale";
import type { AnswerFeedback, NextStep } from "@/lib/study/types";
import {
  AmendSchema,
  AnswerSchema,
  ItemActionSchema,
  ReviewSchema,
  ScopeSchema,
  UndoSetAsideSchema,
} from "@/lib/validations/study";

type Failure = { ok: false; message: string };

/**
 * Answers the card: an auto-graded item is graded and recorded at once with the suggested rating (no response = wrong,
 * Again), then its answer is shown; a flashcard is only shown (rated and recorded by reviewAction). A refused answer
 * (stale, in an unfinished quiz, gone) also returns the current next card.
 */
export async function answerAction(
  input: unknown,
): Promise<{ ok: true; feedback: AnswerFeedback; leech: boolean } | (Failure & { next?: NextStep })> {
  const user = await requireUser("/study");
  const parsed = AnswerSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: REFUSAL_MESSAGES.invalid };
  const { deckId, ...answer } = parsed.data;
  const now = new Date();
  const result = await answerItem({ userId: user.id, ...answer, now, locale: await requestLocale() });
  if (result.ok) return { ok: true, feedback: result.feedback, leech: result.leech };
  return {
    ok: false,
    message: REFUSAL_MESSAGES[result.reason],
    next: await nextStep({ userId: user.id, deckId }, now),
  };
}

/** Re-rates the answer answerAction just recorded, and returns the next card. */
export async function amendAction(
  input: unknown,
): Promise<{ ok: true; leech: boolean; next: NextStep } | (Failure & { next?: NextStep })> {
  const user = await requireUser("/study");
  const parsed = AmendSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: REFUSAL_MESSAGES.invalid };
  const now = new Date();
  const result = await amendReview({
    userId: user.id,
    reviewId: parsed.data.reviewId,
    rating: parsed.data.rating,
    now,
  });
  const next = await nextStep({ userId: user.id, deckId: parsed.data.deckId }, now);
  if (!result.ok) return { ok: false, message: REFUSAL_MESSAGES[result.reason], next };
  return { ok: true, leech: result.leech, next };
}

/** Records a rated flashcard (or any rated answer) and returns the next card. A refused answer also returns the current next card. */
export async function reviewAction(
  input: unknown,
): Promise<{ ok: true; leech: boolean; next: NextStep } | (Failure & { next?: NextStep })> {
  const user = await requireUser("/study");
  const parsed = ReviewSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: REFUSAL_MESSAGES.invalid };
  const { deckId, ...answer } = parsed.data;
  const now = new Date();
  const result = await recordReview({ userId: user.id, ...answer, now, locale: await requestLocale() });
  const next = await nextStep({ userId: user.id, deckId }, now);
  if (!result.ok) return { ok: false, message: REFUSAL_MESSAGES[result.reason], next };
  return { ok: true, leech: result.leech, next };
}

/** Undoes the learner's last answer and shows that card again. */
export async function undoAction(input: unknown): Promise<{ ok: true; next: NextStep } | Failure> {
  const user = await requireUser("/study");
  const parsed = ScopeSchema.safeParse(input ?? {});
  if (!parsed.success) return { ok: false, message: REFUSAL_MESSAGES.invalid };
  const result = await undoLastReview(user.id);
  if (!result.ok) return { ok: false, message: REFUSAL_MESSAGES.nothing };
  return { ok: true, next: await nextStep({ userId: user.id, deckId: parsed.data.deckId }, new Date(), result.itemId) };
}

async function setAsideAction(
  input: unknown,
  how: "suspend" | "bury",
): Promise<{ ok: true; next: NextStep } | Failure> {
  const user = await requireUser("/study");
  const parsed = ItemActionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: REFUSAL_MESSAGES.invalid };
  const now = new Date();
  const result = await setAside({ userId: user.id, itemId: parsed.data.itemId, how, now });
  if (!result.ok) return { ok: false, message: REFUSAL_MESSAGES[result.reason] };
  return { ok: true, next: await nextStep({ userId: user.id, deckId: parsed.data.deckId }, now) };
}

export async function suspendAction(input: unknown) {
  return setAsideAction(input, "suspend");
}

export async function buryAction(input: unknown) {
  return setAsideAction(input, "bury");
}

/** Takes back the bury or suspend just done (Z right after B or S) and shows that card again. */
export async function undoSetAsideAction(input: unknown): Promise<{ ok: true; next: NextStep } | Failure> {
  const user = await requireUser("/study");
  const parsed = UndoSetAsideSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: REFUSAL_MESSAGES.invalid };
  const result = await undoSetAside({ userId: user.id, itemId: parsed.data.itemId, how: parsed.data.how });
  if (!result.ok) return { ok: false, message: REFUSAL_MESSAGES.nothing };
  return {
    ok: true,
    next: await nextStep({ userId: user.id, deckId: parsed.data.deckId }, new Date(), parsed.data.itemId),
  };
}

/** Unburies the learner's cards buried until a later day (in this deck, or all), so they can be studied now. */
export async function unburyAction(input: unknown): Promise<{ ok: true; count: number; next: NextStep } | Failure> {
  const user = await requireUser("/study");
  const parsed = ScopeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: REFUSAL_MESSAGES.invalid };
  const now = new Date();
  const count = await unburyCards({ userId: user.id, deckId: parsed.data.deckId, now });
  return { ok: true, count, next: await nextStep({ userId: user.id, deckId: parsed.data.deckId }, now) };
}
