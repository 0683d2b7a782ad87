import { describe, expect, it } from "vitest";
import { becameLeech, isLeech, LEECH_LAPSES } from "./leech";
import { newCard, schedule } from "./scheduler";
import { DEFAULT_SRS_SETTINGS, type CardState } from "./types";

describe("leeches", () => {
  it("becomes a leech on the 8th lapse, exactly once", () => {
    let now = new Date("2026-01-05T10:00:00Z");
    let card: CardState = schedule(newCard(now), "easy", now, DEFAULT_SRS_SETTINGS).card;
    const becameAt: number[] = [];
    for (let i = 0; i < 10; i++) {
      now = card.due; // a review card: forget it, relearn it, graduate again
      const lapse = schedule(card, "again", now, DEFAULT_SRS_SETTINGS);
      if (becameLeech(card, lapse.card)) becameAt.push(lapse.card.lapses);
      now = lapse.card.due;
      card = schedule(lapse.card, "good", now, DEFAULT_SRS_SETTINGS).card;
      expect(card.state).toBe("review");
    }
    expect(card.lapses).toBe(10);
    expect(becameAt).toEqual([LEECH_LAPSES]);
    expect(isLeech({ lapses: 7 })).toBe(false);
    expect(isLeech({ lapses: 8 })).toBe(true);
  });
});
