import { get_fuzz_range } from "ts-fsrs";
import { assertValidDate, SrsError } from "./errors";
import { nextStudyDayStart, studyDayKey, studyDayStart } from "./day";
import { schedule, type ScheduleResult } from "./scheduler";
import type { CardState, Rating, SrsSettings } from "./types";

// Load balancing (Anki 24.11) and easy days (Anki 24.11's "Easy Days"). ts-fsrs's fuzz picks a random interval in a
// range around the proposed one so cards learned together drift apart; the load balancer picks, within the same
// range, the day with the fewest reviews due, so the daily load flattens instead of being spread by chance. Easy days
// scale each weekday's capacity: 1 normal, 0.5 reduced, 0 no reviews (unless every day in the range is one).
//
// Anki picks at random with weight 1/load² × 1/interval (so equal loads still spread); Factdeck picks the day with the
// lowest (load + 1) × interval ÷ capacity and breaks ties toward the interval ts-fsrs proposed: deterministic, so the
// same inputs give the same card, and the next answer sees the load this one added. The × interval, like Anki's
// 1/interval, keeps the choice from drifting to later days (the far future always looks emptier, because it has not
// been scheduled yet): without it intervals grew on average and the simulated learner did 5 % fewer reviews.

/** Capacity of each weekday, Sunday (0) to Saturday (6): 1 normal, 0.5 reduced, 0 none. */
export type EasyDays = readonly number[];
export const NORMAL_DAYS: EasyDays = [1, 1, 1, 1, 1, 1, 1];

export type BalanceInput = {
  /** The interval ts-fsrs proposes, in days. */
  interval: number;
  /** The fuzz range around it (ts-fsrs `get_fuzz_range`), inclusive. */
  minInterval: number;
  maxInterval: number;
  /** Reviews already due `days` days from today. */
  loadOn: (days: number) => number;
  /** Weekday (0 = Sunday) `days` days from today. */
  weekdayOf: (days: number) => number;
  easyDays?: EasyDays;
};

/**
 * The interval in [minInterval, maxInterval] with the lowest (load + 1) × interval ÷ capacity; ties go to the one
 * closest to `interval`, then the shorter. Days with capacity 0 are avoided unless the whole range is such days.
 *
 * @example
 * balanceInterval({ interval: 10, minInterval: 9, maxInterval: 11, loadOn: (d) => [0,0,0,0,0,0,0,0,0,5,8,2][d],
 *   weekdayOf: (d) => d % 7 }); // 11: scores 6×9 = 54, 9×10 = 90, 3×11 = 33
 */
export function balanceInterval(input: BalanceInput): number {
  const { minInterval, maxInterval, interval } = input;
  if (!Number.isInteger(minInterval) || !Number.isInteger(maxInterval) || minInterval > maxInterval) {
    throw new SrsError("invalid_card", "The fuzz range must be whole days with min ≤ max.");
  }
  const easyDays = input.easyDays ?? NORMAL_DAYS;
  if (easyDays.length !== 7 || easyDays.some((c) => !(c >= 0 && c <= 1))) {
    throw new SrsError("invalid_card", "Easy days must give seven capacities between 0 and 1.");
  }
  if (easyDays.every((c) => c === 0)) return Math.min(Math.max(interval, minInterval), maxInterval);
  let best = Math.min(Math.max(interval, minInterval), maxInterval);
  let bestScore = Number.POSITIVE_INFINITY;
  for (let days = minInterval; days <= maxInterval; days++) {
    const capacity = easyDays[input.weekdayOf(days)] ?? 1;
    // ÷ capacity: a reduced day counts as twice as full; + 1 so an empty reduced day still loses to an empty normal
    // one. Capacity 0 scores Infinity but stays a candidate if every day in the range is one.
    const score = capacity > 0 ? ((input.loadOn(days) + 1) * days) / capacity : Number.POSITIVE_INFINITY;
    const closer = Math.abs(days - interval) < Math.abs(best - interval);
    if (score < bestScore || (score === bestScore && closer)) {
      best = days;
      bestScore = score;
    }
  }
  return best;
}

/** Reviews due per study day ("YYYY-MM-DD" in the learner's time zone, see `studyDayKey`), not counting this card. */
export type DueCounts = ReadonlyMap<string, number>;

