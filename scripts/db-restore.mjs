#!/usr/bin/env node
// `npm run db:restore -- <backup file> [--force]`: replaces the database at DATABASE_URL with a backup made by
// db:backup. Refused while the app (or anything using the database through it: content:build, next dev) runs on
// that database: the running server would go on answering from what it had, and every answer it acknowledged after
// the backup was taken would silently disappear. Detected through the marker lock the app holds
// (scripts/app-lock.mjs); --force restores anyway. The backup is checked (a SQLite file with Factdeck's tables,
// passing integrity_check) before anything is overwritten.
// PostgreSQL (a postgresql:// DATABASE_URL): a pg_dump archive made by db:backup, checked to hold Factdeck's tables,
// restored by pg_restore in one transaction; refused while other sessions are connected to the database (the app's
// instances), --force restores anyway (scripts/postgres-backup.mjs).
import { existsSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { appLockFile, lockOutApp } from "./app-lock.mjs";
import { dumpProblem, otherConnections, restorePostgres } from "./postgres-backup.mjs";
import { databaseFile } from "./sqlite-file.mjs";

const args = process.argv.slice(2);
const force = args.includes("--force");
const file = args.find((arg) => arg !== "--force");
if (!file || !existsSync(file)) {
  console.error("db:restore: give the backup file to restore: npm run db:restore -- backups/factdeck-….db (or .dump)");
  process.exit(1);
}
const url = process.env.DATABASE_URL ?? "";
if (/^postgres(ql)?:\/\//.test(url)) {
  const problem = dumpProblem(path.resolve(file));
  if (problem) {
    console.error(`db:restore: ${file} is not a Factdeck backup of PostgreSQL (${problem}); nothing was changed.`);
    process.exit(1);
  }
  const database = new URL(url).pathname.slice(1);
  try {
    const others = await otherConnections(url);
    if (others > 0 && !force) {
      console.error(
        `db:restore: ${others} other session(s) are connected to PostgreSQL database ${database} (the app's ` +
          "instances?). Restoring now would silently lose every answer they acknowledged since the backup, and they " +
          "would go on serving. Stop every instance and run db:restore again, or add --force if you accept that. " +
          "Nothing was changed.",
      );
      process.exit(1);
    }
    if (others > 0) console.warn(`db:restore: --force: restoring while ${others} other session(s) are connected`);
    restorePostgres(url, path.resolve(file));
  } catch (error) {
    console.error(`db:restore: ${error.message}`);
    process.exit(1);
  }
  console.log(`db:restore: ${file} → PostgreSQL database ${database}`);
  process.exit(0);
}
let backup;
try {
  backup = new Database(path.resolve(file), { readonly: true, fileMustExist: true });
  const tables = new Set(backup.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all());
  for (const table of ["_prisma_migrations", "User", "Document", "Item", "Card", "ReviewLog"]) {
    if (!tables.has(table)) throw new Error(`it has no ${table} table`);
  }
  const check = backup.pragma("integrity_check", { simple: true });
  if (check !== "ok") throw new Error(`integrity_check says: ${check}`);
} catch (error) {
  console.error(`db:restore: ${file} is not a Factdeck backup (${error.message}); nothing was changed.`);
  process.exit(1);
}
const target = databaseFile();
// Held until the restore is done: an app starting meanwhile waits instead of opening a half-restored file.
const app = lockOutApp(target);
if (app.running && !force) {
  console.error(
    `db:restore: the app is running on ${target} (a process holds ${appLockFile(target)}). Restoring now would ` +
      "silently lose every answer it acknowledged since the backup, and it would go on serving what it had. Stop " +
      "the app (and any content:build or next dev on this database) and run db:restore again, or add --force " +
      "if you accept that. Nothing was changed.",
  );
  process.exit(1);
}
if (app.running) console.warn("db:restore: --force: restoring while the app runs on this database");
try {
  await backup.backup(target);
  backup.close();
  const restored = new Database(target);
  restored.pragma("journal_mode = WAL");
  restored.close();
} finally {
  app.release();
}
console.log(`db:restore: ${file} → ${target}`);
