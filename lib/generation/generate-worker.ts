// The worker thread's entry: runs the content pipeline (parse → extract → generate) on a document text, reads an
// uploaded file into Markdown (lib/documents), reads an import file or writes an export (lib/interchange), as
// lib/generation/pool.ts asks, and posts back what the caller uses. It never touches Factdeck's database (an Anki
// package's collection is a SQLite file of its own, opened in memory).
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { buildItems } from "@/lib/content/pipeline";
import { readDocument } from "@/lib/documents";
import { exportFile } from "@/lib/interchange/export";
import { readImport } from "@/lib/interchange/import";
import type { Generated, WorkerJob, WorkerRequest, WorkerResponse } from "./messages";

const port = parentPort;
if (!port) throw new Error("generate-worker.ts runs only as a worker thread (lib/generation/pool.ts)");

// On Linux a thread has its own nice value and setPriority(0, …) changes only the calling thread: generation yields
// the CPU to the request thread whenever both want it (on a busy 2-core machine the scheduler otherwise gives the
// request thread only its fair share, and requests waited tens of milliseconds behind a preview). Elsewhere it may
// be refused, which changes nothing else.
try {
  setPriority(0, 10);
} catch {
  // not permitted here: generation runs at the request thread's priority
}

/** An upload's items, with those flagged for review: the preview shows them unticked, publishing keeps the ticked. */
function generate(text: string): Generated {
  const { doc, items } = buildItems(text, { includeReview: true });
  return { title: doc.title, frontMatter: doc.frontMatter, items };
}

async function run(job: WorkerJob) {
  if (job.kind === "generate") return generate(job.text);
  if (job.kind === "import") return readImport(job.file);
  if (job.kind === "export") {
    const { format, title, items, now } = job.request;
    return exportFile(format, title, items, now);
  }
  const { bytes, filename, mimeType, maxCharacters } = job.file;
  return readDocument({ bytes, filename, mimeType, limits: { characters: maxCharacters } });
}

port.on("message", async ({ id, job }: WorkerRequest) => {
  let response: WorkerResponse;
  try {
    response = { id, ok: true, result: await run(job) };
  } catch (error) {
    response = { id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(response);
});
