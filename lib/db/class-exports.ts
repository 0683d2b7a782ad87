import { toCsv } from "@/lib/csv";
import { plural } from "@/lib/progress/format";
import type { ClassDashboard } from "./class-dashboard";

/** One row per learner: last activity, then each assignment's progress (study) or best score and attempts (quiz). */
export function gradebookCsv({ klass, learners }: ClassDashboard): string {
  const header = [
    "Learner",
    "Email",
    "Last active",
    ...klass.assignments.map((a) => `${a.set.name} (${a.mode}, due ${a.dueAt.toISOString().slice(0, 10)})`),
  ];
  const rows = learners.map((learner) => [
    learner.name,
    learner.email,
    learner.lastActive?.toISOString() ?? null,
    ...klass.assignments.map((a) => {
      const cell = learner.assignments.get(a.id);
      if (!cell) return null;
      if (a.mode === "quiz")
        return cell.best === null
          ? "not taken"
          : `${cell.best}/${cell.outOf ?? a.set._count.items} (${plural(cell.attempts, "attempt")})`;
      return `${cell.progress.done}/${cell.progress.total}${cell.progress.complete ? " complete" : ""}`;
    }),
  ]);
  return toCsv([header, ...rows]);
}

export function itemAnalysisCsv({ itemAnalysis }: ClassDashboard): string {
  const header = [
    "Item",
    "Answers",
    "Facility",
    "Discrimination",
    "Non-functional options",
    "Option shares",
    "FSRS difficulty",
    "Lapse rate",
  ];
  const rows = itemAnalysis.map((row) => [
    row.prompt,
    row.answers,
    row.facility.toFixed(3),
    row.discrimination === null ? null : row.discrimination.toFixed(3),
    row.distractors
      .filter((d) => d.nonFunctional)
      .map((d) => d.option)
      .join("; "),
    row.distractors.map((d) => `${d.option}: ${(d.share * 100).toFixed(0)}%`).join("; "),
    row.fsrsDifficulty === null ? null : row.fsrsDifficulty.toFixed(2),
    row.lapseRate === null ? null : row.lapseRate.toFixed(3),
  ]);
  return toCsv([header, ...rows]);
}
