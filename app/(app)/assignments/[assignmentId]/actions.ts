"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { startAssignmentQuiz } from "@/lib/db/assignments";
import { formFields } from "@/lib/validations/form";
import { idSchema } from "@/lib/validations/text";

export type StartState = { message: string } | null;

export async function startAssignmentQuizAction(_prev: StartState, form: FormData): Promise<StartState> {
  const field = formFields(form);
  const user = await requireUser("/");
  const parsed = z.object({ assignmentId: idSchema }).safeParse({ assignmentId: field("assignmentId") });
  if (!parsed.success) return { message: "That assignment isn't available." };
  const result = await startAssignmentQuiz(parsed.data.assignmentId, user.id);
  if (!result.ok) {
    return {
      message:
        result.reason === "no_attempts_left"
          ? "You have used all your attempts."
          : result.reason === "no_quiz_items"
            ? "This quiz has no questions a quiz can grade (only flashcards). Ask your teacher."
            : "That assignment isn't available.",
    };
  }
  redirect(`/quiz/${result.attemptId}`);
}
