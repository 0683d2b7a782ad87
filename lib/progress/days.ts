import { studyDayKey } from "@/lib/srs";

// Per-day figures in the learner's time zone. SQL groups timestamps by UTC quarter-hour (every real UTC offset is a
// multiple of 15 minutes, and a study day starts on a whole local hour), so mapping each quarter-hour to its study
// day here is exact, DST included, while the database returns at most a few thousand rows per learner.

/** A count per UTC quarter-hour: `hour` is "YYYY-MM-DDTHH" (UTC), `quarter` 0–3. */
export type QuarterBucket = { hour: string; quarter: number; count: number; ms?: number };

/** Reviews and time spent on one study day ("YYYY-MM-DD"). */
export type DayTotal = { reviews: number; ms: number };

export type DayOptions = { timeZone: string; dayStartHour: number };

/** The instant a quarter-hour bucket starts. */
export function bucketStart(bucket: Pick<QuarterBucket, "hour" | "quarter">): Date {
  return new Date(`${bucket.hour}:${String(bucket.quarter * 15).padStart(2, "0")}:00Z`);
}

/**
 * Sums quarter-hour buckets into study days of the learner's time zone.
 *
 * @example
 * bucketsToDays([{ hour: "2026-01-05T17", quarter: 2, count: 3, ms: 9000 }], { timeZone: "Asia/Tokyo", dayStartHour: 4 });
 * // Map { "2026-01-05" => { reviews: 3, ms: 9000 } }  (02:30 on the 6th in Tokyo is still the 5th's study day)
 */
export function bucketsToDays(buckets: readonly QuarterBucket[], options: DayOptions): Map<string, DayTotal> {
  const days = new Map<string, DayTotal>();
  for (const bucket of buckets) {
    const key = studyDayKey(bucketStart(bucket), options.timeZone, options.dayStartHour);
    const day = days.get(key) ?? { reviews: 0, ms: 0 };
    day.reviews += bucket.count;
    day.ms += bucket.ms ?? 0;
    days.set(key, day);
  }
  return days;
}

/**
 * The "YYYY-MM-DD" key `n` calendar days after `key` (negative: before).
 * @example addDays("2026-03-01", -1); // "2026-02-28"
 */
export function addDays(key: string, n: number): string {
  return new Date(Date.parse(`${key}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** One day of a per-day series. */
export type DayCount = { date: string; count: number };

/**
 * `length` consecutive days starting at `first`, with the count of each (0 when absent).
 * @example daySeries(new Map([["2026-01-02", 4]]), "2026-01-01", 3); // [{date:"2026-01-01",count:0}, {…02, count:4}, {…03, count:0}]
 */
export function daySeries(counts: ReadonlyMap<string, number>, first: string, length: number): DayCount[] {
  return Array.from({ length }, (_, i) => {
    const date = addDays(first, i);
    return { date, count: counts.get(date) ?? 0 };
  });
}

/**
 * Reviews due on each of the next `length` study days, today first; anything overdue counts as due today.
 *
 * @example
 * forecast([{ hour: "2026-01-01T10", quarter: 0, count: 2 }], new Date("2026-01-05T12:00:00Z"), { timeZone: "UTC", dayStartHour: 4 }, 2);
 * // [{ date: "2026-01-05", count: 2 }, { date: "2026-01-06", count: 0 }]
 */
export function forecast(
  dueBuckets: readonly QuarterBucket[],
  now: Date,
  options: DayOptions,
  length = 30,
): DayCount[] {
  const today = studyDayKey(now, options.timeZone, options.dayStartHour);
  const counts = new Map<string, number>();
  for (const [date, day] of bucketsToDays(dueBuckets, options)) {
    const key = date < today ? today : date;
    counts.set(key, (counts.get(key) ?? 0) + day.reviews);
  }
  return daySeries(counts, today, length);
}

/**
 * The study streak: consecutive study days with at least one review, ending today — or ending yesterday when today
 * has no review yet (the streak is not lost until today is over). `studiedToday` tells which.
 *
 * @example
 * streak(new Set(["2026-01-03", "2026-01-04"]), "2026-01-05"); // { days: 2, studiedToday: false }
 */
export function streak(studyDays: ReadonlySet<string>, today: string): { days: number; studiedToday: boolean } {
  const studiedToday = studyDays.has(today);
  let day = studiedToday ? today : addDays(today, -1);
  let days = 0;
  while (studyDays.has(day)) {
    days += 1;
    day = addDays(day, -1);
  }
  return { days, studiedToday };
}

/** Time spent answering (sum of response times): today, the last 7 study days including today, and in total. */
export function timeStudied(days: ReadonlyMap<string, DayTotal>, today: string) {
  const weekStart = addDays(today, -6);
  let todayMs = 0;
  let weekMs = 0;
  let totalMs = 0;
  for (const [date, day] of days) {
    totalMs += day.ms;
    if (date === today) todayMs += day.ms;
    if (date >= weekStart && date <= today) weekMs += day.ms;
  }
  return { todayMs, weekMs, totalMs };
}
