/**
 * Benchmark: the item browser (lib/db/browse.ts browseItems) on a library of 10,000+ items.
 *   npx tsx bench/browse.ts                        10,000 generated items + the NATO deck, 50 learners × 30 days
 *   npx tsx bench/browse.ts --items 20000 --runs 50 --learners 100 --days 30 --keep
 * The database is the benchmarks' own (bench/lib/build-db.ts: real pipeline and publishDocument, simulated study
 * history), so the viewer has real cards. Each case calls browseItems as a learner with a study history, the way
 * the page does (page query + total + flag counts), after one warm-up call; prints median and p95 in ms per case,
 * then a JSON line. Target (issue 14): a text search among 10,000 items under 200 ms.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { buildDatabase, learnerId } from "./lib/build-db";

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const ITEMS = flag("items", 10_000);
const RUNS = flag("runs", 30);
const LEARNERS = flag("learners", 50);
const DAYS = flag("days", 30);
const KEEP = process.argv.includes("--keep");

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "factdeck-browse-bench-"));
  const file = path.join(dir, "bench.db");
  process.env.NEXTAUTH_SECRET ??= "factdeck-browse-bench-secret-0123456789";
  const stats = await buildDatabase(
    file,
    { learners: LEARNERS, days: DAYS, generatedItems: ITEMS, now: new Date() },
    (line) => console.error(line),
  );
  console.error(
    `built: ${stats.items} items, ${stats.cards} cards, ${stats.logs} logs in ${stats.seconds.toFixed(1)} s`,
  );

  const { browseItems } = await import("@/lib/db/browse");
  const { parseBrowseParams } = await import("@/lib/validations/items");
  const viewer = { id: learnerId(0), email: "learner0@bench.test", name: "Learner 0", role: "learner" as const };

  // Generated prompts read "What is the code word <i>?"; answers "W<(i·7919) mod 100000>".
  const needle = Math.floor(ITEMS * 0.73);
  const cases: [string, Record<string, string>][] = [
    ["text, one match (prompt)", { q: `code word ${needle}?` }],
    ["text, one match (answer)", { q: `W${(needle * 7919) % 100_000}` }],
    ["text, no match", { q: "zebra crossing" }],
    ["text, thousands of matches, page 20", { q: "code word 1", page: "20" }],
    ["no filter, deck order, page 100", { page: "100" }],
    ["state=review, sort by due", { state: "review", sort: "due" }],
    ["state=new, sort by prompt desc", { state: "new", sort: "prompt", dir: "desc" }],
    ["lapses>=1, sort by lapses desc", { lapses: "1", sort: "lapses", dir: "desc" }],
    ["kind+topic+difficulty filter", { kind: "typed", topic: "figures", difficulty: "medium" }],
    ["text + state=learning", { q: "code word", state: "learning" }],
  ];

  const results: Record<string, { median: number; p95: number; cpu: number; total: number }> = {};
  // Wall-clock per call, and this process's CPU time per call (SQLite runs in-process through better-sqlite3): on a
  // shared, loaded machine the wall time includes waiting for a core, the CPU time does not.
  console.log(`| case | matches | median ms | p95 ms | CPU ms |\n|---|---:|---:|---:|---:|`);
  console.error(
    `load average: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} on ${cpus().length} cores`,
  );
  for (const [label, raw] of cases) {
    const params = parseBrowseParams(raw);
    const first = await browseItems(viewer, {}, params);
    const times: number[] = [];
    const cpuStart = process.cpuUsage();
    for (let r = 0; r < RUNS; r += 1) {
      const started = performance.now();
      await browseItems(viewer, {}, params);
      times.push(performance.now() - started);
    }
    const cpu = process.cpuUsage(cpuStart);
    times.sort((a, b) => a - b);
    results[label] = {
      median: quantile(times, 0.5),
      p95: quantile(times, 0.95),
      cpu: (cpu.user + cpu.system) / 1000 / RUNS,
      total: first.total,
    };
    const r = results[label];
    console.log(`| ${label} | ${r.total} | ${r.median.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.cpu.toFixed(1)} |`);
  }
  // "Export these" (GET /api/items/export): every matching id in the browser's order, then the items' rows.
  const { browseItemIds } = await import("@/lib/db/browse");
  const { itemsForExport } = await import("@/lib/db/interchange");
  console.log(`\n| "Export these" selection | items | median ms |\n|---|---:|---:|`);
  for (const [label, raw] of [
    ["text, thousands of matches", { q: "code word 1" }],
    ["no filter (the 10,000 limit)", {}],
  ] as const) {
    const params = parseBrowseParams(raw);
    const times: number[] = [];
    let count = 0;
    for (let r = 0; r < 5; r += 1) {
      const started = performance.now();
      const ids = await browseItemIds(viewer, {}, params, 10_000);
      const load = await itemsForExport(viewer, ids.slice(0, 10_000));
      count = load.ok ? load.items.length : -1;
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    console.log(`| ${label} | ${count} | ${quantile(times, 0.5).toFixed(1)} |`);
  }
  const worstText = Math.max(
    ...Object.entries(results)
      .filter(([label]) => label.startsWith("text"))
      .map(([, r]) => r.p95),
  );
  const worstCpu = Math.max(
    ...Object.entries(results)
      .filter(([label]) => label.startsWith("text"))
      .map(([, r]) => r.cpu),
  );
  console.log(
    JSON.stringify({
      items: stats.items,
      browse_text_search_p95_ms: Number(worstText.toFixed(1)),
      browse_text_search_cpu_ms: Number(worstCpu.toFixed(1)),
      results,
    }),
  );
  if (KEEP) console.error(`database kept at ${file}`);
  else rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
