/**
 * Publishing and migrating while the app answers (issue 12, finding 12): a second process commits small write
 * transactions back to back on the same database, as the study loop does, while this one publishes documents, runs
 * `content:build` and `db:migrate`. Before the fix a publish failed with SQLITE_BUSY_SNAPSHOT whenever an answer
 * committed between its first read and its first write, and migrate died with "WASM_ERROR unknown variant
 * SocketTimeout" as long as any other connection had the file open.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { copyFileSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildItems } from "@/lib/content/pipeline";
import { db } from "@/lib/db/client";
import { publishDocument } from "@/lib/db/content";
import { holdAppLock } from "@/scripts/app-lock.mjs";
import { makeUser } from "@/tests/factories";

const file = process.env.DATABASE_URL!.slice("file:".length);
const tsx = createRequire(import.meta.url).resolve("tsx/cli");

/** Another process answering: a write transaction every millisecond until it is killed, counting in User.name. */
const WRITER = `
const { writeSync } = require("node:fs");
const Database = require("better-sqlite3");
const db = new Database(process.env.FILE, { timeout: 5000 });
const touch = db.prepare('UPDATE "User" SET "name" = ? WHERE "id" = ?');
const pause = new Int32Array(new SharedArrayBuffer(4));
let commits = 0;
// A synchronous loop never returns to the event loop: output goes out with writeSync, and it ends by SIGKILL.
writeSync(1, "ready\\n");
for (;;) {
  db.transaction(() => touch.run("answer " + commits, process.env.USER_ID)).immediate();
  commits += 1;
  Atomics.wait(pause, 0, 0, 1);
}`;

let writer: ChildProcess;
let userId: string;

beforeAll(async () => {
  userId = (await makeUser()).id;
  writer = spawn(process.execPath, ["-e", WRITER], { env: { ...process.env, FILE: file, USER_ID: userId } });
  await new Promise<void>((resolve, reject) => {
    writer.once("error", reject);
    writer.stderr!.on("data", (chunk: Buffer) => process.stdout.write(`writer: ${chunk}`));
    writer.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) resolve();
    });
  });
});

afterAll(() => {
  writer.kill("SIGKILL");
});

/** The writer's commits so far (it counts them in the user's name): each test checks they went on meanwhile. */
async function commits(): Promise<number> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
  return Number(user.name.replace("answer ", "")) || 0;
}

describe("while another process writes", () => {
  it("publishes documents every time (new, changed and unchanged)", async () => {
    const body = readFileSync("content/nato-mission-iraq.md", "utf8");
    const { items } = buildItems(body);
    const before = await commits();
    for (let run = 0; run < 12; run += 1) {
      const slug = `nato-${run % 3}`;
      // Three slugs, each published four times: added, then updated (body changed) or unchanged.
      const text = run % 2 === 0 ? body : `${body}\n\nEdited ${run}.`;
      await expect(publishDocument({ slug, title: "NATO", body: text }, items)).resolves.toHaveProperty("documentId");
    }
    expect(await db.document.count({ where: { slug: { startsWith: "nato-" } } })).toBe(3);
    expect(await commits()).toBeGreaterThan(before);
  }, 120_000);

  it("runs content:build and db:migrate, twice each, with this process connected too", async () => {
    await db.user.count(); // this process holds its connections (and the app marker) meanwhile, like the app
    const before = await commits();
    for (let round = 0; round < 2; round += 1) {
      const migrate = spawnSync(process.execPath, ["scripts/prepare-db.mjs", "--no-seed"], {
        env: process.env,
        encoding: "utf8",
      });
      expect(migrate.status, migrate.stdout + migrate.stderr).toBe(0);
      expect(migrate.stdout).toContain("no pending migrations");
      const build = spawnSync(process.execPath, [tsx, "scripts/content-build.ts"], {
        env: process.env,
        encoding: "utf8",
      });
      expect(build.status, build.stdout + build.stderr).toBe(0);
      expect(build.stdout).toMatch(round === 0 ? /document added/ : /document unchanged/);
    }
    expect(await commits()).toBeGreaterThan(before);
  }, 180_000);
});

describe("a pending migration", () => {
  it("is refused while the app runs on the database, saying why, and applied once it is stopped", () => {
    const fresh = path.join(path.dirname(file), `pending-${crypto.randomUUID()}.db`);
    const env = { ...process.env, DATABASE_URL: `file:${fresh}` };
    const app = holdAppLock(fresh);
    try {
      const refused = spawnSync(process.execPath, ["scripts/prepare-db.mjs", "--no-seed"], { env, encoding: "utf8" });
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain("pending migration(s)");
      expect(refused.stderr).toContain("the app is running on");
      expect(refused.stderr).toContain("Nothing was changed.");
    } finally {
      app.release();
    }
    const applied = spawnSync(process.execPath, ["scripts/prepare-db.mjs", "--no-seed"], { env, encoding: "utf8" });
    expect(applied.status, applied.stdout + applied.stderr).toBe(0);
    const again = spawnSync(process.execPath, ["scripts/prepare-db.mjs", "--no-seed"], { env, encoding: "utf8" });
    expect(again.stdout).toContain("no pending migrations");
    for (const suffix of ["", "-wal", "-shm", "-app.lock"]) rmSync(fresh + suffix, { force: true });
  }, 60_000);

  it("counts a migration missing from _prisma_migrations as pending", () => {
    const copy = path.join(path.dirname(file), `copy-${crypto.randomUUID()}.db`);
    copyFileSync(file, copy);
    const env = { ...process.env, DATABASE_URL: `file:${copy}` };
    spawnSync(
      process.execPath,
      [
        "-e",
        `const D = require("better-sqlite3"); const d = new D(process.argv[1]);
         d.prepare("DELETE FROM _prisma_migrations WHERE migration_name = (SELECT max(migration_name) FROM _prisma_migrations)").run();`,
        copy,
      ],
      { encoding: "utf8" },
    );
    const app = holdAppLock(copy);
    try {
      const refused = spawnSync(process.execPath, ["scripts/prepare-db.mjs", "--no-seed"], { env, encoding: "utf8" });
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/1 pending migration\(s\) \(\d{14}_\w+\)/);
    } finally {
      app.release();
    }
  }, 60_000);
});
