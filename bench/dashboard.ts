/**
 * Benchmark: the learner progress dashboard's data load (lib/db/progress loadProgress) on a large database.
 *   npx tsx bench/dashboard.ts                       1,000 learners × 500 items × 90 days (≈ 1.7 M review logs)
 *   npx tsx bench/dashboard.ts --learners 100        a smaller run; also --items, --days, --sample, --keep
 *   npx tsx bench/dashboard.ts --try-indexes         also measures with the candidate covering indexes below
 * Target: under 100 ms per learner. Prints a Markdown table and a JSON line with dashboard_learner_ms (the median).
 * The data is written straight into a fresh, migrated SQLite file with better-sqlite3 (prepared statements, one
 * transaction per 50,000 rows, in time order so one learner's rows are spread over the table as in real use); each
 * learner studies a seeded-random 60–100 % of the items on a plausible schedule (intervals growing about 2.5× per
 * success, back to a day after a lapse). Times are wall-clock per loadProgress call after one warm-up call.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { createRng } from "@/lib/prng";

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const LEARNERS = flag("learners", 1000);
const ITEMS = flag("items", 500);
const DAYS = flag("days", 90);
const SAMPLE = Math.min(flag("sample", 20), LEARNERS);
const KEEP = process.argv.includes("--keep");
const TRY_INDEXES = process.argv.includes("--try-indexes");

// Candidate covering indexes (not in the schema): with them the per-learner ReviewLog scans read index pages only,
// instead of one table page per review log. `--try-indexes` measures again after creating them.
const CANDIDATE_INDEXES = [
  `CREATE INDEX "bench_ReviewLog_userId_reviewedAt_responseMs" ON "ReviewLog"("userId", "reviewedAt", "responseMs")`,
  `CREATE INDEX "bench_ReviewLog_userId_previousState_elapsedDays_rating" ON "ReviewLog"("userId", "previousState", "elapsedDays", "rating")`,
  `CREATE INDEX "bench_ReviewLog_cardId_rating" ON "ReviewLog"("cardId", "rating")`,
];
const DECKS = 5;
const TOPICS = ["dates", "commanders", "places", "figures", "definitions", "history"];
const DAY = 86_400_000;

// A review log's snapshots are ~250 characters of JSON each in the app; the same size here keeps pages realistic.
const SNAPSHOT = JSON.stringify({
  existed: true,
  card: {
    state: "review",
    due: "2026-03-02T09:00:00.000Z",
    stability: 12.3456,
    difficulty: 5.4321,
    scheduledDays: 12,
    learningSteps: 0,
    reps: 4,
    lapses: 0,
    lastReview: "2026-02-18T09:00:00.000Z",
  },
  suspended: false,
  leech: false,
  buriedUntil: null,
});

const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

function generate(file: string, now: number) {
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF");
  const created = iso(now - (DAYS + 1) * DAY);
  const insertDoc = sqlite.prepare(
    `INSERT INTO Document (id, slug, title, body, checksum, createdAt, updatedAt) VALUES (?, ?, ?, '', '', ?, ?)`,
  );
  const insertItem = sqlite.prepare(
    `INSERT INTO Item (id, documentId, key, factKey, kind, topic, prompt, answer, difficulty, sourceText, sourceStart,
       sourceEnd, data, checksum, position, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, 'typed', ?, ?, 'answer', 0.4, 'source', 0, 6, '{}', '', ?, ?, ?)`,
  );
  const itemIds: string[] = [];
  sqlite.transaction(() => {
    for (let d = 0; d < DECKS; d += 1) insertDoc.run(`deck-${d}`, `deck-${d}`, `Deck ${d + 1}`, created, created);
    for (let i = 0; i < ITEMS; i += 1) {
      const id = `item-${i}`;
      itemIds.push(id);
      const topic = TOPICS[i % TOPICS.length]!;
      insertItem.run(id, `deck-${i % DECKS}`, id, id, topic, `Question ${i}?`, i, created, created);
    }
  })();

  const insertUser = sqlite.prepare(
    `INSERT INTO User (id, email, name, passwordHash, createdAt, updatedAt) VALUES (?, ?, ?, 'x', ?, ?)`,
  );
  const insertSettings = sqlite.prepare(`INSERT INTO UserSettings (userId, timeZone, updatedAt) VALUES (?, ?, ?)`);
  const insertCard = sqlite.prepare(
    `INSERT INTO Card (id, userId, itemId, state, due, stability, difficulty, scheduledDays, learningSteps, reps,
       lapses, lastReview, suspended, leech, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, 5, ?, 0, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertLog = sqlite.prepare(
    `INSERT INTO ReviewLog (id, userId, itemId, cardId, rating, response, correct, responseMs, stateBefore, stateAfter,
       previousState, elapsedDays, reviewedAt, source)
     VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, 'study')`,
  );
  const zones = ["UTC", "America/New_York", "Europe/Berlin", "Asia/Kolkata"];
  // Rows are simulated learner by learner, then written in time order, as a live server would have written them:
  // one learner's review logs end up spread over the whole table, not in one contiguous run of pages.
  const cardRows: unknown[][] = [];
  const logRows: unknown[][] = [];
  sqlite.transaction(() => {
    for (let u = 0; u < LEARNERS; u += 1) {
      const userId = `learner-${u}`;
      insertUser.run(userId, `${userId}@example.com`, `Learner ${u}`, created, created);
      insertSettings.run(userId, zones[u % zones.length]!, created);
    }
  })();
  for (let u = 0; u < LEARNERS; u += 1) {
    const random = createRng(u + 1); // the same database on every run
    const userId = `learner-${u}`;
    const studyHour = 7 + Math.floor(random() * 14);
    const share = 0.6 + random() * 0.4; // each learner starts 60–100 % of the items
    for (const itemId of itemIds) {
      if (random() > share) continue;
      const cardId = `${userId}:${itemId}`;
      let day = Math.floor(random() * DAYS);
      let interval = 0;
      let stability = 0;
      let lapses = 0;
      let reps = 0;
      let state = "new";
      let last = 0;
      let firstAt = 0;
      while (day < DAYS) {
        const at = now - (DAYS - day) * DAY + studyHour * 3_600_000 + Math.floor(random() * 3_600_000);
        if (at > now) break;
        const missed = state !== "new" && random() < (state === "review" ? 0.1 : 0.2);
        const rating = missed ? "again" : random() < 0.1 ? "hard" : random() < 0.1 ? "easy" : "good";
        const elapsed = last ? Math.floor((at - last) / DAY) : 0;
        const ms = 1500 + Math.floor(random() * 12_000);
        logRows.push([at, userId, itemId, cardId, rating, missed ? 0 : 1, ms, state, elapsed]);
        firstAt ||= at;
        reps += 1;
        if (missed && state === "review") lapses += 1;
        if (missed) {
          state = state === "review" ? "relearning" : "learning";
          interval = 1;
          stability = Math.max(1, stability * 0.4);
        } else {
          state = "review";
          interval = Math.max(1, Math.round((interval || 1) * (rating === "easy" ? 3.5 : 2.5)));
          stability = interval * 1.1;
        }
        last = at;
        day += interval;
      }
      if (reps === 0) continue;
      const leech = lapses >= 8 ? 1 : 0;
      cardRows.push([firstAt, cardId, userId, itemId, state, iso(last + interval * DAY), stability, interval, reps]);
      cardRows.at(-1)!.push(lapses, iso(last), leech, leech, iso(firstAt), iso(last));
    }
  }
  const byTime = (a: unknown[], b: unknown[]) => (a[0] as number) - (b[0] as number);
  cardRows.sort(byTime);
  logRows.sort(byTime);
  const CHUNK = 50_000;
  for (let first = 0; first < cardRows.length; first += CHUNK) {
    sqlite.transaction(() => {
      for (const row of cardRows.slice(first, first + CHUNK)) insertCard.run(...row.slice(1));
    })();
  }
  for (let first = 0; first < logRows.length; first += CHUNK) {
    sqlite.transaction(() => {
      logRows
        .slice(first, first + CHUNK)
        .forEach(([at, userId, itemId, cardId, rating, correct, ms, state, elapsed], i) => {
          insertLog.run(
            `log-${first + i}`,
            userId,
            itemId,
            cardId,
            rating,
            correct,
            ms,
            SNAPSHOT,
            SNAPSHOT,
            state,
            elapsed,
            iso(at as number),
          );
        });
    })();
  }
  const logs = logRows.length;
  const cards = (sqlite.prepare("SELECT COUNT(*) AS n FROM Card").get() as { n: number }).n;
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
  return { logs, cards };
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "factdeck-bench-dashboard-"));
  const file = path.join(dir, "bench.db");
  process.env.DATABASE_URL = `file:${file}`;
  const migrated = spawnSync(process.execPath, ["scripts/prepare-db.mjs", "--no-seed"], {
    env: process.env,
    encoding: "utf8",
  });
  if (migrated.status !== 0) throw new Error(migrated.stderr);

  const now = Date.now();
  const t = performance.now();
  const { logs, cards } = generate(file, now);
  const generateS = (performance.now() - t) / 1000;

  // Imported after DATABASE_URL is set: the client reads it once.
  const { loadProgress } = await import("@/lib/db/progress");
  const { db } = await import("@/lib/db/client");
  const sample = Array.from({ length: SAMPLE }, (_, i) => `learner-${Math.floor((i * LEARNERS) / SAMPLE)}`);
  let reviewsPerLearner = 0;
  async function measure() {
    await loadProgress(sample[0]!, new Date(now)); // warm up: connection, prepared statements
    const times: number[] = [];
    reviewsPerLearner = 0;
    for (const userId of sample) {
      const start = performance.now();
      const progress = await loadProgress(userId, new Date(now));
      times.push(performance.now() - start);
      reviewsPerLearner += progress.totalReviews / sample.length;
    }
    const sorted = times.sort((a, b) => a - b);
    return { median: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), max: sorted.at(-1)! };
  }
  const runs = [{ indexes: "schema", ...(await measure()) }];
  if (TRY_INDEXES) {
    const sqlite = new Database(file);
    for (const sql of CANDIDATE_INDEXES) sqlite.exec(sql);
    sqlite.close();
    runs.push({ indexes: "schema + candidates", ...(await measure()) });
  }
  await db.$disconnect();
  const sizeMb = statSync(file).size / 1024 / 1024;

  console.log(
    "| learners | items | days | review logs | cards | DB MB | generate s | indexes | learners timed | reviews/learner | median ms | p95 ms | max ms |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
  for (const run of runs) {
    console.log(
      `| ${LEARNERS} | ${ITEMS} | ${DAYS} | ${logs} | ${cards} | ${sizeMb.toFixed(0)} | ${generateS.toFixed(1)} | ` +
        `${run.indexes} | ${SAMPLE} | ${Math.round(reviewsPerLearner)} | ${run.median.toFixed(1)} | ` +
        `${run.p95.toFixed(1)} | ${run.max.toFixed(1)} |`,
    );
  }
  const [base, candidates] = runs;
  console.log(
    JSON.stringify({
      dashboard_learner_ms: Number(base!.median.toFixed(1)),
      dashboard_learner_p95_ms: Number(base!.p95.toFixed(1)),
      ...(candidates
        ? {
            dashboard_learner_ms_candidate_indexes: Number(candidates.median.toFixed(1)),
            dashboard_learner_p95_ms_candidate_indexes: Number(candidates.p95.toFixed(1)),
          }
        : {}),
      learners: LEARNERS,
      review_logs: logs,
    }),
  );
  if (KEEP) console.error(`kept ${file}`);
  else rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
