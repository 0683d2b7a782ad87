"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { editItem, ownerItemAction } from "@/lib/db/items";
import { formFields } from "@/lib/validations/form";
import { ItemEditFormSchema, ItemOwnerActionSchema } from "@/lib/validations/items";

export type ItemFormState = { ok: boolean; message: string; fieldErrors?: Record<string, string[]> } | null;

const NOT_FOUND = "That item isn't one you can change (it may have been deleted).";

/**
 * Saves the owner's edit of an item (lib/db/items.ts editItem): validated for the item's kind, same id, learners'
 * progress kept, marked as edited so a rebuild leaves it alone.
 */
export async function editItemAction(_prev: ItemFormState, form: FormData): Promise<ItemFormState> {
  const field = formFields(form);
  const user = await requireUser("/decks");
  const parsed = ItemEditFormSchema.safeParse(
    Object.fromEntries(Object.keys(ItemEditFormSchema.shape).map((k) => [k, field(k)])),
  );
  if (!parsed.success) return { ok: false, message: "That form is incomplete: reload the page and try again." };
  const { itemId, deckId, checksum, ...fields } = parsed.data;
  const result = await editItem(user, { deckId, itemId, checksum, fields }, new Date());
  if (!result.ok) {
    if (result.reason === "invalid")
      return { ok: false, message: "Nothing was saved: fix the fields marked below.", fieldErrors: result.fieldErrors };
    return {
      ok: false,
      message: result.reason === "stale" ? "Someone saved this item since you opened it: reload to see it." : NOT_FOUND,
    };
  }
  // The deck page, its browser and this editor (which then holds the new checksum for the next save).
  revalidatePath(`/decks/${deckId}`, "layout");
  return { ok: true, message: "Saved. Learners keep their progress on this item." };
}

/** Suspends an item for everyone, lifts that, or deletes (retires) it. */
export async function itemOwnerAction(_prev: ItemFormState, form: FormData): Promise<ItemFormState> {
  const field = formFields(form);
  const user = await requireUser("/decks");
  const parsed = ItemOwnerActionSchema.safeParse({
    itemId: field("itemId"),
    deckId: field("deckId"),
    action: field("action"),
  });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  const done = await ownerItemAction(user, parsed.data, new Date());
  if (!done) return { ok: false, message: NOT_FOUND };
  revalidatePath(`/decks/${parsed.data.deckId}`, "layout");
  // A deleted item has no editor any more: back to the deck's browser.
  if (parsed.data.action === "retire") redirect(`/decks/${parsed.data.deckId}/browse`);
  return {
    ok: true,
    message:
      parsed.data.action === "suspend"
        ? "Suspended for everyone: no learner is asked this item until you lift it."
        : "Learners are asked this item again.",
  };
}
