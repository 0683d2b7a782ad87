import { describe, expect, it, beforeAll, vi } from "vitest";
import { applyCatchUp, previewCatchUp } from "@/lib/db/catch-up";
import { db } from "@/lib/db/client";
import { addStudyDeck } from "@/lib/db/deck-lifecycle";
import { publishDocument } from "@/lib/db/content";
import { evaluateLearnerParameters } from "@/lib/db/evaluate-parameters";
import { savePersonalWeights } from "@/lib/db/settings";
import { dueCountsBetween, loadWorkloadData, readDueCounts } from "@/lib/db/workload";
import { readSettings } from "@/lib/db/settings";
import { simulateWorkload } from "@/lib/srs/workload";
import { studyDayKey } from "@/lib/srs";
import type { GeneratedItem } from "@/lib/content/types";
import { makeUser } from "@/tests/factories";
import { cookieStoreFor } from "@/tests/session-cookie";
import { insertLearnerHistory } from "@/tests/learner-history";

let session: { user: { id: string } } | null = null;
// The session arrives as a real session cookie (a Session row and a JWT naming it).
vi.mock("next/headers", async (original) => ({
  ...(await original<object>()),
  cookies: () => cookieStoreFor(session?.user.id),
}));
vi.mock("next/server", async (original) => ({ ...(await original<object>()), connection: async () => {} }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const NOW = new Date("2026-03-02T12:00:00Z");

function item(i: number): GeneratedItem {
  return {
    key: `k${i}`,
    factKey: `f${i}`,
    kind: "typed",
    prompt: `Code ${i}?`,
    answer: `W${i}`,
    accepted: [],
    options: null,
    answerType: "text",
    topic: "figures",
    difficulty: 0.5,
    source: { text: `Code ${i} is W${i}.`, start: 0, end: 10 },
  };
}

let learner: { id: string };
let other: { id: string };
let cardsWritten = 0;

// A 400-item deck and ~3,000 history rows through Prisma: seconds on a loaded machine.
beforeAll(async () => {
  const { documentId } = await publishDocument(
    { slug: "workload-deck", title: "Workload deck", body: "Codes." },
    Array.from({ length: 400 }, (_, i) => item(i)),
  );
  learner = await makeUser();
  // Unseen items count only in decks the learner studies ("Study now" takes new items from those, issue 14).
  await addStudyDeck(learner.id, documentId);
  other = await makeUser();
  // 40 days of 8 new items a day, then 14 days away: reviews pile up.
  cardsWritten = (
    await insertLearnerHistory(db, {
      userId: learner.id,
      days: 40,
      breakDays: 14,
      newPerDay: 8,
      seed: 3,
      now: NOW,
    })
  ).cards;
  await insertLearnerHistory(db, { userId: other.id, days: 20, breakDays: 0, newPerDay: 5, seed: 4, now: NOW });
}, 60_000);

async function cardsOf(userId: string) {
  return db.card.findMany({ where: { userId }, orderBy: { id: "asc" } });
}

describe("workload data", () => {
  it("reads the learner's own cards, unseen items, time per answer and rating shares", async () => {
    const data = await loadWorkloadData(learner.id, NOW);
    expect(data.input.cards).toHaveLength(cardsWritten);
    expect(data.input.unseenItems).toBe(400 - cardsWritten);
    // The history's answers take 2–12 s.
    expect(data.input.secondsPerAnswer).toBeGreaterThan(2);
    expect(data.input.secondsPerAnswer).toBeLessThan(12);
    expect(data.ownTiming).toBe(true);
    expect(data.ownShares).toBe(true);
    const result = simulateWorkload(data.input);
    expect(result.points).toHaveLength(28);
    expect(result.recommended).not.toBeNull();
  });

  it("counts due reviews per study day, overdue ones on today", async () => {
    const settings = await readSettings(learner.id);
    const counts = await readDueCounts(learner.id, NOW, settings, 30);
    const overdue = await db.card.count({ where: { userId: learner.id, state: "review", due: { lt: NOW } } });
    expect(counts.get(studyDayKey(NOW, "UTC", 4))).toBeGreaterThanOrEqual(overdue);
    expect([...counts.values()].reduce((s, n) => s + n, 0)).toBeLessThanOrEqual(cardsWritten);
    // The answer path's synchronous reader gives the same counts for the days it is asked about.
    const from = new Date("2026-03-05T04:00:00Z");
    const until = new Date("2026-03-12T04:00:00Z");
    const window = await dueCountsBetween(learner.id, from, until, settings);
    expect(window.size).toBeGreaterThan(0);
    for (const [key, n] of window) expect(n).toBe(counts.get(key));
  });
});

describe("catch-up", () => {
  it("previews without changing anything, then postpones the chosen number in one transaction", async () => {
    const before = await cardsOf(learner.id);
    const { overview, plan } = await previewCatchUp(learner.id, { kind: "postpone", count: 10 }, NOW);
    expect(overview.overdue).toBeGreaterThan(10);
    expect(plan!.changes).toHaveLength(10);
    expect(await cardsOf(learner.id)).toEqual(before);

    const otherBefore = await cardsOf(other.id);
    const { changed, plan: applied } = await applyCatchUp(learner.id, { kind: "postpone", count: 10 }, NOW);
    expect(changed).toBe(10);
    expect(applied.changes.map((c) => c.id)).toEqual(plan!.changes.map((c) => c.id));
    const after = new Map((await cardsOf(learner.id)).map((c) => [c.id, c]));
    for (const change of applied.changes) {
      const card = after.get(change.id)!;
      expect(card.due).toEqual(change.due);
      expect(card.due.getTime()).toBeGreaterThan(NOW.getTime());
      expect(card.scheduledDays).toBe(change.scheduledDays);
      expect(card.version).toBe(before.find((c) => c.id === change.id)!.version + 1);
    }
    // Only those ten changed; nothing of the other learner's; no review log written.
    const untouched = before.filter((c) => !applied.changes.some((ch) => ch.id === c.id));
    for (const card of untouched) expect(after.get(card.id)).toEqual(card);
    expect(await cardsOf(other.id)).toEqual(otherBefore);
    const next = await previewCatchUp(learner.id, null, NOW);
    expect(next.overview.dueToday).toBe(overview.dueToday - 10);
  });

  it("advances reviews due in the next week to now", async () => {
    const { overview } = await previewCatchUp(learner.id, null, NOW);
    const { changed, plan } = await applyCatchUp(learner.id, { kind: "advance", count: 3 }, NOW);
    expect(changed).toBe(Math.min(3, overview.dueSoon));
    for (const change of plan.changes) {
      expect((await db.card.findUniqueOrThrow({ where: { id: change.id } })).due).toEqual(NOW);
    }
  });
});

describe("parameter evaluation", () => {
  it("scores the defaults on the learner's history, and personal parameters once they exist", async () => {
    const first = await evaluateLearnerParameters(learner.id);
    expect(first.personal).toBeNull();
    expect(first.defaults!.reviews).toBeGreaterThan(100);
    // The history follows the default model, so its log loss is that of well-calibrated predictions.
    expect(first.defaults!.logLoss).toBeGreaterThan(0.05);
    expect(first.defaults!.logLoss).toBeLessThan(0.6);
    expect(first.defaults!.rmseBins).toBeLessThan(0.15);
    const worse = [...Array(21).keys()].map((i) => (i === 2 ? 30 : i === 0 ? 0.01 : i === 20 ? 0.5 : 1));
    await savePersonalWeights(learner.id, worse, 10, NOW);
    const second = await evaluateLearnerParameters(learner.id);
    expect(second.personal!.reviews).toBe(first.defaults!.reviews);
    expect(second.personal!.logLoss).not.toBe(second.defaults!.logLoss);
  });
});

describe("catchUpAction", () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.set(k, v);
    return data;
  };

  it("refuses a bad choice with a message and changes nothing; postpones only the caller's own reviews", async () => {
    const { catchUpAction } = await import("@/app/(app)/progress/catch-up/actions");
    session = { user: { id: learner.id } };
    const before = await cardsOf(learner.id);
    for (const bad of [
      { kind: "delete", count: "5" },
      { kind: "postpone", count: "0" },
      { kind: "postpone", count: "2.5" },
    ]) {
      const result = await catchUpAction(null, form(bad));
      expect(result).toMatchObject({ ok: false, message: expect.stringContaining("Nothing was changed.") });
    }
    expect(await cardsOf(learner.id)).toEqual(before);

    const otherBefore = await cardsOf(other.id);
    const result = await catchUpAction(null, form({ kind: "postpone", count: "4" }));
    expect(result).toEqual({ ok: true, message: "Postponed 4 reviews." });
    expect(await cardsOf(other.id)).toEqual(otherBefore);
    const changed = (await cardsOf(learner.id)).filter((c, i) => c.version !== before[i]!.version);
    expect(changed).toHaveLength(4);
  });
});
