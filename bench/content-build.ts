/**
 * Benchmark: content:build on the NATO page and on a generated ~300 KB document.
 *   npm run bench:content            prints a table; targets: NATO well under 1 s, 300 KB under 10 s
 * Each figure is the median of several runs: the pipeline (parse → extract → generate) and the store into a fresh,
 * migrated SQLite database (first build: all inserts; rebuild: nothing changes).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** ~300 KB of varied factual prose: the shipped documents, with years, numbers and names shifted per copy. */
function largeDocument(targetBytes = 300 * 1024): string {
  const sources = [
    readFileSync("content/nato-mission-iraq.md", "utf8"),
    ...readdirSync("lib/content/fixtures")
      .filter((f) => f.endsWith(".md"))
      .map((f) => readFileSync(path.join("lib/content/fixtures", f), "utf8")),
  ].map((text) => text.replace(/^---[\s\S]*?---\n/, ""));
  const parts = ["# Collected facts\n"];
  let size = 0;
  for (let copy = 0; size < targetBytes; copy += 1) {
    for (const text of sources) {
      const shifted = text
        .replace(/\b(1[89]\d\d|20\d\d)\b/g, (y) => String(Number(y) - (copy % 40)))
        .replace(/\b(\d{2,3})\b/g, (n) => String(Number(n) + copy))
        .replace(/^# (.*)$/gm, `## $1 (part ${copy + 1})`);
      parts.push(shifted);
      size += Buffer.byteLength(shifted);
    }
  }
  return parts.join("\n\n");
}

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "factdeck-bench-"));
  process.env.DATABASE_URL = `file:${path.join(dir, "bench.db")}`;
  const migrated = spawnSync(process.execPath, ["scripts/prepare-db.mjs", "--no-seed"], {
    env: process.env,
    encoding: "utf8",
  });
  if (migrated.status !== 0) throw new Error(migrated.stderr);
  // Imported after DATABASE_URL is set: the client reads it once.
  const { buildItems } = await import("@/lib/content/pipeline");
  const { publishDocument } = await import("@/lib/db/content");

  async function measure(label: string, body: string, runs: number) {
    const pipeline: number[] = [];
    const firstStore: number[] = [];
    const rebuild: number[] = [];
    let itemCount = 0;
    for (let run = 0; run < runs; run += 1) {
      const slug = `${label}-${run}`;
      let t = performance.now();
      const { items } = buildItems(body);
      pipeline.push(performance.now() - t);
      itemCount = items.length;
      t = performance.now();
      await publishDocument({ slug, title: label, body }, items);
      firstStore.push(performance.now() - t);
      t = performance.now();
      await publishDocument({ slug, title: label, body }, buildItems(body).items);
      rebuild.push(performance.now() - t);
    }
    return {
      document: label,
      kb: Math.round(Buffer.byteLength(body) / 1024),
      items: itemCount,
      pipeline_ms: Math.round(median(pipeline)),
      first_build_ms: Math.round(median(pipeline) + median(firstStore)),
      rebuild_ms: Math.round(median(rebuild)),
    };
  }

  const rows = [
    await measure("nato", readFileSync("content/nato-mission-iraq.md", "utf8"), 5),
    await measure("large", largeDocument(), 3),
  ];
  console.log("| document | KB | items | pipeline ms | first build ms (pipeline + store) | rebuild ms (no change) |");
  console.log("|---|---|---|---|---|---|");
  for (const r of rows) {
    console.log(`| ${r.document} | ${r.kb} | ${r.items} | ${r.pipeline_ms} | ${r.first_build_ms} | ${r.rebuild_ms} |`);
  }
  console.log(
    JSON.stringify({ content_build_ms_nato: rows[0]!.first_build_ms, content_build_ms_300kb: rows[1]!.first_build_ms }),
  );
  rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
