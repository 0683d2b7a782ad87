/**
 * The SQLite → PostgreSQL copy (scripts/sqlite-to-postgres.mjs, docs/decisions/027) on a generated database with
 * learners, cards and review logs written through lib/srs (bench/lib/build-db.ts): every table copied and counted,
 * values read back equal, the replay check of cards against their logs, and the refusals.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/client";
import { copySqliteToPostgres } from "@/scripts/sqlite-to-postgres.mjs";
import { databaseUrl } from "@/tests/setup/postgres-global-setup";

const dir = mkdtempSync(path.join(tmpdir(), "factdeck-copy-"));
const source = path.join(dir, "source.db");
const target = process.env.DATABASE_URL!;

/** Another database on the test server: migrated (from the template) or bare. */
async function newDatabase(migrated: boolean): Promise<string> {
  const { serverUrl, template, prefix } = inject("postgresTemplate");
  const name = `${prefix}_${crypto.randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"${migrated ? ` TEMPLATE "${template}"` : ""}`);
  await admin.end();
  return databaseUrl(serverUrl, name);
}

beforeAll(() => {
  // 8 learners × 10 days of simulated study, through the same code the benchmark uses.
  // (tsx's --eval loads the TypeScript module through CommonJS interop: its exports arrive under `default`.)
  const script = `import("@/bench/lib/build-db").then((m) => (m.buildDatabase ?? m.default.buildDatabase)(process.argv[1],
    { learners: 8, days: 10, generatedItems: 60, now: new Date("2026-12-01T12:00:00Z") }, () => {}))`;
  const tsx = createRequire(import.meta.url).resolve("tsx/cli");
  const built = spawnSync(process.execPath, [tsx, "--eval", script, source], { encoding: "utf8" });
  expect(built.status, built.stderr).toBe(0);
}, 120_000);

describe("db:sqlite-to-postgres", () => {
  it("copies every table in one transaction, verified by row counts and the replay check", async () => {
    const lines: string[] = [];
    const { tables, order } = await copySqliteToPostgres(source, target, { log: (line) => lines.push(line) });
    const sqlite = new Database(source, { readonly: true });
    const count = (table: string) => sqlite.prepare(`SELECT COUNT(*) FROM "${table}"`).pluck().get() as number;
    expect(tables.Card).toBeGreaterThan(100);
    expect(tables.ReviewLog).toBeGreaterThan(tables.Card!);
    for (const [table, rows] of Object.entries(tables)) expect(rows, table).toBe(count(table));
    // Parents first: a user before their cards, an item before its cards, a card before its logs.
    expect(order.indexOf("User")).toBeLessThan(order.indexOf("Card"));
    expect(order.indexOf("Item")).toBeLessThan(order.indexOf("Card"));
    expect(order.indexOf("Card")).toBeLessThan(order.indexOf("ReviewLog"));
    expect(lines.at(-1)).toMatch(/replay check of \d+ cards against \d+ review logs: every card agrees/);

    // Values come back as the app reads them: dates as instants, booleans as booleans.
    const row = sqlite.prepare(`SELECT * FROM "Card" WHERE "lastReview" IS NOT NULL ORDER BY id LIMIT 1`).get() as {
      id: string;
      due: string;
      lastReview: string;
      reps: number;
      suspended: number;
    };
    const card = await db.card.findUniqueOrThrow({ where: { id: row.id } });
    expect(card.due).toEqual(new Date(row.due));
    expect(card.lastReview).toEqual(new Date(row.lastReview));
    expect(card.reps).toBe(row.reps);
    expect(card.suspended).toBe(row.suspended === 1);
    expect(await db.reviewLog.count({ where: { cardId: row.id } })).toBe(row.reps);
    sqlite.close();

    // A second copy into the same (now full) database is refused and writes nothing.
    const before = await db.reviewLog.count();
    await expect(copySqliteToPostgres(source, target)).rejects.toThrow(/is not empty \(table \w+ has rows\)/);
    expect(await db.reviewLog.count()).toBe(before);
  });

  it("copies the demo database (what `npm run dev` seeds: decks, classes, sets, an assignment)", async () => {
    const demo = path.join(dir, "demo.db");
    const seeded = spawnSync(process.execPath, ["scripts/prepare-db.mjs", "--demo"], {
      env: { ...process.env, DATABASE_URL: `file:${demo}` },
      encoding: "utf8",
    });
    expect(seeded.status, seeded.stderr).toBe(0);
    const into = await newDatabase(true);
    const { tables } = await copySqliteToPostgres(demo, into);
    expect(tables).toMatchObject({ User: expect.any(Number), Item: expect.any(Number), Assignment: 1 });
    const client = new pg.Client({ connectionString: into });
    await client.connect();
    const { rows } = await client.query(`SELECT email FROM "User" ORDER BY email`);
    await client.end();
    const sqlite = new Database(demo, { readonly: true });
    expect(rows.map((r) => r.email)).toEqual(sqlite.prepare(`SELECT email FROM "User" ORDER BY email`).pluck().all());
    sqlite.close();
  }, 120_000);

  it("copies a card that already disagrees with its logs as it is, and says so", async () => {
    const tampered = path.join(dir, "tampered.db");
    copyFileSync(source, tampered);
    const sqlite = new Database(tampered);
    const id = sqlite.prepare(`SELECT id FROM "Card" WHERE reps > 0 ORDER BY id LIMIT 1`).pluck().get() as string;
    sqlite.prepare(`UPDATE "Card" SET reps = reps + 1 WHERE id = ?`).run(id);
    sqlite.close();
    const lines: string[] = [];
    const result = await copySqliteToPostgres(tampered, await newDatabase(true), { log: (l) => lines.push(l) });
    expect(result.cardsDisagreeing).toEqual([id]);
    expect(lines.at(-1)).toContain("1 cards disagree with their logs in the source already");
  });

  it("refuses a PostgreSQL database without the migrations, and a SQLite file that is not migrated", async () => {
    const bare = await newDatabase(false);
    await expect(copySqliteToPostgres(source, bare)).rejects.toThrow(
      /PostgreSQL database lacks migrations .*db:migrate/,
    );
    const empty = path.join(dir, "empty.db");
    new Database(empty).close();
    await expect(copySqliteToPostgres(empty, await newDatabase(true))).rejects.toThrow(
      /not a migrated Factdeck database/,
    );
    await expect(copySqliteToPostgres(path.join(dir, "missing.db"), bare)).rejects.toThrow(/no SQLite database at/);
  });
});
