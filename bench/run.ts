/**
 * `npm run bench`: the study loop of the production server against the bare-SQLite floor, content:build and the
 * dashboards, in one run on one freshly built database. Writes bench/results.json and prints a Markdown table.
 *   npx tsx bench/run.ts            1,000 learners × 90 days, 20 s per run at concurrency 1, 8 and 32
 *   npx tsx bench/run.ts --quick    400 learners × 30 days, 5 s per run (a few minutes in all)
 *   npx tsx bench/run.ts --postgres the app on PostgreSQL too, one instance and two, on a copy of the same database
 * More flags: bench/lib/options.ts (USAGE). The load generator shares the machine with the servers, so figures are
 * for comparison between runs and between app and floor, not absolute capacity.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { BENCH_PASSWORD, buildDatabase, learnerEmail, learnerId } from "./lib/build-db";
import { LearnerPool, pool, routeThroughput, signIn, studyLoad, type Learner, type LoadResult } from "./lib/load";
import { parseOptions, USAGE, type BenchOptions } from "./lib/options";
import { copyIntoPostgres, postgresServer } from "./lib/postgres";
import { ensureBuild, freePort, startApp, startFloor, startStudyServer, type Server } from "./lib/servers";
import { measureDashboards } from "./lib/dashboards";

const require = createRequire(import.meta.url);
const log = (line: string) => console.error(`bench: ${line}`);

function contentBuild(): { content_build_ms_nato: number | null; content_build_ms_300kb: number | null } {
  const run = spawnSync(process.execPath, [require.resolve("tsx/cli"), "bench/content-build.ts"], {
    encoding: "utf8",
  });
  const line = run.stdout.trim().split("\n").at(-1) ?? "";
  if (run.status !== 0 || !line.startsWith("{")) {
    log(`content-build failed:\n${run.stderr}`);
    return { content_build_ms_nato: null, content_build_ms_300kb: null };
  }
  return JSON.parse(line);
}

async function loadRuns(
  label: string,
  url: string | string[],
  learners: LearnerPool,
  concurrency: number[],
  seconds: number,
) {
  // Warm-up (not recorded): JIT, route compilation on first hit, the database's page cache.
  await studyLoad({ url, learners, concurrency: 8, seconds: Math.min(5, seconds) });
  const results: LoadResult[] = [];
  for (const c of concurrency) {
    const result = await studyLoad({ url, learners, concurrency: c, seconds });
    log(`${label} c${c}: ${result.reviews_per_s} reviews/s, p95 ${result.p95_ms} ms`);
    results.push(result);
  }
  return results;
}

/** The first `count` bench learners, signed in over HTTP (each from an address of its own). */
function signInLearners(url: string, count: number): Promise<Learner[]> {
  log(`signing in ${count} learners…`);
  return pool(
    Array.from({ length: count }, (_, u) => async () => ({
      id: learnerId(u),
      headers: { cookie: await signIn(url, learnerEmail(u), BENCH_PASSWORD, `10.99.${u >> 8}.${u & 255}`) },
    })),
    4,
  );
}

