import type { ImportPreview } from "./import";

/** Row errors shown at most; the count says how many more there are. */
const SHOWN_ERRORS = 200;

/** What the import form shows of a preview: each item's text, and the first row errors with their count. */
export type PreviewBody = {
  format: ImportPreview["format"];
  title: string;
  items: { kind: string; topic: string; prompt: string; answer: string; accepted: string[] }[];
  errors: ImportPreview["errors"];
  errorCount: number;
  warnings: string[];
};

/**
 * The JSON the import route answers for a preview.
 * @example Response.json(previewBody(readImport({ bytes, filename })))
 */
export function previewBody(preview: ImportPreview): PreviewBody {
  return {
    format: preview.format,
    title: preview.title,
    items: preview.items.map(({ kind, topic, prompt, answer, accepted }) => ({
      kind,
      topic,
      prompt,
      answer,
      accepted,
    })),
    errors: preview.errors.slice(0, SHOWN_ERRORS),
    errorCount: preview.errors.length,
    warnings: preview.warnings,
  };
}
