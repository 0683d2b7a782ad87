import { default_w, forgetting_curve } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { planAdvance, planPostpone, type CatchUpCard } from "./catch-up";
import { DEFAULT_SRS_SETTINGS, type CardState } from "./types";

const DAY = 86_400_000;
const NOW = new Date("2026-01-20T10:00:00Z");

/** A review card last reviewed `ago` days before NOW with interval `interval` and stability `stability`. */
function card(id: string, ago: number, interval: number, stability: number): CatchUpCard {
  const lastReview = new Date(NOW.getTime() - ago * DAY);
  const state: CardState = {
    state: "review",
    due: new Date(lastReview.getTime() + interval * DAY),
    stability,
    difficulty: 5,
    scheduledDays: interval,
    learningSteps: 0,
    reps: 4,
    lapses: 0,
    lastReview,
  };
  return { id, card: state };
}

describe("planPostpone", () => {
  it("gives an overdue card the days already waited plus 5–10 % of its interval, from its last review", () => {
    // Interval 10, reviewed 19 days ago: delay 9; ⌈10 × (1.05…1.10)⌉ = 11 whatever u is; 11 + 9 = 20 days after the
    // last review, i.e. tomorrow 2026-01-21T10:00Z.
    const plan = planPostpone([card("a", 19, 10, 10)], 5, NOW, DEFAULT_SRS_SETTINGS);
    expect(plan.eligible).toBe(1);
    expect(plan.changes).toEqual([
      {
        id: "a",
        due: new Date("2026-01-21T10:00:00Z"),
        scheduledDays: 20,
        recallNow: forgetting_curve(default_w, 19, 10),
        recallBefore: forgetting_curve(default_w, 10, 10),
        recallAfter: forgetting_curve(default_w, 20, 10),
      },
    ]);
    expect(plan.firstDue).toEqual(new Date("2026-01-21T10:00:00Z"));
  });

  it("postpones the `count` cards with the highest recall first, only among reviews due today", () => {
    // Recall now falls with elapsed/stability: b (10/40) > c (10/20) > a (10/10); d is due in 5 days.
    const cards = [card("a", 10, 10, 10), card("b", 10, 10, 40), card("c", 10, 10, 20), card("d", 5, 10, 10)];
    const plan = planPostpone(cards, 2, NOW, DEFAULT_SRS_SETTINGS);
    expect(plan.eligible).toBe(3);
    expect(plan.changes.map((c) => c.id)).toEqual(["b", "c"]);
    // On time (delay 0), interval 10: ⌈10.5…11⌉ = 11 days after the last review: tomorrow.
    expect(plan.changes.map((c) => c.scheduledDays)).toEqual([11, 11]);
    expect(plan.meanRecallAfter).toBeLessThan(plan.meanRecallBefore);
  });

  it("bounds the new interval by the maximum interval and skips cards it cannot move past today", () => {
    const settings = { ...DEFAULT_SRS_SETTINGS, maximumIntervalDays: 15 };
    const plan = planPostpone([card("a", 19, 10, 10), card("b", 12, 12, 12)], 5, NOW, settings);
    // a: min(20, 15) = 15 ≤ 19 days elapsed → not movable. b: min(⌈12.6…13.2⌉, 15) ∈ {13, 14} days after review.
    expect(plan.eligible).toBe(1);
    expect(plan.changes.map((c) => c.id)).toEqual(["b"]);
    expect([13, 14]).toContain(plan.changes[0]!.scheduledDays);
  });

  it("is reproducible (the spread comes from a generator seeded by the card) and refuses a bad count", () => {
    const cards = Array.from({ length: 20 }, (_, i) => card(`c${i}`, 40, 40, 40));
    expect(planPostpone(cards, 20, NOW, DEFAULT_SRS_SETTINGS)).toEqual(
      planPostpone(cards, 20, NOW, DEFAULT_SRS_SETTINGS),
    );
    const days = new Set(planPostpone(cards, 20, NOW, DEFAULT_SRS_SETTINGS).changes.map((c) => c.scheduledDays));
    expect(days.size).toBeGreaterThan(1);
    expect(() => planPostpone(cards, -1, NOW, DEFAULT_SRS_SETTINGS)).toThrow(/count/);
    expect(() => planPostpone(cards, 1.5, NOW, DEFAULT_SRS_SETTINGS)).toThrow(/count/);
  });
});

describe("planAdvance", () => {
  it("brings the reviews due in the next 7 days with the highest recall to now", () => {
    // Due in 2, 3 and 9 days; a (reviewed 8 of 10 days, S 10) recalls less than b (7 of 10, S 30).
    const cards = [card("a", 8, 10, 10), card("b", 7, 10, 30), card("c", 1, 10, 10), card("today", 10, 10, 10)];
    const plan = planAdvance(cards, 1, NOW, DEFAULT_SRS_SETTINGS);
    expect(plan.eligible).toBe(2);
    expect(plan.changes).toEqual([
      {
        id: "b",
        due: NOW,
        scheduledDays: 7,
        recallNow: forgetting_curve(default_w, 7, 30),
        recallBefore: forgetting_curve(default_w, 10, 30),
        recallAfter: forgetting_curve(default_w, 7, 30),
      },
    ]);
    expect(planAdvance(cards, 5, NOW, DEFAULT_SRS_SETTINGS, 10).eligible).toBe(3);
  });
});
