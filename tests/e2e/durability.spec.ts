/**
 * Kill test, short version (the long one is `npm run bench:kill`, bench/kill.ts): 20 learners answer concurrently
 * over HTTP, with duplicate submissions and retries, while the server is killed with SIGKILL and restarted mid-run.
 * Afterwards every acknowledged review exists exactly once and every card equals a replay of its review log, and
 * the server's output holds none of the passwords used to sign in (right or wrong).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { answerUntilStopped, checkDatabase, killableServer, PASSWORDS, signedInLearners } from "../durability";
import { expect, test } from "./fixtures";

const PORT = Number(process.env.E2E_PORT ?? 3100) + 50;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test("acknowledged reviews survive SIGKILL exactly once and card states equal a replay of their logs", async () => {
  test.setTimeout(120_000);
  const dbFile = path.join(mkdtempSync(path.join(tmpdir(), "factdeck-kill-")), "kill.db");
  const databaseUrl = `file:${dbFile}`;
  const server = killableServer(databaseUrl, PORT);
  try {
    await server.start();
    const run = answerUntilStopped(server.base, await signedInLearners(databaseUrl, server.base, 20));
    await sleep(3000);
    server.kill();
    await sleep(300);
    await server.start();
    await sleep(3000);
    await run.stop();

    expect(run.acknowledged.size).toBeGreaterThan(50);
    const check = await checkDatabase(databaseUrl, run.acknowledged);
    expect(check.missing).toEqual([]);
    expect(check.mismatches).toEqual([]);
    expect(check.cards).toBeGreaterThan(20);
    // Passwords are never logged: the server printed something (its start-up lines at least), but no password.
    expect(server.output()).toContain("Next.js");
    for (const password of PASSWORDS) expect(server.output()).not.toContain(password);
  } finally {
    server.kill();
  }
});
