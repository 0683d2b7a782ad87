/**
 * PostgreSQL for `npm run bench -- --postgres` (docs/decisions/031): a server (the one `--postgres-url` names, else a
 * throwaway cluster from .ci/start-postgres, dropped afterwards), and in it a database of its own holding a copy of
 * the bench database, made the way an operator moves to PostgreSQL: `db:migrate` then `db:sqlite-to-postgres`.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";

type Log = (line: string) => void;

/** A PostgreSQL server's URL (any database in it) and how to let go of it. */
export type PostgresServer = { url: string; drop: () => void };

/** The server `given` names, or a throwaway cluster of this machine's PostgreSQL (installed if missing). */
export function postgresServer(given: string | undefined, log: Log): PostgresServer {
  if (given) return { url: given, drop: () => {} };
  log("starting a throwaway PostgreSQL cluster (.ci/start-postgres)…");
  const started = spawnSync(".ci/start-postgres", { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  const url = started.stdout.trim();
  if (started.status !== 0 || !url) throw new Error(".ci/start-postgres failed");
  return { url, drop: () => void spawnSync(".ci/start-postgres", ["--drop", url], { stdio: "ignore" }) };
}

/** `server` with another database name in its path. */
function databaseUrl(server: string, name: string): string {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A new database in `server` holding the SQLite database `sqliteFile`: migrated (scripts/prepare-db.mjs), then copied
 * and verified (scripts/sqlite-to-postgres.mjs, row counts and the replay check). Returns its URL, the copy's time,
 * and how to drop it.
 */
export async function copyIntoPostgres(server: string, sqliteFile: string, log: Log) {
  const name = `factdeck_bench_${randomBytes(4).toString("hex")}`;
  const url = databaseUrl(server, name);
  const run = (args: string[]) => {
    const result = spawnSync(process.execPath, args, {
      env: { ...process.env, DATABASE_URL: url },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
    if (result.status !== 0) throw new Error(`${args.join(" ")} failed:\n${result.stdout}`);
    return result.stdout;
  };
  run(["scripts/prepare-db.mjs", "--no-seed"]);
  const started = performance.now();
  const output = run(["scripts/sqlite-to-postgres.mjs", sqliteFile, url]);
  const copySeconds = (performance.now() - started) / 1000;
  log(output.trim().split("\n").at(-1) ?? "");
  return {
    url,
    copySeconds,
    drop: async () => {
      const admin = new pg.Client({ connectionString: server });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}
