#!/usr/bin/env node
// Keeps the PostgreSQL schema and its migrations in step with the one source schema, prisma/schema.prisma (SQLite).
//
//   node scripts/postgres-schema.mjs          regenerate prisma/postgres/schema.prisma; when it changed, write the
//                                             PostgreSQL twin of the change as a new migration (docs/decisions/027)
//   node scripts/postgres-schema.mjs --check  exit 1, saying what to run, when either is out of date
//
// A PostgreSQL migration is the diff between the previous generated schema (the checked-in one) and the new one, so
// one run covers every SQLite migration merged since the last run. It is named after the newest SQLite migration,
// and the check compares those names too.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const source = path.join(root, "prisma", "schema.prisma");
const target = path.join(root, "prisma", "postgres", "schema.prisma");
const sqliteMigrations = path.join(root, "prisma", "migrations");
const postgresMigrations = path.join(root, "prisma", "postgres", "migrations");

const HEADER =
  "// GENERATED from prisma/schema.prisma by scripts/postgres-schema.mjs: do not edit; change the source schema and\n" +
  "// run `npm run db:postgres-schema`, which also writes the PostgreSQL migration for the change.\n\n";

/** The source schema with the PostgreSQL datasource and its own client output folder. */
export function postgresSchemaText(text = readFileSync(source, "utf8")) {
  const replace = (from, to) => {
    if (!from.test(text)) throw new Error(`postgres-schema: ${from} not found in prisma/schema.prisma`);
    text = text.replace(from, to);
  };
  replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"');
  replace(/output\s*=\s*"\.\.\/generated\/prisma"/, 'output     = "../../generated/prisma-postgres"');
  return HEADER + text;
}

/** Migration folder names (those with a migration.sql), oldest first. */
export function migrationNames(folder) {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(folder, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

/** What is out of date, as sentences; empty when the generated schema and the migrations are current. */
export function outOfDate() {
  const problems = [];
  const current = existsSync(target) ? readFileSync(target, "utf8") : null;
  if (current !== postgresSchemaText()) problems.push("prisma/postgres/schema.prisma differs from the source schema");
  const newestSqlite = migrationNames(sqliteMigrations).at(-1);
  const newestPostgres = migrationNames(postgresMigrations).at(-1);
  if (!newestPostgres || (newestSqlite && newestSqlite > newestPostgres)) {
    problems.push(`no PostgreSQL migration covers ${newestSqlite} (newest there: ${newestPostgres ?? "none"})`);
  }
  return problems;
}

/**
 * Prisma's `migrate diff` between two PostgreSQL datamodels. Even a diff between files asks a live server for its
 * version first (through the adapter in prisma.config.ts), so this needs one: any will do, nothing is written to it.
 */
function prismaDiff(from, to) {
  const url = process.env.TEST_POSTGRES_URL;
  if (!url) {
    throw new Error(
      "postgres-schema: Prisma's diff needs a PostgreSQL server to ask for its version (nothing is written to it): " +
        "TEST_POSTGRES_URL=$(.ci/start-postgres) npm run db:postgres-schema",
    );
  }
  const result = spawnSync(
    process.execPath,
    [
      path.join(root, "scripts/prisma.mjs"),
      "migrate",
      "diff",
      ...(from ? ["--from-schema-datamodel", from] : ["--from-empty"]),
      "--to-schema-datamodel",
      to,
      "--script",
    ],
    { cwd: root, encoding: "utf8", env: { ...process.env, DATABASE_URL: url } },
  );
  if (result.status !== 0) throw new Error(`prisma migrate diff failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

function regenerate() {
  const text = postgresSchemaText();
  const previous = existsSync(target) ? readFileSync(target, "utf8") : null;
  const hasMigrations = migrationNames(postgresMigrations).length > 0;
  if (previous === text && hasMigrations) {
    console.log("postgres-schema: up to date");
    return;
  }
  const name = migrationNames(sqliteMigrations).at(-1);
  const folder = path.join(postgresMigrations, name);
  if (existsSync(folder)) {
    throw new Error(
      `postgres-schema: prisma/postgres/migrations/${name} exists already; the schema changed without a new SQLite ` +
        "migration (make that first, see STACK.md)",
    );
  }
  const scratch = mkdtempSync(path.join(tmpdir(), "factdeck-pg-schema-"));
  try {
    const next = path.join(scratch, "next.prisma");
    writeFileSync(next, text);
    let from = null;
    if (previous !== null && hasMigrations) {
      from = path.join(scratch, "previous.prisma");
      writeFileSync(from, previous);
    }
    const sql = prismaDiff(from, next);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, "migration.sql"), sql);
    writeFileSync(path.join(postgresMigrations, "migration_lock.toml"), 'provider = "postgresql"\n');
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
    console.log(`postgres-schema: wrote prisma/postgres/schema.prisma and prisma/postgres/migrations/${name}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    if (process.argv.includes("--check")) {
      const problems = outOfDate();
      for (const problem of problems) console.error(`postgres-schema: ${problem}`);
      if (problems.length > 0) console.error("Run `npm run db:postgres-schema` and commit what it writes.");
      process.exit(problems.length > 0 ? 1 : 0);
    }

    regenerate();
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
