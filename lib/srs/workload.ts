import { default_w, type FSRSState } from "ts-fsrs";
import { createRng, type Rng } from "../prng";
import { assertValidDate, SrsError } from "./errors";
import { studyDaysBetween } from "./day";
import { FsrsKernel } from "./fsrs-kernel";
import type { CardStateName, SrsSettings } from "./types";

// "Help me decide" (Anki 25.x's workload graph, after fsrs-rs's simulate): replay the learner's next `days` days at
// each desired retention and measure the work (answers, minutes) and what it buys (knowledge: the sum over cards of
// the probability of recalling each at the end). The learner's own parameters are taken as the truth about their
// memory, so recall on a review is drawn with R(t, S) from those parameters.
//
// Simplifications (stated on the page): whole days; learning and relearning steps are answered "good" the same day
// (they cost an answer each and move stability by FSRS's short-term formula); no card is suspended or added except
// the unseen items, introduced `newPerDay` a day; `maxReviewsPerDay` holds back the rest to the next day.

/** A card as the simulator needs it. */
export type WorkloadCard = {
  state: CardStateName;
  stability: number;
  difficulty: number;
  due: Date;
  lastReview: Date | null;
};

export type WorkloadInput = {
  cards: readonly WorkloadCard[];
  /** Items the learner has never studied that the queue would introduce. */
  unseenItems: number;
  settings: SrsSettings;
  /** The learner's average time per answer, in seconds. */
  secondsPerAnswer: number;
  /** Shares of again/hard/good/easy on first answers (need not sum to 1; normalised). */
  firstRatingShares: readonly [number, number, number, number];
  /** Shares of hard/good/easy among recalled reviews (normalised). */
  recallRatingShares: readonly [number, number, number];
  now: Date;
  seed: number;
  /** Horizon in days (default 365). */
  days?: number;
  /** Desired retentions to try (default 0.70, 0.71, …, 0.97). */
  retentions?: readonly number[];
  /** Random source override for tests (default: a mulberry32 stream from `seed`, restarted per retention). */
  random?: () => Rng;
};

export type WorkloadPoint = {
  retention: number;
  /** Mean reviews of cards already learned (review state) per day. */
  reviewsPerDay: number;
  /** Mean answers per day: reviews, first answers of new items, and same-day learning/relearning steps. */
  answersPerDay: number;
  minutesPerDay: number;
  /** Σ R over every card at the end of the horizon: how many items the learner would recall then. */
  memorized: number;
  /** Seconds of study per item memorized at the end (lower is more efficient; Anki's CMRR minimises it). */
  secondsPerMemorized: number;
};

export type WorkloadResult = { days: number; points: WorkloadPoint[]; recommended: WorkloadPoint | null };

/** Anki's range for "Help me decide": 0.70–0.97 in steps of 0.01. */
export const WORKLOAD_RETENTIONS: readonly number[] = Array.from({ length: 28 }, (_, i) => (70 + i) / 100);
/** fsrs-rs simulator defaults, for learners with too few answers of their own to estimate shares. */
export const DEFAULT_FIRST_RATING_SHARES = [0.24, 0.094, 0.495, 0.171] as const;
export const DEFAULT_RECALL_RATING_SHARES = [0.224, 0.632, 0.144] as const;

function normalise(shares: readonly number[]): number[] {
  const total = shares.reduce((sum, s) => sum + Math.max(0, s), 0);
  if (!(total > 0)) throw new SrsError("invalid_card", "Rating shares must include a positive number.");
  let acc = 0;
  return shares.map((s) => (acc += Math.max(0, s) / total));
}

function pick(cumulative: readonly number[], u: number): number {
  for (let i = 0; i < cumulative.length - 1; i++) if (u < cumulative[i]) return i;
  return cumulative.length - 1;
}

/** Number of "good" answers that finish the learning steps after the first answer `grade` (ts-fsrs's step rules). */
function learningStepAnswers(grade: number, steps: number): number {
  if (grade === 4 || steps === 0) return 0;
  return grade === 3 ? steps - 1 : steps;
}

/**
 * Simulates the learner's next `days` days at each desired retention (seeded: the same input gives the same result).
 *
 * @example
 * const result = simulateWorkload({ cards, unseenItems: 500, settings, secondsPerAnswer: 9,
 *   firstRatingShares: DEFAULT_FIRST_RATING_SHARES, recallRatingShares: DEFAULT_RECALL_RATING_SHARES,
 *   now: new Date("2026-01-05T10:00:00Z"), seed: 1 });
 * result.recommended?.retention; // e.g. 0.84
 */
