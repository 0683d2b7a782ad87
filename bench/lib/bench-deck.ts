/**
 * The setup the in-process benches share (bench/answer-path.ts, bench/study-queue.ts): a fresh migrated SQLite file
 * in a temporary folder, a generated deck of typed items published as the app publishes one, its item ids in
 * introduction order, and a learner. Runs against whatever lib/ the working directory holds, so the same bench
 * compares two checkouts.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Creates and migrates an empty database in a new temporary folder and points DATABASE_URL at it. Call it before
 * anything imports lib/db (the Prisma client reads DATABASE_URL once); `remove` deletes the folder.
 * @example const database = benchDatabase("factdeck-answer-bench-"); … ; database.remove()
 */
export function benchDatabase(prefix: string): { file: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const file = path.join(dir, "bench.db");
  process.env.DATABASE_URL = `file:${file}`;
  const migrated = spawnSync(process.execPath, ["scripts/prepare-db.mjs", "--no-seed"], { encoding: "utf8" });
  if (migrated.status !== 0) throw new Error(migrated.stderr);
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Publishes a deck of `count` typed items ("Q<i>?" / "A<i>", each from its own sentence), `siblingsPerFact` items per
 * fact (2: siblings, which the queue introduces on different days), and creates a learner. Returns the deck, its item
 * ids in introduction order and the learner's id.
 * @example const { documentId, ids, userId } = await benchDeck(3000, 2)
 */
export async function benchDeck(count: number, siblingsPerFact: number) {
  const { publishDocument } = await import("@/lib/db/content");
  const { db } = await import("@/lib/db/client");
  const { makeUser } = await import("@/tests/factories");
  const items = Array.from({ length: count }, (_, i) => ({
    key: `k${i}`,
    factKey: `f${Math.floor(i / siblingsPerFact)}`,
    kind: "typed" as const,
    prompt: `Q${i}?`,
    answer: `A${i}`,
    accepted: [],
    options: null,
    answerType: "text" as const,
    topic: "history" as const,
    difficulty: 0.5,
    source: { text: `A${i}.`, start: i, end: i + 1 },
  }));
  const { documentId } = await publishDocument({ slug: "bench", title: "Bench", body: "x" }, items);
  const ids = (
    await db.item.findMany({ where: { documentId }, orderBy: { position: "asc" }, select: { id: true } })
  ).map((i) => i.id);
  const user = await makeUser();
  return { documentId, ids, userId: user.id };
}
