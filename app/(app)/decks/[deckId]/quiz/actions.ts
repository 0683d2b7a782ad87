"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { createQuiz } from "@/lib/db/quiz";
import { StartQuizSchema } from "@/lib/validations/quiz";
import { formFields } from "@/lib/validations/form";

export type StartQuizState = { message: string } | null;

export async function startQuizAction(_prev: StartQuizState, form: FormData): Promise<StartQuizState> {
  const field = formFields(form);
  const user = await requireUser("/decks");
  const parsed = StartQuizSchema.safeParse({
    deckId: field("deckId"),
    count: field("count"),
    topic: field("topic") ?? undefined,
    updatesSchedule: field("updatesSchedule") ?? undefined,
  });
  if (!parsed.success) return { message: parsed.error.issues[0]!.message };
  const quiz = await createQuiz({ userId: user.id, ...parsed.data });
  if (!quiz) return { message: "This deck has no questions on that topic for a quiz." };
  // Fewer questions than asked for (a small deck or topic, one per fact): the quiz page says so.
  redirect(quiz.total < parsed.data.count ? `/quiz/${quiz.id}?asked=${parsed.data.count}` : `/quiz/${quiz.id}`);
}
