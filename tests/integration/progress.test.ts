import { beforeAll, describe, expect, it } from "vitest";
import type { GeneratedItem, Topic } from "@/lib/content/types";
import { db } from "@/lib/db/client";
import { publishDocument } from "@/lib/db/content";
import { loadProgress, type Progress } from "@/lib/db/progress";
import { makeUser } from "@/tests/factories";

// A hand-built history in America/New_York (day starts 04:00 local) around the switch to daylight saving time on
// 2026-03-08: every figure below is worked out by hand from the rows.
const NOW = new Date("2026-03-10T15:00:00Z"); // 11:00 EDT, study day 2026-03-10
const at = (iso: string) => new Date(iso);

function item(key: string, topic: Topic, position: number): GeneratedItem {
  return {
    key,
    factKey: `fact-${key}`,
    kind: "typed",
    prompt: `What is ${key}?`,
    answer: key.toUpperCase(),
    accepted: [],
    options: null,
    answerType: "text",
    topic,
    difficulty: 0.4,
    source: { text: `${key} is ${key}.`, start: position * 10, end: position * 10 + 9 },
  };
}

type CardSpec = {
  state: string;
  due: Date;
  scheduledDays: number;
  stability: number;
  lapses?: number;
  suspended?: boolean;
};

async function makeCard(userId: string, itemId: string, spec: CardSpec) {
  const card = await db.card.create({
    data: {
      userId,
      itemId,
      difficulty: 5,
      learningSteps: 0,
      reps: 3,
      lastReview: at("2026-03-01T12:00:00Z"),
      lapses: 0,
      suspended: false,
      ...spec,
    },
  });
  return card.id;
}

async function log(
  userId: string,
  card: { id: string; itemId: string },
  reviewedAt: string,
  previousState: string,
  elapsedDays: number,
  rating: string,
  responseMs: number | null,
) {
  await db.reviewLog.create({
    data: {
      id: crypto.randomUUID(),
      userId,
      itemId: card.itemId,
      cardId: card.id,
      rating,
      responseMs,
      previousState,
      elapsedDays,
      reviewedAt: at(reviewedAt),
      stateBefore: "{}",
      stateAfter: "{}",
    },
  });
}

let progress: Progress;
let deckId = "";
let itemIds: string[] = [];

beforeAll(async () => {
  const deck = await publishDocument({ slug: "progress-deck", title: "Progress deck", body: "x".repeat(200) }, [
    item("i0", "dates", 0),
    item("i1", "dates", 1),
    item("i2", "dates", 2),
    item("i3", "commanders", 3),
    item("i4", "commanders", 4),
    item("i5", "commanders", 5),
  ]);
  await publishDocument({ slug: "untouched-deck", title: "Untouched deck", body: "y".repeat(200) }, [
    item("u0", "places", 0),
    item("u1", "places", 1),
  ]);
  deckId = deck.documentId;
  itemIds = (await db.item.findMany({ where: { documentId: deckId }, orderBy: { position: "asc" } })).map((i) => i.id);
  const [i0, i1, i2, i3, i4] = itemIds as [string, string, string, string, string];

  const user = await makeUser();
  await db.userSettings.create({
    data: { userId: user.id, timeZone: "America/New_York", desiredRetention: 0.85 },
  });
  const c0 = { id: "", itemId: i0 };
  const c1 = { id: "", itemId: i1 };
  const c3 = { id: "", itemId: i3 };
  const c4 = { id: "", itemId: i4 };
  // mature, mastered; due on the 12th
  c0.id = await makeCard(user.id, i0, {
    state: "review",
    due: at("2026-03-12T15:00:00Z"),
    scheduledDays: 30,
    stability: 40,
  });
  // young; overdue since yesterday → due today
  c1.id = await makeCard(user.id, i1, {
    state: "review",
    due: at("2026-03-09T12:00:00Z"),
    scheduledDays: 5,
    stability: 6,
    lapses: 2,
  });
  // learning, due in ten minutes → today
  await makeCard(user.id, i2, { state: "learning", due: at("2026-03-10T15:10:00Z"), scheduledDays: 0, stability: 1 });
  // suspended leech: not in the forecast, not mastered
  c3.id = await makeCard(user.id, i3, {
    state: "review",
    due: at("2026-03-11T15:00:00Z"),
    scheduledDays: 25,
    stability: 22,
    lapses: 8,
    suspended: true,
  });
  // young but mastered (stability ≥ 21); due 03:30 EDT on the 11th, before the 04:00 day start → today
  c4.id = await makeCard(user.id, i4, {
    state: "review",
    due: at("2026-03-11T07:30:00Z"),
    scheduledDays: 12,
    stability: 25,
  });
  // i5 and the untouched deck's two items have no card: new.

  await log(user.id, c1, "2026-03-06T12:00:00Z", "new", 0, "again", 1000); // study day 03-06
  await log(user.id, c1, "2026-03-08T07:30:00Z", "learning", 0, "good", 2000); // 03:30 EDT → study day 03-07
  await log(user.id, c0, "2026-03-08T20:00:00Z", "review", 1, "good", 3000); // 03-08
  await log(user.id, c1, "2026-03-09T23:00:00Z", "review", 1, "again", 4000); // 19:00 EDT → 03-09
  await log(user.id, c0, "2026-03-10T13:00:00Z", "review", 3, "good", 5000); // today
  await log(user.id, c4, "2026-03-10T13:05:00Z", "review", 5, "hard", 6000); // today
  await log(user.id, c1, "2026-03-10T13:10:00Z", "review", 6, "again", null); // today
  await log(user.id, c0, "2026-02-01T12:00:00Z", "review", 30, "easy", 7000);
  await log(user.id, c3, "2025-02-01T12:00:00Z", "review", 120, "good", 8000); // more than a year ago

  // Another learner's rows must not show up.
  const other = await makeUser();
  const otherCard = { id: "", itemId: i0 };
  otherCard.id = await makeCard(other.id, i0, {
    state: "review",
    due: at("2026-03-10T16:00:00Z"),
    scheduledDays: 40,
    stability: 50,
    lapses: 5,
  });
  await log(other.id, otherCard, "2026-03-10T12:00:00Z", "review", 10, "again", 9000);

  progress = await loadProgress(user.id, NOW);
});

