import { default_w } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { simulateLearner } from "./test-support/simulate-learner";
import { DEFAULT_SRS_SETTINGS } from "./types";

describe("simulated learner (FSRS-6 default weights as the true memory model)", () => {
  it("recalls about the desired 90 % of reviews over 60 days", () => {
    const result = simulateLearner({
      truthWeights: default_w,
      settings: DEFAULT_SRS_SETTINGS,
      itemCount: 600,
      days: 60,
      seed: 20260105,
      start: new Date("2026-01-05T10:00:00Z"),
    });
    const recall = result.reviewStateCorrect / result.reviewStateAnswers;
    const expected = result.reviewStateExpected / result.reviewStateAnswers;
    expect(result.reviewStateAnswers).toBeGreaterThan(2000);
    // The scheduler's memory model is the truth here, so its stabilities match the learner's exactly.
    expect(result.stabilityError).toBe(0);
    // Expected recall sits ~1.5 points below 0.90: intervals are whole days, at least 1 day, and "good" is
    // always at least a day longer than "hard" — so low-stability cards wait a little longer than S.
    expect(Math.abs(expected - 0.9)).toBeLessThan(0.03);
    expect(Math.abs(recall - 0.9)).toBeLessThan(0.03);
  });
});
