#!/usr/bin/env node
// `npm run db:sqlite-to-postgres -- <SQLite file or file: URL> <postgresql:// URL>`: copies every table of a migrated
// SQLite database into a migrated, empty PostgreSQL database (docs/decisions/027), in one transaction:
//   1. both databases must have every migration this code ships (SQLite: prisma/migrations; PostgreSQL:
//      prisma/postgres/migrations, applied by `DATABASE_URL=postgresql://… npm run db:migrate`), and the target must
//      hold no rows: anything else is refused with a clear message and nothing is written;
//   2. tables are copied parents first (the order PostgreSQL's foreign keys give), rows in batches; SQLite's 0/1
//      booleans become booleans and its DateTime text becomes timestamps (UTC);
//   3. before committing, every table's row count must equal the source's, and the replay check must agree: each
//      card's reps equals the number of its review logs, and its state, reps and lapses equal the last log's
//      "after" snapshot (what replaying the logs ends in; an undo deletes its log and restores the card, a
//      catch-up only moves due dates, so both hold for every card the study loop wrote). The cards that fail it in
//      the target must be exactly those that fail it in the source (a source that breaks it is reported, not
//      "fixed"). Any difference rolls everything back;
//   4. after committing, ANALYZE, so the planner has statistics for the new rows from the first query on.
// The source is only read. Stop the app on the SQLite database first, so no answer lands after the copy.
import { readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";
import { POSTGRES_MIGRATIONS } from "./postgres-migrate.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SQLITE_MIGRATIONS = path.join(root, "prisma", "migrations");
const HISTORY = "_prisma_migrations";
const BATCH_PARAMETERS = 30_000; // PostgreSQL allows 65,535 parameters per statement

const folderMigrations = (folder) =>
  readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(folder, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();

const missingFrom = (applied, folder) => folderMigrations(folder).filter((name) => !applied.includes(name));

/** Tables in an order where every table comes after the tables its foreign keys reference. */
function dependencyOrder(tables, references) {
  const ordered = [];
  const placed = new Set();
  const visit = (table, path = []) => {
    if (placed.has(table)) return;
    if (path.includes(table)) throw new Error(`foreign keys form a cycle: ${[...path, table].join(" → ")}`);
    for (const parent of references.get(table) ?? []) if (parent !== table) visit(parent, [...path, table]);
    placed.add(table);
    ordered.push(table);
  };
  for (const table of [...tables].sort()) visit(table);
  return ordered;
}

/** A SQLite value as PostgreSQL's column of `type` takes it. */
function converted(value, type) {
  if (value === null || value === undefined) return null;
  if (type === "boolean") return Boolean(Number(value));
  if (type.startsWith("timestamp")) {
    // Prisma writes ISO text ("2026-03-02T09:00:00.000+00:00"); SQL defaults (CURRENT_TIMESTAMP) write
    // "2026-03-02 09:00:00" in UTC; a number is milliseconds since the epoch.
    const date =
      typeof value === "number"
        ? new Date(value)
        : new Date(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$/.test(value) ? `${value.replace(" ", "T")}Z` : value);
    if (Number.isNaN(date.getTime())) throw new Error(`not a date: ${JSON.stringify(value)}`);
    // timestamp(3) holds UTC: the literal's zone is ignored, so this text is the stored value.
    return date.toISOString();
  }
  if (typeof value === "bigint") return value.toString();
  return value;
}

// The replay check, written once per dialect: cards whose reps differ from their log count, or whose state, reps
// or lapses differ from their last log's "after" snapshot.
const REPLAY_SQLITE = `SELECT c.id FROM "Card" c
  LEFT JOIN (SELECT "cardId", COUNT(*) AS n FROM "ReviewLog" GROUP BY "cardId") k ON k."cardId" = c.id
  LEFT JOIN "ReviewLog" l ON l.id = (SELECT l2.id FROM "ReviewLog" l2 WHERE l2."cardId" = c.id
    ORDER BY l2."reviewedAt" DESC, l2.id DESC LIMIT 1)
  WHERE c.reps <> COALESCE(k.n, 0) OR (l.id IS NOT NULL AND (
    json_extract(l."stateAfter", '$.card.state') IS NOT c.state
    OR json_extract(l."stateAfter", '$.card.reps') IS NOT c.reps
    OR json_extract(l."stateAfter", '$.card.lapses') IS NOT c.lapses))
  ORDER BY c.id`;
const REPLAY_POSTGRES = `SELECT c.id FROM "Card" c
  LEFT JOIN (SELECT "cardId", COUNT(*) AS n FROM "ReviewLog" GROUP BY "cardId") k ON k."cardId" = c.id
  LEFT JOIN LATERAL (SELECT l2."stateAfter"::json -> 'card' AS card FROM "ReviewLog" l2 WHERE l2."cardId" = c.id
    ORDER BY l2."reviewedAt" DESC, l2.id DESC LIMIT 1) l ON true
  WHERE c.reps <> COALESCE(k.n, 0) OR (l.card IS NOT NULL AND (
    (l.card ->> 'state') IS DISTINCT FROM c.state
    OR (l.card ->> 'reps')::int IS DISTINCT FROM c.reps
    OR (l.card ->> 'lapses')::int IS DISTINCT FROM c.lapses))
  ORDER BY c.id`;

/**
 * Copies the SQLite database `sqliteFile` into the PostgreSQL database at `url` (see the file's head). Returns the
 * rows copied per table and the replay check's result; throws (having written nothing) on any refusal or mismatch.
 * @example const { tables } = await copySqliteToPostgres("prisma/dev.db", "postgresql://…/factdeck", { log: console.log })
 */
export async function copySqliteToPostgres(sqliteFile, url, { log = () => {} } = {}) {
  if (!existsSync(sqliteFile)) throw new Error(`there is no SQLite database at ${sqliteFile}`);
  const source = new Database(sqliteFile, { readonly: true, fileMustExist: true });
  const target = new pg.Client({ connectionString: url });
  await target.connect();
  try {
    const sourceTables = new Set(source.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all());
    if (!sourceTables.has(HISTORY))
      throw new Error(`${sqliteFile} is not a migrated Factdeck database (no ${HISTORY})`);
    const sourceApplied = source
      .prepare(`SELECT migration_name FROM ${HISTORY} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)
      .pluck()
      .all();
    const sourcePending = missingFrom(sourceApplied, SQLITE_MIGRATIONS);
    if (sourcePending.length > 0) {
      throw new Error(
        `the SQLite database lacks migrations ${sourcePending.join(", ")}: run ` +
          `DATABASE_URL=file:${sqliteFile} npm run db:migrate first (with the app stopped)`,
      );
    }
    const { rows: history } = await target.query(`SELECT to_regclass('public."${HISTORY}"') IS NOT NULL AS present`);
    const targetApplied = history[0].present
      ? (
          await target.query(
            `SELECT "migration_name" FROM "${HISTORY}" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
          )
        ).rows.map((row) => row.migration_name)
      : [];
    const targetPending = missingFrom(targetApplied, POSTGRES_MIGRATIONS);
    if (targetPending.length > 0) {
      throw new Error(
        `the PostgreSQL database lacks migrations ${targetPending.join(", ")}: run ` +
          "DATABASE_URL=<its URL> npm run db:migrate first",
      );
    }

    const { rows: columnRows } = await target.query(
      `SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
       WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name <> $1
       ORDER BY c.table_name, c.ordinal_position`,
      [HISTORY],
    );
    const columns = new Map();
    for (const row of columnRows) {
      if (!columns.has(row.table_name)) columns.set(row.table_name, []);
      columns.get(row.table_name).push({ name: row.column_name, type: row.data_type });
    }
    const { rows: keyRows } = await target.query(
      `SELECT child.relname AS child, parent.relname AS parent FROM pg_constraint k
       JOIN pg_class child ON child.oid = k.conrelid JOIN pg_class parent ON parent.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = child.relnamespace
       WHERE k.contype = 'f' AND n.nspname = 'public'`,
    );
    const references = new Map();
    for (const { child, parent } of keyRows) references.set(child, [...(references.get(child) ?? []), parent]);
    const order = dependencyOrder(columns.keys(), references);

    for (const table of order) {
      if (!sourceTables.has(table)) throw new Error(`the SQLite database has no ${table} table`);
      const { rows } = await target.query(`SELECT EXISTS (SELECT 1 FROM "${table}") AS used`);
      if (rows[0].used) {
        throw new Error(
          `the PostgreSQL database is not empty (table ${table} has rows): copy only into a freshly migrated ` +
            "database (npm run db:migrate on a new database); nothing was written",
        );
      }
    }

    const copied = {};
    await target.query("BEGIN");
    try {
      for (const table of order) {
        const cols = columns.get(table);
        const names = cols.map((c) => `"${c.name}"`).join(", ");
        const perBatch = Math.max(1, Math.floor(BATCH_PARAMETERS / cols.length));
        let batch = [];
        let count = 0;
        const flush = async () => {
          if (batch.length === 0) return;
          const values = batch
            .map((_, r) => `(${cols.map((__, c) => `$${r * cols.length + c + 1}`).join(", ")})`)
            .join(", ");
          await target.query(`INSERT INTO "${table}" (${names}) VALUES ${values}`, batch.flat());
          count += batch.length;
          batch = [];
        };
        const rows = source.prepare(`SELECT ${names} FROM "${table}"`).raw(true).iterate();
        for (const row of rows) {
          batch.push(row.map((value, c) => converted(value, cols[c].type)));
          if (batch.length >= perBatch) await flush();
        }
        await flush();
        copied[table] = count;
        log(`copied ${table}: ${count} rows`);
      }

      // Verification inside the transaction: a mismatch rolls the whole copy back.
      for (const table of order) {
        const expected = source.prepare(`SELECT COUNT(*) FROM "${table}"`).pluck().get();
        const { rows } = await target.query(`SELECT COUNT(*)::bigint AS n FROM "${table}"`);
        if (Number(rows[0].n) !== expected || copied[table] !== expected) {
          throw new Error(`row count of ${table} differs: SQLite ${expected}, PostgreSQL ${rows[0].n}`);
        }
      }
      const sourceBroken = source.prepare(REPLAY_SQLITE).pluck().all();
      const targetBroken = (await target.query(REPLAY_POSTGRES)).rows.map((row) => row.id);
      if (sourceBroken.join("\n") !== targetBroken.join("\n")) {
        throw new Error(
          `the replay check differs: ${targetBroken.length} cards disagree with their review logs in PostgreSQL, ` +
            `${sourceBroken.length} in SQLite`,
        );
      }
      const cards = copied.Card ?? 0;
      log(
        `verified: row counts of ${order.length} tables; replay check of ${cards} cards against ` +
          `${copied.ReviewLog ?? 0} review logs` +
          (sourceBroken.length > 0
            ? ` (${sourceBroken.length} cards disagree with their logs in the source already, copied as they are)`
            : ": every card agrees"),
      );
      await target.query("COMMIT");
      // The planner's statistics of the new rows: without them PostgreSQL plans the first queries on a big copy as if
      // its tables were empty, until autovacuum gets to them (the bench database's class page took 5 s, not 0.6 s).
      await target.query("ANALYZE");
      return { tables: copied, order, cardsDisagreeing: sourceBroken };
    } catch (error) {
      await target.query("ROLLBACK");
      throw new Error(`${error.message}; nothing was written`, { cause: error });
    }
  } finally {
    source.close();
    await target.end();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [from, to] = process.argv.slice(2);
  if (!from || !to || !/^postgres(ql)?:\/\//.test(to)) {
    console.error(
      "usage: npm run db:sqlite-to-postgres -- <SQLite file or file:./path.db> <postgresql://user@host:port/database>",
    );
    process.exit(1);
  }
  const file = path.resolve(from.startsWith("file:") ? from.slice("file:".length) : from);
  const started = Date.now();
  try {
    const { tables } = await copySqliteToPostgres(file, to, {
      log: (line) => console.log(`sqlite-to-postgres: ${line}`),
    });
    const rows = Object.values(tables).reduce((sum, n) => sum + n, 0);
    console.log(`sqlite-to-postgres: ${rows} rows in ${Object.keys(tables).length} tables, ${Date.now() - started} ms`);
  } catch (error) {
    console.error(`sqlite-to-postgres: ${error.message}`);
    process.exit(1);
  }
}
