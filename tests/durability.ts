/**
 * The kill test, shared by its short version in the test suite (tests/e2e/durability.spec.ts, and on PostgreSQL with
 * two instances, durability-postgres.spec.ts) and its long version (bench/kill.ts): learners answer concurrently
 * over HTTP, with duplicate submissions and retries, while a production server is killed with SIGKILL and restarted.
 * Afterwards every acknowledged review must exist exactly once and every card must equal a replay of its review log
 * through the scheduler. `databaseUrl` is DATABASE_URL: `file:…` (SQLite) or `postgresql://…`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import Database from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, sql } from "kysely";
import pg from "pg";
import { signIn } from "@/bench/lib/load";
import { storedValuesPlugin, toDate } from "@/lib/db/dialect";
import type { DB } from "@/lib/db/tables";
import { get_fuzz_range } from "ts-fsrs";
import { DEFAULT_SRS_SETTINGS, newCard, schedule, type Rating } from "@/lib/srs";

const PASSWORD = "kill-password";
const WRONG_PASSWORD = "wrong-kill-password";
/** The passwords the learners signed in with (and a wrong one), to look for in the server's output. */
export const PASSWORDS = [PASSWORD, WRONG_PASSWORD];
const RATINGS: Rating[] = ["again", "hard", "good", "easy"];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type KillServer = {
  base: string;
  start: () => Promise<void>;
  kill: () => void;
  /** Everything the server wrote to stdout and stderr so far, over all its restarts. */
  output: () => string;
};

/** The database behind `databaseUrl`, through the same query builder and stored-value rules as lib/db/query.ts. */
function openDatabase(databaseUrl: string): Kysely<DB> {
  const postgres = /^postgres(ql)?:\/\//.test(databaseUrl);
  const dialect = postgres
    ? new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl, max: 2 }) })
    : new SqliteDialect({ database: new Database(databaseUrl.replace(/^file:/, "")) });
  return new Kysely<DB>({ dialect, plugins: [storedValuesPlugin(postgres ? "postgres" : "sqlite")] });
}

/** `npm start` (scripts/start.mjs) on `databaseUrl`, in its own process group so SIGKILL reaches `next start` too. */
export function killableServer(databaseUrl: string, port: number): KillServer {
  const base = `http://127.0.0.1:${port}`;
  let server: ChildProcess | undefined;
  let output = "";
  return {
    base,
    output: () => output,
    async start() {
      server = spawn(process.execPath, ["scripts/start.mjs"], {
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          PORT: String(port),
          NEXTAUTH_SECRET: "kill-test-secret-0123456789abcdef",
          NEXTAUTH_URL: base,
        },
      });
      const keep = (chunk: Buffer) => {
        if (output.length < 1_000_000) output += chunk.toString("utf8");
      };
      server.stdout!.on("data", keep);
      server.stderr!.on("data", keep);
      for (let i = 0; i < 600; i += 1) {
        try {
          if ((await fetch(`${base}/api/health`)).ok) return;
        } catch {
          // not up yet
        }
        await sleep(100);
      }
      throw new Error(`${base} did not come up`);
    },
    kill() {
      try {
        if (server?.pid) process.kill(-server.pid, "SIGKILL");
      } catch {
        // already gone
      }
    },
  };
}

/**
 * Creates `count` learners in the database and signs each in over HTTP on `base` (any instance: sessions live in
 * the database and every instance shares NEXTAUTH_SECRET); returns their session cookies.
 */
export async function signedInLearners(databaseUrl: string, base: string, count: number): Promise<string[]> {
  const passwordHash = await hash(PASSWORD, { algorithm: 2 });
  const db = openDatabase(databaseUrl);
  const emails = Array.from({ length: count }, (_, i) => `kill-${i}-${randomUUID().slice(0, 8)}@example.com`);
  const now = new Date();
  try {
    // Each learner studies every library deck, so "Study now" has cards for them (issue 14: none by default).
    const decks = await db
      .selectFrom("Document")
      .select("id")
      .where("status", "=", "published")
      .where("visibility", "=", "library")
      .execute();
    for (const email of emails) {
      const id = randomUUID();
      await sql`INSERT INTO "User" (id, email, name, "passwordHash", role, "createdAt", "updatedAt")
        VALUES (${id}, ${email}, ${email}, ${passwordHash}, 'learner', ${now}, ${now})`.execute(db);
      // No practical daily limit on new items, so a long run does not run out of cards (scheduling is unaffected).
      await sql`INSERT INTO "UserSettings" ("userId", "newPerDay", "maxReviewsPerDay", "timeZone", "updatedAt")
        VALUES (${id}, 1000, 9999, 'UTC', ${now})`.execute(db);
      for (const deck of decks)
        await db.insertInto("StudyDeck").values({ userId: id, documentId: deck.id, addedAt: now }).execute();
    }
  } finally {
    await db.destroy();
  }
  const cookies: string[] = [];
  // A different client address per learner, as behind a proxy, so the per-address sign-in limit does not apply.
  for (const [i, email] of emails.entries())
    cookies.push(await signIn(base, email, PASSWORD, `10.77.${i >> 8}.${i & 255}`));
  // And one wrong password, so that the server's output is checked for the password of a failed sign-in too.
  await signIn(base, emails[0]!, WRONG_PASSWORD, "10.78.0.1").catch(() => undefined);
  return cookies;
}

