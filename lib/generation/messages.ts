import type { FrontMatter, GeneratedItem } from "@/lib/content/types";

/** What the content pipeline gives the actions: the document's own metadata and its generated items. */
export type Generated = { title: string | undefined; frontMatter: FrontMatter; items: GeneratedItem[] };

/** Sent to a generation worker. */
export type GenerateRequest = { id: number; text: string };

/** Sent back by a generation worker: the result, or the pipeline's error (a bug, rethrown in the caller). */
export type GenerateResponse = { id: number; ok: true; result: Generated } | { id: number; ok: false; error: string };
