import path from "node:path";
import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };

// Integration test files that run twice: on SQLite ("integration") and on PostgreSQL ("integration-postgres"): every
// file but those that test SQLite itself or need no database (issue 17). Kept on SQLite alone:
// - backup: db:backup/db:restore use SQLite's backup API (PostgreSQL's: postgres/backup.test.ts);
// - health-unavailable: an unmigrated SQLite file;
// - migrations: SQLite's migrations against its schema (PostgreSQL's: postgres/migrations.test.ts);
// - publish-while-answering: SQLite's single writer (a raw better-sqlite3 process committing back to back,
//   SQLITE_BUSY_SNAPSHOT, migrate with the file open);
// - postgres-half, postgres-schema, start-secret: no database (a skip marker, generated files, a refused start).
// POSTGRES_ONLY: files that test PostgreSQL itself.
const BOTH_DATABASES = [
  "tests/integration/actions-authorization.test.ts",
  "tests/integration/analytics.test.ts",
  "tests/integration/answers-committed.test.ts",
  "tests/integration/assignment-progress.test.ts",
  "tests/integration/browse-flags.test.ts",
  "tests/integration/class-dashboard.test.ts",
  "tests/integration/classes.test.ts",
  "tests/integration/deck-reupload.test.ts",
  "tests/integration/deck-visibility.test.ts",
  "tests/integration/delete-account.test.ts",
  "tests/integration/fuzz-actions.test.ts",
  "tests/integration/grading-feedback.test.ts",
  "tests/integration/health.test.ts",
  "tests/integration/interchange.test.ts",
  "tests/integration/items.test.ts",
  "tests/integration/password-reset.test.ts",
  "tests/integration/preset-parameters.test.ts",
  "tests/integration/presets.test.ts",
  "tests/integration/progress.test.ts",
  "tests/integration/publish-document.test.ts",
  "tests/integration/quiz-and-parameters.test.ts",
  "tests/integration/reviews.test.ts",
  "tests/integration/scheduling-tools.test.ts",
  "tests/integration/sessions.test.ts",
  "tests/integration/sign-in.test.ts",
  "tests/integration/sign-in-limits.test.ts",
  "tests/integration/sign-up.test.ts",
  "tests/integration/study-screen.test.ts",
  "tests/integration/tables.test.ts",
  "tests/integration/teaching-lifecycle.test.ts",
  "tests/integration/upload-document.test.ts",
];
const POSTGRES_ONLY = ["tests/integration/postgres/**/*.test.ts"];

// The PostgreSQL half (issue 17) runs when TEST_POSTGRES_URL names a server (.ci/run starts one). Without it the
// half is skipped, and said so: here, and as a skipped test in the summary (tests/integration/postgres-half.test.ts).
// CI must never skip it.
const postgresUrl = process.env.TEST_POSTGRES_URL;
if (!postgresUrl && process.env.CI === "true") {
  throw new Error("CI=true but TEST_POSTGRES_URL is not set: the PostgreSQL half of the tests cannot be skipped in CI");
}
if (!postgresUrl) {
  console.warn(
    "\n  PostgreSQL half SKIPPED: TEST_POSTGRES_URL is not set. Run it with\n" +
      "  TEST_POSTGRES_URL=$(.ci/start-postgres) npx vitest run   (starts a throwaway cluster; docs/decisions/027)\n",
  );
}

const postgresProject: TestProjectInlineConfiguration = {
  resolve: { alias },
  test: {
    name: "integration-postgres",
    include: [...BOTH_DATABASES, ...POSTGRES_ONLY],
    environment: "node",
    testTimeout: 30_000,
    globalSetup: ["tests/setup/postgres-global-setup.ts"],
    setupFiles: ["tests/setup/fail-on-console-error.ts", "tests/setup/postgres-database.ts"],
  },
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts"],
          environment: "node",
          setupFiles: ["tests/setup/fail-on-console-error.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...POSTGRES_ONLY],
          environment: "node",
          // Real databases, the FSRS optimizer and worker threads on a 2-core machine: tests assert behaviour, and
          // a slow machine must not turn into a failure (benchmarks measure time, bench/).
          testTimeout: 30_000,
          globalSetup: ["tests/setup/global-setup.ts"],
          setupFiles: ["tests/setup/fail-on-console-error.ts", "tests/setup/database.ts"],
        },
      },
      ...(postgresUrl ? [postgresProject] : []),
    ],
  },
});
