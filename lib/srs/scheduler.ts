import { createEmptyCard, default_w, fsrs, StrategyMode, type FSRS } from "ts-fsrs";
import { assertValidDate, SrsError } from "./errors";
import { fromFsrsCard, toFsrsCard, toGrade } from "./fsrs-convert";
import { formatInterval } from "./interval-label";
import { RATINGS, type CardState, type Rating, type ReviewLogEntry, type SrsSettings } from "./types";

/** Options for one answer. Fuzz is off unless a random source is given. */
export type ScheduleOptions = {
  /**
   * Enables ts-fsrs's interval fuzz (spreads reviews of cards learned together over nearby days).
   * `random` returns numbers in [0, 1); pass a seeded generator to keep results reproducible.
   */
  fuzz?: { random: () => number };
};

export type ScheduleResult = { card: CardState; log: ReviewLogEntry };
export type IntervalPreview = { due: Date; label: string };

const MAX_CACHED = 64;
const instances = new Map<string, FSRS>();

/** One FSRS instance per distinct settings (building one parses and clamps the parameters). */
function fsrsFor(settings: SrsSettings, fuzz: boolean): FSRS {
  const key = JSON.stringify([
    settings.desiredRetention,
    settings.maximumIntervalDays,
    settings.learningSteps,
    settings.relearningSteps,
    settings.weights ?? null,
    fuzz,
  ]);
  let instance = instances.get(key);
  if (!instance) {
    if (instances.size >= MAX_CACHED) instances.clear();
    instance = fsrs({
      request_retention: settings.desiredRetention,
      maximum_interval: settings.maximumIntervalDays,
      w: settings.weights ?? default_w,
      enable_fuzz: fuzz,
      enable_short_term: true,
      learning_steps: settings.learningSteps,
      relearning_steps: settings.relearningSteps,
    });
    instances.set(key, instance);
  }
  return instance;
}

function checkCard(card: CardState): void {
  assertValidDate(card.due, "card.due");
  if (card.lastReview !== null) assertValidDate(card.lastReview, "card.lastReview");
  if (card.state !== "new" && card.lastReview === null) {
    throw new SrsError("invalid_card", `A ${card.state} card must have a lastReview date.`);
  }
  if (!Number.isFinite(card.stability) || !Number.isFinite(card.difficulty)) {
    throw new SrsError("invalid_card", "Card stability and difficulty must be finite numbers.");
  }
}

/**
 * A card that has never been studied, due at `now`.
 *
 * @example
 * const card = newCard(new Date("2026-01-05T10:00:00Z")); // { state: "new", reps: 0, ... }
 */
export function newCard(now: Date): CardState {
  assertValidDate(now, "now");
  return fromFsrsCard(createEmptyCard(now));
}

/**
 * The card's next state after answering `rating` at `now`, and the log row to store with it.
 * Pure: store both in one transaction; `undoReview(card, log)` restores the previous state exactly.
 *
 * @example
 * const now = new Date("2026-01-05T10:00:00Z");
 * const { card, log } = schedule(newCard(now), "good", now, DEFAULT_SRS_SETTINGS);
 * card.due; // 2026-01-05T10:10:00Z (second learning step)
 */
export function schedule(
  card: CardState,
  rating: Rating,
  now: Date,
  settings: SrsSettings,
  options: ScheduleOptions = {},
): ScheduleResult {
  assertValidDate(now, "now");
  checkCard(card);
  if (!RATINGS.includes(rating)) throw new SrsError("invalid_rating", `Unknown rating "${String(rating)}".`);
  const f = fsrsFor(settings, options.fuzz !== undefined);
  if (options.fuzz) {
    // ts-fsrs seeds its fuzz PRNG from a string per answer; derive it from the injected source.
    const seed = String(Math.floor(options.fuzz.random() * 2 ** 32));
    f.useStrategy(StrategyMode.SEED, () => seed);
  }
  const result = f.next(toFsrsCard(card), now, toGrade(rating));
  return {
    card: fromFsrsCard(result.card),
    log: {
      rating,
      // The card as it was before the answer (ts-fsrs's own log puts last_review in `due`, so it is not copied).
      state: card.state,
      due: card.due,
      stability: card.stability,
      difficulty: card.difficulty,
      elapsedDays: result.log.elapsed_days,
      scheduledDays: card.scheduledDays,
      learningSteps: card.learningSteps,
      lastReview: card.lastReview,
      review: now,
    },
  };
}

/**
 * The card as it was before the review recorded in `log` (the card passed must be the result of that review).
 *
 * @example
 * const { card: after, log } = schedule(card, "again", now, settings);
 * undoReview(after, log); // deep-equals `card`
 */
export function undoReview(card: CardState, log: ReviewLogEntry): CardState {
  const lapsed = log.rating === "again" && log.state === "review";
  return {
    state: log.state,
    due: log.due,
    stability: log.stability,
    difficulty: log.difficulty,
    scheduledDays: log.scheduledDays,
    learningSteps: log.learningSteps,
    reps: Math.max(0, card.reps - 1),
    lapses: Math.max(0, card.lapses - (lapsed ? 1 : 0)),
    lastReview: log.lastReview,
  };
}

/**
 * For each rating, when the card would be due and a short label for the answer button.
 *
 * @example
 * previewIntervals(newCard(now), now, DEFAULT_SRS_SETTINGS).good.label; // "10m"
 */
export function previewIntervals(card: CardState, now: Date, settings: SrsSettings): Record<Rating, IntervalPreview> {
  const entries = RATINGS.map((rating) => {
    const { due } = schedule(card, rating, now, settings).card;
    return [rating, { due, label: formatInterval(due.getTime() - now.getTime()) }] as const;
  });
  return Object.fromEntries(entries) as Record<Rating, IntervalPreview>;
}

/**
 * Probability (0–1) that the learner recalls the card at `now`: R(t, S) = (1 + F·t/S)^−w20 with
 * F = 0.9^(−1/w20) − 1 and t in whole days since the last review. 0 for a new card.
 *
 * @example
 * retrievability(card, card.due, settings); // ≈ settings.desiredRetention for a review card
 */
export function retrievability(card: CardState, now: Date, settings: SrsSettings): number {
  assertValidDate(now, "now");
  if (card.state === "new") return 0;
  checkCard(card);
  return fsrsFor(settings, false).get_retrievability(toFsrsCard(card), now, false);
}
