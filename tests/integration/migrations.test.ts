import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, inject, it } from "vitest";

/**
 * The checked-in migrations must build exactly the database that prisma/schema.prisma describes. Prisma's own check
 * (`migrate diff --from-migrations`) needs a shadow database the offline adapter cannot give it (STACK.md), so this
 * compares the migrated template database with one made by `db push` from the schema, table by table: columns,
 * foreign keys and indexes. It fails when a schema change has no migration, or when two migrations written on
 * separate branches undo each other's columns.
 */
describe("migrations", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "factdeck-schema-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("build the database the schema describes", () => {
    const pushed = path.join(dir, "pushed.db");
    const result = spawnSync(
      process.execPath,
      ["scripts/prisma.mjs", "db", "push", "--skip-generate", "--accept-data-loss"],
      { env: { ...process.env, DATABASE_URL: `file:${pushed}` }, encoding: "utf8" },
    );
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(describeDatabase(inject("templateDatabase"))).toEqual(describeDatabase(pushed));
  }, 120_000);
});

/** Tables with their columns, foreign keys and indexes, in a stable order and without DDL formatting. */
function describeDatabase(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name",
      )
      .pluck()
      .all() as string[];
    return Object.fromEntries(
      tables.map((table) => {
        const quoted = `"${table.replace(/"/g, '""')}"`;
        // By name, not position: a column added by ALTER TABLE comes last, wherever the schema lists it.
        const columns = (db.prepare(`PRAGMA table_info(${quoted})`).all() as { cid: number; name: string }[])
          .map(({ cid: _position, ...column }) => column)
          .sort((a, b) => a.name.localeCompare(b.name));
        const foreignKeys = db
          .prepare(`PRAGMA foreign_key_list(${quoted})`)
          .all()
          .map((fk) => {
            const { table: target, from, to, on_update, on_delete } = fk as Record<string, unknown>;
            return `${String(from)} -> ${String(target)}.${String(to)} update ${String(on_update)} delete ${String(on_delete)}`;
          })
          .sort();
        const indexes = (db.prepare(`PRAGMA index_list(${quoted})`).all() as { name: string; unique: number }[])
          .filter((index) => !index.name.startsWith("sqlite_autoindex"))
          .map((index) => {
            const names = db
              .prepare(`PRAGMA index_info("${index.name.replace(/"/g, '""')}")`)
              .all()
              .map((column) => (column as { name: string }).name);
            return `${index.name} ${index.unique ? "unique " : ""}(${names.join(", ")})`;
          })
          .sort();
        return [table, { columns, foreignKeys, indexes }];
      }),
    );
  } finally {
    db.close();
  }
}
