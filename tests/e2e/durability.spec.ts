/**
 * Kill test (short version; bench/ has none longer yet): 20 learners answer concurrently over HTTP, with duplicate
 * submissions and retries, while the server is killed with SIGKILL and restarted mid-run. Afterwards every
 * acknowledged review exists exactly once and every card equals a replay of its review log through the scheduler.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import Database from "better-sqlite3";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { DEFAULT_SRS_SETTINGS, newCard, schedule, type Rating } from "@/lib/srs";
import { expect, test } from "./fixtures";

const PORT = Number(process.env.E2E_PORT ?? 3100) + 50;
const BASE = `http://127.0.0.1:${PORT}`;
const LEARNERS = 20;
const dir = mkdtempSync(path.join(tmpdir(), "factdeck-kill-"));
const DB_FILE = path.join(dir, "kill.db");

function startServer(): ChildProcess {
  // Its own process group, so SIGKILL reaches `next start` too, not only the wrapper.
  return spawn(process.execPath, ["scripts/start.mjs"], {
    detached: true,
    stdio: "ignore",
    env: {
      ...process.env,
      DATABASE_URL: `file:${DB_FILE}`,
      PORT: String(PORT),
      NEXTAUTH_SECRET: "kill-test-secret-0123456789abcdef",
      NEXTAUTH_URL: BASE,
    },
  });
}

async function waitHealthy() {
  for (let i = 0; i < 200; i += 1) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("server did not come up");
}

const kill = (server: ChildProcess) => process.kill(-server.pid!, "SIGKILL");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test("acknowledged reviews survive SIGKILL exactly once and card states equal a replay of their logs", async () => {
  test.setTimeout(120_000);
  let server = startServer();
  try {
    await waitHealthy();
    const passwordHash = await hash("kill-password", { algorithm: 2 });
    const db = new Database(DB_FILE);
    const insert = db.prepare(
      `INSERT INTO "User" (id, email, name, passwordHash, role, createdAt, updatedAt) VALUES (?, ?, ?, ?, 'learner', ?, ?)`,
    );
    const emails = Array.from({ length: LEARNERS }, (_, i) => `kill-${i}@example.com`);
    for (const email of emails) insert.run(crypto.randomUUID(), email, email, passwordHash, Date.now(), Date.now());
    db.close();

    const learners: APIRequestContext[] = [];
    for (const email of emails) {
      const api = await playwrightRequest.newContext({ baseURL: BASE });
      const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
      await api.post("/api/auth/callback/credentials", {
        form: { csrfToken, email, password: "kill-password", json: "true" },
      });
      expect((await api.get("/api/study/next")).status()).toBe(200);
      learners.push(api);
    }

    const acknowledged = new Set<string>();
    let stop = false;
    let restarting = false;
    const ratings: Rating[] = ["again", "hard", "good", "easy"];

    async function learnerLoop(api: APIRequestContext, n: number) {
      let card: { itemId: string; version: number } | null = null;
      let answer = 0;
      while (!stop) {
        try {
          if (!card) {
            const next = await api.get("/api/study/next", { timeout: 5000 });
            card = (await next.json()).card;
            if (!card) return;
          }
          const body: {
            reviewId: string;
            itemId: string;
            version: number;
            response: null;
            rating: Rating;
            responseMs: number;
          } = {
            reviewId: crypto.randomUUID(),
            itemId: card.itemId,
            version: card.version,
            response: null,
            rating: ratings[(n + answer++) % 4],
            responseMs: 1000,
          };
          // Retry the same answer until the server acknowledges it (it may die mid-request); sometimes send it twice.
          for (let attempt = 0; ; attempt += 1) {
            try {
              const sends = answer % 5 === 0 ? 2 : 1;
              let response;
              for (let s = 0; s < sends; s += 1)
                response = await api.post("/api/study/reviews", { data: body, timeout: 5000 });
              if (response!.status() === 200) {
                acknowledged.add(body.reviewId);
                card = (await response!.json()).next.card;
                break;
              }
              if (response!.status() === 409) {
                card = null; // stale: another copy of this learner's state won; fetch the current card
                break;
              }
              throw new Error(`unexpected ${response!.status()}`);
            } catch (error) {
              if (stop && !restarting) return;
              if (attempt > 100) throw error;
              await sleep(100);
            }
          }
        } catch {
          if (stop && !restarting) return;
          card = null;
          await sleep(100);
        }
      }
    }

    const loops = learners.map((api, n) => learnerLoop(api, n));
    await sleep(3000);
    restarting = true;
    kill(server);
    await sleep(300);
    server = startServer();
    await waitHealthy();
    restarting = false;
    await sleep(3000);
    stop = true;
    await Promise.all(loops);
    for (const api of learners) await api.dispose();
    expect(acknowledged.size).toBeGreaterThan(50);

    const check = new Database(DB_FILE, { readonly: true });
    const count = check.prepare(`SELECT COUNT(*) AS n FROM "ReviewLog" WHERE id = ?`);
    const missing = [...acknowledged].filter((id) => (count.get(id) as { n: number }).n !== 1);
    expect(missing).toEqual([]);

    const cards = check.prepare(`SELECT * FROM "Card"`).all() as Record<string, number | string | null>[];
    const logsOf = check.prepare(
      `SELECT rating, reviewedAt FROM "ReviewLog" WHERE cardId = ? ORDER BY reviewedAt, rowid`,
    );
    const mismatches: string[] = [];
    for (const row of cards) {
      const logs = logsOf.all(row.id) as { rating: Rating; reviewedAt: string }[];
      let state = newCard(new Date(logs[0]!.reviewedAt));
      for (const log of logs) state = schedule(state, log.rating, new Date(log.reviewedAt), DEFAULT_SRS_SETTINGS).card;
      const stored = {
        state: row.state,
        due: new Date(String(row.due)).getTime(),
        reps: row.reps,
        lapses: row.lapses,
        stability: row.stability,
        difficulty: row.difficulty,
      };
      const replayed = {
        state: state.state,
        due: state.due.getTime(),
        reps: state.reps,
        lapses: state.lapses,
        stability: state.stability,
        difficulty: state.difficulty,
      };
      if (JSON.stringify(stored) !== JSON.stringify(replayed))
        mismatches.push(`${row.id}: ${JSON.stringify(stored)} ≠ ${JSON.stringify(replayed)}`);
    }
    check.close();
    expect(cards.length).toBeGreaterThan(LEARNERS);
    expect(mismatches).toEqual([]);
  } finally {
    try {
      kill(server);
    } catch {
      // already gone
    }
  }
});
