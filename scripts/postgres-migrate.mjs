// Applies prisma/postgres/migrations to a PostgreSQL database, offline (docs/decisions/027). Prisma 6.19's
// `migrate deploy` cannot run through @prisma/adapter-pg as shipped (STACK.md), so each pending migration.sql runs
// here in its own transaction and is recorded in Prisma's own `_prisma_migrations` table, the way `migrate deploy`
// records it: `prisma migrate status` and a later Prisma version read the same history. A session advisory lock
// makes instances that start together apply each migration once; PostgreSQL's DDL is transactional, so a failing
// migration leaves nothing half-done behind.
import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { migrationNames } from "./postgres-schema.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const POSTGRES_MIGRATIONS = path.join(root, "prisma", "postgres", "migrations");

// Any fixed number; only this runner takes it.
const LOCK_KEY = 4_173_017;

// Prisma's own definition of the table (schema engine, PostgreSQL flavour).
const HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/**
 * Applies the pending migrations to the database at `url`; returns the names applied (empty: nothing pending).
 * Throws, naming the migration and PostgreSQL's message, when one fails (that one and later ones stay pending).
 * @example await migratePostgres("postgresql://factdeck@127.0.0.1:5432/factdeck")
 */
export async function migratePostgres(url, { folder = POSTGRES_MIGRATIONS, log = () => {} } = {}) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(HISTORY_TABLE);
    const { rows } = await client.query(
      `SELECT "migration_name", "finished_at" FROM "_prisma_migrations" WHERE "rolled_back_at" IS NULL`,
    );
    const failed = rows.filter((row) => row.finished_at === null).map((row) => row.migration_name);
    if (failed.length > 0) {
      throw new Error(
        `migration ${failed.join(", ")} started and never finished (recorded by another tool): inspect the database, ` +
          `then mark it rolled back (UPDATE "_prisma_migrations" SET "rolled_back_at" = now() WHERE …)`,
      );
    }
    const applied = new Set(rows.map((row) => row.migration_name));
    const pending = migrationNames(folder).filter((name) => !applied.has(name));
    for (const name of pending) {
      const sql = readFileSync(path.join(folder, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      try {
        await client.query("BEGIN");
        // No parameters: pg sends the whole file as one simple query, which may hold many statements.
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "finished_at", "applied_steps_count")
           VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
          [randomUUID(), checksum, name],
        );
        await client.query("COMMIT");
        log(`applied ${name}`);
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${name} failed, nothing of it was applied: ${error.message}`, { cause: error });
      }
    }
    return pending;
  } finally {
    await client.end();
  }
}
