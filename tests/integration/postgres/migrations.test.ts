import { spawnSync } from "node:child_process";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { migratePostgres } from "@/scripts/postgres-migrate.mjs";
import { migrationNames } from "@/scripts/postgres-schema.mjs";
import { databaseUrl } from "@/tests/setup/postgres-global-setup";

// The PostgreSQL migrations (applied by scripts/postgres-migrate.mjs into the template this file's database was
// copied from) must build exactly the database prisma/postgres/schema.prisma describes: compared with a database made
// from Prisma's own `migrate diff --from-empty` script, column by column, with constraints and indexes.
const { serverUrl, prefix } = inject("postgresTemplate");
const scratch = `${prefix}_schema_${Date.now().toString(36)}`;

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

afterAll(() => withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`)));

/** Columns, constraints and indexes of the public schema, without Prisma's history table. */
async function describeDatabase(url: string) {
  return withClient(url, async (client) => {
    const columns = await client.query(
      `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name, column_name`,
    );
    const constraints = await client.query(
      `SELECT conrelid::regclass::text AS "table", conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
       WHERE connamespace = 'public'::regnamespace AND conrelid IS DISTINCT FROM to_regclass('"_prisma_migrations"')
       ORDER BY 1, 2`,
    );
    const indexes = await client.query(
      `SELECT tablename, indexname, indexdef FROM pg_indexes
       WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1, 2`,
    );
    return { columns: columns.rows, constraints: constraints.rows, indexes: indexes.rows };
  });
}

describe("PostgreSQL migrations", () => {
  it("run on this file's database (the project's sanity check)", () => {
    expect(process.env.DATABASE_URL).toMatch(/^postgresql:\/\//);
  });

  it("build the database the generated schema describes", async () => {
    const diff = spawnSync(
      process.execPath,
      [
        "scripts/prisma.mjs",
        "migrate",
        "diff",
        "--from-empty",
        "--to-schema-datamodel",
        "prisma/postgres/schema.prisma",
        "--script",
      ],
      { env: { ...process.env, DATABASE_URL: serverUrl }, encoding: "utf8" },
    );
    expect(diff.status, diff.stderr).toBe(0);
    await withClient(serverUrl, (c) => c.query(`CREATE DATABASE "${scratch}"`));
    await withClient(databaseUrl(serverUrl, scratch), (c) => c.query(diff.stdout));
    expect(await describeDatabase(process.env.DATABASE_URL!)).toEqual(
      await describeDatabase(databaseUrl(serverUrl, scratch)),
    );
  }, 120_000);

  it("are recorded in _prisma_migrations and applied once", async () => {
    const url = process.env.DATABASE_URL!;
    const recorded = await withClient(url, (c) =>
      c.query(`SELECT migration_name, finished_at, checksum FROM "_prisma_migrations" ORDER BY migration_name`),
    );
    expect(recorded.rows.map((row) => row.migration_name)).toEqual(migrationNames("prisma/postgres/migrations"));
    expect(recorded.rows.every((row) => row.finished_at instanceof Date && /^[0-9a-f]{64}$/.test(row.checksum))).toBe(
      true,
    );
    // Two instances starting at once: the advisory lock lets one apply, the other finds nothing pending.
    const [first, second] = await Promise.all([migratePostgres(url), migratePostgres(url)]);
    expect([...first, ...second]).toEqual([]);
  });

  it("roll a failing migration back whole and name it", async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const folder = mkdtempSync(path.join(tmpdir(), "factdeck-pg-migrations-"));
    try {
      mkdirSync(path.join(folder, "29990101000000_broken"));
      writeFileSync(
        path.join(folder, "29990101000000_broken", "migration.sql"),
        `CREATE TABLE "Half" ("id" TEXT);\nALTER TABLE "NoSuchTable" ADD COLUMN "x" TEXT;`,
      );
      const url = process.env.DATABASE_URL!;
      await expect(migratePostgres(url, { folder })).rejects.toThrow(
        /migration 29990101000000_broken failed, nothing of it was applied: relation "NoSuchTable" does not exist/,
      );
      const half = await withClient(url, (c) => c.query(`SELECT to_regclass('public."Half"') AS t`));
      expect(half.rows[0].t).toBeNull();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
