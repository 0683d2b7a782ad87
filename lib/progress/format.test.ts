import { describe, expect, it } from "vitest";
import { instantOfLocalDateTime } from "@/lib/srs/day";
import {
  dayLabel,
  dueLabel,
  formatDate,
  formatDateTime,
  formatDuration,
  localDateKey,
  longDayLabel,
  monthLabel,
  percent,
  plural,
} from "./format";

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

describe("dates in the viewer's zone", () => {
  const due = new Date("2026-12-11T05:59:00Z");
  it("formats one instant on each viewer's own clock", () => {
    expect(formatDateTime(due, "America/Chicago")).toBe("Thu, Dec 10, 2026, 23:59 CST");
    expect(formatDateTime(due, "Europe/Berlin")).toBe("Fri, Dec 11, 2026, 06:59 GMT+1");
    expect(formatDate(due, "America/Chicago")).toBe("Dec 10, 2026");
    expect(localDateKey(due, "Asia/Kolkata")).toBe("2026-12-11");
  });

  it("counts days left in the viewer's calendar days", () => {
    const now = new Date("2026-12-07T15:00:00Z");
    expect(dueLabel(due, now, "America/Chicago")).toEqual({
      text: "due Thu, Dec 10, 2026, 23:59 CST (in 3 days)",
      overdue: false,
    });
    expect(dueLabel(due, new Date("2026-12-10T20:00:00Z"), "America/Chicago").text).toMatch(/^due today/);
    expect(dueLabel(due, new Date("2026-12-10T20:00:00Z"), "Europe/Berlin").text).toMatch(/\(tomorrow\)$/);
    expect(dueLabel(due, new Date("2026-12-12T00:00:00Z"), "UTC")).toEqual({
      text: "overdue since Fri, Dec 11, 2026, 05:59 UTC",
      overdue: true,
    });
  });

  it("reads a chosen local date and time in the chooser's zone", () => {
    expect(instantOfLocalDateTime("2026-12-10T23:59", "America/Chicago")?.toISOString()).toBe(
      "2026-12-11T05:59:00.000Z",
    );
    expect(instantOfLocalDateTime("2026-12-10T23:59", "Asia/Tokyo")?.toISOString()).toBe("2026-12-10T14:59:00.000Z");
    for (const bad of ["2026-02-30T10:00", "2026-13-01T10:00", "2026-12-10T24:00", "tomorrow", ""]) {
      expect(instantOfLocalDateTime(bad, "UTC")).toBeNull();
    }
    expect(instantOfLocalDateTime("2026-12-10T10:00", "Not/AZone")).toBeNull();
  });
});
