import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type {
  ExportRequest,
  Generated,
  ImportRequest,
  ReadRequest,
  WorkerJob,
  WorkerRequest,
  WorkerResponse,
  WorkerResult,
} from "./messages";

// Generating the items of a large document takes seconds of CPU (a 500 KB upload: 2.5–4 s), and so can reading a
// PDF or Word file, an import file or an Anki package to export (2–3 s at their limits). On the request thread that
// froze every other request of the server, so all of them run in worker threads (docs/decisions/012).

/** Worker threads at most: one core stays free for the request thread. */
export const POOL_SIZE = Math.max(1, availableParallelism() - 1);

type Job = { id: number; job: WorkerJob; resolve: (result: never) => void; reject: (error: Error) => void };
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
  worker.on("message", (message: WorkerResponse) => {
    const job = slot.job;
    if (!job || job.id !== message.id) return;
    finish(slot);
    if (message.ok) job.resolve(message.result as never);
    else job.reject(new Error(`the worker failed: ${message.error}`));
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
    slot.worker.postMessage({ id: job.id, job: job.job } satisfies WorkerRequest);
  }
}

/** Runs one job on a worker thread; at most POOL_SIZE run at once, more wait their turn. */
function runOffThread<J extends WorkerJob>(job: J): Promise<WorkerResult<J>> {
  return new Promise((resolve, reject) => {
    queue.push({ id: nextId++, job, resolve: resolve as (result: never) => void, reject });
    dispatch();
  });
}

/**
 * Runs the content pipeline (parse → extract → generate) on a worker thread; the request thread stays free.
 * @example const { title, items } = await generateOffThread(text)
 */
export function generateOffThread(text: string): Promise<Generated> {
  return runOffThread({ kind: "generate", text });
}

/**
 * Reads an uploaded file into Markdown (lib/documents readDocument) on a worker thread; the bytes are copied there.
 * @example const read = await readOffThread({ bytes, filename: "a.pdf", maxCharacters: 512 * 1024 })
 */
export function readOffThread(file: ReadRequest) {
  return runOffThread({ kind: "read", file });
}

/**
 * Reads an import file (lib/interchange readImport: CSV, TSV or an Anki package) on a worker thread.
 * @example const read = await importOffThread({ bytes, filename: "spanish.apkg" })
 */
export function importOffThread(file: ImportRequest) {
  return runOffThread({ kind: "import", file });
}

/**
 * Writes an export file (lib/interchange exportFile: CSV or an Anki package) on a worker thread.
 * @example downloadResponse(await exportOffThread({ format: "apkg", title, items, now: new Date() }))
 */
export function exportOffThread(request: ExportRequest) {
  return runOffThread({ kind: "export", request });
}

const working = new Set<string>();

/**
 * One job at a time per user: a second one while the first runs is refused (not queued), so one user cannot hold
 * every worker.
 */
async function oneAtATime<T>(
  userId: string,
  work: () => Promise<T>,
): Promise<{ ok: true; result: T } | { ok: false; reason: "busy" }> {
  if (working.has(userId)) return { ok: false, reason: "busy" };
  working.add(userId);
  try {
    return { ok: true, result: await work() };
  } finally {
    working.delete(userId);
  }
}

/**
 * generateOffThread, one job at a time per user.
 * @example const run = await generateForUser(user.id, text); if (!run.ok) return { ok: false, message: BUSY_MESSAGE }
 */
export function generateForUser(userId: string, text: string) {
  return oneAtATime(userId, () => generateOffThread(text));
}

/**
 * readOffThread, one job at a time per user (reading and generating count together).
 * @example const run = await readForUser(user.id, file); if (!run.ok) return busy
 */
export function readForUser(userId: string, file: ReadRequest) {
  return oneAtATime(userId, () => readOffThread(file));
}

/**
 * importOffThread, one job at a time per user (with their document reading and generating).
 * @example const run = await importForUser(user.id, { bytes, filename }); if (!run.ok) return busy
 */
export function importForUser(userId: string, file: ImportRequest) {
  return oneAtATime(userId, () => importOffThread(file));
}

/**
 * exportOffThread, one job at a time per user (with their reading, generating and importing).
 * @example const run = await exportForUser(user.id, request); if (!run.ok) return busy
 */
export function exportForUser(userId: string, request: ExportRequest) {
  return oneAtATime(userId, () => exportOffThread(request));
}

/** What a user sees when they start a second generation while their first one runs. */
export const BUSY_MESSAGE =
  "Another document of yours is being read or generated. One at a time: wait for it to finish, then try again.";

/** The same for imports and exports, which share the rule. */
export const BUSY_FILE_MESSAGE =
  "Another file of yours is being read or written. One at a time: wait for it to finish, then try again.";
