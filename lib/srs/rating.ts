import type { Rating } from "./types";

/** A correct answer slower than this multiple of the learner's median response time is rated "hard". */
export const HARD_IF_SLOWER_THAN = 2;
/** A correct answer faster than this multiple of the median is rated "easy"… */
export const EASY_IF_FASTER_THAN = 0.5;
/** …but only once the median rests on at least this many answers (a median of 3 answers is noise). */
export const MIN_ANSWERS_FOR_EASY = 10;

export type AnswerTiming = {
  correct: boolean;
  /** How long the learner took to answer, in milliseconds. */
  responseMs: number;
  /** The learner's median response time (null/undefined when unknown). */
  medianResponseMs?: number | null;
  /** How many answers the median was computed from (needed before "easy" is given). */
  medianSampleSize?: number;
};

/**
 * Rates a typed answer the learner cannot grade themselves:
 * wrong → "again"; right → "hard" when responseMs > 2 × median, "easy" when responseMs < 0.5 × median
 * and the median comes from ≥ 10 answers, otherwise "good". Without a known median a right answer is "good".
 *
 * @example
 * ratingFromAnswer({ correct: true, responseMs: 9000, medianResponseMs: 4000 }); // "hard"
 * ratingFromAnswer({ correct: true, responseMs: 1500, medianResponseMs: 4000, medianSampleSize: 25 }); // "easy"
 */
export function ratingFromAnswer({
  correct,
  responseMs,
  medianResponseMs,
  medianSampleSize = 0,
}: AnswerTiming): Rating {
  if (!correct) return "again";
  if (medianResponseMs == null || !(medianResponseMs > 0) || !Number.isFinite(responseMs)) return "good";
  if (responseMs > HARD_IF_SLOWER_THAN * medianResponseMs) return "hard";
  if (medianSampleSize >= MIN_ANSWERS_FOR_EASY && responseMs < EASY_IF_FASTER_THAN * medianResponseMs) return "easy";
  return "good";
}

/**
 * The median of a list of numbers (mean of the two middle values for an even count); null for an empty list.
 * Non-finite values are ignored.
 *
 * @example
 * median([3000, 1000, 2000]); // 2000
 * median([]); // null
 */
export function median(values: readonly number[]): number | null {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
