import { default_w, type FSRSState } from "ts-fsrs";
import { SrsError } from "./errors";
import { FsrsKernel } from "./fsrs-kernel";
import type { ReviewHistory } from "./optimizer";
import { FSRS_WEIGHT_COUNT } from "./types";

// How well a set of FSRS parameters predicts the learner's own reviews, as fsrs-rs's `evaluate` (and Anki's
// "Evaluate" button) measures it. Each card's history is replayed through the FSRS-6 memory model (ts-fsrs
// `next_state`, short-term on); before every review made a day or more after the previous one the model predicts
// p = R(Δt, S), and the outcome is y = 1 unless the rating was Again.
//
//   log loss   = −mean( y·ln p + (1 − y)·ln(1 − p) )
//   RMSE(bins) = sqrt( Σ_bins n_b·(mean p_b − mean y_b)² / Σ n_b )
//
// Bins as fsrs-rs's `r_matrix_index`: Δt bucketed as round(2.48·3.62^⌊log_3.62 Δt⌋, 2 decimals); the review's
// position, length = (long-term reviews so far, this one included) + 1, bucketed as round(1.99·1.89^⌊log_1.89
// length⌋); earlier long-term lapses bucketed as round(1.65·1.73^⌊log_1.73 lapses⌋), 0 for none.

export type Evaluation = { logLoss: number; rmseBins: number; reviews: number };

// Predictions are clamped to [0.0001, 0.9999] before the loss so one confident miss cannot make it infinite.
const P_MIN = 0.0001;
const P_MAX = 0.9999;

function bucket(value: number, base: number, scale: number, digits: number): number {
  const raw = scale * base ** Math.floor(Math.log(value) / Math.log(base));
  const f = 10 ** digits;
  return Math.round(raw * f) / f;
}

/** The fsrs-rs bin of a review: [Δt bin, length bin, lapse bin]. */
export function binOf(deltaT: number, longTermReviews: number, lapses: number): [number, number, number] {
  return [
    bucket(deltaT, 3.62, 2.48, 2),
    bucket(longTermReviews + 1, 1.89, 1.99, 0),
    lapses === 0 ? 0 : bucket(lapses, 1.73, 1.65, 0),
  ];
}

/**
 * Log loss and RMSE(bins) of `weights` on card histories (see `cardHistories` in optimizer.ts). Lower is better;
 * null when no review was made a day or more after the previous one.
 *
 * @example
 * evaluateParameters([[{ rating: 3, deltaT: 0 }, { rating: 3, deltaT: 3 }]], default_w);
 * // { logLoss: 0.06…, rmseBins: 0.05…, reviews: 1 }
 */
export function evaluateParameters(
  histories: readonly ReviewHistory[],
  weights: readonly number[] = default_w,
): Evaluation | null {
  if (weights.length !== FSRS_WEIGHT_COUNT || !weights.every(Number.isFinite)) {
    throw new SrsError("invalid_card", `FSRS parameters must be ${FSRS_WEIGHT_COUNT} finite numbers.`);
  }
  // The kernel is ts-fsrs's model exactly (fsrs-kernel.test.ts), without its per-call overhead.
  const fsrs = new FsrsKernel(weights, 0.9, 36500);
  const bins = new Map<string, { p: number; y: number; n: number }>();
  let loss = 0;
  let reviews = 0;
  for (const history of histories) {
    let state: FSRSState | null = null;
    let longTerm = 0;
    let lapses = 0;
    for (const [i, review] of history.entries()) {
      if (i > 0 && review.deltaT > 0 && state) {
        longTerm++;
        const p = Math.min(P_MAX, Math.max(P_MIN, fsrs.recall(review.deltaT, state.stability)));
        const y = review.rating > 1 ? 1 : 0;
        loss -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
        reviews++;
        const key = binOf(review.deltaT, longTerm, lapses).join("|");
        const bin = bins.get(key) ?? { p: 0, y: 0, n: 0 };
        bin.p += p;
        bin.y += y;
        bin.n += 1;
        bins.set(key, bin);
        if (review.rating === 1) lapses++;
      }
      state = fsrs.next(state, review.deltaT, review.rating);
    }
  }
  if (reviews === 0) return null;
  let squared = 0;
  for (const { p, y, n } of bins.values()) squared += n * (p / n - y / n) ** 2;
  return { logLoss: loss / reviews, rmseBins: Math.sqrt(squared / reviews), reviews };
}
