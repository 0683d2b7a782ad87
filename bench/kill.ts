/**
 * `npm run bench:kill [-- --learners 20 --seconds 60 --kills 6]`: the kill test, long version (the short one runs in
 * `npm test`, tests/e2e/durability.spec.ts). Learners answer concurrently over HTTP with duplicate submissions and
 * retries while the production server is SIGKILLed at random moments and restarted, `--kills` times in `--seconds`.
 * Then every acknowledged review must exist exactly once, every card must equal a replay of its review log, and no
 * password used to sign in may appear in the server's output.
 * Prints a summary and exits 1 when anything was lost, doubled or diverged. Needs `next build` (.next) first.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { answerUntilStopped, checkDatabase, killableServer, PASSWORDS, signedInLearners } from "@/tests/durability";
import { createRng } from "@/lib/prng";
import { freePort } from "./lib/servers";

const log = (line: string) => console.error(`bench:kill: ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number`);
  return value;
}

async function main() {
  const learners = flag("learners", 20);
  const seconds = flag("seconds", 60);
  const kills = flag("kills", 6);
  const random = createRng(flag("seed", 7));
  const dir = mkdtempSync(path.join(tmpdir(), "factdeck-bench-kill-"));
  const dbFile = path.join(dir, "kill.db");
  const databaseUrl = `file:${dbFile}`;
  const server = killableServer(databaseUrl, await freePort());
  try {
    await server.start();
    log(`${learners} learners signing in at ${server.base}…`);
    const run = answerUntilStopped(server.base, await signedInLearners(databaseUrl, server.base, learners));
    const started = Date.now();
    const downtimes: number[] = [];
    // Kills at random moments: each in a random place of its own slice of the run.
    for (let k = 0; k < kills; k += 1) {
      const at = started + ((k + random()) * seconds * 1000) / (kills + 1);
      await sleep(Math.max(0, at - Date.now()));
      server.kill();
      const down = Date.now();
      await sleep(100 + random() * 900);
      await server.start();
      downtimes.push(Date.now() - down);
      log(`kill ${k + 1}/${kills}: ${run.acknowledged.size} answers acknowledged so far, down ${downtimes.at(-1)} ms`);
    }
    await sleep(Math.max(0, started + seconds * 1000 - Date.now()));
    await run.stop();
    server.kill();

    const check = await checkDatabase(databaseUrl, run.acknowledged);
    const leaked = PASSWORDS.filter((password) => server.output().includes(password)).length;
    const ok = check.missing.length === 0 && check.mismatches.length === 0 && run.acknowledged.size > 0 && !leaked;
    console.log(
      [
        `| kill test | value |`,
        `|---|---|`,
        `| learners, seconds, kills | ${learners}, ${seconds}, ${kills} |`,
        `| answers acknowledged | ${run.acknowledged.size} |`,
        `| review logs in the database | ${check.reviews} |`,
        `| requests failed and retried (server down) | ${run.failedRequests} |`,
        `| server down per kill (median ms) | ${downtimes.sort((a, b) => a - b)[Math.floor(downtimes.length / 2)]} |`,
        `| acknowledged but missing or doubled | ${check.missing.length} |`,
        `| cards checked / differing from a replay of their log | ${check.cards} / ${check.mismatches.length} |`,
        `| passwords found in the server's output | ${leaked} |`,
        `| result | ${ok ? "PASS" : "FAIL"} |`,
      ].join("\n"),
    );
    for (const line of [...check.missing.slice(0, 10), ...check.mismatches.slice(0, 10)]) log(line);
    if (!ok) process.exitCode = 1;
  } finally {
    server.kill();
    if (!process.exitCode) rmSync(dir, { recursive: true, force: true });
    else log(`database kept for inspection: ${dbFile}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
