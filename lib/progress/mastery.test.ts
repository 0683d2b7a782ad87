import { describe, expect, it } from "vitest";
import { categoryOf, isMastered, summarizeMastery, type MasteryRow } from "./mastery";

const card = (overrides: Partial<NonNullable<Parameters<typeof categoryOf>[0]>> = {}) => ({
  state: "review",
  suspended: false,
  scheduledDays: 10,
  stability: 10,
  ...overrides,
});

describe("categoryOf and isMastered", () => {
  it("sorts cards into new, learning, young, mature and suspended", () => {
    expect(categoryOf(null)).toBe("new");
    expect(categoryOf(card({ state: "new" }))).toBe("new");
    expect(categoryOf(card({ state: "learning" }))).toBe("learning");
    expect(categoryOf(card({ state: "relearning" }))).toBe("learning");
    expect(categoryOf(card({ scheduledDays: 20 }))).toBe("young");
    expect(categoryOf(card({ scheduledDays: 21 }))).toBe("mature");
    expect(categoryOf(card({ scheduledDays: 40, suspended: true }))).toBe("suspended");
  });

  it("counts a review card with stability of 21 days or more as mastered unless suspended", () => {
    expect(isMastered(card({ stability: 21 }))).toBe(true);
    expect(isMastered(card({ stability: 20.9 }))).toBe(false);
    expect(isMastered(card({ stability: 30, suspended: true }))).toBe(false);
    expect(isMastered(card({ stability: 30, state: "relearning" }))).toBe(false);
    expect(isMastered(null)).toBe(false);
  });
});

describe("summarizeMastery", () => {
  const row = (deckId: string, topic: string, category: MasteryRow["category"], items: number, mastered = 0) => ({
    deckId,
    deckTitle: `Deck ${deckId}`,
    topic,
    category,
    items,
    mastered,
  });

  it("counts every live item by category and mastery over started decks only", () => {
    const summary = summarizeMastery([
      row("a", "dates", "new", 2),
      row("a", "dates", "mature", 2, 2),
      row("a", "people", "young", 4, 1),
      row("b", "dates", "new", 10),
    ]);
    expect(summary.counts).toEqual({ new: 12, learning: 0, young: 4, mature: 2, suspended: 0 });
    expect(summary.byDeck).toEqual([{ key: "a", label: "Deck a", items: 8, studied: 6, mastered: 3, share: 3 / 8 }]);
    expect(summary.byTopic).toEqual([
      { key: "dates", label: "dates", items: 4, studied: 2, mastered: 2, share: 0.5 },
      { key: "people", label: "people", items: 4, studied: 4, mastered: 1, share: 0.25 },
    ]);
  });
});
