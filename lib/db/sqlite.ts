import path from "node:path";
import Database from "better-sqlite3";
import { env } from "@/lib/env";

// A second, read-only-by-convention connection to the same SQLite file for the study loop's reads. Each Prisma query
// costs a fixed ~0.5 ms on this stack (WASM query compiler, adapter round trip) however small it is; the queue reads
// a few hundred rows per answer, and a prepared better-sqlite3 statement does that in microseconds.
// Writes stay on Prisma's connection: one writer per process keeps Prisma's transaction mutex meaningful (a second
// writing connection could make a Prisma transaction fail with SQLITE_BUSY_SNAPSHOT). In WAL mode readers never wait
// for the writer and always see every committed write.

const connections = new Map<string, Database.Database>();

/** The read connection for DATABASE_URL (opened on first use; `file:./x.db` resolves against the working directory). */
export function readDb(): Database.Database {
  const file = path.resolve(env().DATABASE_URL.slice("file:".length));
  let connection = connections.get(file);
  if (!connection) {
    connection = new Database(file, { fileMustExist: true, timeout: 5000 });
    // 64 MB of page cache instead of SQLite's 2 MB: many learners' cards and logs stay in memory between answers.
    connection.pragma("cache_size = -65536");
    connections.set(file, connection);
  }
  return connection;
}

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A prepared statement on the read connection, prepared once per connection and SQL text. */
export function query<Row>(sql: string) {
  const connection = readDb();
  let cache = statements.get(connection);
  if (!cache) statements.set(connection, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = connection.prepare(sql)));
  return {
    get: (...params: unknown[]) => statement.get(...params) as Row | undefined,
    all: (...params: unknown[]) => statement.all(...params) as Row[],
  };
}

/** Runs `read` in one read transaction: every statement in it sees the same snapshot. */
export function readSnapshot<T>(read: () => T): T {
  return readDb().transaction(read).deferred();
}

/** DateTime columns as Prisma's SQLite adapter stores them ("2026-03-02T09:00:00.000+00:00"), for comparisons. */
export function sqlDate(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

/** A DateTime column read back (null stays null). */
export function fromSqlDate(value: string | null): Date | null {
  return value === null ? null : new Date(value);
}
