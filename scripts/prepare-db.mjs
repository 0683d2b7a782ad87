#!/usr/bin/env node
// Brings the database at DATABASE_URL up to date: creates its folder, applies pending migrations, turns on WAL,
// then seeds. Used by `npm run dev` (with --demo: demo accounts, every run) and `npm start` (seeds only an empty
// database, demo accounts only with SEED_DEMO=1).
//   --demo    seed demo accounts     --reset   delete the database file first     --no-seed   migrate only
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const args = new Set(process.argv.slice(2));
const url = process.env.DATABASE_URL ?? "file:./prisma/dev.db";
if (!url.startsWith("file:")) {
  console.error(`DATABASE_URL must be a SQLite file URL (file:./path.db), got: ${url}`);
  process.exit(1);
}
const file = path.resolve(root, url.slice("file:".length));
const env = { ...process.env, DATABASE_URL: `file:${file}` };

function run(label, argv, extraEnv = {}) {
  const result = spawnSync(process.execPath, argv, { stdio: "inherit", cwd: root, env: { ...env, ...extraEnv } });
  if (result.status !== 0) {
    console.error(`prepare-db: ${label} failed`);
    process.exit(result.status ?? 1);
  }
}

if (args.has("--reset")) {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  console.log(`prepare-db: removed ${file}`);
}
mkdirSync(path.dirname(file), { recursive: true });
run("migrate", [path.join(root, "scripts/prisma.mjs"), "migrate", "deploy"]);

// WAL lets readers work while a writer commits; the mode is stored in the file, so setting it once is enough.
const sqlite = new Database(file);
sqlite.pragma("journal_mode = WAL");
sqlite.close();

if (!args.has("--no-seed")) {
  const seedArgs = [require.resolve("tsx/cli"), path.join(root, "prisma/seed.ts")];
  if (!args.has("--demo")) seedArgs.push("--if-empty");
  run("seed", seedArgs, args.has("--demo") ? { SEED_DEMO: "1" } : {});
}
