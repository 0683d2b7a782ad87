"use server";

import { redirect } from "next/navigation";
import type { GeneratedItem } from "@/lib/content/types";
import { requireAbility } from "@/lib/auth/session";
import { InvalidDocumentError, publishDocument } from "@/lib/db/content";
import { compareReupload, getReuploadDeck, type ItemChange } from "@/lib/db/deck-reupload";
import { BUSY_MESSAGE, generateForUser } from "@/lib/generation/pool";
import { ReuploadTargetSchema } from "@/lib/validations/decks";
import { checkDocumentMetadata, PreviewDocumentSchema, PublishDocumentSchema } from "@/lib/validations/document";

export type PreviewItem = Pick<GeneratedItem, "key" | "kind" | "topic" | "prompt" | "answer" | "options" | "review"> & {
  source: string;
  /** Re-upload only: what publishing does to this item of the deck. */
  change?: ItemChange;
};
/** Re-upload only: the deck's live items the new text no longer yields, and the keys left out last time. */
export type ReuploadPreview = { retired: { id: string; prompt: string }[]; excludedKeys: string[] };
export type PreviewState =
  { ok: true; title: string; items: PreviewItem[]; reupload?: ReuploadPreview } | { ok: false; message: string };

const NOT_YOUR_DECK = "That deck isn't available.";

const NO_FACTS = "No facts to quiz on were found in this text. Try a document with dates, people, figures or places.";

/**
 * Generates the items of a pasted or uploaded document (on a worker thread) without storing anything. With `deckId`
 * (a changed version of the user's own deck) each item says whether it is added, changed or unchanged, and the
 * items that publishing would retire are listed.
 */
export async function previewDocumentAction(input: { text: unknown; deckId?: unknown }): Promise<PreviewState> {
  const user = await requireAbility("upload-document", "/decks/new");
  const parsed = PreviewDocumentSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  const target = ReuploadTargetSchema.safeParse({ deckId: (input as { deckId?: unknown } | null)?.deckId });
  if (!target.success) return { ok: false, message: NOT_YOUR_DECK };
  const { deckId } = target.data;
  if (deckId && !(await getReuploadDeck(deckId, user.id))) return { ok: false, message: NOT_YOUR_DECK };
  const run = await generateForUser(user.id, parsed.data.text);
  if (!run.ok) return { ok: false, message: BUSY_MESSAGE };
  const { title, frontMatter, items } = run.result;
  // The same checks publishing applies, so a title the preview shows is one that can be published.
  const metadata = checkDocumentMetadata({
    title: title || "Untitled document",
    source: frontMatter.source,
    textDate: frontMatter.date,
  });
  if (!metadata.ok) return metadata;
  if (items.length === 0) return { ok: false, message: NO_FACTS };
  const comparison = deckId ? await compareReupload(deckId, user.id, items) : null;
  if (deckId && !comparison) return { ok: false, message: NOT_YOUR_DECK };
  return {
    ok: true,
    title: title ? metadata.metadata.title : "",
    ...(comparison ? { reupload: { retired: comparison.retired, excludedKeys: comparison.excludedKeys } } : {}),
    items: items.map(({ key, kind, topic, prompt, answer, options, source, review }) => ({
      key,
      kind,
      topic,
      prompt,
      answer,
      options,
      source: source.text,
      ...(review ? { review } : {}),
      ...(comparison ? { change: comparison.changes[key] } : {}),
    })),
  };
}

export type PublishState = { ok: false; message: string } | null;

/**
 * Saves the document as a new draft deck (only its owner sees it), without the items the instructor removed, then
 * opens the deck, whose page publishes it to the library, to classes, or keeps it private. With `deckId` it replaces
 * the text of the user's own deck instead: same ids for the items the new text still yields (progress kept), new
 * items added, the others retired; the deck keeps its status, visibility and description.
 */
export async function publishDocumentAction(input: {
  text: unknown;
  title: unknown;
  excludedKeys: unknown;
  deckId?: unknown;
}): Promise<PublishState> {
  const user = await requireAbility("upload-document", "/decks/new");
  const parsed = PublishDocumentSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  const target = ReuploadTargetSchema.safeParse({ deckId: (input as { deckId?: unknown } | null)?.deckId });
  if (!target.success) return { ok: false, message: NOT_YOUR_DECK };
  const existing = target.data.deckId ? await getReuploadDeck(target.data.deckId, user.id) : null;
  if (target.data.deckId && !existing) return { ok: false, message: NOT_YOUR_DECK };
  const { text, title, excludedKeys } = parsed.data;
  const run = await generateForUser(user.id, text);
  if (!run.ok) return { ok: false, message: BUSY_MESSAGE };
  const { title: documentTitle, frontMatter, items } = run.result;
  const kept = items.filter((item) => !excludedKeys.includes(item.key));
  if (kept.length === 0) return { ok: false, message: "Keep at least one item to publish the deck." };
  let documentId: string;
  try {
    const result = await publishDocument(
      {
        slug: existing?.slug ?? `upload-${crypto.randomUUID()}`,
        title: title || documentTitle || existing?.title || "Untitled document",
        source: frontMatter.source,
        textDate: frontMatter.date,
        body: text,
        ownerId: user.id,
        excludedKeys,
        status: "draft",
      },
      items,
    );
    documentId = result.documentId;
  } catch (error) {
    if (error instanceof InvalidDocumentError) return { ok: false, message: error.message };
    throw error;
  }
  redirect(`/decks/${documentId}`);
}
