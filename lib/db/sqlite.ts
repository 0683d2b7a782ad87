import path from "node:path";
import Database from "better-sqlite3";
import type { CompiledQuery, SqliteDatabase } from "kysely";
import { databaseKind, env } from "@/lib/env";

// SQLite's connections besides Prisma's own, for the query builder (lib/db/query.ts) and the few statements not on it
// yet. Prisma costs a fixed ~0.5 ms per query on this stack (WASM query compiler, adapter round trip), so the study
// loop reads and writes through these instead (docs/decisions/008, 009, 027).
// Reads: a connection to the same file, read-only by convention. In WAL mode readers never wait for the writer and
// always see every committed write.
// Writes: a connection of their own, in synchronous IMMEDIATE transactions: the write lock is held for microseconds
// and nothing else in the process runs in between. Every Prisma transaction begins as a writer (lib/db/client.ts), so
// a commit here can never land between a Prisma transaction's read and its write (SQLITE_BUSY_SNAPSHOT).

/** A better-sqlite3 connection, for lib/db/query.ts. */
export type SqliteConnection = Database.Database;

const readers = new Map<string, Database.Database>();
const writers = new Map<string, Database.Database>();

function databaseFile(): string {
  if (databaseKind() !== "sqlite") {
    // TODO(issue 17): the statements still here move onto the query builder; until then say why, not ENOENT.
    throw new Error(
      "lib/db/sqlite.ts runs on SQLite only, and DATABASE_URL is PostgreSQL: this path is not ported yet",
    );
  }
  return path.resolve(env().DATABASE_URL.slice("file:".length));
}

function openReader(file: string): Database.Database {
  const connection = new Database(file, { fileMustExist: true, timeout: 5000 });
  // 64 MB of page cache instead of SQLite's 2 MB: many learners' cards and logs stay in memory between answers.
  connection.pragma("cache_size = -65536");
  return connection;
}

/** The read connection for DATABASE_URL (opened on first use; `file:./x.db` resolves against the working directory). */
export function readDb(): Database.Database {
  const file = databaseFile();
  let connection = readers.get(file);
  if (!connection) readers.set(file, (connection = openReader(file)));
  return connection;
}

// Read transactions (inReadTransaction) each take a connection of their own: a BEGIN on the shared read connection
// would put every other request's reads on it inside that snapshot while this one awaits. Usually one is open at a
// time; a few are kept open between uses (each keeps its prepared statements and page cache).
const idleSnapshots = new Map<string, Database.Database[]>();
const IDLE_SNAPSHOT_CONNECTIONS = 4;

/**
 * Runs `read` inside one read transaction (one snapshot: it sees no commit made after its first read) on a read
 * connection that nothing else uses meanwhile. BEGIN and COMMIT are run synchronously on prepared statements.
 * @example const card = await inReadTransaction(async (connection) => connection.prepare(sql).get(id))
 */
export async function inReadTransaction<T>(read: (connection: Database.Database) => Promise<T>): Promise<T> {
  const file = databaseFile();
  let idle = idleSnapshots.get(file);
  if (!idle) idleSnapshots.set(file, (idle = []));
  const connection = idle.pop() ?? openReader(file);
  prepared(connection, "BEGIN").run();
  try {
    return await read(connection);
  } finally {
    prepared(connection, "COMMIT").run();
    if (idle.length < IDLE_SNAPSHOT_CONNECTIONS) idle.push(connection);
    else connection.close();
  }
}

/** The writing connection for DATABASE_URL. No busy timeout: a busy database is retried asynchronously (writeSync). */
function writeDb(): Database.Database {
  const file = databaseFile();
  let connection = writers.get(file);
  if (!connection) {
    connection = new Database(file, { fileMustExist: true, timeout: 0 });
    writers.set(file, connection);
  }
  return connection;
}

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A statement prepared once per connection and SQL text. */
function prepared(connection: Database.Database, sql: string): Database.Statement {
  let cache = statements.get(connection);
  if (!cache) statements.set(connection, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = connection.prepare(sql)));
  return statement;
}

/**
 * The connection as Kysely's SQLite dialect takes it, preparing each SQL text once (Kysely prepares every query anew,
 * which costs more than running the study loop's small statements). Kysely runs one query at a time on it.
 */
export function cachingStatements(connection: Database.Database): SqliteDatabase {
  return { close: () => connection.close(), prepare: (sql: string) => prepared(connection, sql) };
}

/**
 * A query built with Kysely, run synchronously on a prepared statement of `connection` (the read connection unless
 * given): the compiled reads of the study loop (lib/db/query.ts compiledOnce), and the last synchronous callers of a
 * function that has an asynchronous twin on the seam. SQLite only.
 */
export function allSync<Row>(compiled: CompiledQuery<Row>, connection: Database.Database = readDb()): Row[] {
  return prepared(connection, compiled.sql).all(...compiled.parameters) as Row[];
}

const BUSY_RETRY_MS = 30_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs compiled write statements as one IMMEDIATE transaction on the writing connection, synchronously; `check` sees
 * each statement's changed rows and may throw to roll everything back. While another connection holds the write lock
 * (a Prisma transaction, which may be waiting for this very event loop, or another process) it retries after a short
 * pause instead of blocking, for up to 30 s.
 */
export async function writeSync(compiled: CompiledQuery[], check: (changed: number, step: number) => void) {
  const connection = writeDb();
  const run = connection.transaction(() => {
    compiled.forEach((query, i) => check(prepared(connection, query.sql).run(...query.parameters).changes, i));
  });
  const started = Date.now();
  for (let pause = 1; ; pause = Math.min(pause * 2, 50)) {
    try {
      return run.immediate();
    } catch (error) {
      const busy = (error as { code?: string }).code === "SQLITE_BUSY";
      if (!busy || Date.now() - started > BUSY_RETRY_MS) throw error;
      await sleep(pause);
    }
  }
}

/**
 * Makes a Prisma interactive transaction a writer from its first statement, like BEGIN IMMEDIATE (the adapter begins
 * with a plain BEGIN). lib/db/client.ts does this for every Prisma transaction on SQLite; the statement changes no
 * row and is valid PostgreSQL.
 * @example await db.$transaction(async (tx) => { await beginAsWriter(tx); … })
 */
export async function beginAsWriter(tx: { $executeRawUnsafe: (sql: string) => PromiseLike<number> }): Promise<void> {
  await tx.$executeRawUnsafe(BEGIN_AS_WRITER_SQL);
}

/** A write that changes nothing: as a transaction's first statement it takes SQLite's write lock before any read. */
export const BEGIN_AS_WRITER_SQL = `UPDATE "_prisma_migrations" SET "id" = "id" WHERE 1 = 0`;
