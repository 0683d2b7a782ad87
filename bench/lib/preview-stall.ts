/**
 * How long other requests wait while the production server previews a large upload (issue 12, finding 13): starts
 * `npm start` on a fresh database, signs in instructors, and calls the real previewDocumentAction over HTTP (as the
 * upload form does) with a generated document, while GET /api/health is polled every 10 ms. The stall is the slowest
 * health answer during the previews minus the median one before them.
 */
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import Database from "better-sqlite3";
import { largeDocument } from "./large-document";
import { signIn } from "./load";
import { ensureBuild, freePort, startApp } from "./servers";

const PASSWORD = "preview-bench-password";

/** The id Next gave a server action in the production build (.next/server/server-reference-manifest.json). */
function actionId(file: string, name: string): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const entry = Object.entries(manifest.node).find(([, a]) => a.exportedName === name && a.filename === file);
  if (!entry) throw new Error(`no server action ${name} in ${file}: is .next a production build?`);
  return entry[0];
}

async function instructors(dbFile: string, base: string, count: number): Promise<string[]> {
  const passwordHash = await hash(PASSWORD, { algorithm: 2 });
  const db = new Database(dbFile);
  const insert = db.prepare(
    `INSERT INTO "User" (id, email, name, passwordHash, role, createdAt, updatedAt) VALUES (?, ?, ?, ?, 'instructor', ?, ?)`,
  );
  const now = new Date().toISOString().replace("Z", "+00:00");
  const emails = Array.from({ length: count }, (_, i) => `preview-${i}@bench.test`);
  for (const email of emails) insert.run(randomUUID(), email, email, passwordHash, now, now);
  db.close();
  const cookies: string[] = [];
  for (const [i, email] of emails.entries()) cookies.push(await signIn(base, email, PASSWORD, `10.9.0.${i + 1}`));
  return cookies;
}

export type StallResult = {
  kb: number;
  concurrent: number;
  preview_ms: number;
  health_median_ms: number;
  /** The slowest health answer in the second before the previews: the machine's own noise. */
  health_idle_max_ms: number;
  health_max_ms: number;
  /** 95th percentile before and during: less at the mercy of one unlucky scheduling delay than the max. */
  health_p95_before_ms: number;
  health_p95_during_ms: number;
  max_stall_ms: number;
  answers: string[];
};

/** Polls /api/health one request at a time, 10 ms apart, until `stop` resolves; returns each answer's time. */
async function pollHealth(base: string, stop: Promise<unknown>): Promise<number[]> {
  let done = false;
  void stop.finally(() => (done = true));
  const times: number[] = [];
  while (!done) {
    const started = performance.now();
    await fetch(`${base}/api/health`).then((r) => r.text());
    times.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return times;
}

export async function measurePreviewStall(dir: string, log: (line: string) => void): Promise<StallResult[]> {
  ensureBuild("auto", log);
  const dbFile = path.join(dir, "preview.db");
  const migrated = spawnSync(process.execPath, ["scripts/prepare-db.mjs", "--no-seed"], {
    env: { ...process.env, DATABASE_URL: `file:${dbFile}` },
    encoding: "utf8",
  });
  if (migrated.status !== 0) throw new Error(migrated.stderr);
  const server = await startApp(`file:${dbFile}`, await freePort(), "preview-bench-secret-0123456789abcdef");
  try {
    const cookies = await instructors(dbFile, server.url, 4);
    const id = actionId("app/(app)/decks/new/actions.ts", "previewDocumentAction");
    const text = largeDocument(500 * 1024);
    const preview = async (cookie: string) => {
      const response = await fetch(`${server.url}/decks/new`, {
        method: "POST",
        headers: {
          cookie,
          origin: server.url,
          accept: "text/x-component",
          "content-type": "text/plain;charset=UTF-8",
          "next-action": id,
        },
        body: JSON.stringify([{ text }]),
      });
      const body = await response.text();
      const ok = /"ok":true/.test(body);
      const message = /"message":"([^"]*)"/.exec(body)?.[1];
      return `${response.status} ${ok ? "ok" : `refused: ${message ?? body.slice(0, 120)}`}`;
    };
    await preview(cookies[0]!); // warm-up: compiles nothing in production, but starts the worker threads
    const results: StallResult[] = [];
    for (const concurrent of [1, 4]) {
      const idle = await pollHealth(server.url, new Promise((resolve) => setTimeout(resolve, 3000)));
      const started = performance.now();
      const previews = Promise.all(cookies.slice(0, concurrent).map(preview));
      const busy = await pollHealth(server.url, previews);
      const answers = await previews;
      const previewMs = performance.now() - started;
      const at = (values: number[], p: number) =>
        [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))]!;
      const median = at(idle, 0.5);
      const max = Math.max(...busy);
      results.push({
        kb: Math.round(Buffer.byteLength(text) / 1024),
        concurrent,
        preview_ms: Math.round(previewMs),
        health_median_ms: Math.round(median * 10) / 10,
        health_idle_max_ms: Math.round(Math.max(...idle) * 10) / 10,
        health_max_ms: Math.round(max * 10) / 10,
        health_p95_before_ms: Math.round(at(idle, 0.95) * 10) / 10,
        health_p95_during_ms: Math.round(at(busy, 0.95) * 10) / 10,
        max_stall_ms: Math.round(Math.max(0, max - median)),
        answers,
      });
    }
    return results;
  } finally {
    await server.stop();
  }
}

/**
 * The same question without HTTP or Next, in this process: the longest event-loop delay (perf_hooks) while a
 * 500 KB document is generated through lib/generation (a worker thread), next to the pipeline called directly on
 * this thread as the actions did before. Machine load shows in both; the difference is the design.
 */
export async function measureInProcessStall(): Promise<{ worker_max_delay_ms: number; inline_max_delay_ms: number }> {
  const { monitorEventLoopDelay } = await import("node:perf_hooks");
  const { generateOffThread } = await import("@/lib/generation/pool");
  const { buildItems } = await import("@/lib/content/pipeline");
  const text = largeDocument(500 * 1024);
  await generateOffThread("# Warm-up\n\nRome was founded in 753 BC."); // starts the worker thread
  const maxDelay = async (work: () => Promise<unknown>) => {
    const histogram = monitorEventLoopDelay({ resolution: 5 });
    histogram.enable();
    // A timer keeps the loop turning, so that a blocked turn shows up as one long delay.
    const timer = setInterval(() => {}, 5);
    // The histogram's first sample is only a starting point: let it take one before the work.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await work();
    await new Promise((resolve) => setTimeout(resolve, 20));
    clearInterval(timer);
    histogram.disable();
    return Math.round(histogram.max / 1e6);
  };
  return {
    worker_max_delay_ms: await maxDelay(() => generateOffThread(text)),
    inline_max_delay_ms: await maxDelay(async () => buildItems(text)),
  };
}
