import { default_w } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { fitParameters, MIN_REVIEWS_FOR_OPTIMIZER, toTrainingHistories, type OptimizerLog } from "./optimizer";
import { simulateLearner } from "./test-support/simulate-learner";
import { SrsSettingsSchema } from "./types";

const at = (iso: string) => new Date(iso);

/** A learner who forgets faster than the default model: lower initial stabilities, steeper curve. */
function truthWeights(): number[] {
  const w = [...default_w];
  for (const i of [0, 1, 2, 3]) w[i] *= 0.4;
  w[20] = 0.4;
  return w;
}

let cached: OptimizerLog[] | undefined;
function syntheticLogs(): OptimizerLog[] {
  cached ??= simulateLearner({
    truthWeights: truthWeights(),
    settings: SrsSettingsSchema.parse({ newPerDay: 30, maxReviewsPerDay: 400 }),
    itemCount: 1500,
    days: 55,
    seed: 42,
    start: at("2026-01-05T10:00:00Z"),
  }).logs;
  return cached;
}

describe("toTrainingHistories", () => {
  it("groups by item, counts study days, and keeps prefixes ending in a review a day or more later", () => {
    const logs: OptimizerLog[] = [
      { itemId: "a", rating: "good", reviewedAt: at("2026-01-06T10:00:00Z"), stateBefore: "learning" },
      { itemId: "a", rating: "again", reviewedAt: at("2026-01-05T10:00:00Z"), stateBefore: "new" },
      { itemId: "b", rating: "good", reviewedAt: at("2026-01-05T10:00:00Z"), stateBefore: "new" },
      { itemId: "a", rating: "good", reviewedAt: at("2026-01-06T10:10:00Z"), stateBefore: "learning" },
      { itemId: "a", rating: "hard", reviewedAt: at("2026-01-10T03:00:00Z"), stateBefore: "review" }, // before 04:00: still the 9th
      { itemId: "c", rating: "good", reviewedAt: at("2026-01-08T10:00:00Z"), stateBefore: "review" }, // history lacks its start
    ];
    expect(toTrainingHistories(logs, "UTC", 4)).toEqual([
      [
        { rating: 1, deltaT: 0 },
        { rating: 3, deltaT: 1 },
      ],
      [
        { rating: 1, deltaT: 0 },
        { rating: 3, deltaT: 1 },
        { rating: 3, deltaT: 0 },
        { rating: 2, deltaT: 3 },
      ],
    ]);
  });

  it("starts a history again when the card was reset to new", () => {
    const logs: OptimizerLog[] = [
      { itemId: "a", rating: "good", reviewedAt: at("2026-01-05T10:00:00Z"), stateBefore: "new" },
      { itemId: "a", rating: "good", reviewedAt: at("2026-01-07T10:00:00Z"), stateBefore: "review" },
      { itemId: "a", rating: "easy", reviewedAt: at("2026-01-08T10:00:00Z"), stateBefore: "new" },
      { itemId: "a", rating: "good", reviewedAt: at("2026-01-12T10:00:00Z"), stateBefore: "review" },
    ];
    expect(toTrainingHistories(logs, "UTC", 4)).toEqual([
      [
        { rating: 4, deltaT: 0 },
        { rating: 3, deltaT: 4 },
      ],
    ]);
  });
});

describe("fitParameters", () => {
  it("refuses to fit on fewer than 400 training reviews", async () => {
    const logs = syntheticLogs().slice(0, 500);
    const result = await fitParameters(logs);
    expect(result).toMatchObject({ ok: false, reason: "not_enough_reviews" });
    expect(toTrainingHistories(logs, "UTC", 4).length).toBeLessThan(MIN_REVIEWS_FOR_OPTIMIZER);
  });

  it("reports an unavailable optimizer instead of throwing", async () => {
    const result = await fitParameters(syntheticLogs(), { loadBinding: () => null });
    expect(result).toMatchObject({ ok: false, reason: "optimizer_unavailable" });
  });

  it("reports a failure when the optimizer returns malformed weights", async () => {
    const real = (await import("./optimizer")).loadNativeBinding();
    if (!real) return;
    const broken = { ...real, computeParameters: async () => [1, 2, 3] } as typeof real;
    const result = await fitParameters(syntheticLogs(), { loadBinding: () => broken });
    expect(result).toMatchObject({ ok: false, reason: "failed" });
  });

  const native = process.platform === "linux" && process.arch === "x64";
  it.runIf(native)(
    "fits 21 finite weights, unlike the defaults, to ~9,000 simulated reviews",
    async () => {
      const logs = syntheticLogs();
      expect(logs.length).toBeGreaterThan(8500);
      const result = await fitParameters(logs, { timeZone: "UTC", dayStartHour: 4 });
      if (!result.ok) throw new Error(`${result.reason}: ${result.message}`);
      expect(result.weights).toHaveLength(21);
      expect(result.weights.every(Number.isFinite)).toBe(true);
      expect(result.reviewCount).toBe(logs.length);
      const meanRelativeChange =
        result.weights.reduce(
          (sum, w, i) => sum + Math.abs(w - default_w[i]) / Math.max(Math.abs(default_w[i]), 0.1),
          0,
        ) / 21;
      expect(meanRelativeChange).toBeGreaterThan(0.05);
      // The learner forgets faster than the default model, so the fitted first-"good" stability is lower.
      expect(result.weights[2]).toBeLessThan(default_w[2]);
      // …and the initial stabilities after hard/good/easy come back close to the truth.
      const truth = truthWeights();
      for (const i of [1, 2, 3]) expect(Math.abs(result.weights[i] - truth[i]) / truth[i]).toBeLessThan(0.3);
    },
    30_000,
  );
});
