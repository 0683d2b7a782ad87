"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { resolveFlag } from "@/lib/db/flags";
import { formFields } from "@/lib/validations/form";
import { ResolveFlagSchema } from "@/lib/validations/items";

export type ResolveState = { ok: boolean; message: string } | null;

/** The deck's owner resolves a learner's flag (fixed or dismissed); anyone else's deck is "not found". */
export async function resolveFlagAction(_prev: ResolveState, form: FormData): Promise<ResolveState> {
  const field = formFields(form);
  const user = await requireUser("/decks");
  const parsed = ResolveFlagSchema.safeParse({
    flagId: field("flagId"),
    deckId: field("deckId"),
    resolution: field("resolution"),
  });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  const done = await resolveFlag(user, parsed.data, new Date());
  if (!done) return { ok: false, message: "That flag isn't open on a deck of yours (someone may have resolved it)." };
  revalidatePath(`/decks/${parsed.data.deckId}/flags`);
  return { ok: true, message: parsed.data.resolution === "fixed" ? "Marked as fixed." : "Dismissed." };
}
