import { z } from "zod";
import { plainText } from "./text";

/** Largest document an instructor may upload (UTF-8 bytes). The generator handles this in a few seconds. */
export const DOCUMENT_MAX_BYTES = 512 * 1024;
export const TITLE_MAX = 200;
export const SOURCE_MAX = 500;
export const TEXT_DATE_MAX = 100;

const text = z
  .string({ error: "Paste the text of a document or choose a file." })
  .refine((value) => value.trim().length > 0, "Paste the text of a document or choose a file.")
  .refine(
    (value) => Buffer.byteLength(value, "utf8") <= DOCUMENT_MAX_BYTES,
    `The document is larger than ${DOCUMENT_MAX_BYTES / 1024} KB. Split it into smaller documents.`,
  )
  // NUL and other C0 control characters (but tab, newline, carriage return) mean a binary file, not text.
  .refine(
    (value) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(value),
    "The text holds binary data, not a document. Paste text, or upload the file itself (PDF, Word, HTML, Markdown or text).",
  )
  .transform((value) => value.toWellFormed());

export const PreviewDocumentSchema = z.object({ text });

export const PublishDocumentSchema = z.object({
  text,
  title: plainText("The title", TITLE_MAX).optional().default(""),
  excludedKeys: z.array(z.string().max(300)).max(10_000).default([]),
});

/**
 * The metadata stored with a document, however it arrived: the form's title field, the front matter of a pasted or
 * uploaded document (title, source, date), its first heading, or a file in content/ built by `npm run content:build`.
 * Applied where documents enter publishing (lib/db/content.ts publishDocument) and by the preview.
 *
 * Characters that change how text around them displays (bidi embeddings, overrides and isolates, U+202A–U+202E and
 * U+2066–U+2069) and control characters are refused, not stripped: a title that reads differently from what it
 * contains is a spoofing attempt or a paste accident, and silently changing what an author wrote hides both; the
 * message tells them what to fix. Right-to-left text itself needs none of them (the marks U+200E/U+200F are allowed).
 * @example DocumentMetadataSchema.safeParse({ title: doc.title, source: doc.frontMatter.source })
 */
export const DocumentMetadataSchema = z.object({
  title: plainText("The title", TITLE_MAX).refine((value) => value.length > 0, "The document needs a title."),
  source: plainText("The source", SOURCE_MAX).optional(),
  textDate: plainText("The date", TEXT_DATE_MAX).optional(),
});
export type DocumentMetadata = z.infer<typeof DocumentMetadataSchema>;

/**
 * A document's metadata checked with DocumentMetadataSchema; the message of the first problem otherwise.
 * @example const metadata = checkDocumentMetadata({ title: "NATO" }); if (!metadata.ok) return metadata
 */
export function checkDocumentMetadata(
  input: Partial<Record<keyof DocumentMetadata, string | undefined>>,
): { ok: true; metadata: DocumentMetadata } | { ok: false; message: string } {
  const parsed = DocumentMetadataSchema.safeParse(input);
  if (parsed.success) return { ok: true, metadata: parsed.data };
  const issue = parsed.error.issues[0]!;
  // zod's own message for a missing or non-string field would not say which one.
  const message = issue.code === "invalid_type" ? `The ${String(issue.path[0])} must be text.` : issue.message;
  return { ok: false, message };
}
