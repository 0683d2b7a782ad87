"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { assignPreset } from "@/lib/db/presets";
import { formFields } from "@/lib/validations/form";
import { AssignPresetSchema } from "@/lib/validations/presets";

export type AssignPresetState = { ok: boolean; message: string } | null;

/** Makes the deck use one of the learner's presets (for this learner only: decks are shared). */
export async function assignPresetAction(_prev: AssignPresetState, form: FormData): Promise<AssignPresetState> {
  const field = formFields(form);
  const parsed = AssignPresetSchema.safeParse({ deckId: field("deckId") ?? "", presetId: field("presetId") ?? "" });
  const user = await requireUser(parsed.success ? `/decks/${parsed.data.deckId}` : "/decks");
  if (!parsed.success) return { ok: false, message: "That deck or preset was not found; nothing was changed." };
  const result = await assignPreset(user.id, parsed.data.deckId, parsed.data.presetId);
  if (!result.ok) return { ok: false, message: "That deck or preset was not found; nothing was changed." };
  revalidatePath(`/decks/${parsed.data.deckId}`);
  return { ok: true, message: "Preset saved: your reviews of this deck follow it from the next answer." };
}
