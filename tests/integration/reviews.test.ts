import { beforeAll, describe, expect, it } from "vitest";
import type { GeneratedItem } from "@/lib/content/types";
import { db } from "@/lib/db/client";
import { publishDocument } from "@/lib/db/content";
import { answerItem, recordReview, setAside, undoLastReview } from "@/lib/db/reviews";
import { nextStep } from "@/lib/db/study";
import { DEFAULT_SRS_SETTINGS, newCard, schedule } from "@/lib/srs";
import { makeUser } from "@/tests/factories";

const T0 = new Date("2026-03-02T09:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

function typed(key: string, answer: string, position: number): GeneratedItem {
  return {
    key,
    factKey: `fact-${key}`,
    kind: "typed",
    prompt: `What is ${key}?`,
    answer,
    accepted: [],
    options: null,
    answerType: "text",
    topic: "history",
    difficulty: 0.4,
    source: { text: `${key} is ${answer}.`, start: position * 10, end: position * 10 + 9 },
  };
}

let deckId = "";
let itemIds: string[] = [];

beforeAll(async () => {
  const result = await publishDocument({ slug: "reviews-deck", title: "Reviews deck", body: "x".repeat(200) }, [
    typed("alpha", "Aleph", 0),
    typed("beta", "Beth", 1),
    typed("gamma", "Gimel", 2),
  ]);
  deckId = result.documentId;
  itemIds = (await db.item.findMany({ where: { documentId: deckId }, orderBy: { position: "asc" } })).map((i) => i.id);
});

const answer = (userId: string, overrides: Partial<Parameters<typeof recordReview>[0]> = {}) =>
  recordReview({
    userId,
    reviewId: crypto.randomUUID(),
    itemId: itemIds[0]!,
    version: 0,
    response: "Aleph",
    rating: "good",
    responseMs: 2000,
    now: T0,
    ...overrides,
  });

describe("recordReview", () => {
  it("schedules exactly as ts-fsrs does and logs the answer with the states before and after", async () => {
    const user = await makeUser();
    const result = await answer(user.id);
    const expected = schedule(newCard(T0), "good", T0, DEFAULT_SRS_SETTINGS).card;
    expect(result).toEqual({ ok: true, duplicate: false, leech: false, card: expected });
    const card = await db.card.findUniqueOrThrow({
      where: { userId_itemId: { userId: user.id, itemId: itemIds[0]! } },
    });
    expect(card).toMatchObject({ ...expected, version: 1, suspended: false });
    const logs = await db.reviewLog.findMany({ where: { userId: user.id } });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({
      rating: "good",
      response: "Aleph",
      correct: true,
      responseMs: 2000,
      previousState: "new",
    });
  });

  it("records a repeated review id once and returns the first result", async () => {
    const user = await makeUser();
    const reviewId = crypto.randomUUID();
    const first = await answer(user.id, { reviewId });
    const again = await answer(user.id, { reviewId, rating: "again" });
    expect(again).toEqual({ ...first, duplicate: true });
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(1);
  });

  it("refuses a stale card (answered in another tab) and changes nothing", async () => {
    const user = await makeUser();
    await answer(user.id);
    const card = await db.card.findFirstOrThrow({ where: { userId: user.id } });
    const stale = await answer(user.id, { version: 0, rating: "again", now: minutes(1) });
    expect(stale).toEqual({ ok: false, reason: "stale" });
    expect(await db.card.findFirstOrThrow({ where: { userId: user.id } })).toEqual(card);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(1);
  });

  it("records one of two concurrent first answers to the same card", async () => {
    const user = await makeUser();
    const results = await Promise.all([answer(user.id), answer(user.id, { rating: "easy" })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "stale" }]);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(1);
  });

  it("waits for an open Prisma transaction instead of joining it, and survives its rollback", async () => {
    const user = await makeUser();
    let recording: ReturnType<typeof answer> | undefined;
    const rolledBack = db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { name: "Renamed" } });
      recording = answer(user.id);
      await new Promise((resolve) => setTimeout(resolve, 50));
      throw new Error("rolled back");
    });
    await expect(rolledBack).rejects.toThrow("rolled back");
    expect(await recording).toMatchObject({ ok: true, duplicate: false });
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(1);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ name: user.name });
  });

  it("lets a Prisma transaction that reads first write after an answer committed meanwhile", async () => {
    // Answers write on a connection of their own; every Prisma transaction begins as a writer (lib/db/client.ts), so
    // a commit between its read and its write cannot fail it (SQLITE_BUSY_SNAPSHOT): the answer waits instead.
    const user = await makeUser();
    let recording: ReturnType<typeof answer> | undefined;
    await db.$transaction(async (tx) => {
      const before = await tx.user.findUniqueOrThrow({ where: { id: user.id } });
      recording = answer(user.id);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await tx.user.update({ where: { id: user.id }, data: { name: `${before.name} (renamed)` } });
    });
    expect(await recording).toMatchObject({ ok: true, duplicate: false });
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(1);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe(`${user.name} (renamed)`);
  });

  it("answers not_found for an unknown or retired item and records nothing", async () => {
    const user = await makeUser();
    expect(await answer(user.id, { itemId: "no-such-item" })).toEqual({ ok: false, reason: "not_found" });
    const retired = await publishDocument({ slug: "retire-me", title: "R", body: "y" }, [typed("delta", "Daleth", 0)]);
    const item = await db.item.findFirstOrThrow({ where: { documentId: retired.documentId } });
    await publishDocument({ slug: "retire-me", title: "R", body: "y" }, []);
    expect(await answer(user.id, { itemId: item.id })).toEqual({ ok: false, reason: "not_found" });
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(0);
  });

  it("does not let a learner reuse another learner's review id", async () => {
    const [a, b] = [await makeUser(), await makeUser()];
    const reviewId = crypto.randomUUID();
    await answer(a.id, { reviewId });
    expect(await answer(b.id, { reviewId })).toEqual({ ok: false, reason: "not_found" });
    expect(await db.card.count({ where: { userId: b.id } })).toBe(0);
  });

  it("flags and suspends a leech on the 8th lapse", async () => {
    const user = await makeUser();
    let now = T0;
    let version = 0;
    let lapses = 0;
    let leechAt = -1;
    // Graduate the card, then forget it again and again.
    for (let i = 0; lapses < 8 && i < 100; i += 1) {
      const card = await db.card.findUnique({ where: { userId_itemId: { userId: user.id, itemId: itemIds[1]! } } });
      const rating = card?.state === "review" ? "again" : "easy";
      const result = await answer(user.id, { itemId: itemIds[1]!, version, rating, now, response: "Beth" });
      if (!result.ok) throw new Error(result.reason);
      version += 1;
      lapses = result.card.lapses;
      if (result.leech) leechAt = lapses;
      now = new Date(Math.max(result.card.due.getTime(), now.getTime()) + 60_000);
    }
    expect(leechAt).toBe(8);
    const card = await db.card.findFirstOrThrow({ where: { userId: user.id, itemId: itemIds[1]! } });
    expect(card).toMatchObject({ lapses: 8, leech: true, suspended: true });
    expect(await answer(user.id, { itemId: itemIds[1]!, version, now })).toEqual({ ok: false, reason: "suspended" });
  });
});

