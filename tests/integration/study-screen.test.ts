/**
 * The study screen's data (issue 15): choices shuffled per showing, learning repeats spaced with other cards, the
 * suggested rating from a median per kind, bury/suspend undone and unburied, due counts per deck.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { GeneratedItem } from "@/lib/content/types";
import { db } from "@/lib/db/client";
import { publishDocument } from "@/lib/db/content";
import { answerItem, recordReview, setAside, unburyCards, undoSetAside } from "@/lib/db/reviews";
import { dueCountsByDeck, nextStep, toStudyCard } from "@/lib/db/study";
import { makeUser } from "@/tests/factories";

const T0 = new Date("2026-03-02T09:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

function item(key: string, kind: "typed" | "multiple_choice", position: number): GeneratedItem {
  return {
    key,
    factKey: `fact-${key}`,
    kind,
    prompt: `What is ${key}?`,
    answer: `${key}-right`,
    accepted: [],
    options: kind === "multiple_choice" ? [`${key}-right`, `${key}-b`, `${key}-c`, `${key}-d`, `${key}-e`] : null,
    answerType: "text",
    topic: "history",
    difficulty: 0.4,
    source: { text: `${key} is right.`, start: position * 20, end: position * 20 + 15 },
  };
}

let mcDeck = "";
let mcIds: string[] = [];
let typedDeck = "";
let typedIds: string[] = [];

beforeAll(async () => {
  const mc = await publishDocument(
    { slug: "study-screen-mc", title: "Choices", body: "x".repeat(400) },
    Array.from({ length: 12 }, (_, i) => item(`mc${i}`, "multiple_choice", i)),
  );
  mcDeck = mc.documentId;
  mcIds = (await db.item.findMany({ where: { documentId: mcDeck }, orderBy: { position: "asc" } })).map((i) => i.id);
  const typed = await publishDocument(
    { slug: "study-screen-typed", title: "Typed", body: "x".repeat(400) },
    Array.from({ length: 4 }, (_, i) => item(`t${i}`, "typed", i)),
  );
  typedDeck = typed.documentId;
  typedIds = (await db.item.findMany({ where: { documentId: typedDeck }, orderBy: { position: "asc" } })).map(
    (i) => i.id,
  );
});

const answer = (userId: string, itemId: string, version: number, rating: "again" | "good", now: Date) =>
  recordReview({
    userId,
    reviewId: crypto.randomUUID(),
    itemId,
    version,
    response: null,
    rating,
    responseMs: 2000,
    now,
  });

describe("multiple-choice order", () => {
  it("is the same on a reload, differs across showings and learners, and keeps the same options", async () => {
    const learner = await makeUser();
    const other = await makeUser();
    const first = await nextStep({ userId: learner.id, deckId: mcDeck }, T0);
    const reload = await nextStep({ userId: learner.id, deckId: mcDeck }, T0);
    expect(reload.card?.options).toEqual(first.card?.options);
    expect([...first.card!.options!].sort()).toEqual([...item("mc0", "multiple_choice", 0).options!].sort());

    // The order each of the 12 items shows for a learner at a card version (as nextStep shows it).
    const rows = await db.item.findMany({ where: { documentId: mcDeck }, include: { document: true } });
    const orders = (userId: string, version: number) =>
      rows.map((row) => toStudyCard(row, version, "review", `${userId}:${version}`).options!.join("|"));
    const learnerNow = orders(learner.id, 0);
    // Generated with the right answer first: shuffled, it is not first everywhere.
    expect(learnerNow.filter((order) => order.split("|")[0]!.endsWith("-right")).length).toBeLessThan(12);
    // Another learner, or the next showing (an answer bumps the version), sees other orders.
    expect(orders(other.id, 0).filter((order, i) => order !== learnerNow[i]).length).toBeGreaterThan(6);
    expect(orders(learner.id, 1).filter((order, i) => order !== learnerNow[i]).length).toBeGreaterThan(6);
    expect(orders(learner.id, 0)).toEqual(learnerNow);

    // And nextStep really shows the next showing's order after an answer.
    await answer(learner.id, first.card!.itemId, 0, "again", T0);
    const row = rows.find((r) => r.id === first.card!.itemId)!;
    const later = await nextStep({ userId: learner.id, deckId: mcDeck }, minutes(5));
    const shownAgain = later.card?.itemId === row.id ? later.card : null;
    if (shownAgain) expect(shownAgain.options).toEqual(toStudyCard(row, 1, "review", `${learner.id}:1`).options);
  });

  it("grades the option picked, wherever it was shown", async () => {
    const learner = await makeUser();
    const step = await nextStep({ userId: learner.id, deckId: mcDeck }, T0);
    const right = step.card!.options!.find((o) => o.endsWith("-right"))!;
    const reply = await answerItem({
      userId: learner.id,
      reviewId: crypto.randomUUID(),
      itemId: step.card!.itemId,
      version: 0,
      response: right,
      responseMs: 2000,
      now: T0,
    });
    expect(reply).toMatchObject({ ok: true, feedback: { correct: true } });
  });
});

describe("learning repeats", () => {
  it("never bring the card just failed straight back while another card waits", async () => {
    const learner = await makeUser();
    await db.userSettings.upsert({
      where: { userId: learner.id },
      create: { userId: learner.id, newPerDay: 2 },
      update: { newPerDay: 2 },
    });
    // Both new items introduced; then only learning cards are left. "a" is failed every time it is shown.
    const shown: string[] = [];
    const waiting: number[] = [];
    let now = T0;
    const versions = new Map<string, number>();
    for (let i = 0; i < 8; i += 1) {
      const step = await nextStep({ userId: learner.id, deckId: typedDeck }, now);
      const card = step.card!;
      shown.push(card.itemId);
      waiting.push(step.counts.learning + step.counts.review + step.counts.new);
      const failed = card.itemId === typedIds[0];
      expect(
        await answer(learner.id, card.itemId, versions.get(card.itemId) ?? 0, failed ? "again" : "good", now),
      ).toMatchObject({ ok: true });
      versions.set(card.itemId, (versions.get(card.itemId) ?? 0) + 1);
      now = new Date(now.getTime() + 2 * 60_000);
    }
    // Whenever another card was there to show, the one just answered did not come next (the learner's newPerDay of
    // 2 keeps the deck's other new items out; the good card graduates after its steps and then "a" is alone).
    const repeats = shown.filter((id, i) => i > 0 && id === shown[i - 1] && waiting[i]! > 1);
    expect(repeats, `${shown.join(" ")} / ${waiting.join(" ")}`).toEqual([]);
    expect(waiting.filter((n) => n > 1).length).toBeGreaterThan(2);
  });
});

describe("suggested rating", () => {
  it("compares a typed answer's speed with typed answers, not with quick choices", async () => {
    const learner = await makeUser();
    // 12 quick choices (2 s) and 4 typed answers (6 s), all right.
    for (const [i, itemId] of mcIds.entries()) {
      await recordReview({
        userId: learner.id,
        reviewId: crypto.randomUUID(),
        itemId,
        version: 0,
        response: `mc${i}-right`,
        rating: "good",
        responseMs: 2000,
        now: minutes(i),
      });
    }
    for (const itemId of typedIds.slice(1)) {
      await recordReview({
        userId: learner.id,
        reviewId: crypto.randomUUID(),
        itemId,
        version: 0,
        response: "typed",
        rating: "good",
        responseMs: 6000,
        now: minutes(20),
      });
    }
    await db.reviewLog.updateMany({ where: { userId: learner.id }, data: { correct: true } });
    // A typed answer in 6.5 s is usual for typing: Good (over one median of 2 s for all kinds it was Hard).
    const reply = await answerItem({
      userId: learner.id,
      reviewId: crypto.randomUUID(),
      itemId: typedIds[0]!,
      version: 0,
      response: "t0-right",
      responseMs: 6500,
      now: minutes(30),
    });
    expect(reply).toMatchObject({ ok: true, feedback: { correct: true, suggested: "good" } });
  });
});

describe("bury, suspend, unbury and due counts", () => {
  it("undoes a bury or a suspend, unburies a deck, and counts what is due per deck", async () => {
    const learner = await makeUser();
    const [a, b, c] = mcIds;
    await setAside({ userId: learner.id, itemId: a!, how: "bury", now: T0 });
    expect((await nextStep({ userId: learner.id, deckId: mcDeck }, T0)).card?.itemId).not.toBe(a);
    expect(await undoSetAside({ userId: learner.id, itemId: a!, how: "bury" })).toEqual({ ok: true });
    expect((await nextStep({ userId: learner.id, deckId: mcDeck }, T0)).card?.itemId).toBe(a);
    // Nothing buried any more: a second undo changes nothing and says so.
    expect(await undoSetAside({ userId: learner.id, itemId: a!, how: "bury" })).toEqual({
      ok: false,
      reason: "not_found",
    });

    await setAside({ userId: learner.id, itemId: b!, how: "suspend", now: T0 });
    expect(await undoSetAside({ userId: learner.id, itemId: b!, how: "suspend" })).toEqual({ ok: true });
    expect(await db.card.findFirst({ where: { userId: learner.id, itemId: b } })).toMatchObject({ suspended: false });

    await setAside({ userId: learner.id, itemId: a!, how: "bury", now: T0 });
    await setAside({ userId: learner.id, itemId: c!, how: "bury", now: T0 });
    await setAside({ userId: learner.id, itemId: typedIds[0]!, how: "bury", now: T0 });
    expect((await nextStep({ userId: learner.id, deckId: mcDeck }, T0)).buried).toBe(2);
    expect((await nextStep({ userId: learner.id }, T0)).buried).toBe(3);
    // Per deck: the other deck's buried card stays buried.
    expect(await unburyCards({ userId: learner.id, deckId: mcDeck, now: T0 })).toBe(2);
    expect((await nextStep({ userId: learner.id }, T0)).buried).toBe(1);
    expect(await unburyCards({ userId: learner.id, now: T0 })).toBe(1);

    // Due counts: two answered cards in the choices deck come back today, one typed card tomorrow or later.
    const other = await makeUser();
    await answer(other.id, mcIds[3]!, 0, "again", T0);
    await answer(other.id, mcIds[4]!, 0, "again", T0);
    await answer(other.id, typedIds[1]!, 0, "good", T0);
    await recordReview({
      userId: other.id,
      reviewId: crypto.randomUUID(),
      itemId: typedIds[1]!,
      version: 1,
      response: null,
      rating: "good",
      responseMs: 1000,
      now: minutes(15),
    });
    const due = await dueCountsByDeck(other.id, minutes(20));
    expect(due.get(mcDeck)).toBe(2);
    expect(due.has(typedDeck)).toBe(false);
    // Someone else's cards are not counted.
    expect((await dueCountsByDeck(learner.id, minutes(20))).get(mcDeck)).toBeUndefined();
  });

  it("counts today's answers for the progress bar", async () => {
    const learner = await makeUser();
    await answer(learner.id, typedIds[2]!, 0, "good", T0);
    await answer(learner.id, typedIds[3]!, 0, "good", T0);
    expect((await nextStep({ userId: learner.id }, minutes(1))).doneToday).toBe(2);
  });
});
