/**
 * Kill test on PostgreSQL with two app instances (issue 17): 20 learners answer through a round-robin over both
 * instances, with duplicate submissions and retries, while each instance in turn is killed with SIGKILL and
 * restarted. Afterwards every acknowledged review exists exactly once and every card equals a replay of its review
 * log: correctness across instances rests on the card version guard and the review id's unique index.
 * Runs when TEST_POSTGRES_URL names a server (`.ci/run` starts one); skipped, and said so, otherwise.
 */
import { randomUUID } from "node:crypto";
import { answerUntilStopped, checkDatabase, killableServer, PASSWORDS, signedInLearners } from "../durability";
import { expect, test } from "./fixtures";

const PORT = Number(process.env.E2E_PORT ?? 3100) + 51;
const SERVER = process.env.TEST_POSTGRES_URL;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test.skip(!SERVER, "no PostgreSQL: set TEST_POSTGRES_URL (TEST_POSTGRES_URL=$(.ci/start-postgres) npm test)");

test("two instances on one PostgreSQL: acknowledged reviews survive SIGKILL of either exactly once", async () => {
  test.setTimeout(240_000);
  const url = new URL(SERVER!);
  url.pathname = `/factdeck_kill_${randomUUID().slice(0, 8)}`;
  const databaseUrl = url.toString();
  const a = killableServer(databaseUrl, PORT);
  const b = killableServer(databaseUrl, PORT + 1);
  try {
    // The first creates, migrates and seeds the database; the second finds it ready.
    await a.start();
    await b.start();
    const run = answerUntilStopped([a.base, b.base], await signedInLearners(databaseUrl, a.base, 20));
    await sleep(3000);
    a.kill();
    await sleep(1000); // every request to a fails now and is retried on b
    await a.start();
    await sleep(2000);
    b.kill();
    await sleep(300);
    await b.start();
    await sleep(2000);
    await run.stop();

    expect(run.acknowledged.size).toBeGreaterThan(50);
    const check = await checkDatabase(databaseUrl, run.acknowledged);
    expect(check.missing).toEqual([]);
    expect(check.mismatches).toEqual([]);
    expect(check.cards).toBeGreaterThan(20);
    for (const server of [a, b]) for (const password of PASSWORDS) expect(server.output()).not.toContain(password);
  } finally {
    a.kill();
    b.kill();
  }
});
