// Labels for the dashboard, computed on the server so client charts render the same text as the server did.

const dayFormat = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "short", day: "numeric" });
const longDayFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: "UTC",
  weekday: "short",
  month: "short",
  day: "numeric",
  year: "numeric",
});
const monthFormat = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "long", year: "numeric" });

const atMidnight = (key: string) => new Date(`${key}T00:00:00Z`);

/** @example dayLabel("2026-03-10"); // "Mar 10" */
export const dayLabel = (key: string) => dayFormat.format(atMidnight(key));

/** @example longDayLabel("2026-03-10"); // "Tue, Mar 10, 2026" */
export const longDayLabel = (key: string) => longDayFormat.format(atMidnight(key));

/** @example monthLabel("2026-03"); // "March 2026" */
export const monthLabel = (month: string) => monthFormat.format(atMidnight(`${month}-01`));

/**
 * @example
 * formatDuration(400); // "<1 s"
 * formatDuration(42_000); // "42 s"
 * formatDuration(3_900_000); // "1 h 5 min"
 */
export function formatDuration(ms: number): string {
  if (ms > 0 && ms < 1000) return "<1 s";
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** @example percent(2 / 3); // "67%"; percent(null); // "—" */
export const percent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 100)}%`);

/** A count with its noun: "1 learner", "2 learners". @example plural(1, "attempt") // "1 attempt" */
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
