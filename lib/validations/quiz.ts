import { z } from "zod";
import { ResponseSchema } from "./study";

export const QUIZ_MAX_ITEMS = 50;

export const StartQuizSchema = z.object({
  deckId: z.string().min(1).max(64),
  count: z.coerce
    .number({ error: "Choose how many questions." })
    .int("Choose a whole number of questions.")
    .min(1, "Choose at least 1 question.")
    .max(QUIZ_MAX_ITEMS, `Choose at most ${QUIZ_MAX_ITEMS} questions.`),
  topic: z
    .string()
    .max(40)
    .optional()
    .transform((t) => t || undefined),
  updatesSchedule: z
    .literal("on")
    .optional()
    .transform((v) => v === "on"),
});

export const QuizAnswerSchema = z.object({
  attemptId: z.string().min(1).max(64),
  answerId: z.uuid(),
  itemId: z.string().min(1).max(64),
  response: ResponseSchema.refine((r) => r !== null, "Answer the question first."),
  responseMs: z.number().int().min(0).max(86_400_000),
});
