import { describe, expect, it } from "vitest";
import { formatInterval, spokenInterval } from "./interval-label";

const MIN = 60_000;
const DAY = 86_400_000;

describe("formatInterval", () => {
  it.each([
    [30_000, "<1m"],
    [MIN, "1m"],
    [10 * MIN, "10m"],
    [90 * MIN, "1.5h"],
    [3 * 60 * MIN, "3h"],
    [DAY, "1d"],
    [4 * DAY, "4d"],
    [30 * DAY, "30d"],
    [70 * DAY, "2.3mo"],
    [400 * DAY, "1.1y"],
    [3650 * DAY, "10y"],
  ])("%d ms → %s", (ms, label) => {
    expect(formatInterval(ms)).toBe(label);
  });
});

describe("spokenInterval", () => {
  it("spells each unit out, singular for 1", () => {
    expect(["<1m", "1m", "10m", "1h", "1.5h", "1d", "4d", "2.3mo", "1y", "1.1y", "odd"].map(spokenInterval)).toEqual([
      "less than a minute",
      "1 minute",
      "10 minutes",
      "1 hour",
      "1.5 hours",
      "1 day",
      "4 days",
      "2.3 months",
      "1 year",
      "1.1 years",
      "odd",
    ]);
  });
});
