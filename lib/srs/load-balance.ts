import { get_fuzz_range } from "ts-fsrs";
import { assertValidDate, SrsError } from "./errors";
import { nextStudyDayStart, studyDayKey, studyDayStart } from "./day";
import { formatInterval } from "./interval-label";
import { schedule, type IntervalPreview, type ScheduleResult } from "./scheduler";
import { RATINGS, type CardState, type Rating, type SrsSettings } from "./types";

// Load balancing (Anki 24.11) and easy days (Anki 24.11's "Easy Days"). ts-fsrs's fuzz picks a random interval in a
// range around the proposed one so cards learned together drift apart; the load balancer picks, within the same
// range, the day with the fewest reviews due, so the daily load flattens instead of being spread by chance. Easy days
// scale each weekday's capacity: 1 normal, 0.5 reduced, 0 no reviews (unless every day in the range is one).
//
// Anki (24.11 to 26.x, rslib/src/scheduler/states/load_balancer.rs) picks at random, seeded per card, with weight
// (1/due)² × 1/interval per day of the range; the 1/interval biases it toward earlier days on purpose, because the
// far future always looks emptier. Factdeck picks deterministically, so the same inputs give the same card and the
// next answer sees the load this one added, and guards that drift by comparing each day with the range's trend
// instead of weighting by interval: see balanceInterval.

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
 * The interval in [minInterval, maxInterval] whose day is the furthest below the range's trend, where a day's score is
 * (load + 1) ÷ capacity and the trend is the least-squares line through the scores of the range's fullest-capacity
 * days; ties go to the one closest to `interval`, then the shorter. Days with capacity 0 are avoided unless the whole
 * range is such days.
 *
 * Why a trend and not the load alone: when a card is answered, the later days of its range hold fewer reviews than
 * the earlier ones only because the cards that will land there have not been answered yet, so "least loaded" alone
 * would lengthen intervals on average (fewer reviews, retention below the desired one). A line fitted through the
 * range takes that slope out without favouring either end, so equal or evenly sloping loads keep ts-fsrs's interval,
 * and only a day that is a dip (or a peak) against its neighbours moves the card.
 *
 * @example
 * balanceInterval({ interval: 10, minInterval: 8, maxInterval: 12, loadOn: (d) => [0,0,0,0,0,0,0,0,5,5,9,2,5][d],
 *   weekdayOf: (d) => d % 7 }); // 11: scores 6 6 10 3 6, trend 6.2 − 0.3 × (d − 10), day 11 is 2.9 below it
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
  const proposed = Math.min(Math.max(interval, minInterval), maxInterval);
  const days: { days: number; capacity: number; score: number }[] = [];
  for (let d = minInterval; d <= maxInterval; d++) {
    const capacity = easyDays[input.weekdayOf(d)] ?? 1;
    // ÷ capacity: a reduced day counts as twice as full; + 1 so an empty reduced day still scores above an empty
    // normal one.
    if (capacity > 0) days.push({ days: d, capacity, score: (input.loadOn(d) + 1) / capacity });
  }
  if (days.length === 0) return proposed;
  // The trend is fitted through the days of the range's highest capacity only, so a reduced day's doubled score is
  // a peak to avoid rather than something that tilts the line for the others.
  const top = Math.max(...days.map((d) => d.capacity));
  const reference = days.filter((d) => d.capacity === top);
  const meanX = reference.reduce((s, d) => s + d.days, 0) / reference.length;
  const meanY = reference.reduce((s, d) => s + d.score, 0) / reference.length;
  const spread = reference.reduce((s, d) => s + (d.days - meanX) ** 2, 0);
  const slope = spread === 0 ? 0 : reference.reduce((s, d) => s + (d.days - meanX) * (d.score - meanY), 0) / spread;
  let best = proposed;
  let bestResidual = Number.POSITIVE_INFINITY;
  for (const d of days) {
    const residual = d.score - (meanY + slope * (d.days - meanX));
    const distance = Math.abs(d.days - interval) - Math.abs(best - interval);
    // Residuals are sums of floats: a difference below 1e-9 is a tie (equal loads give exactly 0 only in exact
    // arithmetic).
    const lower = residual < bestResidual - 1e-9;
    const tie = Math.abs(residual - bestResidual) <= 1e-9;
    if (lower || (tie && (distance < 0 || (distance === 0 && d.days < best)))) {
      best = d.days;
      bestResidual = residual;
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

/**
 * The rating buttons' figures as the answer will place the card: for each rating, `scheduleBalanced`'s due date and a
 * short label (Anki labels its buttons with the load-balanced interval too). With the same loads, the answer gets
 * exactly the previewed day. Loads are read only for ratings that give a review interval of 3+ days.
 *
 * @example
 * previewBalanced(card, now, settings, { dueCounts: (from, until) => dueCountsBetween(userId, from, until, settings) })
 *   .good.label; // "12d"
 */
export function previewBalanced(
  card: CardState,
  now: Date,
  settings: SrsSettings,
  options: BalancedScheduleOptions,
): Record<Rating, IntervalPreview> {
  const entries = RATINGS.map((rating) => {
    const { due } = scheduleBalanced(card, rating, now, settings, options).card;
    return [rating, { due, label: formatInterval(due.getTime() - now.getTime()) }] as const;
  });
  return Object.fromEntries(entries) as Record<Rating, IntervalPreview>;
}
