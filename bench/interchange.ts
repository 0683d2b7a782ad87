/**
 * Benchmark: reading and writing the import/export formats at their limits (lib/interchange).
 *   npx tsx bench/interchange.ts
 * Builds 10,000 items (the row limit) with answers and sources of realistic length, then times: writing the .apkg and
 * the CSV, reading each back (readImport, which parses and turns the notes into items), and a 10 MB CSV near the
 * size limit. Prints a Markdown table of the median of 5 runs, in ms, on this thread; then the same jobs through the
 * worker pool the routes use (lib/generation/pool.ts): wall time, and the longest the calling thread's event loop was
 * held up meanwhile (what another request would wait), which on this thread is the whole run.
 */
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import type { GeneratedItem } from "@/lib/content/types";
import { writeApkg } from "@/lib/interchange/apkg-write";
import { itemsCsv } from "@/lib/interchange/csv";
import { readImport } from "@/lib/interchange/import";
import { exportOffThread, importOffThread } from "@/lib/generation/pool";

const ITEMS = 10_000;
const sentence = (i: number) =>
  `In ${1900 + (i % 120)} the committee number ${i} agreed, after a long debate, to open the archive to the public.`;
const items = Array.from({ length: ITEMS }, (_, i) => {
  const item: GeneratedItem = {
    key: `k${i}`,
    factKey: `f${i}`,
    kind: i % 3 === 0 ? "cloze" : i % 3 === 1 ? "typed" : "flashcard",
    prompt:
      i % 3 === 0
        ? `Fill in the blank: In _____ the committee number ${i} agreed to open the archive.`
        : `When did committee ${i} open the archive?`,
    answer: String(1900 + (i % 120)),
    accepted: i % 3 === 1 ? [`the year ${1900 + (i % 120)}`] : [],
    options: null,
    answerType: "text",
    topic: "dates",
    difficulty: 0.5,
    source: { text: sentence(i), start: 0, end: 0 },
  };
  return { id: `item-${i}`, item, sourceText: sentence(i) };
});

function median(run: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return Math.round(times.sort((a, b) => a - b)[2]!);
}

const now = new Date("2026-12-01T00:00:00Z");
const apkg = writeApkg({ title: "Bench", items, now });
const csv = new TextEncoder().encode(itemsCsv(items));
const bigRows = Math.floor((10 * 1024 * 1024 - 100) / 1100);
const big = new TextEncoder().encode(
  Array.from({ length: bigRows }, (_, i) => `"${sentence(i).repeat(8)}",${"answer ".repeat(25)}`).join("\n"),
);
const rows = [
  [
    `write .apkg (${ITEMS} items, ${(apkg.length / 1024).toFixed(0)} KB)`,
    median(() => writeApkg({ title: "Bench", items, now })),
  ],
  [`write CSV (${ITEMS} items, ${(csv.length / 1024).toFixed(0)} KB)`, median(() => itemsCsv(items))],
  [`read .apkg (${ITEMS} notes)`, median(() => readImport({ bytes: apkg, filename: "b.apkg" }))],
  [`read CSV (${ITEMS} rows)`, median(() => readImport({ bytes: csv, filename: "b.csv" }))],
  [
    `read CSV (${bigRows} rows, ${(big.length / 1024 / 1024).toFixed(1)} MB)`,
    median(() => readImport({ bytes: big, filename: "b.csv" })),
  ],
];
console.log("| step | ms (median of 5) |\n|---|---|");
for (const [step, ms] of rows) console.log(`| ${step} | ${ms} |`);

async function offThread(run: () => Promise<unknown>): Promise<[number, number]> {
  const walls: number[] = [];
  const held: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const lag = monitorEventLoopDelay({ resolution: 5 });
    lag.enable();
    const start = performance.now();
    await run();
    walls.push(performance.now() - start);
    lag.disable();
    held.push(lag.max / 1e6);
  }
  const mid = (list: number[]) => Math.round(list.sort((a, b) => a - b)[2]!);
  return [mid(walls), mid(held)];
}

async function pooledRuns() {
  // The first job starts the worker (and, outside Next, compiles it through tsx): not part of a request's cost.
  await importOffThread({ bytes: csv, filename: "warm.csv" });
  const pooled = [
    [
      `write .apkg (${ITEMS} items)`,
      await offThread(() => exportOffThread({ format: "apkg", title: "B", items, now })),
    ],
    [`read .apkg (${ITEMS} notes)`, await offThread(() => importOffThread({ bytes: apkg, filename: "b.apkg" }))],
    [`read CSV (${ITEMS} rows)`, await offThread(() => importOffThread({ bytes: csv, filename: "b.csv" }))],
  ] as const;
  console.log(
    "\n| on the worker pool | wall ms (median of 5) | calling thread held up, ms (median of max) |\n|---|---|---|",
  );
  for (const [step, [wall, held]] of pooled) console.log(`| ${step} | ${wall} | ${held} |`);
  // Exit at once rather than wait for the worker threads to wind down.
  process.exit(0);
}
void pooledRuns();
