import type Database from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, type Compilable, type CompiledQuery } from "kysely";
import pg from "pg";
import { databaseKind, env } from "@/lib/env";
import { storedValue, storedValuesPlugin, type DatabaseKind } from "./dialect";
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

/**
 * The read connection as Kysely's SqliteDialect sees it, with each SQL text prepared once: Kysely prepares on every
 * query, and preparing costs more than running a small indexed query (the session check went from ~40 to ~250 µs
 * per call without this, bench/session-check.ts). Kysely runs one query at a time per connection, so a cached
 * statement is never used by two queries at once.
 */
export function cachingStatements(connection: Database.Database) {
  const statements = new Map<string, Database.Statement>();
  return {
    close: () => connection.close(),
    prepare(text: string) {
      let statement = statements.get(text);
      if (!statement) statements.set(text, (statement = connection.prepare(text)));
      return statement;
    },
  };
}

function open(url: string, kind: DatabaseKind): Kysely<DB> {
  const dialect =
    kind === "postgres"
      ? new PostgresDialect({ pool: new pg.Pool({ connectionString: url, types: pgTypes, max: 10 }) })
      : // The study loop's read connection (WAL: reads never wait for the writer).
        new SqliteDialect({ database: async () => cachingStatements(readDb()) });
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

/**
 * A query built and compiled once per database, then run with new parameters on each call. Building and compiling
 * a Kysely query costs ~100 µs on this machine, more than running a small indexed query on SQLite: the few queries
 * that run on every request (the session check) use this. `param(name)` stands for a parameter in the built query;
 * each call binds the values by name, stored as the database stores them (lib/db/dialect.ts storedValue).
 * @example
 * const userById = compiledOnce<{ id: string }, { email: string }>((q, param) =>
 *   q.selectFrom("User").select("email").where("id", "=", param("id")));
 * const [user] = await userById({ id })
 */
export function compiledOnce<Params extends Record<string, unknown>, Row>(
  build: (q: Kysely<DB>, param: <K extends keyof Params & string>(name: K) => Params[K]) => Compilable<Row>,
): (params: Params) => Promise<Row[]> {
  const compiled = new WeakMap<Kysely<DB>, { query: CompiledQuery<Row>; names: (string | null)[] }>();
  return async (params) => {
    const { q, kind } = queryDb();
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
    return (await q.executeQuery<Row>({ ...query, parameters } as CompiledQuery<Row>)).rows;
  };
}

/**
 * openQuizItems (lib/db/open-quizzes.ts) through the seam, for code that runs on both databases: the items whose
 * answers the learner's unfinished quiz attempts keep hidden (the quiz's own items and their siblings: same fact or
 * same sentence), each with the attempt that asks it. Same rule and result; asynchronous. TODO(issue 17): one of the
 * two should remain once the study loop is on the seam.
 * @example (await loadOpenQuizItems(user.id)).has(itemId)
 */
export async function loadOpenQuizItems(userId: string): Promise<Map<string, string>> {
  const { q } = queryDb();
  const attempts = await q
    .selectFrom("QuizAttempt as a")
    .select(["a.id", "a.itemIds"])
    .where("a.userId", "=", userId)
    .where("a.finishedAt", "is", null)
    .where((eb) =>
      eb.or([
        eb("a.assignmentId", "is", null),
        eb.exists(
          eb
            .selectFrom("Assignment as s")
            .innerJoin("ClassMember as m", "m.classId", "s.classId")
            .select("s.id")
            .whereRef("s.id", "=", "a.assignmentId")
            .whereRef("m.userId", "=", "a.userId"),
        ),
      ]),
    )
    .orderBy("a.startedAt")
    .orderBy("a.id")
    .execute();
  const items = new Map<string, string>();
  for (const attempt of attempts) {
    const quizItemIds = JSON.parse(attempt.itemIds) as string[];
    for (const itemId of quizItemIds) if (!items.has(itemId)) items.set(itemId, attempt.id);
    if (quizItemIds.length === 0) continue;
    const siblings = await q
      .selectFrom("Item as quiz")
      .innerJoin("Item as sibling", (join) =>
        join
          .onRef("sibling.documentId", "=", "quiz.documentId")
          .on((eb) =>
            eb.or([
              eb("sibling.factKey", "=", eb.ref("quiz.factKey")),
              eb("sibling.sourceStart", "=", eb.ref("quiz.sourceStart")),
            ]),
          ),
      )
      .select(["quiz.id as quizItemId", "sibling.id"])
      .where("quiz.id", "in", quizItemIds)
      .where("sibling.retiredAt", "is", null)
      .execute();
    // In the quiz's order, as openQuizItems walks it.
    const order = new Map(quizItemIds.map((id, i) => [id, i]));
    siblings.sort((x, y) => order.get(x.quizItemId)! - order.get(y.quizItemId)!);
    for (const sibling of siblings) if (!items.has(sibling.id)) items.set(sibling.id, attempt.id);
  }
  return items;
}
