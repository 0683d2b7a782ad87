import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { databaseKind, env } from "@/lib/env";
import { storedValuesPlugin, type DatabaseKind } from "./dialect";
import { readDb } from "./sqlite";
import type { DB } from "./tables";

// The dialect-neutral seam (issue 17, docs/decisions/027): queries that Prisma cannot express well (analytics
// today, the study loop next) are built with Kysely and run on SQLite through better-sqlite3 or on PostgreSQL
// through pg, whichever DATABASE_URL names. Callers never see which.

const globalForQuery = globalThis as unknown as { queryDb?: { url: string; kysely: Kysely<DB>; kind: DatabaseKind } };

// pg's defaults read COUNT/SUM (int8, numeric) as strings and `timestamp` as local time; Prisma's DateTime is a
// `timestamp(3)` holding UTC.
const PG_INT8 = 20;
const PG_NUMERIC = 1700;
const PG_TIMESTAMP = 1114;
const pgTypes = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === PG_INT8 || oid === PG_NUMERIC) return (text: string) => Number(text);
    if (oid === PG_TIMESTAMP) return (text: string) => new Date(`${text.replace(" ", "T")}Z`);
    return pg.types.getTypeParser(oid, format ?? "text");
  },
} as pg.CustomTypesConfig;

function open(url: string, kind: DatabaseKind): Kysely<DB> {
  const dialect =
    kind === "postgres"
      ? new PostgresDialect({ pool: new pg.Pool({ connectionString: url, types: pgTypes, max: 10 }) })
      : // The study loop's read connection (WAL: reads never wait for the writer).
        new SqliteDialect({ database: async () => readDb() });
  return new Kysely<DB>({ dialect, plugins: [storedValuesPlugin(kind)] });
}

/**
 * The query builder on DATABASE_URL's database, and which database that is (for lib/db/dialect.ts helpers).
 * @example const { q, kind } = queryDb(); await q.selectFrom("Card").select("id").where("userId", "=", id).execute()
 */
export function queryDb(): { q: Kysely<DB>; kind: DatabaseKind } {
  const url = env().DATABASE_URL;
  let current = globalForQuery.queryDb;
  if (!current || current.url !== url) {
    const kind = databaseKind(url);
    current = { url, kind, kysely: open(url, kind) };
    globalForQuery.queryDb = current;
  }
  return { q: current.kysely, kind: current.kind };
}
