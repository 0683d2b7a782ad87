#!/usr/bin/env node
// `npm run db:backup [-- <file>]`: a consistent copy of the live database through SQLite's online backup API, safe
// while the app is running (readers and writers carry on). Default file: backups/factdeck-<UTC timestamp>.db.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseFile, root } from "./sqlite-file.mjs";

const source = databaseFile();
if (!existsSync(source)) {
  console.error(`db:backup: there is no database at ${source}`);
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "").replace("T", "-");
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
