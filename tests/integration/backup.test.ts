import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeUser } from "@/tests/factories";

const run = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, [`scripts/${script}`, ...args], { env: process.env, encoding: "utf8" });

describe("db:backup and db:restore", () => {
  it("back up the live database, and restore it exactly after later changes", async () => {
    await makeUser({ email: "kept@example.com" });
    const before = await db.user.findMany({ orderBy: { email: "asc" } });
    const file = path.join(path.dirname(process.env.DATABASE_URL!.slice(5)), `backup-${crypto.randomUUID()}.db`);
    const backup = run("db-backup.mjs", file);
    expect(backup.status, backup.stderr).toBe(0);

    await makeUser({ email: "later@example.com" });
    await db.user.deleteMany({ where: { email: "kept@example.com" } });
    await db.$disconnect();

    const restore = run("db-restore.mjs", file);
    expect(restore.status, restore.stderr).toBe(0);
    expect(await db.user.findMany({ orderBy: { email: "asc" } })).toEqual(before);
  });

  it("refuse a file that is not a Factdeck backup and change nothing", async () => {
    const junk = path.join(path.dirname(process.env.DATABASE_URL!.slice(5)), "junk.db");
    writeFileSync(junk, "not a database");
    const before = await db.user.count();
    const restore = run("db-restore.mjs", junk);
    expect(restore.status).toBe(1);
    expect(restore.stderr).toContain("is not a Factdeck backup");
    expect(await db.user.count()).toBe(before);
    expect(run("db-restore.mjs").stderr).toContain("give the backup file");
  });
});
