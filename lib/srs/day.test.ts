import { describe, expect, it } from "vitest";
import { nextStudyDayStart, studyDayKey, studyDaysBetween, studyDayStart } from "./day";

const at = (iso: string) => new Date(iso);

describe("studyDayKey", () => {
  it("puts 02:30 in Tokyo (before the 04:00 day start) on the previous study day", () => {
    // 2026-01-05T17:30Z is 02:30 on 6 January in Tokyo (UTC+9).
    expect(studyDayKey(at("2026-01-05T17:30:00Z"), "Asia/Tokyo", 4)).toBe("2026-01-05");
    // 04:30 in Tokyo belongs to the 6th.
    expect(studyDayKey(at("2026-01-05T19:30:00Z"), "Asia/Tokyo", 4)).toBe("2026-01-06");
  });

  it("uses the local date, not the UTC date", () => {
    expect(studyDayKey(at("2026-01-05T23:30:00Z"), "Asia/Kolkata", 4)).toBe("2026-01-06"); // 05:00 IST
    expect(studyDayKey(at("2026-01-06T02:00:00Z"), "America/New_York", 4)).toBe("2026-01-05"); // 21:00 EST
    expect(studyDayKey(at("2026-01-01T03:59:59Z"), "UTC", 4)).toBe("2025-12-31");
    expect(studyDayKey(at("2026-01-01T00:00:00Z"), "UTC", 0)).toBe("2026-01-01");
  });
});

describe("studyDayStart", () => {
  it.each([
    // zone, now, expected start (04:00 local)
    ["UTC", "2026-01-05T10:00:00Z", "2026-01-05T04:00:00.000Z"],
    ["UTC", "2026-01-05T03:00:00Z", "2026-01-04T04:00:00.000Z"],
    ["Asia/Tokyo", "2026-01-05T17:30:00Z", "2026-01-04T19:00:00.000Z"],
    ["Asia/Kolkata", "2026-01-05T12:00:00Z", "2026-01-04T22:30:00.000Z"],
    ["Pacific/Chatham", "2026-01-05T12:00:00Z", "2026-01-04T14:15:00.000Z"],
    // New York springs forward on 8 March 2026 at 02:00: 04:00 is EDT (UTC−4) that day, EST (UTC−5) the day before.
    ["America/New_York", "2026-03-08T12:00:00Z", "2026-03-08T08:00:00.000Z"],
    ["America/New_York", "2026-03-08T07:30:00Z", "2026-03-07T09:00:00.000Z"],
    // …and falls back on 1 November 2026.
    ["America/New_York", "2026-11-01T12:00:00Z", "2026-11-01T09:00:00.000Z"],
    // Berlin: 29 March 2026 03:00 CEST; 25 October back to CET.
    ["Europe/Berlin", "2026-03-29T12:00:00Z", "2026-03-29T02:00:00.000Z"],
    ["Europe/Berlin", "2026-10-25T12:00:00Z", "2026-10-25T03:00:00.000Z"],
  ])("%s at %s starts at %s", (zone, now, expected) => {
    expect(studyDayStart(at(now), zone, 4).toISOString()).toBe(expected);
  });

  it("returns the transition itself when the start hour does not exist (clocks skip it)", () => {
    // New York skips 02:00–03:00 on 8 March 2026; a 02:00 day start begins at 03:00 EDT = 07:00Z.
    expect(studyDayStart(at("2026-03-08T12:00:00Z"), "America/New_York", 2).toISOString()).toBe(
      "2026-03-08T07:00:00.000Z",
    );
  });

  it("takes the first occurrence when the start hour happens twice (clocks set back)", () => {
    // New York repeats 01:00–02:00 on 1 November 2026; the first 01:00 is EDT = 05:00Z.
    expect(studyDayStart(at("2026-11-01T12:00:00Z"), "America/New_York", 1).toISOString()).toBe(
      "2026-11-01T05:00:00.000Z",
    );
  });
});

describe("nextStudyDayStart", () => {
  it("is the start of the following study day, 23 hours away across spring-forward", () => {
    const now = at("2026-03-07T15:00:00Z");
    expect(nextStudyDayStart(now, "America/New_York", 4).toISOString()).toBe("2026-03-08T08:00:00.000Z");
    const span =
      nextStudyDayStart(now, "America/New_York", 4).getTime() - studyDayStart(now, "America/New_York", 4).getTime();
    expect(span).toBe(23 * 3_600_000);
  });
});

describe("studyDaysBetween", () => {
  it("counts day boundaries crossed", () => {
    expect(studyDaysBetween(at("2026-01-05T10:00:00Z"), at("2026-01-06T03:59:00Z"), "UTC", 4)).toBe(0);
    expect(studyDaysBetween(at("2026-01-05T10:00:00Z"), at("2026-01-06T04:00:00Z"), "UTC", 4)).toBe(1);
    expect(studyDaysBetween(at("2026-03-07T15:00:00Z"), at("2026-03-10T15:00:00Z"), "America/New_York", 4)).toBe(3);
  });
});

describe("study day bounds, asked for over and over (they are remembered per zone)", () => {
  it("always contain the instant, whatever order the instants come in, across DST changes", () => {
    // 6 March to 10 April 2026: New York (8 March) and London (29 March) spring forward, Chatham and Lord Howe
    // (half an hour) fall back on 5 April.
    const zones = ["America/New_York", "Europe/London", "Pacific/Chatham", "Australia/Lord_Howe", "Asia/Kolkata"];
    const from = Date.parse("2026-03-06T00:00:00Z");
    const steps = Array.from({ length: 520 }, (_, i) => from + i * 97 * 60_000);
    for (const zone of zones) {
      for (const hour of [0, 2, 4]) {
        for (const ms of [...steps, ...steps.toReversed()]) {
          const now = new Date(ms);
          const start = studyDayStart(now, zone, hour);
          const end = nextStudyDayStart(now, zone, hour);
          expect(start.getTime()).toBeLessThanOrEqual(ms);
          expect(end.getTime()).toBeGreaterThan(ms);
          expect(studyDayKey(start, zone, hour)).toBe(studyDayKey(now, zone, hour));
          expect(studyDayKey(end, zone, hour)).not.toBe(studyDayKey(now, zone, hour));
        }
      }
    }
  });
});
