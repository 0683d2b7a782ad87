#!/usr/bin/env node
// Brings the database at DATABASE_URL up to date: creates its folder, applies pending migrations, turns on WAL,
// then seeds. Used by `npm run dev` (with --demo: demo accounts, every run) and `npm start` (seeds only an empty
// database, demo accounts only with SEED_DEMO=1), `npm run db:migrate` and `npm run content:build` (--no-seed).
//   --demo    seed demo accounts     --reset   delete the database file first     --no-seed   migrate only
//
// Prisma's migration engine opens the database with `PRAGMA locking_mode=EXCLUSIVE`, which it cannot get while any
// other connection has the file open: next to a running app it waited 5 s and died with "WASM_ERROR unknown variant
// SocketTimeout" (the adapter's name for SQLITE_BUSY). So the engine runs only when a migration is pending, found by
// reading _prisma_migrations here, and a pending migration while the app runs is refused with a clear message.
//
// A postgresql:// DATABASE_URL: the database is created when missing (--reset drops it first), then
// prisma/postgres/migrations are applied by scripts/postgres-migrate.mjs (docs/decisions/027), which is safe next to
// running instances (one applies, the others wait on an advisory lock), then the same seed runs.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";
import { appLockFile, lockOutApp } from "./app-lock.mjs";
import { migratePostgres } from "./postgres-migrate.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const args = new Set(process.argv.slice(2));
const url = process.env.DATABASE_URL ?? "file:./prisma/dev.db";

function seed(env) {
  if (args.has("--no-seed")) return;
  const seedArgs = [require.resolve("tsx/cli"), path.join(root, "prisma/seed.ts")];
  if (!args.has("--demo")) seedArgs.push("--if-empty");
  const result = spawnSync(process.execPath, seedArgs, {
    stdio: "inherit",
    cwd: root,
    env: { ...env, ...(args.has("--demo") ? { SEED_DEMO: "1" } : {}) },
  });
  if (result.status !== 0) {
    console.error("prepare-db: seed failed");
    process.exit(result.status ?? 1);
  }
}

/** Creates the database of `databaseUrl` when it does not exist (after dropping it with --reset). */
async function ensurePostgresDatabase(databaseUrl) {
  const target = new URL(databaseUrl);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!name) throw new Error("DATABASE_URL names no database (postgresql://user@host:port/<database>)");
  const server = new URL(databaseUrl);
  server.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  try {
    const quoted = `"${name.replace(/"/g, '""')}"`;
    if (args.has("--reset")) {
      await admin.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
      console.log(`prepare-db: dropped database ${name}`);
    }
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount === 0) {
      await admin.query(`CREATE DATABASE ${quoted}`);
      console.log(`prepare-db: created database ${name}`);
    }
  } finally {
    await admin.end();
  }
}

if (/^postgres(ql)?:\/\//.test(url)) {
  try {
    await ensurePostgresDatabase(url);
    const applied = await migratePostgres(url, { log: (line) => console.log(`prepare-db: ${line}`) });
    if (applied.length === 0) console.log("prepare-db: no pending migrations");
  } catch (error) {
    console.error(`prepare-db: ${error.message}`);
    process.exit(1);
  }
  seed(process.env);
  process.exit(0);
}
if (!url.startsWith("file:")) {
  console.error(`DATABASE_URL must be a SQLite file URL (file:./path.db) or a postgresql:// URL, got: ${url}`);
  process.exit(1);
}
const file = path.resolve(root, url.slice("file:".length));
const env = { ...process.env, DATABASE_URL: `file:${file}` };

/**
 * The migrations in prisma/migrations that the database has not applied, as `prisma migrate status` would list
 * them: folders with a migration.sql and no finished, not rolled back row in _prisma_migrations. A migration that
 * failed half-way counts as pending, so `migrate deploy` runs and reports it.
 */
function pendingMigrations() {
  const folder = path.join(root, "prisma", "migrations");
  const all = readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(folder, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
  if (!existsSync(file)) return all;
  const sqlite = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    const table = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'";
    if (!sqlite.prepare(table).get()) return all;
    const rows = sqlite
      .prepare("SELECT migration_name, finished_at FROM _prisma_migrations WHERE rolled_back_at IS NULL")
      .all();
    const applied = new Set(rows.filter((row) => row.finished_at !== null).map((row) => row.migration_name));
    const failed = rows.filter((row) => row.finished_at === null).map((row) => row.migration_name);
    return [...new Set([...failed, ...all.filter((name) => !applied.has(name))])];
  } finally {
    sqlite.close();
  }
}

if (args.has("--reset")) {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  console.log(`prepare-db: removed ${file}`);
}
mkdirSync(path.dirname(file), { recursive: true });
const pending = pendingMigrations();
if (pending.length > 0) {
  // Held while the engine runs: an app starting meanwhile waits for it instead of meeting a half-migrated schema.
  const app = lockOutApp(file);
  if (app.running) {
    console.error(
      `prepare-db: ${pending.length} pending migration(s) (${pending.join(", ")}), and the app is running on ${file} ` +
        `(a process holds ${appLockFile(file)}). Prisma's migration engine needs the database to itself. Stop the ` +
        "app (and any content:build or next dev on it) and run again; `npm start` applies pending migrations " +
        "before it serves. Nothing was changed.",
    );
    process.exit(1);
  }
  const result = spawnSync(process.execPath, [path.join(root, "scripts/prisma.mjs"), "migrate", "deploy"], {
    cwd: root,
    env,
    encoding: "utf8",
  });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  if (result.status !== 0) {
    if (/SocketTimeout|SQLITE_BUSY/.test(result.stdout + result.stderr)) {
      console.error(
        `prepare-db: another connection has ${file} open (an app without the marker, a sqlite3 shell, a backup): ` +
          "Prisma's migration engine needs the database to itself. Close it and run again.",
      );
    }
    console.error("prepare-db: migrate failed");
    process.exit(result.status ?? 1);
  }
  app.release();
} else {
  console.log("prepare-db: no pending migrations");
}

// WAL lets readers work while a writer commits; the mode is stored in the file, so setting it once is enough (and
// reading it needs no lock, where setting it again next to a running app could wait for one).
const sqlite = new Database(file, { timeout: 5000 });
if (sqlite.pragma("journal_mode", { simple: true }) !== "wal") sqlite.pragma("journal_mode = WAL");
sqlite.close();

seed(env);
