import { describe, expect, it } from "vitest";
import { buildQueue, countDue, pickNewItems, type BuildQueueInput, type QueueCard, type QueueNewItem } from "./queue";
import { DEFAULT_SRS_SETTINGS, SrsSettingsSchema, type CardState } from "./types";

const NOW = new Date("2026-01-05T10:00:00Z");
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

function card(
  itemId: string,
  state: CardState["state"],
  due: Date,
  extra: Partial<CardState> = {},
  queue: Partial<QueueCard> = {},
): QueueCard {
  return {
    itemId,
    factKey: `fact-${itemId}`,
    suspended: false,
    buriedUntil: null,
    ...queue,
    card: {
      state,
      due,
      stability: 5,
      difficulty: 5,
      scheduledDays: 5,
      learningSteps: 0,
      reps: 3,
      lapses: 0,
      lastReview: days(-5),
      ...extra,
    },
  };
}

function input(overrides: Partial<BuildQueueInput>): BuildQueueInput {
  return {
    now: NOW,
    settings: DEFAULT_SRS_SETTINGS,
    cards: [],
    newItems: [],
    doneToday: { newCount: 0, reviewCount: 0 },
    introducedSiblingKeys: [],
    ...overrides,
  };
}

describe("buildQueue", () => {
  it("shows due learning cards first, then reviews, then new items, then learn-ahead cards", () => {
    const queue = buildQueue(
      input({
        cards: [
          card("review", "review", minutes(-60)),
          card("ahead", "learning", minutes(15)),
          card("relearn", "relearning", minutes(-1)),
          card("learn", "learning", minutes(-5)),
          card("later", "learning", minutes(45)),
        ],
        newItems: [{ itemId: "new", siblingKeys: ["f-new"], position: 1 }],
      }),
    );
    expect(queue).toEqual([
      { itemId: "learn", reason: "learning" },
      { itemId: "relearn", reason: "learning" },
      { itemId: "review", reason: "review" },
      { itemId: "new", reason: "new" },
      { itemId: "ahead", reason: "learning" },
    ]);
  });

  it("counts reviews due any time before the next study day (04:00) as due today", () => {
    const queue = buildQueue(
      input({
        cards: [
          card("tonight", "review", new Date("2026-01-05T22:00:00Z")),
          card("tomorrow", "review", new Date("2026-01-06T05:00:00Z")),
        ],
      }),
    );
    expect(queue.map((e) => e.itemId)).toEqual(["tonight"]);
  });

  it("orders reviews by retrievability: most overdue relative to stability first", () => {
    const queue = buildQueue(
      input({
        cards: [
          // 10 days since review, stability 10: R ≈ 0.90
          card("on-time", "review", days(0), { stability: 10, lastReview: days(-10) }),
          // 20 days since review, stability 10: R ≈ 0.84
          card("late-stable", "review", days(-10), { stability: 10, lastReview: days(-20) }),
          // 4 days since review, stability 1: R ≈ 0.78 (only 3 days overdue, but relative to stability the worst)
          card("late-fragile", "review", days(-3), { stability: 1, lastReview: days(-4) }),
        ],
      }),
    );
    expect(queue.map((e) => e.itemId)).toEqual(["late-fragile", "late-stable", "on-time"]);
  });

  it("respects the daily new and review limits", () => {
    const settings = SrsSettingsSchema.parse({ newPerDay: 5, maxReviewsPerDay: 10 });
    const cards = Array.from({ length: 12 }, (_, i) => card(`r${i}`, "review", days(-1)));
    const newItems = Array.from({ length: 8 }, (_, i) => ({ itemId: `n${i}`, siblingKeys: [`f${i}`], position: i }));
    const queue = buildQueue(input({ settings, cards, newItems, doneToday: { newCount: 3, reviewCount: 7 } }));
    expect(queue.filter((e) => e.reason === "review")).toHaveLength(3);
    expect(queue.filter((e) => e.reason === "new").map((e) => e.itemId)).toEqual(["n0", "n1"]);
    const exhausted = buildQueue(input({ settings, cards, newItems, doneToday: { newCount: 9, reviewCount: 12 } }));
    expect(exhausted).toEqual([]);
  });

  it("introduces at most one new item per fact per study day", () => {
    const queue = buildQueue(
      input({
        newItems: [
          { itemId: "capital-q1", siblingKeys: ["capital"], position: 1 },
          { itemId: "capital-q2", siblingKeys: ["capital"], position: 2 },
          { itemId: "river-q1", siblingKeys: ["river"], position: 3 },
          { itemId: "mountain-q1", siblingKeys: ["mountain"], position: 4 },
          { itemId: "mountain-q2", siblingKeys: ["mountain"], position: 5 },
        ],
        introducedSiblingKeys: ["river"],
      }),
    );
    expect(queue.map((e) => e.itemId)).toEqual(["capital-q1", "mountain-q1"]);
  });

  it("puts instructor-prioritised new items first, then foundational order", () => {
    const queue = buildQueue(
      input({
        newItems: [
          { itemId: "basic", siblingKeys: ["a"], position: 1 },
          { itemId: "assigned", siblingKeys: ["b"], position: 9, priority: 1 },
          { itemId: "urgent", siblingKeys: ["c"], position: 20, priority: 5 },
          { itemId: "next", siblingKeys: ["d"], position: 2, priority: 0 },
        ],
      }),
    );
    expect(queue.map((e) => e.itemId)).toEqual(["urgent", "assigned", "basic", "next"]);
  });

  it("never shows suspended cards or cards buried until later", () => {
    const queue = buildQueue(
      input({
        cards: [
          card("suspended", "review", days(-1), {}, { suspended: true }),
          card("buried", "learning", minutes(-1), {}, { buriedUntil: new Date("2026-01-06T04:00:00Z") }),
          card("unburied", "review", days(-1), {}, { buriedUntil: new Date("2026-01-05T04:00:00Z") }),
          card("new-state", "new", minutes(-1)),
        ],
      }),
    );
    expect(queue).toEqual([{ itemId: "unburied", reason: "review" }]);
  });

  it("stops at the limit", () => {
    const cards = [card("a", "learning", minutes(-2)), card("b", "review", days(-1))];
    expect(buildQueue(input({ cards, limit: 1 }))).toEqual([{ itemId: "a", reason: "learning" }]);
  });
});