export type BalancedScheduleOptions = {
  /**
   * The due counts, or a function that reads them for the study days from `from` (inclusive) to `until`
   * (exclusive) — only the fuzz range's few days are asked for, so the answer path can read just those. Not read
   * when `settings.loadBalance` is off.
   */
  dueCounts: DueCounts | ((from: Date, until: Date) => DueCounts);
  /** Overrides `settings.easyDays`. */
  easyDays?: EasyDays;
};

const DAY_MS = 86_400_000;

/**
 * Without load balancing, easy days still apply: the proposed interval is kept unless its day has less than full
 * capacity; then the day of the range with the most capacity wins, ties to the one closest to the proposal, then the
 * shorter. No loads are read.
 *
 * @example
 * avoidEasyDays({ interval: 10, minInterval: 9, maxInterval: 11, weekdayOf: (d) => d % 7, easyDays: [1, 1, 1, 0, 1, 1, 1] }); // 9
 */
export function avoidEasyDays(input: Omit<BalanceInput, "loadOn"> & { easyDays: EasyDays }): number {
  const { minInterval, maxInterval, interval, easyDays } = input;
  const capacity = (days: number) => easyDays[input.weekdayOf(days)] ?? 1;
  let best = Math.min(Math.max(interval, minInterval), maxInterval);
  if (capacity(best) === 1) return best;
  for (let days = minInterval; days <= maxInterval; days++) {
    const better = capacity(days) > capacity(best);
    const asGoodAndCloser = capacity(days) === capacity(best) && Math.abs(days - interval) < Math.abs(best - interval);
    if (better || asGoodAndCloser) best = days;
  }
  return best;
}

/**
 * `schedule`, then — for an answer that gives a review interval of 3 days or more — moves the due date within
 * ts-fsrs's fuzz range: with `settings.loadBalance` to the least-loaded day (and off easy days), without it only off
 * easy days. Pure; the log is the one `schedule` returns, so undo works unchanged (a replay through plain `schedule`
 * reproduces everything but `due` and `scheduledDays`). The answer path (lib/db/reviews.ts) calls this instead of
 * `schedule(...)`.
 *
 * @example
 * // In recordReview's read snapshot (lib/db/workload.ts reads only the fuzz range's days, one grouped query):
 * const { card, log } = scheduleBalanced(card, "good", now, settings, {
 *   dueCounts: (from, until) => dueCountsBetween(userId, from, until, settings),
 * });
 */
export function scheduleBalanced(
  card: CardState,
  rating: Rating,
  now: Date,
  settings: SrsSettings,
  options: BalancedScheduleOptions,
): ScheduleResult {
  assertValidDate(now, "now");
  const result = schedule(card, rating, now, settings);
  const interval = result.card.scheduledDays;
  const easyDays = options.easyDays ?? settings.easyDays;
  const allNormal = easyDays.every((c) => c === 1);
  if (!settings.loadBalance && allNormal) return result;
  // ts-fsrs fuzzes only review intervals of 2.5 days or more; learning steps keep their minutes.
  if (result.card.state !== "review" || interval < 3) return result;
  const { min_ivl, max_ivl } = get_fuzz_range(interval, result.log.elapsedDays, settings.maximumIntervalDays);
  const { timeZone, dayStartHour } = settings;
  const at = (days: number) => new Date(now.getTime() + days * DAY_MS);
  const keyOf = (days: number) => studyDayKey(at(days), timeZone, dayStartHour);
  const weekdayOf = (days: number) => new Date(`${keyOf(days)}T00:00:00Z`).getUTCDay();
  let chosen: number;
  if (settings.loadBalance) {
    const counts =
      typeof options.dueCounts === "function"
        ? options.dueCounts(
            studyDayStart(at(min_ivl), timeZone, dayStartHour),
            nextStudyDayStart(at(max_ivl), timeZone, dayStartHour),
          )
        : options.dueCounts;
    chosen = balanceInterval({
      interval,
      minInterval: min_ivl,
      maxInterval: max_ivl,
      loadOn: (days) => counts.get(keyOf(days)) ?? 0,
      weekdayOf,
      easyDays,
    });
  } else {
    chosen = avoidEasyDays({ interval, minInterval: min_ivl, maxInterval: max_ivl, weekdayOf, easyDays });
  }
  if (chosen === interval) return result;
  return {
    log: result.log,
    card: {
      ...result.card,
      scheduledDays: chosen,
      due: new Date(result.card.due.getTime() + (chosen - interval) * DAY_MS),
    },
  };
}
