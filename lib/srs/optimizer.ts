import { createRequire } from "node:module";
import { studyDaysBetween } from "./day";
import { FSRS_WEIGHT_COUNT, type CardStateName, type Rating } from "./types";

type Binding = typeof import("@open-spaced-repetition/binding-linux-x64-gnu");

/** Below this many training reviews (reviews after at least one day) personal parameters overfit. */
export const MIN_REVIEWS_FOR_OPTIMIZER = 400;

export type OptimizerLog = { itemId: string; rating: Rating; reviewedAt: Date; stateBefore: CardStateName };

export type FitOptions = {
  /** The learner's day boundary: delta_t counts study days, as in Anki. Defaults: "UTC", 4. */
  timeZone?: string;
  dayStartHour?: number;
  /** Relearning steps in use (fsrs-rs adjusts the short-term parameters for them). Default 1. */
  numRelearningSteps?: number;
  /** Give up after this many milliseconds (the binding's own timeout). */
  timeoutMs?: number;
  /** Overrides how the native binding is loaded (tests); return null when it is unavailable. */
  loadBinding?: () => Binding | null;
};

export type FitResult =
  | { ok: true; weights: number[]; reviewCount: number; trainingItemCount: number }
  | { ok: false; reason: "not_enough_reviews" | "optimizer_unavailable" | "failed"; message: string };

const RATING_NUMBER: Record<Rating, number> = { again: 1, hard: 2, good: 3, easy: 4 };

/** Loads the native optimizer if this platform has it (Linux x64 glibc); null elsewhere. */
export function loadNativeBinding(): Binding | null {
  try {
    const require = createRequire(import.meta.url);
    return require("@open-spaced-repetition/binding-linux-x64-gnu") as Binding;
  } catch {
    return null;
  }
}

export type ReviewHistory = Array<{ rating: number; deltaT: number }>;

/**
 * Each card's history the way fsrs-rs/Anki read it: group by item, sort by time, keep the history from the last time
 * the card was new (cards whose first review is missing are skipped, since their initial state is unknown), and set
 * delta_t = whole study days since the previous review (0 for the first).
 *
 * @example
 * cardHistories(logs, "UTC", 4); // [[{ rating: 3, deltaT: 0 }, { rating: 3, deltaT: 2 }], …]
 */
export function cardHistories(logs: readonly OptimizerLog[], timeZone: string, dayStartHour: number): ReviewHistory[] {
  const byItem = new Map<string, OptimizerLog[]>();
  for (const log of logs) {
    const list = byItem.get(log.itemId);
    if (list) list.push(log);
    else byItem.set(log.itemId, [log]);
  }
  const histories: ReviewHistory[] = [];
  for (const list of byItem.values()) {
    list.sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
    const start = list.findLastIndex((log) => log.stateBefore === "new");
    if (start < 0) continue;
    histories.push(
      list.slice(start).map((log, i, all) => ({
        rating: RATING_NUMBER[log.rating],
        deltaT: i === 0 ? 0 : studyDaysBetween(all[i - 1].reviewedAt, log.reviewedAt, timeZone, dayStartHour),
      })),
    );
  }
  return histories;
}

/**
 * Training items from review logs (see `cardHistories`): each is a prefix of a card's history ending in a review
 * with delta_t > 0: that review is the one predicted, the earlier ones (same-day steps included) are its context.
 */
export function toTrainingHistories(
  logs: readonly OptimizerLog[],
  timeZone: string,
  dayStartHour: number,
): ReviewHistory[] {
  const prefixes: ReviewHistory[] = [];
  for (const history of cardHistories(logs, timeZone, dayStartHour)) {
    for (let end = 1; end < history.length; end++) {
      if (history[end].deltaT > 0) prefixes.push(history.slice(0, end + 1));
    }
  }
  return prefixes;
}

/**
 * Fits personal FSRS-6 parameters (21 weights) to a learner's review logs with the native fsrs-rs optimizer.
 * Store `weights` in the learner's settings; `SrsSettings.weights` feeds them back into scheduling.
 *
 * @example
 * const result = await fitParameters(logs, { timeZone: "Europe/Berlin", dayStartHour: 4 });
 * if (result.ok) await saveWeights(userId, result.weights);
 * else if (result.reason === "not_enough_reviews") showMessage(result.message);
 */
export async function fitParameters(logs: readonly OptimizerLog[], options: FitOptions = {}): Promise<FitResult> {
  const histories = toTrainingHistories(logs, options.timeZone ?? "UTC", options.dayStartHour ?? 4);
  if (histories.length < MIN_REVIEWS_FOR_OPTIMIZER) {
    return {
      ok: false,
      reason: "not_enough_reviews",
      message: `Personal parameters need at least ${MIN_REVIEWS_FOR_OPTIMIZER} reviews made a day or more after the previous one; there are ${histories.length}.`,
    };
  }
  const binding = (options.loadBinding ?? loadNativeBinding)();
  if (!binding) {
    return {
      ok: false,
      reason: "optimizer_unavailable",
      message: "The FSRS optimizer is not available on this platform.",
    };
  }
  try {
    const items = histories.map(
      (history) => new binding.FSRSBindingItem(history.map((r) => new binding.FSRSBindingReview(r.rating, r.deltaT))),
    );
    const weights = await binding.computeParameters(items, {
      enableShortTerm: true,
      numRelearningSteps: options.numRelearningSteps ?? 1,
      ...(options.timeoutMs !== undefined ? { timeout: options.timeoutMs } : {}),
    });
    const list = Array.from(weights);
    if (list.length !== FSRS_WEIGHT_COUNT || !list.every(Number.isFinite)) {
      return {
        ok: false,
        reason: "failed",
        message: `The optimizer returned ${list.length} parameters instead of 21 finite numbers.`,
      };
    }
    return { ok: true, weights: list, reviewCount: logs.length, trainingItemCount: histories.length };
  } catch (error) {
    return { ok: false, reason: "failed", message: error instanceof Error ? error.message : String(error) };
  }
}
