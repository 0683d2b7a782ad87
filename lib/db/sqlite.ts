import path from "node:path";
import Database from "better-sqlite3";
import { databaseKind, env } from "@/lib/env";
import { db, prismaConnection } from "./client";

// The study loop's SQL, as prepared better-sqlite3 statements instead of Prisma queries. Each Prisma query costs a
// fixed ~0.5 ms on this stack (WASM query compiler, adapter round trip) however small it is, and a Prisma interactive
// transaction holds the write lock across event-loop turns, so under load every answer waited for other requests'
// work (docs/decisions/008-study-loop-performance.md).
// Reads: a second, read-only-by-convention connection to the same file. In WAL mode readers never wait for the
// writer and always see every committed write.
// Writes: Prisma's own connection (lib/db/client.ts), in synchronous IMMEDIATE transactions. One writing connection
// per process keeps Prisma's transactions safe: a second one could commit between the read and the write of a Prisma
// transaction, which then fails with SQLITE_BUSY_SNAPSHOT.

const connections = new Map<string, Database.Database>();

/** The read connection for DATABASE_URL (opened on first use; `file:./x.db` resolves against the working directory). */
export function readDb(): Database.Database {
  if (databaseKind() !== "sqlite") {
    // TODO(issue 17): these statements move onto the query builder (lib/db/query.ts); until then say why, not ENOENT.
    throw new Error(
      "lib/db/sqlite.ts runs on SQLite only, and DATABASE_URL is PostgreSQL: this path is not ported yet",
    );
  }
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
    /** Rows one at a time; leaving the loop early stops reading. */
    iterate: (...params: unknown[]) => statement.iterate(...params) as IterableIterator<Row>,
  };
}

/** Runs `read` in one read transaction: every statement in it sees the same snapshot. */
export function readSnapshot<T>(read: () => T): T {
  return readDb().transaction(read).deferred();
}

const writeStatements = new WeakMap<Database.Database, Map<string, Database.Statement>>();
let writing: Database.Database | null = null;

/**
 * Runs `work` as one transaction on the writing connection: synchronously, so it holds SQLite's write lock for
 * microseconds and nothing else in the process runs in between. Statements inside go through `execute`. If a Prisma
 * interactive transaction is open on that connection (it awaits between its queries), `work` waits for it through
 * Prisma's own transaction queue instead of joining it. A throw rolls everything back.
 * @example await writeTransaction(() => execute(`UPDATE Card SET … WHERE id = @id`, { id }))
 */
export async function writeTransaction<T>(work: () => T): Promise<T> {
  const connection = await prismaConnection();
  const run = () => {
    writing = connection;
    try {
      return work();
    } finally {
      writing = null;
    }
  };
  if (!connection.inTransaction) return connection.transaction(run).immediate();
  // Publishing a large document holds its transaction for seconds: wait for it rather than fail the answer.
  return db.$transaction(async () => run(), { maxWait: 30_000 });
}

/**
 * Makes a Prisma interactive transaction a writer from its first statement, like BEGIN IMMEDIATE (the adapter begins
 * with a plain BEGIN). A transaction that reads first and writes later holds a snapshot; when another process (the
 * app answering, or content:build next to it) commits in between, SQLite cannot upgrade it and fails at once with
 * SQLITE_BUSY_SNAPSHOT, never waiting. A write as the first statement takes the write lock before any snapshot,
 * waiting up to the busy timeout for a writer that holds it. The statement changes no row and is valid PostgreSQL.
 * @example await db.$transaction(async (tx) => { await beginAsWriter(tx); … })
 */
export async function beginAsWriter(tx: { $executeRawUnsafe: (sql: string) => PromiseLike<number> }): Promise<void> {
  await tx.$executeRawUnsafe(`UPDATE "_prisma_migrations" SET "id" = "id" WHERE 1 = 0`);
}

/** Runs one write statement inside `writeTransaction`; returns the number of rows it changed. */
export function execute(sql: string, params: Record<string, unknown>): number {
  const connection = writing;
  if (!connection?.inTransaction) throw new Error("execute() runs only inside writeTransaction()");
  let cache = writeStatements.get(connection);
  if (!cache) writeStatements.set(connection, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = connection.prepare(sql)));
  return statement.run(params).changes;
}

/** DateTime columns as Prisma's SQLite adapter stores them ("2026-03-02T09:00:00.000+00:00"), for comparisons. */
export function sqlDate(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

/** A DateTime column read back (null stays null). */
export function fromSqlDate(value: string | null): Date | null {
  return value === null ? null : new Date(value);
}
