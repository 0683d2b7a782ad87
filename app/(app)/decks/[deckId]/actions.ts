"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { unsuspend } from "@/lib/db/reviews";
import { ItemActionSchema } from "@/lib/validations/study";
import { formFields } from "@/lib/validations/form";

/** Unsuspends one of the learner's own items (a form on the deck page). */
export async function unsuspendAction(form: FormData): Promise<void> {
  const field = formFields(form);
  const user = await requireUser("/decks");
  const parsed = ItemActionSchema.safeParse({ itemId: field("itemId"), deckId: field("deckId") ?? undefined });
  if (!parsed.success) return;
  await unsuspend(user.id, parsed.data.itemId);
  if (parsed.data.deckId) revalidatePath(`/decks/${parsed.data.deckId}`);
}
