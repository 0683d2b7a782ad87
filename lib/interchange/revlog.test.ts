import { describe, expect, it } from "vitest";
import { revlogCsv, type RevlogEntry } from "./revlog";

const T0 = new Date("2026-11-20T10:00:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const entry = (over: Partial<RevlogEntry>): RevlogEntry => ({
  reviewedAt: T0,
  cardId: "card-a",
  cardCreatedAt: T0,
  itemId: "item-a",
  deck: "Apollo 11",
  prompt: "Who flew Apollo 11?",
  rating: "good",
  responseMs: 4200,
  previousState: "new",
  before: { due: T0, lastReview: null, scheduledDays: 0, difficulty: 0, existed: false },
  after: { due: at(10), lastReview: T0, scheduledDays: 0, difficulty: 5.5 },
  ...over,
});

describe("revlogCsv", () => {
  it("writes Anki's revlog columns: learning steps as negative seconds, days as days, FSRS difficulty as factor", () => {
    const csv = revlogCsv([
      entry({}),
      // Ten minutes later: the learning step (600 s) is now the last interval; the card graduates to 3 days.
      entry({
        reviewedAt: at(10),
        rating: "easy",
        responseMs: null,
        previousState: "learning",
        before: { due: at(10), lastReview: T0, scheduledDays: 0, difficulty: 5.5, existed: true },
        after: { due: at(10 + 3 * 1440), lastReview: at(10), scheduledDays: 3, difficulty: 1 },
      }),
      // Another card made in the same millisecond gets the next number, as Anki's ids are unique.
      entry({ cardId: "card-b", itemId: "item-b", rating: "again", previousState: "relearning", prompt: "=cmd" }),
    ]);
    const ms = T0.getTime();
    expect(csv.split("\r\n")).toEqual([
      "id,cid,usn,ease,ivl,lastIvl,factor,time,type,itemId,deck,prompt",
      `${ms},${ms},0,3,-600,0,600,4200,0,item-a,Apollo 11,Who flew Apollo 11?`,
      `${ms + 600_000},${ms},0,4,3,-600,100,0,0,item-a,Apollo 11,Who flew Apollo 11?`,
      `${ms},${ms + 1},0,1,-600,0,600,4200,2,item-b,Apollo 11,'=cmd`,
      "",
    ]);
  });
});
