import { describe, expect, it } from "vitest";
import { overallRetention, retentionByBand } from "./bands";

describe("retentionByBand", () => {
  it("sums answers into bands by whole elapsed days", () => {
    const bands = retentionByBand([
      { days: 0, reviews: 1, recalled: 1 },
      { days: 1, reviews: 3, recalled: 2 },
      { days: 2, reviews: 4, recalled: 3 },
      { days: 6, reviews: 1, recalled: 0 },
      { days: 21, reviews: 10, recalled: 9 },
      { days: 400, reviews: 2, recalled: 1 },
    ]);
    expect(bands).toEqual([
      { label: "1 day", short: "1 d", reviews: 4, recalled: 3, rate: 0.75 },
      { label: "2–6 days", short: "2–6 d", reviews: 5, recalled: 3, rate: 0.6 },
      { label: "7–20 days", short: "7–20 d", reviews: 0, recalled: 0, rate: null },
      { label: "21–89 days", short: "21–89 d", reviews: 10, recalled: 9, rate: 0.9 },
      { label: "90+ days", short: "90+ d", reviews: 2, recalled: 1, rate: 0.5 },
    ]);
    expect(overallRetention(bands)).toBeCloseTo(16 / 21);
  });

  it("has no rate without answers", () => {
    expect(overallRetention(retentionByBand([]))).toBeNull();
  });
});
