import { createEmptyCard, fsrs, Rating as FsrsRating, State, type Card, type Grade } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { SrsError } from "./errors";
import { createRng } from "../prng";
import { newCard, previewIntervals, retrievability, schedule, undoReview } from "./scheduler";
import { DEFAULT_SRS_SETTINGS, SrsSettingsSchema, type CardState, type Rating } from "./types";

const NOW = new Date("2026-01-05T10:00:00Z");
const settings = DEFAULT_SRS_SETTINGS;
const GRADES: Array<[Rating, Grade]> = [
  ["again", FsrsRating.Again],
  ["hard", FsrsRating.Hard],
  ["good", FsrsRating.Good],
  ["easy", FsrsRating.Easy],
];
const STATE_NAMES = {
  [State.New]: "new",
  [State.Learning]: "learning",
  [State.Review]: "review",
  [State.Relearning]: "relearning",
} as const;

const reference = fsrs({
  request_retention: 0.9,
  maximum_interval: 36500,
  enable_fuzz: false,
  learning_steps: ["1m", "10m"],
  relearning_steps: ["10m"],
});

function camel(card: Card): CardState {
  return {
    state: STATE_NAMES[card.state],
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    lastReview: card.last_review ?? null,
  };
}

/** A review card: new → good → good (graduates), answered again 3 days later. */
function reviewCard(): { fsrsCard: Card; card: CardState; at: Date } {
  let fsrsCard = createEmptyCard(NOW);
  fsrsCard = reference.next(fsrsCard, NOW, FsrsRating.Good).card;
  fsrsCard = reference.next(fsrsCard, new Date("2026-01-05T10:10:00Z"), FsrsRating.Good).card;
  return { fsrsCard, card: camel(fsrsCard), at: new Date("2026-01-09T18:00:00Z") };
}

describe("newCard", () => {
  it("is a new card due now", () => {
    expect(newCard(NOW)).toEqual({
      state: "new",
      due: NOW,
      stability: 0,
      difficulty: 0,
      scheduledDays: 0,
      learningSteps: 0,
      reps: 0,
      lapses: 0,
      lastReview: null,
    });
  });
});

describe("schedule matches ts-fsrs with the same parameters", () => {
  it.each(GRADES)("new card rated %s", (rating, grade) => {
    const expected = reference.next(createEmptyCard(NOW), NOW, grade);
    const { card, log } = schedule(newCard(NOW), rating, NOW, settings);
    expect(card).toEqual(camel(expected.card));
    expect(log).toEqual({
      rating,
      state: "new",
      due: NOW,
      stability: 0,
      difficulty: 0,
      elapsedDays: 0,
      scheduledDays: 0,
      learningSteps: 0,
      lastReview: null,
      review: NOW,
    });
  });

  it.each(GRADES)("review card rated %s", (rating, grade) => {
    const { fsrsCard, card: before, at } = reviewCard();
    const expected = reference.next(fsrsCard, at, grade);
    const { card, log } = schedule(before, rating, at, settings);
    expect(card).toEqual(camel(expected.card));
    expect(log).toEqual({
      rating,
      state: "review",
      due: before.due,
      stability: before.stability,
      difficulty: before.difficulty,
      elapsedDays: expected.log.elapsed_days,
      scheduledDays: before.scheduledDays,
      learningSteps: before.learningSteps,
      lastReview: before.lastReview,
      review: at,
    });
  });

  it("uses personal weights when the settings carry them", () => {
    const weights = [...reference.parameters.w];
    weights[2] = 10; // initial stability after "good"
    const personal = SrsSettingsSchema.parse({ weights, learningSteps: [] });
    const { card } = schedule(newCard(NOW), "good", NOW, personal);
    expect(card.stability).toBe(10);
    expect(card.scheduledDays).toBe(10);
  });
});

describe("undoReview", () => {
  it.each(GRADES)("restores the card exactly after %s", (rating) => {
    const { card: before, at } = reviewCard();
    const { card: after, log } = schedule(before, rating, at, settings);
    expect(undoReview(after, log)).toEqual(before);
    const fresh = newCard(NOW);
    const first = schedule(fresh, rating, NOW, settings);
    expect(undoReview(first.card, first.log)).toEqual(fresh);
  });
});

describe("fuzz", () => {
  it("is off by default: the same answer gives the same due date", () => {
    const { card, at } = reviewCard();
    expect(schedule(card, "easy", at, settings).card).toEqual(schedule(card, "easy", at, settings).card);
  });

  it("with a seeded random source is reproducible and spreads intervals", () => {
    const { card, at } = reviewCard();
    const runs = (seed: number) => {
      const random = createRng(seed);
      return Array.from(
        { length: 20 },
        () => schedule(card, "easy", at, settings, { fuzz: { random } }).card.scheduledDays,
      );
    };
    const plain = schedule(card, "easy", at, settings).card.scheduledDays;
    expect(runs(7)).toEqual(runs(7));
    expect(new Set(runs(7)).size).toBeGreaterThan(1);
    for (const days of runs(7)) expect(Math.abs(days - plain)).toBeLessThanOrEqual(Math.ceil(plain * 0.15) + 1);
    // The unfuzzed instance is unaffected by a fuzzed answer.
    expect(schedule(card, "easy", at, settings).card.scheduledDays).toBe(plain);
  });
});

describe("previewIntervals", () => {
  it("labels the learning steps of a new card", () => {
    const preview = previewIntervals(newCard(NOW), NOW, settings);
    expect(Object.fromEntries(Object.entries(preview).map(([k, v]) => [k, v.label]))).toEqual({
      again: "1m",
      hard: "6m",
      good: "10m",
      easy: "8d",
    });
    expect(preview.good.due).toEqual(new Date("2026-01-05T10:10:00Z"));
  });

  it("labels day intervals of a review card", () => {
    const { card, at } = reviewCard();
    const preview = previewIntervals(card, at, settings);
    expect(preview.again.label).toBe("10m");
    for (const rating of ["hard", "good", "easy"] as const) expect(preview[rating].label).toMatch(/^\d+d$/);
    expect(preview.hard.due < preview.good.due && preview.good.due < preview.easy.due).toBe(true);
  });
});

describe("retrievability", () => {
  it("is 0 for a new card and about the desired retention when a review card is due", () => {
    expect(retrievability(newCard(NOW), NOW, settings)).toBe(0);
    const { card } = schedule(reviewCard().card, "good", new Date("2026-01-09T18:00:00Z"), settings);
    expect(retrievability(card, card.due, settings)).toBeCloseTo(0.9, 1);
    expect(retrievability(card, card.lastReview!, settings)).toBe(1);
  });
});

describe("invalid input", () => {
  it("throws SrsError for a bad date, rating or card", () => {
    const card = newCard(NOW);
    expect(() => schedule(card, "good", new Date("nope"), settings)).toThrow(SrsError);
    expect(() => schedule(card, "meh" as Rating, NOW, settings)).toThrow(
      expect.objectContaining({ code: "invalid_rating" }),
    );
    expect(() => schedule({ ...card, state: "review" }, "good", NOW, settings)).toThrow(
      expect.objectContaining({ code: "invalid_card" }),
    );
  });
});
