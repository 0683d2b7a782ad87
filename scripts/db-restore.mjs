#!/usr/bin/env node
// `npm run db:restore -- <backup file>`: replaces the database at DATABASE_URL with a backup made by db:backup.
// Stop the app first: a running server would keep serving what it had cached. The backup is checked (a SQLite file
// with Factdeck's tables, passing integrity_check) before anything is overwritten.
import { existsSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseFile } from "./sqlite-file.mjs";

const file = process.argv[2];
if (!file || !existsSync(file)) {
  console.error("db:restore: give the backup file to restore: npm run db:restore -- backups/factdeck-….db");
  process.exit(1);
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
await backup.backup(target);
backup.close();
const restored = new Database(target);
restored.pragma("journal_mode = WAL");
restored.close();
console.log(`db:restore: ${file} → ${target}`);
