import {
  Kysely,
  LimitNode,
  PostgresDialect,
  SelectQueryNode,
  SqliteDialect,
  ValueNode,
  type Compilable,
  type CompiledQuery,
  type KyselyPlugin,
} from "kysely";
import pg from "pg";
import { databaseKind, env } from "@/lib/env";
import { isUniqueViolation, storedValue, storedValuesPlugin, type DatabaseKind } from "./dialect";
import { allSync, cachingStatements, inReadTransaction, readDb, writeSync, type SqliteConnection } from "./sqlite";
import type { DB } from "./tables";

// The dialect-neutral seam (issue 17, docs/decisions/027): the study loop and the analytical queries are built with
// Kysely and run on SQLite through better-sqlite3 or on PostgreSQL through pg, whichever DATABASE_URL names. Callers
// never see which.

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

/**
 * Writes a constant LIMIT into the SQL (`limit 1`) instead of binding it (`limit ?`), as the statements before the seam
 * did. SQLite plans with a bound LIMIT's value, so every run of such a statement re-prepares it (~50 µs for a small
 * statement, ~150 µs for the queue's next-due read, measured in docs/decisions/031). Only an integer limit of the
 * outermost select: a compiledOnce parameter stays a parameter. Valid SQL on both databases.
 */
const literalLimits: KyselyPlugin = {
  transformQuery({ node }) {
    if (!SelectQueryNode.is(node) || !node.limit || !ValueNode.is(node.limit.limit)) return node;
    const value = node.limit.limit.value;
    if (!Number.isSafeInteger(value)) return node;
    return { ...node, limit: LimitNode.create(ValueNode.createImmediate(value)) };
  },
  transformResult: async ({ result }) => result,
};

