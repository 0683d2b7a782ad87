/** Times the dashboards' data loads (lib/db/progress loadProgress, lib/db/class-dashboard loadClassDashboard). */
import { existsSync } from "node:fs";
import { CLASS_ID, learnerId, TEACHER_ID } from "./build-db";

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function time(runs: number, body: (i: number) => Promise<unknown>) {
  await body(0); // warm-up: connection, prepared statements
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await body(i);
    times.push(performance.now() - started);
  }
  return Math.round(median(times) * 10) / 10;
}

/** Medians in ms; null where the module is not there (yet). DATABASE_URL must point at the bench database. */
export async function measureDashboards(learners: number, now: Date) {
  const result: { dashboard_learner_ms: number | null; dashboard_class_ms: number | null; notes: string[] } = {
    dashboard_learner_ms: null,
    dashboard_class_ms: null,
    notes: [],
  };
  if (existsSync("lib/db/progress.ts")) {
    const { loadProgress } = await import("@/lib/db/progress");
    const sample = 20;
    result.dashboard_learner_ms = await time(sample, (i) =>
      loadProgress(learnerId(Math.floor((i * learners) / sample)), now),
    );
  } else result.notes.push("lib/db/progress.ts is missing: learner dashboard not measured");
  if (existsSync("lib/db/class-dashboard.ts")) {
    const { loadClassDashboard } = await import("@/lib/db/class-dashboard");
    const teacher = { id: TEACHER_ID, email: "teacher@bench.test", name: "Bench Teacher", role: "instructor" as const };
    result.dashboard_class_ms = await time(5, async () => {
      if (!(await loadClassDashboard(CLASS_ID, teacher))) throw new Error("bench class not found");
    });
  } else result.notes.push("lib/db/class-dashboard.ts is missing: class dashboard not measured");
  const { db } = await import("@/lib/db/client");
  await db.$disconnect();
  return result;
}
