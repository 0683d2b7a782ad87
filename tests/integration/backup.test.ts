import { spawn, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeUser } from "@/tests/factories";

const run = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, [`scripts/${script}`, ...args], { env: process.env, encoding: "utf8" });
const backupFile = () =>
  path.join(path.dirname(process.env.DATABASE_URL!.slice(5)), `backup-${crypto.randomUUID()}.db`);

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

  it("refuse while the app runs (this process is connected), saying why; restore with --force", async () => {
    await makeUser({ email: "before-backup@example.com" });
    const file = backupFile();
    expect(run("db-backup.mjs", file).status).toBe(0);
    // An answer acknowledged after the backup: the restore must not silently take it away.
    await makeUser({ email: "acknowledged-later@example.com" });
    const refused = run("db-restore.mjs", file);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("the app is running on");
    expect(refused.stderr).toContain("Nothing was changed.");
    expect(await db.user.count({ where: { email: "acknowledged-later@example.com" } })).toBe(1);

    const forced = run("db-restore.mjs", file, "--force");
    expect(forced.status, forced.stderr).toBe(0);
    expect(forced.stderr).toContain("--force");
    await db.$disconnect();
    expect(await db.user.count({ where: { email: "acknowledged-later@example.com" } })).toBe(0);
  });

  it("refuse while another process holds the app's marker, and restore once that process is killed", async () => {
    const file = backupFile();
    expect(run("db-backup.mjs", file).status).toBe(0);
    await db.$disconnect();
    const app = spawn(
      process.execPath,
      [
        "-e",
        `import("./scripts/app-lock.mjs").then((m) => { globalThis.marker = m.holdAppLock(process.argv[1]); console.log("held"); setInterval(() => {}, 1000); })`,
        process.env.DATABASE_URL!.slice(5),
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    try {
      await new Promise<void>((resolve) => app.stdout!.once("data", () => resolve()));
      const refused = run("db-restore.mjs", file);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain("the app is running on");
    } finally {
      app.kill("SIGKILL");
    }
    await new Promise((resolve) => app.once("exit", resolve));
    // The lock was the operating system's: it went with the process, no stale marker is left behind.
    const restored = run("db-restore.mjs", file);
    expect(restored.status, restored.stderr).toBe(0);
  });
});
