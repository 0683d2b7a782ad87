import { default_w } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { binOf, evaluateParameters } from "./evaluate";
import { cardHistories } from "./optimizer";
import { simulateLearner } from "./test-support/simulate-learner";
import { DEFAULT_SRS_SETTINGS } from "./types";

// ts-fsrs 5.4.2 with the default FSRS-6 parameters: a first Good gives S = 2.3065, and R(3 days) = 0.88094796.
const P = 0.88094796;

describe("evaluateParameters", () => {
  it("scores one predicted review by hand", () => {
    const result = evaluateParameters([
      [
        { rating: 3, deltaT: 0 },
        { rating: 3, deltaT: 3 },
      ],
    ]);
    expect(result!.reviews).toBe(1);
    expect(result!.logLoss).toBeCloseTo(-Math.log(P), 6);
    expect(result!.rmseBins).toBeCloseTo(1 - P, 6);
  });

  it("averages p and y within a bin before squaring (RMSE over bins, weighted by their size)", () => {
    const result = evaluateParameters([
      [
        { rating: 3, deltaT: 0 },
        { rating: 3, deltaT: 3 },
      ],
      [
        { rating: 3, deltaT: 0 },
        { rating: 1, deltaT: 3 },
      ],
    ]);
    expect(result!.logLoss).toBeCloseTo((-Math.log(P) - Math.log(1 - P)) / 2, 6);
    expect(result!.rmseBins).toBeCloseTo(P - 0.5, 6);
  });

  it("skips same-day reviews and cards with no later review; null when nothing is predicted", () => {
    expect(evaluateParameters([[{ rating: 3, deltaT: 0 }]])).toBeNull();
    expect(
      evaluateParameters([
        [
          { rating: 1, deltaT: 0 },
          { rating: 3, deltaT: 0 },
        ],
      ]),
    ).toBeNull();
    expect(() => evaluateParameters([], [1, 2, 3])).toThrow(/21/);
  });

  it("bins like fsrs-rs's r_matrix_index", () => {
    expect(binOf(3, 1, 0)).toEqual([2.48, 4, 0]);
    expect(binOf(10, 3, 2)).toEqual([8.98, 7, 3]);
    expect(binOf(1, 1, 1)).toEqual([2.48, 4, 2]);
  });

  it("prefers the parameters the learner's memory really follows over the defaults", () => {
    const truth = [...default_w];
    truth[0] = 0.05; // forgets far faster after a first Again
    truth[2] = 8; // remembers far longer after a first Good
    truth[8] = 2.2;
    const sim = simulateLearner({
      truthWeights: truth,
      settings: DEFAULT_SRS_SETTINGS,
      itemCount: 300,
      days: 40,
      seed: 5,
      start: new Date("2026-01-05T10:00:00Z"),
    });
    const histories = cardHistories(sim.logs, "UTC", 4);
    const own = evaluateParameters(histories, truth)!;
    const defaults = evaluateParameters(histories, default_w)!;
    expect(own.reviews).toBe(defaults.reviews);
    expect(own.logLoss).toBeLessThan(defaults.logLoss);
    expect(own.rmseBins).toBeLessThan(defaults.rmseBins);
  }, 30_000);
});
