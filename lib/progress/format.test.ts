import { describe, expect, it } from "vitest";
import { dayLabel, formatDuration, longDayLabel, monthLabel, percent, plural } from "./format";

describe("labels", () => {
  it("formats calendar days whatever the server's time zone", () => {
    expect(dayLabel("2026-03-10")).toBe("Mar 10");
    expect(longDayLabel("2026-03-10")).toBe("Tue, Mar 10, 2026");
    expect(monthLabel("2026-03")).toBe("March 2026");
  });

  it("formats durations and rates", () => {
    expect([0, 400, 42_000, 90_000, 3_600_000, 3_900_000].map(formatDuration)).toEqual([
      "0 s",
      "<1 s",
      "42 s",
      "2 min",
      "1 h 0 min",
      "1 h 5 min",
    ]);
    expect([percent(2 / 3), percent(1), percent(null)]).toEqual(["67%", "100%", "—"]);
  });
});

describe("plural", () => {
  it("agrees the noun with its count", () => {
    expect([plural(0, "learner"), plural(1, "learner"), plural(2, "attempt")]).toEqual([
      "0 learners",
      "1 learner",
      "2 attempts",
    ]);
  });
});
