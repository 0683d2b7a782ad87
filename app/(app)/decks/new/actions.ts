"use server";

import { redirect } from "next/navigation";
import { buildItems } from "@/lib/content/pipeline";
import type { GeneratedItem } from "@/lib/content/types";
import { requireAbility } from "@/lib/auth/session";
import { publishDocument } from "@/lib/db/content";
import { PreviewDocumentSchema, PublishDocumentSchema } from "@/lib/validations/document";

export type PreviewItem = Pick<GeneratedItem, "key" | "kind" | "topic" | "prompt" | "answer" | "options" | "review"> & {
  source: string;
};
export type PreviewState = { ok: true; title: string; items: PreviewItem[] } | { ok: false; message: string };

/** Generates the items of a pasted or uploaded document without storing anything. */
export async function previewDocumentAction(input: { text: unknown }): Promise<PreviewState> {
  await requireAbility("upload-document", "/decks/new");
  const parsed = PreviewDocumentSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  // Low-scoring items are shown for review (unticked); they are published only if the instructor ticks them.
  const { doc, items } = buildItems(parsed.data.text, { includeReview: true });
  if (items.length === 0) {
    return {
      ok: false,
      message: "No facts to quiz on were found in this text. Try a document with dates, people, figures or places.",
    };
  }
  return {
    ok: true,
    title: doc.title ?? "",
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

/** Publishes the document as a new deck, without the items the instructor removed, then opens the deck. */
export async function publishDocumentAction(input: {
  text: unknown;
  title: unknown;
  excludedKeys: unknown;
}): Promise<PublishState> {
  const user = await requireAbility("upload-document", "/decks/new");
  const parsed = PublishDocumentSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  const { text, title, excludedKeys } = parsed.data;
  const { doc, items } = buildItems(text, { includeReview: true });
  const kept = items.filter((item) => !excludedKeys.includes(item.key));
  if (kept.length === 0) return { ok: false, message: "Keep at least one item to publish the deck." };
  const result = await publishDocument(
    {
      slug: `upload-${crypto.randomUUID()}`,
      title: title || doc.title || "Untitled document",
      source: doc.frontMatter.source,
      textDate: doc.frontMatter.date,
      body: text,
      ownerId: user.id,
      excludedKeys,
    },
    items,
  );
  redirect(`/decks/${result.documentId}`);
}
