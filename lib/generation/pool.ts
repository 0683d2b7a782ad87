import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Generated, GenerateRequest, GenerateResponse } from "./messages";

// Generating the items of a large document takes seconds of CPU (a 500 KB upload: 2.5–4 s). On the request thread
// that froze every other request of the server, so the pipeline runs in worker threads (docs/decisions/012).

/** Worker threads at most: one core stays free for the request thread. */
export const POOL_SIZE = Math.max(1, availableParallelism() - 1);

type Job = { id: number; text: string; resolve: (result: Generated) => void; reject: (error: Error) => void };
type Slot = { worker: Worker; job: Job | null };

const slots: Slot[] = [];
const queue: Job[] = [];
let nextId = 1;

/** Worker code that loads the .ts entry through tsx: for runs outside Next (Vitest, tsx scripts), from source. */
function throughTsx(entry: URL): string {
  const href = JSON.stringify(entry.href);
  return `Promise.all([import("tsx/esm/api"), import("tsx/cjs/api")])
    .then(([esm, cjs]) => { esm.register(); cjs.register(); return import(${href}); })`;
}

function spawnWorker(): Slot {
  // Inside Next it is written literally as `new Worker(new URL("./…", import.meta.url))`: Turbopack recognises that
  // form and bundles the entry (with the pipeline it imports) as a worker chunk of its own, in `next build` and
  // `next dev`. NEXT_RUNTIME is set only inside Next's server; import.meta.url cannot tell, as Turbopack keeps the
  // source file's name in it.
  const worker =
    typeof process.env.NEXT_RUNTIME === "string"
      ? new Worker(new URL("./generate-worker.ts", import.meta.url))
      : new Worker(throughTsx(new URL("./generate-worker.ts", import.meta.url)), { eval: true });
  worker.unref(); // idle workers never keep a script or a test process alive
  const slot: Slot = { worker, job: null };
  worker.on("message", (message: GenerateResponse) => {
    const job = slot.job;
    if (!job || job.id !== message.id) return;
    finish(slot);
    if (message.ok) job.resolve(message.result);
    else job.reject(new Error(`generation failed in the worker: ${message.error}`));
  });
  const fail = (error: Error) => {
    const index = slots.indexOf(slot);
    if (index >= 0) slots.splice(index, 1);
    const job = slot.job;
    slot.job = null;
    job?.reject(error);
    dispatch();
  };
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`the generation worker exited with code ${code}`)));
  slots.push(slot);
  return slot;
}

function finish(slot: Slot) {
  slot.job = null;
  slot.worker.unref();
  dispatch();
}

function dispatch() {
  while (queue.length > 0) {
    const slot = slots.find((s) => s.job === null) ?? (slots.length < POOL_SIZE ? spawnWorker() : undefined);
    if (!slot) return;
    const job = queue.shift()!;
    slot.job = job;
    slot.worker.ref(); // a running job keeps the process alive until its answer arrives
    slot.worker.postMessage({ id: job.id, text: job.text } satisfies GenerateRequest);
  }
}

/**
 * Runs the content pipeline (parse → extract → generate) on a worker thread; the request thread stays free. At most
 * POOL_SIZE documents are generated at once; more wait their turn.
 * @example const { title, items } = await generateOffThread(text)
 */
export function generateOffThread(text: string): Promise<Generated> {
  return new Promise((resolve, reject) => {
    queue.push({ id: nextId++, text, resolve, reject });
    dispatch();
  });
}

const generating = new Set<string>();

/**
 * generateOffThread with one generation at a time per user: a second one while the first runs is refused (not
 * queued), so one user cannot hold every worker.
 * @example const run = await generateForUser(user.id, text); if (!run.ok) return { ok: false, message: BUSY_MESSAGE }
 */
export async function generateForUser(
  userId: string,
  text: string,
): Promise<{ ok: true; result: Generated } | { ok: false; reason: "busy" }> {
  if (generating.has(userId)) return { ok: false, reason: "busy" };
  generating.add(userId);
  try {
    return { ok: true, result: await generateOffThread(text) };
  } finally {
    generating.delete(userId);
  }
}

/** What a user sees when they start a second generation while their first one runs. */
export const BUSY_MESSAGE =
  "Another document of yours is being generated. One at a time: wait for it to finish, then try again.";
