/** Command-line flags of `npm run bench` (bench/run.ts). */
export type BenchOptions = {
  quick: boolean;
  learners: number;
  days: number;
  generatedItems: number;
  /** Seconds per load run (one per concurrency and target). */
  duration: number;
  concurrency: number[];
  /** Learners signed in over HTTP for the app runs. */
  signIns: number;
  build: "auto" | "always" | "never";
  skip: Set<string>;
  keep: boolean;
  /** Also run the study API outside Next (bench/study-server.ts). */
  outsideNext: boolean;
  /** Also run the app on PostgreSQL, one instance and two (bench/lib/postgres.ts). */
  postgres: boolean;
  /** The PostgreSQL server to use; without it a throwaway cluster is started (.ci/start-postgres). */
  postgresUrl: string | undefined;
};

function flag(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

export function parseOptions(argv: string[]): BenchOptions {
  const quick = argv.includes("--quick");
  const num = (name: string, full: number, short: number) => {
    const value = flag(argv, name);
    const parsed = value === undefined ? (quick ? short : full) : Number(value);
    if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`--${name} must be a positive number`);
    return parsed;
  };
  const learners = num("learners", 1000, 400);
  return {
    quick,
    learners,
    days: num("days", 90, 30),
    generatedItems: num("items", 500, 500),
    duration: num("duration", 20, 5),
    concurrency: (flag(argv, "concurrency") ?? "1,8,32").split(",").map(Number),
    signIns: Math.min(learners, num("sign-ins", 400, 300)),
    build: argv.includes("--no-build") ? "never" : argv.includes("--build") ? "always" : "auto",
    // --skip app,floor,content,dashboards
    skip: new Set((flag(argv, "skip") ?? "").split(",").filter(Boolean)),
    keep: argv.includes("--keep"),
    outsideNext: argv.includes("--outside-next"),
    postgres: argv.includes("--postgres") || flag(argv, "postgres-url") !== undefined,
    postgresUrl: flag(argv, "postgres-url"),
  };
}

export const USAGE = `npx tsx bench/run.ts [--quick] [--learners N] [--days N] [--items N] [--duration S]
  [--concurrency 1,8,32] [--sign-ins N] [--build | --no-build] [--skip app,floor,content,dashboards] [--keep] [--outside-next]
  [--postgres [--postgres-url postgresql://user@host:port/any]]`;
