"use server";

import { redirect } from "next/navigation";
import type { GeneratedItem } from "@/lib/content/types";
import { requireAbility } from "@/lib/auth/session";
import { InvalidDocumentError, publishDocument } from "@/lib/db/content";
import { BUSY_MESSAGE, generateForUser } from "@/lib/generation/pool";
import { checkDocumentMetadata, PreviewDocumentSchema, PublishDocumentSchema } from "@/lib/validations/document";

export type PreviewItem = Pick<GeneratedItem, "key" | "kind" | "topic" | "prompt" | "answer" | "options" | "review"> & {
  source: string;
};
export type PreviewState = { ok: true; title: string; items: PreviewItem[] } | { ok: false; message: string };

const NO_FACTS = "No facts to quiz on were found in this text. Try a document with dates, people, figures or places.";

/** Generates the items of a pasted or uploaded document (on a worker thread) without storing anything. */
export async function previewDocumentAction(input: { text: unknown }): Promise<PreviewState> {
  const user = await requireAbility("upload-document", "/decks/new");
  const parsed = PreviewDocumentSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
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
  return {
    ok: true,
    title: title ? metadata.metadata.title : "",
    items: items.map(({ key, kind, topic, prompt, answer, options, source, review }) => ({
      key,
      kind,
      topic,
      prompt,
      answer,
      options,
      source: source.text,
      ...(review ? { review } : {}),
    })),
  };
}

export type PublishState = { ok: false; message: string } | null;

/**
 * Saves the document as a new draft deck (only its owner sees it), without the items the instructor removed, then
 * opens the deck, whose page publishes it to the library, to classes, or keeps it private.
 */
export async function publishDocumentAction(input: {
  text: unknown;
  title: unknown;
  excludedKeys: unknown;
}): Promise<PublishState> {
  const user = await requireAbility("upload-document", "/decks/new");
  const parsed = PublishDocumentSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
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
        slug: `upload-${crypto.randomUUID()}`,
        title: title || documentTitle || "Untitled document",
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
