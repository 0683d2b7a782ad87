import { fsrs, get_fuzz_range, Rating } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { toFsrsCard } from "./fsrs-convert";
import { avoidEasyDays, balanceInterval, scheduleBalanced } from "./load-balance";
import { simulateDailyLoad } from "./load-simulation";
import { schedule } from "./scheduler";
import { DEFAULT_SRS_SETTINGS, SrsSettingsSchema, type CardState, type SrsSettings } from "./types";

const loads = (list: number[]) => (days: number) => list[days] ?? 0;
const weekday = (days: number) => days % 7;

describe("balanceInterval", () => {
  // Days 8–12 around a proposed 10; weekday = days % 7, so day 8 is a Monday (1) … day 12 a Friday (5).
  const range = { interval: 10, minInterval: 8, maxInterval: 12, weekdayOf: weekday };
  // loads([…8 days…, a, b, c, d, e]): the load on days 8–12.
  const onDays = (a: number, b: number, c: number, d: number, e: number) =>
    loads([0, 0, 0, 0, 0, 0, 0, 0, a, b, c, d, e]);

  it("keeps ts-fsrs's interval when the loads are equal, empty or not", () => {
    expect(balanceInterval({ ...range, loadOn: () => 0 })).toBe(10);
    expect(balanceInterval({ ...range, loadOn: () => 7 })).toBe(10);
  });

  it("keeps it on an even slope too: the later days are emptier only because they are not filled yet", () => {
    // Scores (load + 1) 13 11 9 7 5 lie on the line 9 − 2 × (d − 10): every residual is 0. Least-loaded would say 12.
    expect(balanceInterval({ ...range, loadOn: onDays(12, 10, 8, 6, 4) })).toBe(10);
    // Rising loads the same way: not shortened either.
    expect(balanceInterval({ ...range, loadOn: onDays(4, 6, 8, 10, 12) })).toBe(10);
  });

  it("moves to the day furthest below the range's trend", () => {
    // Scores 6 6 10 3 6: mean 6.2; slope Σ(d − 10)(s − 6.2) ÷ Σ(d − 10)² = (0.4 + 0.2 + 0 − 3.2 − 0.4) ÷ 10 = −0.3;
    // trend 6.8 6.5 6.2 5.9 5.6; residuals −0.8 −0.5 3.8 −2.9 0.4: day 11.
    expect(balanceInterval({ ...range, loadOn: onDays(5, 5, 9, 2, 5) })).toBe(11);
    // A dip at the end of a falling range: scores 51 51 51 51 4, slope −9.4, residuals −9.4 0 9.4 18.8 −18.8: day 12.
    expect(balanceInterval({ ...range, loadOn: onDays(50, 50, 50, 50, 3) })).toBe(12);
  });

  it("leaves a peak for the nearest day on its trend, the shorter on a tie, not the emptiest far end", () => {
    // Scores 13 11 21 7 5: mean 11.4, slope (−3.2 + 0.4 + 0 − 4.4 − 12.8) ÷ 10 = −2, trend 15.4 13.4 11.4 9.4 7.4;
    // residuals −2.4 −2.4 9.6 −2.4 −2.4: days 8, 9, 11 and 12 tie; 9 and 11 are closest; the shorter wins.
    expect(balanceInterval({ ...range, loadOn: onDays(12, 10, 20, 6, 4) })).toBe(9);
  });

  it("breaks ties toward the proposed interval when it is not the middle of the range", () => {
    // Flat loads, proposal 9 in 6–10: kept. Proposal 13 outside the range 6–10: the nearest end.
    expect(balanceInterval({ interval: 9, minInterval: 6, maxInterval: 10, loadOn: () => 4, weekdayOf: weekday })).toBe(
      9,
    );
    expect(
      balanceInterval({ interval: 13, minInterval: 6, maxInterval: 10, loadOn: () => 4, weekdayOf: weekday }),
    ).toBe(10);
  });

  it("treats a reduced easy day as twice as full and avoids a day with no reviews", () => {
    // Day 10 (weekday 3) reduced, loads 10 everywhere: scores 11 11 22 11 11. The trend is fitted through the normal
    // days only (11 everywhere), so day 10 is 11 above it and the others tie at 0: 9 and 11, the shorter.
    const wednesdayReduced = [1, 1, 1, 0.5, 1, 1, 1] as const;
    expect(balanceInterval({ ...range, loadOn: () => 10, easyDays: wednesdayReduced })).toBe(9);
    // Even an empty reduced day: (0 + 1) ÷ 0.5 = 2 against 1.
    expect(balanceInterval({ ...range, loadOn: () => 0, easyDays: wednesdayReduced })).toBe(9);
    // A reduced day elsewhere in the range leaves the proposal alone.
    expect(balanceInterval({ ...range, loadOn: () => 10, easyDays: [1, 0.5, 1, 1, 1, 1, 1] })).toBe(10);
    // No reviews on Wednesday (day 10), even though nothing else is due then: days 9 and 11 tie, the shorter.
    const none = [1, 1, 1, 0, 1, 1, 1] as const;
    expect(balanceInterval({ ...range, loadOn: onDays(5, 5, 0, 5, 5), easyDays: none })).toBe(9);
    // A range made only of days off keeps the proposed interval.
    expect(
      balanceInterval({
        interval: 10,
        minInterval: 10,
        maxInterval: 10,
        loadOn: () => 0,
        weekdayOf: weekday,
        easyDays: none,
      }),
    ).toBe(10);
  });

  it("refuses a malformed range or easy days", () => {
    const input = { interval: 10, minInterval: 12, maxInterval: 8, loadOn: () => 0, weekdayOf: weekday };
    expect(() => balanceInterval(input)).toThrow(/range/);
    expect(() =>
      balanceInterval({ ...input, minInterval: 8, maxInterval: 12, easyDays: [2, 1, 1, 1, 1, 1, 1] }),
    ).toThrow(/Easy days/);
  });
});

