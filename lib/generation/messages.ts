import type { FrontMatter, GeneratedItem } from "@/lib/content/types";
import type { ReadDocumentResult } from "@/lib/documents";
import type { ExportFile, ExportFormat } from "@/lib/interchange/export";
import type { ImportRead } from "@/lib/interchange/import";

/** What the content pipeline gives the actions: the document's own metadata and its generated items. */
export type Generated = { title: string | undefined; frontMatter: FrontMatter; items: GeneratedItem[] };

/** An uploaded file to turn into Markdown (lib/documents readDocument): PDF, .docx and HTML take seconds of CPU too. */
export type ReadRequest = { bytes: Uint8Array; filename: string; mimeType?: string; maxCharacters: number };

/** A CSV/TSV file or an Anki package to read for an import (lib/interchange readImport): seconds at the limits. */
export type ImportRequest = { bytes: Uint8Array; filename: string };

/** A selection of items to write as CSV or an Anki package (lib/interchange exportFile). */
export type ExportRequest = {
  format: ExportFormat;
  title: string;
  items: { id: string; item: GeneratedItem; sourceText: string }[];
  now: Date;
};

/** The work a worker thread does, and what each kind gives back. */
export type WorkerJob =
  | { kind: "generate"; text: string }
  | { kind: "read"; file: ReadRequest }
  | { kind: "import"; file: ImportRequest }
  | { kind: "export"; request: ExportRequest };
export type WorkerResult<J extends WorkerJob> = J extends { kind: "generate" }
  ? Generated
  : J extends { kind: "read" }
    ? ReadDocumentResult
    : J extends { kind: "import" }
      ? ImportRead
      : ExportFile;

/** Sent to a worker. */
export type WorkerRequest = { id: number; job: WorkerJob };

/** Sent back by a worker: the result, or the error thrown (a bug, rethrown in the caller). */
export type WorkerResponse =
  | { id: number; ok: true; result: Generated | ReadDocumentResult | ImportRead | ExportFile }
  | { id: number; ok: false; error: string };
