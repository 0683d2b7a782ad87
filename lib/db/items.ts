import { createHash } from "node:crypto";
import { can } from "@/lib/auth/can";
import { applyItemEdit } from "@/lib/content/edit-item";
import type { GeneratedItem } from "@/lib/content/types";
import { itemEditSchema } from "@/lib/validations/items";
import { db } from "./client";
import type { UserSummary } from "./users";

/**
 * Decks a user may change: their own uploads; admins any deck (content/ decks have no owner). Part of every query
 * below, so someone else's item is "not found", never "forbidden".
 * @example db.item.findFirst({ where: { id, document: ownedDecks(user) } })
 */
export function ownedDecks(user: Pick<UserSummary, "id" | "role">) {
  // A deleted deck (kept, ownerless, for its learners' history) is nobody's to change.
  return can(user, "edit-any-deck") ? { status: { not: "deleted" } } : { ownerId: user.id };
}

/** Whether `user` may change the items of a deck owned by `ownerId` (the same rule as ownedDecks, for display). */
export function mayEditDeck(user: Pick<UserSummary, "id" | "role">, ownerId: string | null): boolean {
  return can(user, "edit-any-deck") || (ownerId !== null && ownerId === user.id);
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** A live item of a deck the user may change, with its generated data, for the edit form; null otherwise. */
export async function getItemForOwner(user: UserSummary, deckId: string, itemId: string) {
  const row = await db.item.findFirst({
    where: { id: itemId, documentId: deckId, retiredAt: null, document: ownedDecks(user) },
    select: {
      id: true,
      data: true,
      checksum: true,
      sourceText: true,
      editedAt: true,
      suspendedAt: true,
      document: { select: { id: true, title: true } },
    },
  });
  return row && { ...row, item: JSON.parse(row.data) as GeneratedItem };
}

export type EditItemResult =
  | { ok: true }
  | { ok: false; reason: "not_found" | "stale" }
  | { ok: false; reason: "invalid"; fieldErrors: Record<string, string[]> };

/**
 * Applies the owner's edit to an item in place: same id, so every learner's card and review log stays attached and
 * their progress survives. The fields are validated for the item's kind (lib/validations/items.ts), the generated
 * data is rewritten with them (what grading reads) and the list columns with it, and `editedAt` marks the item so a
 * rebuild of the document leaves it alone (lib/db/content.ts publishDocument). `checksum` is the item's checksum when
 * the form was opened: if someone saved it since, nothing is written ("stale").
 * @example await editItem(user, { deckId, itemId, checksum, fields: { prompt, topic, answer, accepted: "" } }, new Date())
 */
export async function editItem(
  user: UserSummary,
  input: { deckId: string; itemId: string; checksum: string; fields: Record<string, unknown> },
  now: Date,
): Promise<EditItemResult> {
  const found = await getItemForOwner(user, input.deckId, input.itemId);
  if (!found) return { ok: false, reason: "not_found" };
  if (found.checksum !== input.checksum) return { ok: false, reason: "stale" };
  const parsed = itemEditSchema(found.item).safeParse(input.fields);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "form");
      (fieldErrors[key] ??= []).push(issue.message);
    }
    return { ok: false, reason: "invalid", fieldErrors };
  }
  const edited = applyItemEdit(found.item, parsed.data);
  const data = JSON.stringify(edited);
  // The checksum in the WHERE makes check-and-write one statement: a save that raced this one wins, this one is stale.
  const { count } = await db.item.updateMany({
    where: { id: found.id, checksum: input.checksum, retiredAt: null },
    data: {
      prompt: edited.prompt,
      answer: edited.answer,
      topic: edited.topic,
      data,
      checksum: sha256(data),
      editedAt: now,
    },
  });
  return count === 1 ? { ok: true } : { ok: false, reason: "stale" };
}

export type OwnerItemAction = "suspend" | "unsuspend" | "retire";

/**
 * The owner suspends an item for everyone (the study queue and new quizzes skip it; learners' cards are kept as
 * they are), lifts that, or deletes it. Deleting retires the item: learners' review history and statistics keep it,
 * it leaves study, quizzes and sets, and it is marked as edited so a rebuild does not bring it back.
 * Returns false when the item is not a live item of a deck the user may change (nothing written).
 * @example await ownerItemAction(user, { deckId, itemId, action: "suspend" }, new Date())
 */
export async function ownerItemAction(
  user: UserSummary,
  input: { deckId: string; itemId: string; action: OwnerItemAction },
  now: Date,
): Promise<boolean> {
  const data =
    input.action === "suspend"
      ? { suspendedAt: now }
      : input.action === "unsuspend"
        ? { suspendedAt: null }
        : { retiredAt: now, editedAt: now };
  const { count } = await db.item.updateMany({
    where: { id: input.itemId, documentId: input.deckId, retiredAt: null, document: ownedDecks(user) },
    data,
  });
  return count === 1;
}

/** Whether the user may change this deck's items (the deck page shows its flag queue and editor links then). */
export async function canEditDeck(user: UserSummary, deckId: string): Promise<boolean> {
  return (await db.document.count({ where: { id: deckId, ...ownedDecks(user) } })) === 1;
}
