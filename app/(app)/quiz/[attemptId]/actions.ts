"use server";

import { requireUser } from "@/lib/auth/session";
import { answerQuiz, endPracticeQuiz, quizState, type QuizState } from "@/lib/db/quiz";
import { requestLocale } from "@/lib/study/request-locale";
import { EndQuizSchema, QuizAnswerSchema } from "@/lib/validations/quiz";

export async function answerQuizAction(
  input: unknown,
): Promise<{ ok: true; state: QuizState } | { ok: false; message: string }> {
  const user = await requireUser("/decks");
  const parsed = QuizAnswerSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, message: parsed.error.issues[0]?.message ?? "That answer couldn't be read." };
  const { response, ...rest } = parsed.data;
  const result = await answerQuiz({
    userId: user.id,
    ...rest,
    response: response!,
    now: new Date(),
    locale: await requestLocale(),
  });
  if (!result.ok) return { ok: false, message: "This quiz isn't available." };
  const state = await quizState(parsed.data.attemptId, user.id);
  return state ? { ok: true, state } : { ok: false, message: "This quiz isn't available." };
}

/** Ends the learner's practice quiz now (unanswered questions count as wrong) and returns its final state. */
export async function endQuizAction(
  input: unknown,
): Promise<{ ok: true; state: QuizState } | { ok: false; message: string }> {
  const user = await requireUser("/decks");
  const parsed = EndQuizSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: "This quiz isn't available." };
  const result = await endPracticeQuiz(parsed.data.attemptId, user.id, new Date());
  if (!result.ok) return { ok: false, message: "Only a practice quiz of yours can be ended early." };
  const state = await quizState(parsed.data.attemptId, user.id);
  return state ? { ok: true, state } : { ok: false, message: "This quiz isn't available." };
}