describe("scheduleBalanced", () => {
  // A review card (S = 10, last reviewed 10 days before) answered Good on Monday 2026-01-05 at 10:00 UTC.
  const now = new Date("2026-01-05T10:00:00Z");
  const card: CardState = {
    state: "review",
    due: now,
    stability: 10,
    difficulty: 5,
    scheduledDays: 10,
    learningSteps: 0,
    reps: 5,
    lapses: 0,
    lastReview: new Date("2025-12-26T10:00:00Z"),
  };
  const plain = schedule(card, "good", now, DEFAULT_SRS_SETTINGS);
  const interval = plain.card.scheduledDays;
  const { min_ivl, max_ivl } = get_fuzz_range(interval, 10, DEFAULT_SRS_SETTINGS.maximumIntervalDays);
  const dayKey = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);

  it("moves the due date to the least-loaded day of ts-fsrs's fuzz range, keeping stability and the log", () => {
    expect(max_ivl - min_ivl).toBeGreaterThanOrEqual(4);
    const dueCounts = new Map<string, number>();
    for (let d = min_ivl; d <= max_ivl; d++) dueCounts.set(dayKey(d), 50);
    dueCounts.set(dayKey(max_ivl), 3);
    const balanced = scheduleBalanced(card, "good", now, DEFAULT_SRS_SETTINGS, { dueCounts });
    expect(balanced.card).toEqual({
      ...plain.card,
      scheduledDays: max_ivl,
      due: new Date(now.getTime() + max_ivl * 86_400_000),
    });
    expect(balanced.log).toEqual(plain.log);
  });

  it("asks a reader for just the study days of the fuzz range", () => {
    const asked: [Date, Date][] = [];
    const balanced = scheduleBalanced(card, "good", now, DEFAULT_SRS_SETTINGS, {
      dueCounts: (from, until) => {
        asked.push([from, until]);
        return new Map([[dayKey(interval), 9]]);
      },
    });
    // Study days start at 04:00 UTC: from the start of day min_ivl to the start of the day after max_ivl.
    expect(asked).toEqual([
      [
        new Date(`${dayKey(min_ivl)}T04:00:00Z`),
        new Date(new Date(`${dayKey(max_ivl)}T04:00:00Z`).getTime() + 86_400_000),
      ],
    ]);
    expect(balanced.card.scheduledDays).not.toBe(interval);
  });

  it("with no load anywhere keeps ts-fsrs's interval (no shortening on an empty schedule); learning answers stay", () => {
    expect(scheduleBalanced(card, "good", now, DEFAULT_SRS_SETTINGS, { dueCounts: new Map() })).toEqual(plain);
    const again = scheduleBalanced(card, "again", now, DEFAULT_SRS_SETTINGS, { dueCounts: new Map([[dayKey(0), 99]]) });
    expect(again).toEqual(schedule(card, "again", now, DEFAULT_SRS_SETTINGS));
  });

  it("keeps reviews off a weekday with no reviews", () => {
    const sunday = [0, 1, 1, 1, 1, 1, 1] as const;
    const balanced = scheduleBalanced(card, "good", now, DEFAULT_SRS_SETTINGS, {
      dueCounts: new Map(),
      easyDays: sunday,
    });
    expect(balanced.card.due.getUTCDay()).not.toBe(0);
  });
});

