import { z } from "zod";
import { ResponseSchema } from "./study";
import { idSchema } from "./text";

export const QUIZ_MAX_ITEMS = 50;

export const StartQuizSchema = z.object({
  deckId: idSchema,
  count: z.coerce
    .number({ error: "Choose how many questions." })
    .int("Choose a whole number of questions.")
    .min(1, "Choose at least 1 question.")
    .max(QUIZ_MAX_ITEMS, `Choose at most ${QUIZ_MAX_ITEMS} questions.`),
  topic: z
    .string()
    .regex(/^[a-z_]{0,40}$/, "Choose a topic from the list.")
    .optional()
    .transform((t) => t || undefined),
  updatesSchedule: z
    .literal("on")
    .optional()
    .transform((v) => v === "on"),
});

export const QuizAnswerSchema = z.object({
  attemptId: idSchema,
  answerId: z.uuid(),
  itemId: idSchema,
  response: ResponseSchema.refine((r) => r !== null, "Answer the question first."),
  responseMs: z.number().int().min(0).max(86_400_000),
});

/** Ending a practice quiz early (lib/db/quiz.ts endPracticeQuiz). */
export const EndQuizSchema = z.object({ attemptId: idSchema });