describe("undoLastReview", () => {
  it("restores the card exactly and removes the log entry", async () => {
    const user = await makeUser();
    await answer(user.id);
    const before = await db.card.findFirstOrThrow({ where: { userId: user.id } });
    await answer(user.id, { version: 1, rating: "again", now: minutes(2) });
    expect(await undoLastReview(user.id)).toEqual({ ok: true, itemId: itemIds[0] });
    const after = await db.card.findFirstOrThrow({ where: { userId: user.id } });
    expect({ ...after, version: 0, updatedAt: null }).toEqual({ ...before, version: 0, updatedAt: null });
    // Every change (the answer, then the undo) moves the version on, so a tab still showing the undone state is stale.
    expect(after.version).toBe(before.version + 2);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(1);
  });

  it("makes a first answer's item new again", async () => {
    const user = await makeUser();
    await answer(user.id);
    await undoLastReview(user.id);
    expect(await db.card.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(0);
    expect(await undoLastReview(user.id)).toEqual({ ok: false, reason: "nothing" });
  });
});

describe("queue and feedback", () => {
  it("shows new items in order, then brings a failed card back in the learning steps", async () => {
    const user = await makeUser();
    const first = await nextStep({ userId: user.id, deckId }, T0);
    expect(first.card).toMatchObject({ itemId: itemIds[0], version: 0, reason: "new", kind: "typed" });
    expect(first.counts).toEqual({ learning: 0, review: 0, new: 3 });
    expect(JSON.stringify(first.card)).not.toContain("Aleph");

    await answer(user.id, { rating: "again" });
    const next = await nextStep({ userId: user.id, deckId }, minutes(0.5));
    expect(next.card?.itemId).toBe(itemIds[1]);
    // Due again at 1 minute, but just answered: another card comes in between (issue 15), then it is back.
    const between = await nextStep({ userId: user.id, deckId }, minutes(2));
    expect(between.card?.itemId).toBe(itemIds[1]);
    await answer(user.id, { itemId: itemIds[1]!, rating: "good", now: minutes(2) });
    const later = await nextStep({ userId: user.id, deckId }, minutes(2.5));
    expect(later.card).toMatchObject({ itemId: itemIds[0], reason: "learning", version: 1 });
  });

  it("grades tolerantly, suggests a rating and previews each rating's interval", async () => {
    // Since issue 12 the check records the answer with the suggested rating (answerItem); the intervals stay the
    // ones from the card before the answer.
    const user = await makeUser();
    const check = { itemId: itemIds[2]!, version: 0, responseMs: 3000, now: T0 };
    const right = await answerItem({ userId: user.id, reviewId: crypto.randomUUID(), response: "gimel", ...check });
    expect(right).toEqual({
      ok: true,
      leech: false,
      feedback: {
        correct: true,
        recorded: true,
        expected: "Gimel",
        explanation: null,
        sourceText: "gamma is Gimel.",
        sourceHref: `/decks/${deckId}/items/${itemIds[2]}#source`,
        suggested: "good",
        intervals: { again: "1m", hard: "6m", good: "10m", easy: "8d" },
      },
    });
    const other = await makeUser();
    const wrong = await answerItem({ userId: other.id, reviewId: crypto.randomUUID(), response: "Daleth", ...check });
    expect(wrong).toMatchObject({ ok: true, feedback: { correct: false, suggested: "again", recorded: true } });
  });

  it("leaves suspended and buried items out of the queue", async () => {
    const user = await makeUser();
    await setAside({ userId: user.id, itemId: itemIds[0]!, how: "suspend", now: T0 });
    await setAside({ userId: user.id, itemId: itemIds[1]!, how: "bury", now: T0 });
    const step = await nextStep({ userId: user.id, deckId }, T0);
    expect(step.counts).toEqual({ learning: 0, review: 0, new: 1 });
    expect(step.card?.itemId).toBe(itemIds[2]);
    const tomorrow = await nextStep({ userId: user.id, deckId }, new Date("2026-03-03T09:00:00Z"));
    expect(tomorrow.counts.new + tomorrow.counts.review + tomorrow.counts.learning).toBe(2);
  });
});