describe("buildQueue spacing", () => {
  it("never shows the card answered last again next while another card is available", () => {
    // Only learning cards left: the one just failed (1-minute step) is the earliest due, yet another comes first.
    const cards = [card("failed", "learning", minutes(1)), card("other", "learning", minutes(8))];
    expect(buildQueue(input({ cards, lastItemId: "failed" })).map((e) => e.itemId)).toEqual(["other", "failed"]);
    // Due now too: the other card still comes in between.
    const due = [card("failed", "learning", minutes(-1)), card("other", "learning", minutes(-0.5))];
    expect(buildQueue(input({ cards: due, lastItemId: "failed" })).map((e) => e.itemId)).toEqual(["other", "failed"]);
  });

  it("shows the card answered last again when it is the only one left", () => {
    const cards = [card("failed", "learning", minutes(1))];
    expect(buildQueue(input({ cards, lastItemId: "failed" })).map((e) => e.itemId)).toEqual(["failed"]);
  });

  it("never shows one card three times in a row over a session of repeated failures while others wait", () => {
    // A simulated session: the learner fails "a" every time it comes up and answers the others well.
    let cards = [
      card("a", "learning", minutes(-1)),
      card("b", "learning", minutes(5)),
      card("c", "learning", minutes(9)),
    ];
    let last: string | null = null;
    const shown: string[] = [];
    for (let step = 0; step < 9; step += 1) {
      const [front] = buildQueue(input({ cards, lastItemId: last }));
      shown.push(front!.itemId);
      last = front!.itemId;
      // "a" failed again: due in 1 minute; the others go 10 minutes ahead of the last.
      cards = cards.map((c) =>
        c.itemId !== front!.itemId ? c : { ...c, card: { ...c.card, due: minutes(c.itemId === "a" ? 1 : 10 + step) } },
      );
    }
    for (let i = 1; i < shown.length; i += 1) expect(shown[i]).not.toBe(shown[i - 1]);
  });
});

describe("countDue", () => {
  it("summarises what is left today", () => {
    const cards = [card("a", "learning", minutes(-2)), card("b", "review", days(-1)), card("c", "review", days(3))];
    const newItems = [{ itemId: "n", siblingKeys: ["f"], position: 0 }];
    expect(countDue(input({ cards, newItems }))).toEqual({ learning: 1, review: 1, new: 1, total: 3 });
  });
});

describe("buildQueue siblings", () => {
  it("spreads items that share any sibling key (the same fact or the same sentence) over different days", () => {
    const queue = buildQueue({
      now: new Date("2026-01-05T10:00:00Z"),
      settings: DEFAULT_SRS_SETTINGS,
      cards: [],
      newItems: [
        { itemId: "australia", siblingKeys: ["fact:a", "sentence:1"], position: 1 },
        { itemId: "sweden", siblingKeys: ["fact:b", "sentence:1"], position: 2 },
        { itemId: "other", siblingKeys: ["fact:c", "sentence:2"], position: 3 },
        { itemId: "same-fact", siblingKeys: ["fact:c", "sentence:3"], position: 4 },
      ],
      doneToday: { newCount: 0, reviewCount: 0 },
      introducedSiblingKeys: [],
    });
    expect(queue).toEqual([
      { itemId: "australia", reason: "new" },
      { itemId: "other", reason: "new" },
    ]);
  });
});

describe("pickNewItems", () => {
  const item = (itemId: string, fact: string): QueueNewItem => ({ itemId, siblingKeys: [fact], position: 0 });

  it("reads a cursor only until the limit is reached", () => {
    const read: string[] = [];
    function* cursor() {
      for (const [id, fact] of [
        ["a", "f1"],
        ["b", "f1"],
        ["c", "f2"],
        ["d", "f3"],
        ["e", "f4"],
      ] as const) {
        read.push(id);
        yield item(id, fact);
      }
    }
    const picked = pickNewItems(cursor(), 2, []);
    expect(picked.map((i) => i.itemId)).toEqual(["a", "c"]);
    expect(read).toEqual(["a", "b", "c"]);
  });

  it("skips siblings of items introduced today and reads nothing when the limit is used up", () => {
    expect(pickNewItems([item("a", "f1"), item("b", "f2")], 5, ["f1"]).map((i) => i.itemId)).toEqual(["b"]);
    const untouched = {
      [Symbol.iterator]: () => {
        throw new Error("read");
      },
    };
    expect(pickNewItems(untouched, 0, [])).toEqual([]);
  });
});