export function simulateWorkload(input: WorkloadInput): WorkloadResult {
  assertValidDate(input.now, "now");
  const days = input.days ?? 365;
  const { settings } = input;
  if (!Number.isInteger(days) || days < 1) throw new SrsError("invalid_date", "days must be a positive whole number.");
  if (!(input.secondsPerAnswer > 0)) throw new SrsError("invalid_card", "secondsPerAnswer must be positive.");
  const first = normalise(input.firstRatingShares);
  const recall = normalise(input.recallRatingShares);

  // Existing cards as day numbers relative to today (day 0). "new" rows are unseen items.
  const seen = input.cards.filter((card) => card.state !== "new" && card.lastReview !== null);
  const unseen = input.unseenItems + (input.cards.length - seen.length);
  const base = seen.map((card) => {
    assertValidDate(card.due, "card.due");
    const { timeZone, dayStartHour } = settings;
    return {
      last: -Math.max(0, studyDaysBetween(card.lastReview!, input.now, timeZone, dayStartHour)),
      due: Math.max(0, studyDaysBetween(input.now, card.due, timeZone, dayStartHour)),
      stability: card.stability,
      difficulty: card.difficulty,
    };
  });
  const newTotal = Math.min(unseen, settings.newPerDay * days);
  const capacity = base.length + newTotal;

  const points = (input.retentions ?? WORKLOAD_RETENTIONS).map((retention) => {
    const fsrs = new FsrsKernel(settings.weights ?? default_w, retention, settings.maximumIntervalDays);
    const random = input.random ? input.random() : createRng(input.seed);
    const last = new Int32Array(capacity);
    const stability = new Float64Array(capacity);
    const difficulty = new Float64Array(capacity);
    const buckets: number[][] = Array.from({ length: days }, () => []);
    let count = 0;
    for (const card of base) {
      last[count] = card.last;
      stability[count] = card.stability;
      difficulty[count] = card.difficulty;
      if (card.due < days) buckets[card.due].push(count);
      count++;
    }
    const settle = (i: number, day: number, state: FSRSState) => {
      last[i] = day;
      stability[i] = state.stability;
      difficulty[i] = state.difficulty;
      const next = day + fsrs.interval(state.stability);
      if (next < days) buckets[next].push(i);
    };
    let reviews = 0;
    let answers = 0;
    let carried: number[] = [];
    let introduced = 0;
    for (let day = 0; day < days; day++) {
      const due = carried.length ? carried.concat(buckets[day]) : buckets[day];
      const todays = due.slice(0, settings.maxReviewsPerDay);
      carried = due.slice(settings.maxReviewsPerDay);
      for (const i of todays) {
        const elapsed = day - last[i];
        const r = fsrs.recall(elapsed, stability[i]);
        const grade = random() < r ? 2 + pick(recall, random()) : 1;
        let state = fsrs.next({ stability: stability[i], difficulty: difficulty[i] }, elapsed, grade, r);
        reviews++;
        answers++;
        if (grade === 1) {
          for (let step = 0; step < settings.relearningSteps.length; step++) state = fsrs.next(state, 0, 3);
          answers += settings.relearningSteps.length;
        }
        settle(i, day, state);
      }
      const fresh = Math.min(settings.newPerDay, newTotal - introduced);
      for (let k = 0; k < fresh; k++) {
        const grade = 1 + pick(first, random());
        let state = fsrs.next(null, 0, grade);
        const steps = learningStepAnswers(grade, settings.learningSteps.length);
        for (let step = 0; step < steps; step++) state = fsrs.next(state, 0, 3);
        answers += 1 + steps;
        settle(count++, day, state);
      }
      introduced += fresh;
    }
    let memorized = 0;
    for (let i = 0; i < count; i++) memorized += fsrs.recall(days - last[i], stability[i]);
    const seconds = answers * input.secondsPerAnswer;
    return {
      retention,
      reviewsPerDay: reviews / days,
      answersPerDay: answers / days,
      minutesPerDay: seconds / 60 / days,
      memorized,
      secondsPerMemorized: memorized > 0 ? seconds / memorized : Number.POSITIVE_INFINITY,
    };
  });
  const recommended = points.reduce<WorkloadPoint | null>(
    (best, p) =>
      Number.isFinite(p.secondsPerMemorized) && (!best || p.secondsPerMemorized < best.secondsPerMemorized) ? p : best,
    null,
  );
  return { days, points, recommended };
}
