// The worker thread's entry: runs the content pipeline (parse → extract → generate) on a document text sent by
// lib/generation/pool.ts and posts back what the actions use. It never touches the database.
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { buildItems } from "@/lib/content/pipeline";
import type { GenerateRequest, GenerateResponse } from "./messages";

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

port.on("message", ({ id, text }: GenerateRequest) => {
  let response: GenerateResponse;
  try {
    const { doc, items } = buildItems(text);
    response = { id, ok: true, result: { title: doc.title, frontMatter: doc.frontMatter, items } };
  } catch (error) {
    response = { id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(response);
});
