import { z } from "zod";
import { plainText } from "./text";

/** Largest document an instructor may upload (UTF-8 bytes). The generator handles this in a few seconds. */
export const DOCUMENT_MAX_BYTES = 512 * 1024;
export const TITLE_MAX = 200;

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
    "The file is not plain text. Upload Markdown or text (.md, .txt).",
  )
  .transform((value) => value.toWellFormed());

export const PreviewDocumentSchema = z.object({ text });

export const PublishDocumentSchema = z.object({
  text,
  title: plainText("The title", TITLE_MAX).optional().default(""),
  excludedKeys: z.array(z.string().max(300)).max(10_000).default([]),
});