function open(url: string, kind: DatabaseKind): Kysely<DB> {
  const dialect =
    kind === "postgres"
      ? new PostgresDialect({ pool: new pg.Pool({ connectionString: url, types: pgTypes, max: 10 }) })
      : // The read connection (WAL: reads never wait for the writer), preparing each SQL text once: the study loop
        // runs the same dozen statements for every answer (docs/decisions/008).
        new SqliteDialect({ database: async () => cachingStatements(readDb()) });
  return new Kysely<DB>({ dialect, plugins: [literalLimits, storedValuesPlugin(kind)] });
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

/**
 * A query built and compiled once per database, then run with new parameters on each call. Building and compiling
 * a Kysely query costs ~100 µs on this machine, more than running a small indexed query on SQLite: the queries that
 * run on every request (the session check) or every answer (lib/db/reviews.ts, study.ts) use this. `param(name)`
 * stands for a parameter in the built query; each call binds the values by name, stored as the database stores them
 * (lib/db/dialect.ts storedValue). Only for queries whose shape never depends on the values (no `in` lists, no
 * optional conditions: one compiledOnce per shape). `r`: the reads it belongs with (readSnapshot), else on its own.
 * @example
 * const userById = compiledOnce<{ id: string }, { email: string }>((q, param) =>
 *   q.selectFrom("User").select("email").where("id", "=", param("id")));
 * const [user] = await userById({ id })
 */
export function compiledOnce<Params extends Record<string, unknown>, Row>(
  build: (q: Kysely<DB>, param: <K extends keyof Params & string>(name: K) => Params[K]) => Compilable<Row>,
): (params: Params, r?: Reader) => Promise<Row[]> {
  const bind = boundOnce(build);
  return async (params, r) => {
    const query = bind(params);
    // SQLite: straight on the connection's prepared statement, synchronously; Kysely's executor (connection mutex,
    // plugin hooks, awaits) costs more than these small reads (docs/decisions/031).
    const connection = r ? snapshotConnections.get(r) : queryDb().kind === "sqlite" ? readDb() : undefined;
    if (connection) return allSync(query, connection);
    // A snapshot's builder runs the same SQL as its database: compiled on one, run on the other.
    return (await (r ?? queryDb().q).executeQuery(query)).rows;
  };
}

/**
 * compiledOnce's compiled query with the call's parameters bound, not run: for writeTransaction's steps. A value left
 * `undefined` builds the statement anew with the real values, as Kysely leaves such a column out of an insert or an
 * update where the compiled statement would bind it.
 * @example const step = { query: logInsert({ id, rating }), mustChange: 1 }
 */
export function boundOnce<Params extends Record<string, unknown>, Row>(
  build: (q: Kysely<DB>, param: <K extends keyof Params & string>(name: K) => Params[K]) => Compilable<Row>,
): (params: Params) => CompiledQuery<Row> {
  const compiled = new WeakMap<Kysely<DB>, { query: CompiledQuery<Row>; names: (string | null)[] }>();
  return (params) => {
    const { q, kind } = queryDb();
    if (Object.values(params).some((value) => value === undefined)) {
      return build(q, (name) => params[name]).compile();
    }
    let entry = compiled.get(q);
    if (!entry) {
      // Placeholders no real parameter can equal; after compiling, their positions name the parameters.
      const placeholder = (name: string) => `\u0000param:${name}\u0000`;
      const query = build(q, (name) => placeholder(name) as never).compile();
      const names = query.parameters.map((value) =>
        typeof value === "string" && value.startsWith("\u0000param:") ? value.slice(7, -1) : null,
      );
      entry = { query, names };
      compiled.set(q, entry);
    }
    const { query, names } = entry;
    const parameters = query.parameters.map((value, i) => {
      const name = names[i];
      return name === null ? value : storedValue(kind, params[name]);
    });
    return { ...query, parameters } as CompiledQuery<Row>;
  };
}

/** What the reads of `readSnapshot` run on: the query builder, or its transaction. */
export type Reader = Kysely<DB>;

/**
 * Runs several reads that belong together (an answer's card, log, item and settings; a queue). On SQLite they share
 * one read transaction, so they see one snapshot. On PostgreSQL each read sees what was committed when it ran (READ
 * COMMITTED, no transaction to hold a pooled connection): the reads may run in parallel, and nothing written is
 * decided by them alone — the answer's writes carry the card version guard and the unique indexes (writeTransaction).
 * @example const card = await readSnapshot((r) => r.selectFrom("Card").selectAll().where("id", "=", id).executeTakeFirst())
 */
export async function readSnapshot<T>(read: (r: Reader) => Promise<T>): Promise<T> {
  const { q, kind } = queryDb();
  if (kind === "postgres") return read(q);
  return inReadTransaction((connection) => read(snapshotReader(connection)));
}

// SQLite: each read transaction's connection (lib/db/sqlite.ts inReadTransaction) has a query builder of its own,
// made once; compiledOnce runs its statements on that connection directly.
const snapshotReaders = new WeakMap<SqliteConnection, Reader>();
const snapshotConnections = new WeakMap<Reader, SqliteConnection>();

function snapshotReader(connection: SqliteConnection): Reader {
  let reader = snapshotReaders.get(connection);
  if (!reader) {
    reader = new Kysely<DB>({
      dialect: new SqliteDialect({ database: cachingStatements(connection) }),
      plugins: [literalLimits, storedValuesPlugin("sqlite")],
    });
    snapshotReaders.set(connection, reader);
    snapshotConnections.set(reader, connection);
  }
  return reader;
}

/**
 * One statement of a write transaction, to compile or compiled (boundOnce); `mustChange`: the rows it must change, else
 * the whole transaction is undone.
 */
export type WriteStep = { query: Compilable<unknown> | CompiledQuery; mustChange?: number };

/** A write step changed another number of rows than it must (a version guard that matched no row). */
export class UnchangedRows extends Error {
  constructor(readonly step: number) {
    super(`write step ${step} changed an unexpected number of rows`);
  }
}

/**
 * Runs the write statements in one transaction, all or nothing. A step whose `mustChange` is not met (an
 * `UPDATE … WHERE version = @seen` that another answer got to first) undoes everything and throws UnchangedRows; a
 * unique index refusing a row throws UniqueViolation. Callers read first (readSnapshot), decide, then write: the
 * guard in the statements is what makes the decision safe against concurrent answers, on one instance or several.
 * SQLite: synchronously on the process's writing connection (lib/db/sqlite.ts writeSync), so the write lock is held
 * for microseconds. PostgreSQL: one transaction on a pooled connection.
 * @example await writeTransaction([{ query: q.updateTable("Card").set(row).where("version", "=", seen), mustChange: 1 }, { query: q.insertInto("ReviewLog").values(log) }])
 */
export async function writeTransaction(steps: WriteStep[]): Promise<void> {
  const { q, kind } = queryDb();
  const compiled = steps.map(({ query }) => ("compile" in query ? query.compile() : query));
  const check = (changed: number, i: number) => {
    const must = steps[i]!.mustChange;
    if (must !== undefined && changed !== must) throw new UnchangedRows(i);
  };
  try {
    if (kind === "sqlite") {
      await writeSync(compiled as CompiledQuery[], check);
      return;
    }
    await q.transaction().execute(async (trx) => {
      for (const [i, query] of compiled.entries()) {
        const result = await trx.executeQuery(query);
        check(Number(result.numAffectedRows ?? 0), i);
      }
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new UniqueViolation(error);
    throw error;
  }
}

/** A unique index refused a row (two first answers to one card, a review id recorded twice). */
export class UniqueViolation extends Error {
  constructor(readonly cause: unknown) {
    super("a unique index refused the row");
  }
}
