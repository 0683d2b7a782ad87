// db:backup and db:restore for a postgresql:// DATABASE_URL (docs/decisions/027): PostgreSQL's own pg_dump and
// pg_restore, custom format. pg_dump reads one consistent snapshot (a repeatable-read transaction), so a backup is
// safe while instances serve; pg_restore runs in one transaction, so a restore that fails changes nothing.
import { spawnSync } from "node:child_process";
import pg from "pg";

/** The tables a Factdeck backup must hold (the same list the SQLite restore checks). */
export const REQUIRED_TABLES = ["_prisma_migrations", "User", "Document", "Item", "Card", "ReviewLog"];

function run(tool, args) {
  const result = spawnSync(tool, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.error?.code === "ENOENT") {
    throw new Error(`${tool} was not found: install PostgreSQL's client programs (Debian: postgresql-client)`);
  }
  return result;
}

/** Writes a custom-format dump of the database at `url` to `file`. Throws with pg_dump's message on failure. */
export function dumpPostgres(url, file) {
  const dumped = run("pg_dump", [
    "--format=custom",
    "--no-owner",
    "--no-privileges",
    `--file=${file}`,
    `--dbname=${url}`,
  ]);
  if (dumped.status !== 0) throw new Error(`pg_dump failed: ${dumped.stderr.trim()}`);
}

/**
 * Why `file` is not a Factdeck dump (not a pg_dump archive, or one without Factdeck's tables), or null when it is.
 * Reads only the archive's table of contents.
 */
export function dumpProblem(file) {
  const listed = run("pg_restore", ["--list", file]);
  if (listed.status !== 0)
    return listed.stderr.trim().replace(/^pg_restore: (error: )?/, "") || "pg_restore cannot read it";
  const tables = new Set(
    [...listed.stdout.matchAll(/^\d+; \d+ \d+ TABLE \S+ (\S+) /gm)].map((match) => match[1].replace(/^"|"$/g, "")),
  );
  const missing = REQUIRED_TABLES.find((table) => !tables.has(table));
  return missing ? `it has no ${missing} table` : null;
}

/** How many other sessions are connected to the database at `url` (instances of the app, psql, …). */
export async function otherConnections(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
    );
    return rows[0].n;
  } finally {
    await client.end();
  }
}

/**
 * Replaces the contents of the database at `url` with the dump in `file`: every table of the dump dropped and
 * recreated with its rows, in one transaction (a failure rolls back to what was there). Throws with pg_restore's
 * message on failure.
 */
export function restorePostgres(url, file) {
  const restored = run("pg_restore", [
    "--clean",
    "--if-exists",
    "--no-owner",
    "--no-privileges",
    "--single-transaction",
    "--exit-on-error",
    `--dbname=${url}`,
    file,
  ]);
  if (restored.status !== 0) throw new Error(`pg_restore failed, nothing was changed: ${restored.stderr.trim()}`);
}
