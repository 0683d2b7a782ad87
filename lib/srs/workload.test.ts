import { default_w, forgetting_curve } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { simulateWorkload, WORKLOAD_RETENTIONS, type WorkloadInput } from "./workload";
import { DEFAULT_SRS_SETTINGS } from "./types";

const NOW = new Date("2026-01-05T10:00:00Z");
const always = (value: number) => () => () => value;

const base: WorkloadInput = {
  cards: [],
  unseenItems: 0,
  settings: DEFAULT_SRS_SETTINGS,
  secondsPerAnswer: 10,
  firstRatingShares: [0, 0, 1, 0],
  recallRatingShares: [0, 1, 0],
  now: NOW,
  seed: 1,
  retentions: [0.9],
};

describe("simulateWorkload", () => {
  it("schedules one new item rated Good every time exactly as ts-fsrs does", () => {
    // ts-fsrs 5.4.2 (fsrs({ enable_fuzz: false }), default parameters) with Good at every due date from 2026-01-05:
    // learning 1m → 10m step → review, intervals 2, 11, 46, 163 days (stability 2.3065, 10.971, 46.317, 163.000),
    // then 498 days (stability 497.877). Reviews on days 2, 13, 59, 222; 2 learning answers on day 0.
    const result = simulateWorkload({ ...base, unseenItems: 1, random: always(0) });
    const [point] = result.points;
    expect(point!.reviewsPerDay * 365).toBeCloseTo(4, 10);
    expect(point!.answersPerDay * 365).toBeCloseTo(6, 10);
    expect(point!.minutesPerDay).toBeCloseTo((6 * 10) / 60 / 365, 10);
    expect(point!.memorized).toBeCloseTo(forgetting_curve(default_w, 365 - 222, 497.8766), 3);
    expect(result.recommended).toBe(point);
  });

  it("replays an existing review card from its due date, and counts a lapse with its relearning step", () => {
    // S = 10 reviewed 10 days ago, due today; every answer forgotten (u = 0.999 ≥ R): Again then one relearning Good.
    const card = {
      state: "review" as const,
      stability: 10,
      difficulty: 5,
      due: NOW,
      lastReview: new Date("2025-12-26T10:00:00Z"),
    };
    const result = simulateWorkload({ ...base, cards: [card], days: 3, random: always(0.999) });
    // After Again + Good at t = 0 the stability is small: due again the next day, and the next.
    expect(result.points[0]!.reviewsPerDay * 3).toBe(3);
    expect(result.points[0]!.answersPerDay * 3).toBe(6);
  });

  it("is deterministic for a seed, covers 0.70–0.97, costs more at higher retention, recommends the cheapest per item", () => {
    const cards = Array.from({ length: 300 }, (_, i) => ({
      state: "review" as const,
      stability: 1 + (i % 60),
      difficulty: 3 + (i % 6),
      due: new Date(NOW.getTime() + (i % 30) * 86_400_000),
      lastReview: new Date(NOW.getTime() - (1 + (i % 60)) * 86_400_000),
    }));
    const input = {
      ...base,
      cards,
      unseenItems: 2000,
      retentions: undefined,
      firstRatingShares: [0.2, 0.1, 0.6, 0.1] as const,
      recallRatingShares: [0.1, 0.8, 0.1] as const,
      seed: 42,
    };
    const a = simulateWorkload(input);
    expect(simulateWorkload(input)).toEqual(a);
    expect(a.points.map((p) => p.retention)).toEqual(WORKLOAD_RETENTIONS);
    expect(a.points[0]!.retention).toBe(0.7);
    expect(a.points.at(-1)!.retention).toBe(0.97);
    expect(a.points.at(-1)!.reviewsPerDay).toBeGreaterThan(2 * a.points[0]!.reviewsPerDay);
    expect(a.points.at(-1)!.memorized).toBeGreaterThan(a.points[0]!.memorized);
    const best = Math.min(...a.points.map((p) => p.secondsPerMemorized));
    expect(a.recommended!.secondsPerMemorized).toBe(best);
  });

  it("refuses nonsense input", () => {
    expect(() => simulateWorkload({ ...base, secondsPerAnswer: 0 })).toThrow(/secondsPerAnswer/);
    expect(() => simulateWorkload({ ...base, days: 0 })).toThrow(/days/);
    expect(() => simulateWorkload({ ...base, firstRatingShares: [0, 0, 0, 0] })).toThrow(/shares/);
  });
});
