import type { FrontMatter, GeneratedItem } from "@/lib/content/types";
import type { ReadDocumentResult } from "@/lib/documents";

/** What the content pipeline gives the actions: the document's own metadata and its generated items. */
export type Generated = { title: string | undefined; frontMatter: FrontMatter; items: GeneratedItem[] };

/** An uploaded file to turn into Markdown (lib/documents readDocument): PDF, .docx and HTML take seconds of CPU too. */
export type ReadRequest = { bytes: Uint8Array; filename: string; mimeType?: string; maxCharacters: number };

/** The work a worker thread does, and what each kind gives back. */
export type WorkerJob = { kind: "generate"; text: string } | { kind: "read"; file: ReadRequest };
export type WorkerResult<J extends WorkerJob> = J extends { kind: "generate" } ? Generated : ReadDocumentResult;

/** Sent to a worker. */
export type WorkerRequest = { id: number; job: WorkerJob };

/** Sent back by a worker: the result, or the error thrown (a bug, rethrown in the caller). */
export type WorkerResponse =
  { id: number; ok: true; result: Generated | ReadDocumentResult } | { id: number; ok: false; error: string };
