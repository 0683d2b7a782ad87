#!/usr/bin/env node
// `npm run db:backup [-- <file>]`: a consistent copy of the live database, safe while the app is running (readers and
// writers carry on). SQLite: SQLite's online backup API, default file backups/factdeck-<UTC timestamp>.db.
// PostgreSQL (a postgresql:// DATABASE_URL): pg_dump's custom format, one consistent snapshot, default file
// backups/factdeck-<UTC timestamp>.dump (scripts/postgres-backup.mjs).
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { dumpPostgres } from "./postgres-backup.mjs";
import { databaseFile, root } from "./sqlite-file.mjs";

const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "").replace("T", "-");
const url = process.env.DATABASE_URL ?? "";
if (/^postgres(ql)?:\/\//.test(url)) {
  const target = path.resolve(process.argv[2] ?? path.join(root, "backups", `factdeck-${stamp}.dump`));
  if (existsSync(target)) {
    console.error(`db:backup: ${target} exists already; choose another file.`);
    process.exit(1);
  }
  mkdirSync(path.dirname(target), { recursive: true });
  try {
    dumpPostgres(url, target);
  } catch (error) {
    console.error(`db:backup: ${error.message}`);
    process.exit(1);
  }
  // The URL may hold a password: name the database only.
  console.log(`db:backup: PostgreSQL database ${new URL(url).pathname.slice(1)} → ${target}`);
  process.exit(0);
}

const source = databaseFile();
if (!existsSync(source)) {
  console.error(`db:backup: there is no database at ${source}`);
  process.exit(1);
}
const target = path.resolve(process.argv[2] ?? path.join(root, "backups", `factdeck-${stamp}.db`));
if (existsSync(target)) {
  console.error(`db:backup: ${target} exists already; choose another file.`);
  process.exit(1);
}
mkdirSync(path.dirname(target), { recursive: true });
const db = new Database(source, { readonly: true, fileMustExist: true });
await db.backup(target);
db.close();
console.log(`db:backup: ${source} → ${target}`);
