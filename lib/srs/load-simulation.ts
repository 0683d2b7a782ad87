import { createRng } from "../prng";
import { nextStudyDayStart, studyDayKey } from "./day";
import { scheduleBalanced, type EasyDays } from "./load-balance";
import { newCard, retrievability, schedule } from "./scheduler";
import type { CardState, SrsSettings } from "./types";

// A learner who studies every day, for comparing daily loads with and without the load balancer
// (scripts/load-balance-report.ts and load-balance.test.ts). Memory follows the scheduler's own FSRS model: a review
// is recalled with probability R. Modes: "plain" (no fuzz: what recordReview does today), "fuzz" (ts-fsrs's seeded
// random fuzz: Anki's behaviour without the load balancer) and "balanced" (scheduleBalanced).

export type LoadSimulationOptions = {
  settings: SrsSettings;
  days: number;
  newPerDay: number;
  seed: number;
  start: Date;
  mode: "plain" | "fuzz" | "balanced";
  easyDays?: EasyDays;
};

export type LoadStats = {
  daily: number[];
  mean: number;
  standardDeviation: number;
  max: number;
  /** Standard deviation of each day's load from the centred 7-day mean: the spikes, without the growth trend. */
  spikiness: number;
  /** All reviews over the run. */
  total: number;
};

/** What a simulation run adds to the daily loads: how often reviews were recalled, and how far the balancer moved them. */
export type LoadSimulation = LoadStats & {
  /** Share of reviews recalled (the simulated learner's true retention). */
  recalled: number;
  /** Mean days between the interval ts-fsrs proposed and the one kept, over review intervals of 3+ days. */
  meanShift: number;
};

const MINUTE = 60_000;

const meanOf = (xs: readonly number[]) => xs.reduce((s, n) => s + n, 0) / Math.max(1, xs.length);
const deviation = (xs: readonly number[], centre: (i: number) => number) =>
  Math.sqrt(meanOf(xs.map((n, i) => (n - centre(i)) ** 2)));

/**
 * Mean, population standard deviation, maximum and spikiness of a daily series.
 *
 * @example
 * loadStats([2, 4, 4, 4, 5, 5, 7, 9]).standardDeviation; // 2
 */
export function loadStats(daily: number[]): LoadStats {
  const mean = meanOf(daily);
  const week = (i: number) => meanOf(daily.slice(Math.max(0, i - 3), i + 4));
  return {
    daily,
    mean,
    standardDeviation: deviation(daily, () => mean),
    max: Math.max(0, ...daily),
    spikiness: deviation(daily, week),
    total: daily.reduce((s, n) => s + n, 0),
  };
}

/**
 * Reviews (answers to review-state cards) per day over `days` days.
 *
 * @example
 * const off = simulateDailyLoad({ ...options, mode: "fuzz" });
 * const on = simulateDailyLoad({ ...options, mode: "balanced" });
 * on.standardDeviation < off.standardDeviation; // true
 */
export function simulateDailyLoad(options: LoadSimulationOptions): LoadSimulation {
  const { settings } = options;
  const random = createRng(options.seed);
  const cards: CardState[] = [];
  const dueCounts = new Map<string, number>();
  const keyOf = (date: Date) => studyDayKey(date, settings.timeZone, settings.dayStartHour);
  const count = (card: CardState, delta: number) => {
    if (card.state !== "review") return;
    const key = keyOf(card.due);
    dueCounts.set(key, (dueCounts.get(key) ?? 0) + delta);
  };
  const daily: number[] = [];
  let recalled = 0;
  let shifted = 0;
  let shifts = 0;
  for (let day = 0; day < options.days; day++) {
    let clock = new Date(options.start.getTime() + day * 86_400_000);
    const end = nextStudyDayStart(clock, settings.timeZone, settings.dayStartHour);
    for (let k = 0; k < options.newPerDay; k++) cards.push(newCard(clock));
    let reviews = 0;
    for (;;) {
      const due = cards
        .map((card, index) => ({ card, index }))
        .filter(({ card }) => card.due < end)
        .sort((a, b) => a.card.due.getTime() - b.card.due.getTime());
      if (due.length === 0) break;
      for (const { card, index } of due) {
        if (card.due > clock) clock = card.due;
        let rating: "again" | "good" = "good";
        if (card.state === "review") {
          reviews++;
          rating = random() < retrievability(card, clock, settings) ? "good" : "again";
          if (rating === "good") recalled++;
        }
        count(card, -1);
        const next =
          options.mode === "balanced"
            ? scheduleBalanced(card, rating, clock, settings, { dueCounts, easyDays: options.easyDays }).card
            : schedule(card, rating, clock, settings, options.mode === "fuzz" ? { fuzz: { random } } : {}).card;
        if (options.mode === "balanced" && next.state === "review" && next.scheduledDays >= 3) {
          shifted += next.scheduledDays - schedule(card, rating, clock, settings).card.scheduledDays;
          shifts++;
        }
        count(next, +1);
        cards[index] = next;
        clock = new Date(clock.getTime() + MINUTE / 6);
      }
      if (clock >= end) break;
    }
    daily.push(reviews);
  }
  const stats = loadStats(daily);
  return { ...stats, recalled: recalled / Math.max(1, stats.total), meanShift: shifted / Math.max(1, shifts) };
}