async function main() {
  if (process.argv.includes("--help")) return console.log(USAGE);
  const opts = parseOptions(process.argv.slice(2));
  const now = new Date();
  ensureBuild(opts.build, log);

  const dir = mkdtempSync(path.join(tmpdir(), "factdeck-bench-"));
  const appDb = path.join(dir, "app.db");
  const floorDb = path.join(dir, "floor.db");
  log(`building ${opts.learners} learners × ${opts.days} days in ${dir}…`);
  const stats = await buildDatabase(appDb, { ...opts, now }, log);
  log(`built: ${stats.items} items, ${stats.cards} cards, ${stats.logs} review logs in ${stats.seconds.toFixed(0)} s`);

  const dashboards = opts.skip.has("dashboards")
    ? { dashboard_learner_ms: null, dashboard_class_ms: null, notes: ["skipped"] }
    : await measureDashboards(opts.learners, now);
  const { db } = await import("@/lib/db/client");
  await db.$disconnect();
  // The floor gets the same starting state on its own file, so neither run eats into the other's queues.
  copyFileSync(appDb, floorDb);
  const outsideDb = path.join(dir, "outside-next.db");
  if (opts.outsideNext) copyFileSync(appDb, outsideDb);
  const postgresSource = path.join(dir, "postgres-source.db");
  if (opts.postgres) copyFileSync(appDb, postgresSource);
  const secret = randomBytes(32).toString("base64url");

  const content = opts.skip.has("content")
    ? { content_build_ms_nato: null, content_build_ms_300kb: null }
    : contentBuild();

  let app: LoadResult[] = [];
  let oneQueryRoute: number | null = null;
  let outsideNext: LoadResult[] = [];
  if (!opts.skip.has("app")) {
    const server = await startApp(`file:${appDb}`, await freePort(), secret);
    let learners: Learner[] = [];
    try {
      learners = await signInLearners(server.url, opts.signIns);
      // The sign-ins recorded Session rows the cookies name (docs/decisions/010); the outside-Next probe's copy was
      // taken before them, so it gets the same rows.
      if (opts.outsideNext) copySessions(appDb, outsideDb);
      app = await loadRuns("app", server.url, new LearnerPool(learners), opts.concurrency, opts.duration);
      oneQueryRoute = await routeThroughput(`${server.url}/api/health`, 32, opts.duration);
      log(`GET /api/health c32 (one Prisma query): ${oneQueryRoute} requests/s`);
    } finally {
      await server.stop();
    }
    if (opts.outsideNext) {
      // The same sessions (same secret) against the same code served without Next, on its own copy of the database.
      const probe = await startStudyServer(outsideDb, await freePort(), secret);
      try {
        outsideNext = await loadRuns(
          "outside-next",
          probe.url,
          new LearnerPool(learners),
          opts.concurrency,
          opts.duration,
        );
      } finally {
        await probe.stop();
      }
    }
  }
  let floor: LoadResult[] = [];
  if (!opts.skip.has("floor")) {
    const server = await startFloor(floorDb, await freePort());
    try {
      const learners = Array.from({ length: opts.learners }, (_, u) => ({
        id: learnerId(u),
        headers: { "x-user": learnerId(u) },
      }));
      floor = await loadRuns("floor", server.url, new LearnerPool(learners), opts.concurrency, opts.duration);
    } finally {
      await server.stop();
    }
  }
  const postgres = opts.postgres
    ? await postgresRuns(postgresSource, opts.postgresUrl, secret, opts)
    : { one: [], two: [], copySeconds: null };

  const at = (runs: LoadResult[], c: number) => runs.find((r) => r.concurrency === c);
  const appC32 = at(app, 32)?.reviews_per_s;
  const floorC32 = at(floor, 32)?.reviews_per_s;
  const results = {
    at: now.toISOString(),
    machine: { cpus: cpus().length, node: process.version },
    options: { ...opts, skip: [...opts.skip] },
    database: stats,
    answer_next_p95_ms_c8: at(app, 8)?.p95_ms ?? null,
    reviews_per_s_c32: appC32 ?? null,
    floor_ratio_c32: appC32 && floorC32 ? Math.round((floorC32 / appC32) * 100) / 100 : null,
    ...content,
    dashboard_learner_ms: dashboards.dashboard_learner_ms,
    dashboard_class_ms: dashboards.dashboard_class_ms,
    notes: dashboards.notes,
    health_route_rps_c32: oneQueryRoute,
    floor_ratio_c32_outside_next:
      at(outsideNext, 32) && floorC32 ? Math.round((floorC32 / at(outsideNext, 32)!.reviews_per_s) * 100) / 100 : null,
    postgres_copy_s: postgres.copySeconds,
    app,
    floor,
    outside_next: outsideNext,
    postgres_one_instance: postgres.one,
    postgres_two_instances: postgres.two,
  };
  writeFileSync("bench/results.json", `${JSON.stringify(results, null, 2)}\n`);

  const cell = (v: number | null | undefined) => (v === null || v === undefined ? "–" : String(v));
  const lines = [
    `Database: ${stats.learners} learners, ${stats.items} items, ${stats.cards} cards, ${stats.logs} review logs ` +
      `(built in ${stats.seconds.toFixed(0)} s). ${opts.duration} s per run.`,
    "",
    "| study loop | concurrency | reviews/s | p50 ms | p95 ms | p99 ms | errors | learners emptied |",
    "|---|---|---|---|---|---|---|---|",
    ...[
      ...app.map((r) => ["app", r] as const),
      ...outsideNext.map((r) => ["app outside Next", r] as const),
      ...postgres.one.map((r) => ["app on PostgreSQL, 1 instance", r] as const),
      ...postgres.two.map((r) => ["app on PostgreSQL, 2 instances", r] as const),
      ...floor.map((r) => ["floor", r] as const),
    ].map(
      ([label, r]) =>
        `| ${label} | ${r.concurrency} | ${r.reviews_per_s} | ${r.p50_ms} | ${r.p95_ms} | ${r.p99_ms} | ` +
        `${JSON.stringify(r.errors)} | ${r.learners_emptied} |`,
    ),
    "",
    "| figure | value |",
    "|---|---|",
    `| answer_next_p95_ms_c8 (target ≤ 20) | ${cell(results.answer_next_p95_ms_c8)} |`,
    `| reviews_per_s_c32 (target ≥ 1000) | ${cell(results.reviews_per_s_c32)} |`,
    `| floor_ratio_c32 (floor ÷ app; goal ≤ 3) | ${cell(results.floor_ratio_c32)} |`,
    `| GET /api/health c32, a route with one Prisma query (requests/s) | ${cell(oneQueryRoute)} |`,
    ...(opts.outsideNext ? [`| floor ÷ app outside Next, c32 | ${cell(results.floor_ratio_c32_outside_next)} |`] : []),
    ...(opts.postgres ? [`| copy to PostgreSQL (db:sqlite-to-postgres, s) | ${cell(postgres.copySeconds)} |`] : []),
    `| content_build_ms_nato | ${cell(results.content_build_ms_nato)} |`,
    `| content_build_ms_300kb | ${cell(results.content_build_ms_300kb)} |`,
    `| dashboard_learner_ms (median) | ${cell(results.dashboard_learner_ms)} |`,
    `| dashboard_class_ms (median, 30 learners) | ${cell(results.dashboard_class_ms)} |`,
    ...dashboards.notes.map((note) => `\nNote: ${note}`),
  ];
  console.log(lines.join("\n"));
  if (opts.keep) log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

/**
 * The app on PostgreSQL: the bench database copied into a database of its own, then one instance, then two instances
 * on it behind a round-robin in the load generator (both started up front; the learners signed in once, their
 * sessions shared through the database; one pool of learners over both, so the two-instance runs get fresh ones).
 */
async function postgresRuns(sqliteFile: string, given: string | undefined, secret: string, opts: BenchOptions) {
  const server = postgresServer(given, log);
  try {
    const copy = await copyIntoPostgres(server.url, sqliteFile, log);
    log(`copied the bench database to PostgreSQL in ${copy.copySeconds.toFixed(1)} s`);
    const instances: Server[] = [];
    try {
      for (let i = 0; i < 2; i += 1) instances.push(await startApp(copy.url, await freePort(), secret));
      const learners = new LearnerPool(await signInLearners(instances[0]!.url, opts.signIns));
      const urls = instances.map((instance) => instance.url);
      const one = await loadRuns("postgres 1", urls[0]!, learners, opts.concurrency, opts.duration);
      const two = await loadRuns("postgres 2", urls, learners, opts.concurrency, opts.duration);
      return { one, two, copySeconds: Math.round(copy.copySeconds * 10) / 10 };
    } finally {
      await Promise.all(instances.map((instance) => instance.stop()));
      await copy.drop();
    }
  } finally {
    server.drop();
  }
}

/** Copies every Session row of `from` into `to` (both migrated bench databases). */
function copySessions(from: string, to: string) {
  const target = new Database(to);
  try {
    target.prepare("ATTACH DATABASE ? AS source").run(from);
    target.exec("INSERT OR REPLACE INTO Session SELECT * FROM source.Session");
    target.exec("DETACH DATABASE source");
  } finally {
    target.close();
  }
}