describe("daily load of a simulated learner", () => {
  it("is flatter with the load balancer than with ts-fsrs's random fuzz", () => {
    const options = {
      settings: DEFAULT_SRS_SETTINGS,
      days: 60,
      newPerDay: 15,
      seed: 11,
      start: new Date("2026-01-05T10:00:00Z"),
    };
    const off = simulateDailyLoad({ ...options, mode: "fuzz" });
    const on = simulateDailyLoad({ ...options, mode: "balanced" });
    expect(on.spikiness).toBeLessThan(off.spikiness * 0.8);
    expect(on.max).toBeLessThanOrEqual(off.max);
    // Neither shorter intervals (more reviews) nor longer ones (retention below the desired one) on average.
    expect(Math.abs(on.meanShift)).toBeLessThan(0.5);
    expect(Math.abs(on.total - off.total) / off.total).toBeLessThan(0.03);
  }, 30_000);
});

describe("presets' options in the scheduler", () => {
  // The same review card as above: S = 10, last reviewed 10 days before Monday 2026-01-05 10:00 UTC, answered Good.
  const now = new Date("2026-01-05T10:00:00Z");
  const card: CardState = {
    state: "review",
    due: now,
    stability: 10,
    difficulty: 5,
    scheduledDays: 10,
    learningSteps: 0,
    reps: 5,
    lapses: 0,
    lastReview: new Date("2025-12-26T10:00:00Z"),
  };
  const reference = (requestRetention: number, maximumInterval: number) =>
    fsrs({ request_retention: requestRetention, maximum_interval: maximumInterval, enable_fuzz: false }).next(
      toFsrsCard(card),
      now,
      Rating.Good,
    ).card.scheduled_days;
  const off = (input: Partial<SrsSettings>) => SrsSettingsSchema.parse({ ...input, loadBalance: false });

  it("schedules with the preset's desired retention and maximum interval, exactly as ts-fsrs does", () => {
    const at90 = scheduleBalanced(card, "good", now, off({}), { dueCounts: new Map() }).card.scheduledDays;
    const at80 = scheduleBalanced(card, "good", now, off({ desiredRetention: 0.8 }), { dueCounts: new Map() }).card;
    expect(at90).toBe(reference(0.9, 36500));
    expect(at80.scheduledDays).toBe(reference(0.8, 36500));
    expect(at80.scheduledDays).toBeGreaterThan(at90);
    // A 5-day maximum interval caps Hard at 5; ts-fsrs then keeps Good a day longer than Hard (max(good, hard + 1)),
    // so Good gives 6 days where 0.9 retention alone gives more.
    const capped = scheduleBalanced(card, "good", now, off({ maximumIntervalDays: 5 }), { dueCounts: new Map() });
    expect(capped.card.scheduledDays).toBe(reference(0.9, 5));
    expect(capped.card.scheduledDays).toBe(6);
    expect(capped.card.due).toEqual(new Date("2026-01-11T10:00:00Z"));
  });

  it("with load balancing off and no easy days, is plain schedule and reads no loads", () => {
    let asked = 0;
    const result = scheduleBalanced(card, "good", now, off({}), {
      dueCounts: () => {
        asked += 1;
        return new Map();
      },
    });
    expect(result).toEqual(schedule(card, "good", now, off({})));
    expect(asked).toBe(0);
  });

  it("with load balancing off, moves a review only off an easy day: to the nearest full day, the shorter on a tie", () => {
    const plain = schedule(card, "good", now, off({})).card;
    const weekday = plain.due.getUTCDay();
    const easyDays = [1, 1, 1, 1, 1, 1, 1].map((c, d) => (d === weekday ? 0 : c));
    const moved = scheduleBalanced(card, "good", now, off({ easyDays }), { dueCounts: new Map() }).card;
    // Days interval − 1 and interval + 1 are both normal and equally close: the shorter wins.
    expect(moved.scheduledDays).toBe(plain.scheduledDays - 1);
    expect(moved.due).toEqual(new Date(plain.due.getTime() - 86_400_000));
    expect(moved.stability).toBe(plain.stability);
    // Any other weekday off: the proposed day is kept.
    const elsewhere = [1, 1, 1, 1, 1, 1, 1].map((c, d) => (d === (weekday + 3) % 7 ? 0 : c));
    expect(scheduleBalanced(card, "good", now, off({ easyDays: elsewhere }), { dueCounts: new Map() }).card).toEqual(
      plain,
    );
  });

  it("with load balancing on, reads the easy days from the settings (a reduced day counts twice as full)", () => {
    const plain = schedule(card, "good", now, DEFAULT_SRS_SETTINGS).card;
    const { min_ivl, max_ivl } = get_fuzz_range(plain.scheduledDays, 10, 36500);
    const keyOf = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
    const weekdayOf = (days: number) => new Date(now.getTime() + days * 86_400_000).getUTCDay();
    expect(max_ivl - min_ivl).toBeGreaterThanOrEqual(4);
    // Equal loads everywhere: without easy days ts-fsrs's interval is kept…
    const flat = new Map(Array.from({ length: max_ivl + 1 }, (_, d) => [keyOf(d), 10] as const));
    const balanced = scheduleBalanced(card, "good", now, DEFAULT_SRS_SETTINGS, { dueCounts: flat }).card;
    expect(balanced).toEqual(plain);
    // …with its weekday reduced, it scores (10 + 1) ÷ 0.5 against 11 on the normal days: the day before and the day
    // after tie, the shorter wins.
    const reduced = [1, 1, 1, 1, 1, 1, 1].map((c, d) => (d === weekdayOf(plain.scheduledDays) ? 0.5 : c));
    const settings = SrsSettingsSchema.parse({ easyDays: reduced });
    expect(scheduleBalanced(card, "good", now, settings, { dueCounts: flat }).card.scheduledDays).toBe(
      plain.scheduledDays - 1,
    );
  });
});

describe("avoidEasyDays", () => {
  it("keeps a full day, else takes the fullest day closest to the proposal", () => {
    const base = { interval: 10, minInterval: 8, maxInterval: 12, weekdayOf: (d: number) => d % 7 };
    expect(avoidEasyDays({ ...base, easyDays: [1, 1, 1, 0, 1, 1, 1] })).toBe(9); // day 10 is weekday 3
    expect(avoidEasyDays({ ...base, easyDays: [1, 1, 1, 1, 1, 1, 1] })).toBe(10);
    // Weekdays 2–4 (days 9–11) reduced or off: day 8 (weekday 1) and 12 (weekday 5) tie, the shorter wins.
    expect(avoidEasyDays({ ...base, easyDays: [1, 1, 0.5, 0, 0.5, 1, 1] })).toBe(8);
    // Only reduced and off days: the reduced one closest.
    expect(avoidEasyDays({ ...base, easyDays: [0, 0, 0.5, 0, 0, 0.5, 0] })).toBe(9);
  });
});
