import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { databaseKind } from "@/lib/env";
import { db } from "./client";
import { queryDb } from "./query";

export type DatabaseHealth = {
  /** Which database DATABASE_URL names. */
  database: "sqlite" | "postgresql";
  /** The database answered a real query on a migrated table. */
  reachable: boolean;
  /**
   * "current": every migration this code ships is applied; "pending": some are not (this code expects a schema the
   * database does not have yet); "unknown": the database did not answer, or the migrations folder is not deployed.
   */
  migrations: "current" | "pending" | "unknown";
};

/** The migrations this code ships for its database (one folder per provider, docs/decisions/027), or null. */
function shippedMigrations(kind: "sqlite" | "postgres"): string[] | null {
  // The server runs from the project folder (npm start), where prisma/ is.
  const folder = path.join(process.cwd(), "prisma", ...(kind === "postgres" ? ["postgres"] : []), "migrations");
  if (!existsSync(folder)) return null;
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(folder, entry.name, "migration.sql")))
    .map((entry) => entry.name);
}

/**
 * What the health check reports about the database: which one, whether it answers, whether its migrations are
 * current. Two reads: a count on User (the database answers and is migrated) and Prisma's migration history, which
 * both databases keep in `_prisma_migrations` (on PostgreSQL written by scripts/postgres-migrate.mjs).
 * @example const { reachable, migrations } = await databaseHealth() // { …, reachable: true, migrations: "current" }
 */
export async function databaseHealth(): Promise<DatabaseHealth> {
  const kind = databaseKind();
  const database = kind === "postgres" ? "postgresql" : "sqlite";
  try {
    await db.user.count();
  } catch {
    return { database, reachable: false, migrations: "unknown" };
  }
  const shipped = shippedMigrations(kind);
  if (!shipped) return { database, reachable: true, migrations: "unknown" };
  try {
    const { rows } = await sql<{ name: string }>`SELECT "migration_name" AS "name" FROM "_prisma_migrations"
      WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`.execute(queryDb().q);
    const applied = new Set(rows.map((row) => row.name));
    return {
      database,
      reachable: true,
      migrations: shipped.every((name) => applied.has(name)) ? "current" : "pending",
    };
  } catch {
    return { database, reachable: true, migrations: "unknown" };
  }
}
