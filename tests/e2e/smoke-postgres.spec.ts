/**
 * Smoke test on PostgreSQL with two app instances (issue 17): the demo database, seeded on SQLite as `npm run dev`
 * seeds it and given a learner's study history, is moved with `db:sqlite-to-postgres` as README says; two instances
 * serve it; the demo learner, instructor and admin (and a visitor) open every page and route of the app through a
 * round-robin over both, and each answers as the route matrix says (tests/e2e/routes.ts: every page the account may
 * open is a 200). Neither instance may log a server error meanwhile.
 * Runs when TEST_POSTGRES_URL names a server (`.ci/run` starts one); skipped, and said so, otherwise.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import Database from "better-sqlite3";
import { killableServer } from "../durability";
import { writeLearnerHistory } from "../learner-history";
import { expect, test } from "./fixtures";
import { matrixFailures, matrixIds, signedInContext, type Persona } from "./routes";

const PORT = Number(process.env.E2E_PORT ?? 3100) + 53;
const SERVER = process.env.TEST_POSTGRES_URL;

test.skip(!SERVER, "no PostgreSQL: set TEST_POSTGRES_URL (TEST_POSTGRES_URL=$(.ci/start-postgres) npm test)");

/** Runs a project script as `npm run` would, failing the test with its output when it fails. */
function script(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, args, { env: { ...process.env, ...env }, encoding: "utf8" });
  expect(result.status, `${args.join(" ")}\n${result.stdout}\n${result.stderr}`).toBe(0);
}

test("two instances on one PostgreSQL serve the copied demo database: every page as every demo account", async ({
  browser,
  playwright,
}) => {
  // Seeding the demo content, the copy, two starts and ~200 requests: minutes on a loaded 2-core machine.
  test.setTimeout(600_000);
  const dir = mkdtempSync(path.join(tmpdir(), "factdeck-smoke-"));
  const file = path.join(dir, "demo.db");
  const url = new URL(SERVER!);
  url.pathname = `/factdeck_smoke_${randomUUID().slice(0, 8)}`;
  const databaseUrl = url.toString();
  const a = killableServer(databaseUrl, PORT);
  const b = killableServer(databaseUrl, PORT + 1);
  try {
    // The demo database as `npm run db:reset` makes it, a month of the demo learner's reviews (so the settings'
    // parameter evaluation, progress and workload have something to read), and the rows the route matrix needs.
    script(["scripts/prepare-db.mjs", "--reset", "--demo"], { DATABASE_URL: `file:${file}` });
    const sqlite = new Database(file, { readonly: true });
    const learner = sqlite.prepare(`SELECT id FROM "User" WHERE email = 'learner@example.com'`).get() as { id: string };
    sqlite.close();
    const history = writeLearnerHistory(file, {
      userId: learner.id,
      days: 30,
      breakDays: 3,
      newPerDay: 6,
      seed: 17,
      now: new Date(),
      maxItems: 60,
    });
    expect(history.logs).toBeGreaterThan(200);
    const ids = matrixIds(file);
    // README, "Moving a SQLite database to PostgreSQL": an empty migrated database, then the copy.
    script(["scripts/prepare-db.mjs", "--no-seed"], { DATABASE_URL: databaseUrl });
    script(["scripts/sqlite-to-postgres.mjs", file, databaseUrl], {});

    await a.start();
    await b.start();
    const contexts: Partial<Record<Persona, APIRequestContext>> = {
      anonymous: await playwright.request.newContext(),
      learner: (await signedInContext(browser, a.base, "learner@example.com")).request,
      instructor: (await signedInContext(browser, b.base, "instructor@example.com")).request,
      admin: (await signedInContext(browser, a.base, "admin@example.com")).request,
    };
    expect(await matrixFailures(ids, contexts, [a.base, b.base])).toEqual([]);
    for (const server of [a, b]) expect(server.output()).not.toMatch(/⨯|\bError\b/);
  } finally {
    a.kill();
    b.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});
