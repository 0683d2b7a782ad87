/**
 * Issue 17's last check: the bench database, moved to PostgreSQL the way an operator moves (`db:migrate`, then
 * `db:sqlite-to-postgres` with its row counts and replay check), is served by the app, and its main pages are not
 * slow on it. Starts `npm start` on the SQLite file and on the PostgreSQL copy, signs in a bench learner (one in the
 * bench class) and the bench teacher on each, fetches the main pages of both and prints status and times side by
 * side (first fetch, then the median of the next ones).
 *   npx tsx bench/serve-postgres.ts [--db <bench SQLite file>] [--learners 1000] [--days 90] [--repeat 3]
 *     [--postgres-url postgresql://user@host:port/any] [--keep]
 * Without --db it builds a bench database (bench/lib/build-db.ts; 1,000 learners × 90 days ≈ 2.5 M rows by
 * default); `npm run bench -- --keep` leaves one behind (its postgres-source.db is the untouched copy). Without
 * --postgres-url a throwaway cluster is started (.ci/start-postgres). Needs a finished `next build`. Exits 1 when a
 * page does not answer 200 on either database.
 */
import { randomBytes } from "node:crypto";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { BENCH_PASSWORD, buildDatabase, CLASS_ID, learnerEmail } from "./lib/build-db";
import { signIn } from "./lib/load";
import { copyIntoPostgres, postgresServer } from "./lib/postgres";
import { freePort, startApp } from "./lib/servers";

const log = (line: string) => console.error(`serve-postgres: ${line}`);
function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const REPEAT = Number(flag("repeat") ?? 3);
const TEACHER_EMAIL = "teacher@bench.test";

type Page = { who: "learner" | "teacher"; path: string };
type Timing = { status: number; firstMs: number; medianMs: number };

/** The pages to fetch: the learner's study, progress, deck and settings pages; the teacher's class pages. */
function pages(sqliteFile: string): Page[] {
  const sqlite = new Database(sqliteFile, { readonly: true });
  try {
    const decks = sqlite.prepare(`SELECT id FROM Document ORDER BY slug`).all() as { id: string }[];
    const item = sqlite.prepare(`SELECT id, documentId FROM Item ORDER BY position, id LIMIT 1`).get() as {
      id: string;
      documentId: string;
    };
    const learner = (p: string): Page => ({ who: "learner", path: p });
    const teacher = (p: string): Page => ({ who: "teacher", path: p });
    return [
      learner("/"),
      learner("/study"),
      learner("/api/study/next"),
      learner("/progress"),
      learner("/progress/workload"),
      learner("/progress/catch-up"),
      learner("/decks"),
      ...decks.flatMap((deck) => [
        learner(`/decks/${deck.id}`),
        learner(`/decks/${deck.id}/study`),
        learner(`/decks/${deck.id}/browse`),
      ]),
      learner(`/decks/${item.documentId}/items/${item.id}/info`),
      learner("/assignments/bench-assignment"),
      learner("/browse"),
      learner("/settings"),
      teacher("/"),
      teacher("/classes"),
      teacher(`/classes/${CLASS_ID}`),
      teacher(`/classes/${CLASS_ID}/gradebook.csv`),
      teacher(`/classes/${CLASS_ID}/item-analysis.csv`),
      teacher("/sets"),
      teacher("/sets/bench-set"),
    ];
  } finally {
    sqlite.close();
  }
}

async function timePages(base: string, list: Page[], learnerNumber: number): Promise<Map<string, Timing>> {
  const cookies = {
    learner: await signIn(base, learnerEmail(learnerNumber), BENCH_PASSWORD, "10.98.0.1"),
    teacher: await signIn(base, TEACHER_EMAIL, BENCH_PASSWORD, "10.98.0.2"),
  };
  const timings = new Map<string, Timing>();
  for (const page of list) {
    const times: number[] = [];
    let status = 0;
    for (let i = 0; i <= REPEAT; i += 1) {
      const started = performance.now();
      // Manual redirects: a page that sends a signed-in user to /login is a failure, not a 200 of the login page.
      const response = await fetch(`${base}${page.path}`, {
        headers: { cookie: cookies[page.who] },
        redirect: "manual",
      });
      await response.arrayBuffer();
      times.push(performance.now() - started);
      if (i === 0 || response.status !== 200) status = response.status;
    }
    const rest = times.slice(1).sort((a, b) => a - b);
    timings.set(`${page.who} ${page.path}`, {
      status,
      firstMs: Math.round(times[0]!),
      medianMs: Math.round(rest[Math.floor(rest.length / 2)] ?? times[0]!),
    });
  }
  return timings;
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "factdeck-serve-postgres-"));
  let source = flag("db");
  if (!source) {
    source = path.join(dir, "bench.db");
    const learners = Number(flag("learners") ?? 1000);
    const days = Number(flag("days") ?? 90);
    log(`building ${learners} learners × ${days} days in ${dir}…`);
    const stats = await buildDatabase(source, { learners, days, generatedItems: 500, now: new Date() }, log);
    log(`built: ${stats.cards} cards, ${stats.logs} review logs in ${stats.seconds.toFixed(0)} s`);
  }
  // The app writes (sessions, sign-in limits): it gets a copy, the PostgreSQL copy is made from the untouched file.
  const served = path.join(dir, "served.db");
  copyFileSync(source, served);
  const list = pages(source);
  const secret = randomBytes(32).toString("base64url");
  const server = postgresServer(flag("postgres-url"), log);
  let failed = false;
  try {
    const copy = await copyIntoPostgres(server.url, source, log);
    log(`copied in ${copy.copySeconds.toFixed(1)} s${process.argv.includes("--keep") ? `: ${copy.url}` : ""}`);
    try {
      const results: Record<string, Map<string, Timing>> = {};
      for (const [label, url] of [
        ["SQLite", `file:${served}`],
        ["PostgreSQL", copy.url],
      ] as const) {
        const app = await startApp(url, await freePort(), secret);
        try {
          // Learner 0 is in the bench class (its assignment is in their queue).
          results[label] = await timePages(app.url, list, 0);
        } finally {
          await app.stop();
        }
      }
      console.log(`| page | SQLite status | first ms | median ms | PostgreSQL status | first ms | median ms |`);
      console.log(`|---|---|---|---|---|---|---|`);
      for (const key of results.SQLite!.keys()) {
        const a = results.SQLite!.get(key)!;
        const b = results.PostgreSQL!.get(key)!;
        if (a.status !== 200 || b.status !== 200) failed = true;
        console.log(
          `| ${key} | ${a.status} | ${a.firstMs} | ${a.medianMs} | ${b.status} | ${b.firstMs} | ${b.medianMs} |`,
        );
      }
    } finally {
      if (!process.argv.includes("--keep")) await copy.drop();
    }
  } finally {
    if (!process.argv.includes("--keep")) {
      server.drop();
      rmSync(dir, { recursive: true, force: true });
    } else log(`kept ${dir}`);
  }
  if (failed) {
    console.log("a page did not answer 200");
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