type StudyCard = { itemId: string; version: number };
/** GET /api/study/next answers { card }, POST /api/study/reviews { next: { card } }. */
type StudyResponse = { card?: StudyCard | null; next?: { card: StudyCard | null } };

export type KillRun = {
  /** Review ids the server answered 200 for. */
  acknowledged: Set<string>;
  /** Requests that failed because the server was down or died mid-request (then retried). */
  failedRequests: number;
  stop: () => Promise<void>;
};

/**
 * Each learner answers the card the server gives, again and again: every fifth answer is sent twice, a request
 * that fails (the server is down) is retried with the same review id until the server answers, and a 409 (stale:
 * the first copy won) fetches the current card. With several instances (`bases`), each request goes to the next
 * one in turn, as a round-robin proxy would send it — a duplicate and a retry included.
 */
export function answerUntilStopped(bases: string | string[], cookies: string[]): KillRun {
  const instances = typeof bases === "string" ? [bases] : bases;
  const acknowledged = new Set<string>();
  let stopped = false;
  let failedRequests = 0;
  async function learner(cookie: string, n: number) {
    let turn = n;
    const send = (path: string, body?: unknown) =>
      fetch(`${instances[turn++ % instances.length]}${path}`, {
        method: body ? "POST" : "GET",
        headers: { cookie, "content-type": "application/json" },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(5000),
      }).then(async (response) => ({ status: response.status, json: (await response.json()) as StudyResponse }));
    let card: StudyCard | null = null;
    let answers = 0;
    while (!stopped) {
      try {
        if (!card) {
          card = (await send("/api/study/next")).json.card ?? null;
          if (!card) return;
        }
        const body = {
          reviewId: randomUUID(),
          itemId: card.itemId,
          version: card.version,
          response: null,
          rating: RATINGS[(n + answers++) % RATINGS.length],
          responseMs: 1000,
        };
        for (;;) {
          try {
            let result = await send("/api/study/reviews", body);
            if (answers % 5 === 0) result = await send("/api/study/reviews", body);
            if (result.status === 200) {
              acknowledged.add(body.reviewId);
              card = result.json.next?.card ?? null;
            } else if (result.status === 409) {
              card = null;
            } else {
              throw new Error(`unexpected ${result.status}`);
            }
            break;
          } catch {
            failedRequests += 1;
            if (stopped) return;
            await sleep(100);
          }
        }
      } catch {
        failedRequests += 1;
        card = null;
        await sleep(100);
      }
    }
  }
  const loops = cookies.map((cookie, n) => learner(cookie, n));
  return {
    acknowledged,
    get failedRequests() {
      return failedRequests;
    },
    stop: async () => {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

export type KillCheck = { reviews: number; cards: number; missing: string[]; mismatches: string[] };

/**
 * Every acknowledged review exactly once; every card equal to a replay of its log (default settings; a due date the
 * load balancer moved within the fuzz range is accepted).
 */
export async function checkDatabase(databaseUrl: string, acknowledged: Set<string>): Promise<KillCheck> {
  const db = openDatabase(databaseUrl);
  try {
    const missing: string[] = [];
    for (const id of acknowledged) {
      const { n } = await db
        .selectFrom("ReviewLog")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      if (Number(n) !== 1) missing.push(id);
    }
    const cards = await db.selectFrom("Card").selectAll().execute();
    const mismatches: string[] = [];
    for (const row of cards) {
      // In the order they were given: by time, and within one millisecond by the answer each one followed.
      const logs = (
        await db
          .selectFrom("ReviewLog")
          .select(["rating", "reviewedAt", "stateBefore"])
          .where("cardId", "=", row.id)
          .execute()
      )
        .map((log) => ({
          rating: log.rating as Rating,
          at: toDate(log.reviewedAt),
          reps: (JSON.parse(log.stateBefore) as { card: { reps: number } }).card.reps,
        }))
        .sort((a, b) => a.at.getTime() - b.at.getTime() || a.reps - b.reps);
      if (logs.length === 0) continue; // set aside before its first answer
      let state = newCard(logs[0]!.at);
      let elapsedDays = 0;
      for (const log of logs) {
        const result = schedule(state, log.rating, log.at, DEFAULT_SRS_SETTINGS);
        state = result.card;
        elapsedDays = result.log.elapsedDays;
      }
      // Load balancing (on by default) may have moved the due date of the last answer by whole days within ts-fsrs's
      // fuzz range; such a due date counts as the replay's.
      const storedDue = toDate(row.due).getTime();
      const shift = Math.round((storedDue - state.due.getTime()) / 86_400_000);
      if (
        state.state === "review" &&
        state.scheduledDays >= 3 &&
        storedDue === state.due.getTime() + shift * 86_400_000
      ) {
        const range = get_fuzz_range(state.scheduledDays, elapsedDays, DEFAULT_SRS_SETTINGS.maximumIntervalDays);
        const days = state.scheduledDays + shift;
        if (days >= range.min_ivl && days <= range.max_ivl) state = { ...state, due: new Date(storedDue) };
      }
      const stored = {
        state: row.state,
        due: storedDue,
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
      if (JSON.stringify(stored) !== JSON.stringify(replayed)) {
        mismatches.push(`${row.id}: ${JSON.stringify(stored)} ≠ ${JSON.stringify(replayed)}`);
      }
    }
    const { n: reviews } = await db
      .selectFrom("ReviewLog")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return { reviews: Number(reviews), cards: cards.length, missing, mismatches };
  } finally {
    await db.destroy();
  }
}
