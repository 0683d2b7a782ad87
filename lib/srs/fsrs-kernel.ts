import { FSRSAlgorithm, type FSRSState } from "ts-fsrs";

// ts-fsrs 5.4.2's FSRS-6 memory model (FSRSAlgorithm: forgetting_curve, next_state, next_interval without fuzz,
// short-term on), rewritten for the simulator's inner loop: ts-fsrs reads every parameter through a Proxy and
// recomputes the decay factor on each R, which made "Help me decide" ~3× slower. Same formulas, same rounding
// (roundTo 8 decimals where ts-fsrs rounds), so results are identical; fsrs-kernel.test.ts checks that against
// ts-fsrs itself on thousands of states. Parameters are taken from a real FSRSAlgorithm, so ts-fsrs's own
// preparation (clipping, migration) applies.

const S_MIN = 0.001;
const S_MAX = 36500;
const round8 = (x: number) => Math.round(x * 1e8) / 1e8;
const clamp = (x: number, lo: number, hi: number) => Math.min(Math.max(x, lo), hi);

/** One parameter set at one desired retention. */
export class FsrsKernel {
  private readonly w: readonly number[];
  private readonly decay: number;
  private readonly factor: number;
  private readonly modifier: number;
  private readonly maxInterval: number;
  private readonly initEasy: number;
  private readonly failFloor: number;

  constructor(weights: readonly number[], retention: number, maximumInterval: number) {
    const algorithm = new FSRSAlgorithm({
      w: [...weights],
      request_retention: retention,
      maximum_interval: maximumInterval,
      enable_fuzz: false,
      enable_short_term: true,
    });
    this.w = [...algorithm.parameters.w];
    this.decay = -this.w[20];
    this.factor = round8(Math.exp(Math.log(0.9) / this.decay) - 1);
    this.modifier = algorithm.interval_modifier;
    this.maxInterval = algorithm.parameters.maximum_interval;
    this.initEasy = round8(this.w[4] - Math.exp(3 * this.w[5]) + 1);
    this.failFloor = Math.exp(this.w[17] * this.w[18]);
  }

  /** R(t, S), as ts-fsrs `forgetting_curve`. */
  recall(elapsedDays: number, stability: number): number {
    return round8(Math.pow(1 + (this.factor * elapsedDays) / stability, this.decay));
  }

  /** Whole days until due, as ts-fsrs `next_interval` without fuzz. */
  interval(stability: number): number {
    return Math.min(Math.max(1, Math.round(stability * this.modifier)), this.maxInterval);
  }

  /** The state after grade `g` (1–4) `t` days after the last review, as ts-fsrs `next_state` (r given or computed). */
  next(state: FSRSState | null, t: number, g: number, r = state ? this.recall(t, state.stability) : 0): FSRSState {
    const w = this.w;
    if (!state || (state.difficulty === 0 && state.stability === 0)) {
      return {
        difficulty: clamp(round8(w[4] - Math.exp((g - 1) * w[5]) + 1), 1, 10),
        stability: Math.max(w[g - 1], 0.1),
      };
    }
    const { difficulty: d, stability: s } = state;
    let stability: number;
    if (t === 0) {
      const sinc = Math.pow(s, -w[19]) * Math.exp(w[17] * (g - 3 + w[18]));
      stability = round8(clamp(s * (g >= 2 ? Math.max(sinc, 1) : sinc), S_MIN, S_MAX));
    } else if (g === 1) {
      const forget = round8(
        clamp(w[11] * Math.pow(d, -w[12]) * (Math.pow(s + 1, w[13]) - 1) * Math.exp((1 - r) * w[14]), S_MIN, S_MAX),
      );
      stability = clamp(round8(s / this.failFloor), S_MIN, forget);
    } else {
      const hard = g === 2 ? w[15] : 1;
      const easy = g === 4 ? w[16] : 1;
      stability = round8(
        clamp(
          s * (1 + Math.exp(w[8]) * (11 - d) * Math.pow(s, -w[9]) * (Math.exp((1 - r) * w[10]) - 1) * hard * easy),
          S_MIN,
          S_MAX,
        ),
      );
    }
    const nextD = d + round8((-w[6] * (g - 3) * (10 - d)) / 9);
    const difficulty = clamp(round8(w[7] * this.initEasy + (1 - w[7]) * nextD), 1, 10);
    return { difficulty, stability };
  }
}