describe("loadProgress", () => {
  it("uses the learner's time zone and desired retention", () => {
    expect(progress).toMatchObject({ today: "2026-03-10", timeZone: "America/New_York", desiredRetention: 0.85 });
  });

  it("counts live items by card state", () => {
    expect(progress.counts).toEqual({ new: 3, learning: 1, young: 2, mature: 1, suspended: 1 });
  });

  it("forecasts reviews per local study day, overdue ones today", () => {
    expect(progress.forecast).toHaveLength(30);
    expect(progress.forecast[0]).toEqual({ date: "2026-03-10", count: 3 });
    expect(progress.forecast[1]).toEqual({ date: "2026-03-11", count: 0 });
    expect(progress.forecast[2]).toEqual({ date: "2026-03-12", count: 1 });
    expect(progress.forecast.reduce((sum, d) => sum + d.count, 0)).toBe(4);
  });

  it("measures true retention by interval band", () => {
    expect(progress.retention).toEqual([
      { label: "1 day", short: "1 d", reviews: 2, recalled: 1, rate: 0.5 },
      { label: "2–6 days", short: "2–6 d", reviews: 3, recalled: 2, rate: 2 / 3 },
      { label: "7–20 days", short: "7–20 d", reviews: 0, recalled: 0, rate: null },
      { label: "21–89 days", short: "21–89 d", reviews: 1, recalled: 1, rate: 1 },
      { label: "90+ days", short: "90+ d", reviews: 1, recalled: 1, rate: 1 },
    ]);
    expect(progress.overallRetention).toBeCloseTo(5 / 7);
  });

  it("counts the streak in local study days, across the DST change", () => {
    // Study days 03-06, 03-07 (03:30 EDT on the 8th), 03-08, 03-09, 03-10.
    expect(progress.streak).toEqual({ days: 5, studiedToday: true });
  });

  it("sums time studied today, over 7 days and in total", () => {
    expect(progress.time).toEqual({ todayMs: 11_000, weekMs: 21_000, totalMs: 36_000 });
    expect(progress.totalReviews).toBe(9);
  });

  it("fills a year of heatmap days ending today", () => {
    expect(progress.heatmap).toHaveLength(365);
    expect(progress.heatmap.at(-1)).toEqual({ date: "2026-03-10", count: 3 });
    expect(progress.heatmap[0]!.date).toBe("2025-03-11");
    const byDate = Object.fromEntries(progress.heatmap.filter((d) => d.count > 0).map((d) => [d.date, d.count]));
    expect(byDate).toEqual({
      "2026-02-01": 1,
      "2026-03-06": 1,
      "2026-03-07": 1,
      "2026-03-08": 1,
      "2026-03-09": 1,
      "2026-03-10": 3,
    });
  });

  it("shows mastery for started decks only, by deck and by topic", () => {
    expect(progress.byDeck).toEqual([
      { key: deckId, label: "Progress deck", items: 6, studied: 5, mastered: 2, share: 1 / 3 },
    ]);
    expect(progress.byTopic).toEqual([
      { key: "commanders", label: "commanders", items: 3, studied: 2, mastered: 1, share: 1 / 3 },
      { key: "dates", label: "dates", items: 3, studied: 3, mastered: 1, share: 1 / 3 },
    ]);
  });

  it("lists the hardest items: most lapses first, then lowest recall", () => {
    expect(progress.hardest).toEqual([
      expect.objectContaining({ itemId: itemIds[3], deckId, lapses: 8, answers: 1, recalled: 1, suspended: true }),
      expect.objectContaining({ itemId: itemIds[1], deckId, lapses: 2, answers: 4, recalled: 1, suspended: false }),
    ]);
  });

  it("is empty for a new learner", async () => {
    const learner = await makeUser();
    const empty = await loadProgress(learner.id, NOW);
    expect(empty).toMatchObject({
      totalReviews: 0,
      overallRetention: null,
      streak: { days: 0, studiedToday: false },
      time: { todayMs: 0, weekMs: 0, totalMs: 0 },
      counts: { new: 8, learning: 0, young: 0, mature: 0, suspended: 0 },
      byDeck: [],
      hardest: [],
    });
    expect(empty.forecast.every((d) => d.count === 0)).toBe(true);
  });
});
