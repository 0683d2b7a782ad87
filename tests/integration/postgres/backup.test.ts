import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeUser } from "@/tests/factories";

// db:backup and db:restore on PostgreSQL: pg_dump / pg_restore (scripts/postgres-backup.mjs).
const dir = mkdtempSync(path.join(tmpdir(), "factdeck-pg-backup-"));
const run = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, [`scripts/${script}`, ...args], { env: process.env, encoding: "utf8" });
const emails = async () => (await db.user.findMany({ orderBy: { email: "asc" } })).map((u) => u.email);

describe("db:backup and db:restore on PostgreSQL", () => {
  it("back up while connected; refuse to restore while other sessions are connected, then restore exactly", async () => {
    await makeUser({ email: "kept@example.com" });
    const before = await db.user.findMany({ orderBy: { email: "asc" } });
    const file = path.join(dir, "one.dump");
    const backup = run("db-backup.mjs", file);
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toContain("db:backup: PostgreSQL database");

    await makeUser({ email: "later@example.com" });
    await db.user.deleteMany({ where: { email: "kept@example.com" } });
    // This process's connection pool is open: a restore now would pull the data from under it.
    const refused = run("db-restore.mjs", file);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("other session(s) are connected");
    expect(refused.stderr).toContain("Nothing was changed.");
    expect(await emails()).toEqual(["later@example.com"]);

    const forced = run("db-restore.mjs", file, "--force");
    expect(forced.status, forced.stderr).toBe(0);
    expect(forced.stderr).toContain("--force");
    expect(await db.user.findMany({ orderBy: { email: "asc" } })).toEqual(before);
    // The migration history came back with the data: the restored database is current.
    expect(await db.$queryRawUnsafe(`SELECT count(*)::int AS n FROM "_prisma_migrations"`)).toEqual([
      { n: expect.any(Number) },
    ]);
  });

  it("refuse a file that is not a Factdeck dump and change nothing", async () => {
    const junk = path.join(dir, "junk.dump");
    writeFileSync(junk, "not a dump");
    const before = await emails();
    const refused = run("db-restore.mjs", junk, "--force");
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("is not a Factdeck backup of PostgreSQL");
    expect(await emails()).toEqual(before);
    // A SQLite backup handed to a PostgreSQL database is refused the same way.
    const sqliteFile = path.join(dir, "sqlite.db");
    writeFileSync(sqliteFile, "SQLite format 3\0");
    expect(run("db-restore.mjs", sqliteFile, "--force").stderr).toContain("is not a Factdeck backup");
  });

  it("a backup file that exists already is never overwritten", () => {
    const file = path.join(dir, "exists.dump");
    writeFileSync(file, "");
    const again = run("db-backup.mjs", file);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("exists already");
  });
});
