import { describe, expect, it } from "vitest";
import { addDays, bucketStart, bucketsToDays, daySeries, forecast, streak, timeStudied } from "./days";

const utc = { timeZone: "UTC", dayStartHour: 4 };

describe("bucketsToDays", () => {
  it("puts a quarter-hour before the day start hour in the previous study day", () => {
    const days = bucketsToDays(
      [
        { hour: "2026-03-02T03", quarter: 3, count: 2, ms: 4000 },
        { hour: "2026-03-02T04", quarter: 0, count: 1, ms: 1000 },
      ],
      utc,
    );
    expect(Object.fromEntries(days)).toEqual({
      "2026-03-01": { reviews: 2, ms: 4000 },
      "2026-03-02": { reviews: 1, ms: 1000 },
    });
  });

  it("splits at a half-hour offset exactly (Asia/Kolkata, +5:30: the day starts at 22:30 UTC)", () => {
    const days = bucketsToDays(
      [
        { hour: "2026-03-01T22", quarter: 1, count: 1 },
        { hour: "2026-03-01T22", quarter: 2, count: 5 },
      ],
      { timeZone: "Asia/Kolkata", dayStartHour: 4 },
    );
    expect(Object.fromEntries(days)).toEqual({
      "2026-03-01": { reviews: 1, ms: 0 },
      "2026-03-02": { reviews: 5, ms: 0 },
    });
  });

  it("follows daylight saving time (New York: the day starts at 09:00 UTC in winter, 08:00 UTC in summer)", () => {
    const ny = { timeZone: "America/New_York", dayStartHour: 4 };
    const winter = bucketsToDays([{ hour: "2026-03-07T08", quarter: 3, count: 1 }], ny);
    const summer = bucketsToDays([{ hour: "2026-03-09T08", quarter: 3, count: 1 }], ny);
    expect([...winter.keys()]).toEqual(["2026-03-06"]);
    expect([...summer.keys()]).toEqual(["2026-03-09"]);
  });

  it("reads the start of a bucket", () => {
    expect(bucketStart({ hour: "2026-03-02T09", quarter: 3 }).toISOString()).toBe("2026-03-02T09:45:00.000Z");
  });
});

describe("day series", () => {
  it("adds days across months and leap years", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("fills missing days with zero", () => {
    expect(daySeries(new Map([["2026-01-02", 4]]), "2026-01-01", 3)).toEqual([
      { date: "2026-01-01", count: 0 },
      { date: "2026-01-02", count: 4 },
      { date: "2026-01-03", count: 0 },
    ]);
  });
});

describe("forecast", () => {
  it("counts overdue cards today and spreads the rest over the next study days", () => {
    const now = new Date("2026-03-02T12:00:00Z");
    const result = forecast(
      [
        { hour: "2026-02-20T10", quarter: 0, count: 2 },
        { hour: "2026-03-02T15", quarter: 0, count: 1 },
        { hour: "2026-03-03T02", quarter: 0, count: 3 },
        { hour: "2026-03-03T05", quarter: 0, count: 4 },
        { hour: "2026-04-20T05", quarter: 0, count: 9 },
      ],
      now,
      utc,
      3,
    );
    expect(result).toEqual([
      { date: "2026-03-02", count: 6 },
      { date: "2026-03-03", count: 4 },
      { date: "2026-03-04", count: 0 },
    ]);
  });
});

describe("streak", () => {
  const days = new Set(["2026-03-01", "2026-03-02", "2026-03-03", "2026-02-27"]);

  it("counts consecutive study days ending today", () => {
    expect(streak(days, "2026-03-03")).toEqual({ days: 3, studiedToday: true });
  });

  it("keeps yesterday's streak while today has no review yet", () => {
    expect(streak(days, "2026-03-04")).toEqual({ days: 3, studiedToday: false });
  });

  it("is zero after a missed day", () => {
    expect(streak(days, "2026-03-05")).toEqual({ days: 0, studiedToday: false });
    expect(streak(new Set(), "2026-03-05")).toEqual({ days: 0, studiedToday: false });
  });
});

describe("timeStudied", () => {
  it("sums today, the last 7 study days and all time", () => {
    const days = new Map([
      ["2026-03-10", { reviews: 1, ms: 1000 }],
      ["2026-03-04", { reviews: 1, ms: 2000 }],
      ["2026-03-03", { reviews: 1, ms: 4000 }],
    ]);
    expect(timeStudied(days, "2026-03-10")).toEqual({ todayMs: 1000, weekMs: 3000, totalMs: 7000 });
  });
});
