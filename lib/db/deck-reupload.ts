import { createHash } from "node:crypto";
import type { GeneratedItem } from "@/lib/content/types";
import { db } from "./client";
import { itemId } from "./content";

// Re-uploading a changed document to an existing deck (issue 14). Item ids come from the deck's slug and each item's
// stable key (lib/db/content.ts itemId), so an item the new text still yields keeps its id and every learner's
// progress on it; the preview states what publishing will add, change and retire before anything is written.

export type ItemChange = "added" | "changed" | "unchanged";

export type ReuploadComparison = {
  /** Change of each generated item, by key. */
  changes: Record<string, ItemChange>;
  /** Live items the new text no longer yields: publishing retires them (kept for history, no longer studied). */
  retired: { id: string; prompt: string }[];
  /** Keys the owner left out last time, so the preview starts with them unticked again. */
  excludedKeys: string[];
};

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * The owner's deck to re-upload to (null for anyone else's, or a deck from content/, which has no owner).
 * @example const deck = await getReuploadDeck(deckId, user.id)
 */
export function getReuploadDeck(deckId: string, ownerId: string) {
  return db.document.findFirst({ where: { id: deckId, ownerId }, select: { id: true, slug: true, title: true } });
}

/**
 * Compares the items generated from a new version of the document with the deck's stored ones: added (a new key),
 * changed (same key and id, different content: learners keep their progress on it), unchanged, and the live items
 * that would be retired. Reads only. Null when the deck is not the owner's.
 * @example const diff = await compareReupload(deckId, user.id, run.result.items)
 */
export async function compareReupload(
  deckId: string,
  ownerId: string,
  generated: GeneratedItem[],
): Promise<ReuploadComparison | null> {
  const deck = await db.document.findFirst({
    where: { id: deckId, ownerId },
    select: {
      slug: true,
      excludedKeys: true,
      items: { select: { id: true, checksum: true, prompt: true, retiredAt: true } },
    },
  });
  if (!deck) return null;
  const stored = new Map(deck.items.map((row) => [row.id, row]));
  const changes: Record<string, ItemChange> = {};
  const seen = new Set<string>();
  for (const item of generated) {
    const id = itemId(deck.slug, item.key);
    seen.add(id);
    const before = stored.get(id);
    // The same checksum publishDocument stores: sha256 of the item's JSON. A retired item that comes back is "changed".
    changes[item.key] = !before
      ? "added"
      : before.checksum === sha256(JSON.stringify(item)) && !before.retiredAt
        ? "unchanged"
        : "changed";
  }
  const retired = deck.items
    .filter((row) => !row.retiredAt && !seen.has(row.id))
    .map((row) => ({ id: row.id, prompt: row.prompt }));
  return { changes, retired, excludedKeys: JSON.parse(deck.excludedKeys) as string[] };
}
