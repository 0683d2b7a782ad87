/**
 * FSRS parameters per preset (issue 16): fitted on the reviews of the decks that use the preset, else the learner's
 * set fitted to all decks, else the defaults; the answer path schedules each deck with its preset's set; Evaluate per
 * preset; someone else's preset is not found and nothing changes.
 */
import { default_w } from "ts-fsrs";
import { beforeAll, describe, expect, it } from "vitest";
import type { GeneratedItem } from "@/lib/content/types";
import { db } from "@/lib/db/client";
import { publishDocument } from "@/lib/db/content";
import { evaluateLearnerParameters, evaluatePresetParameters } from "@/lib/db/evaluate-parameters";
import { fitPresetParameters, resetPresetParameters } from "@/lib/db/preset-parameters";
import { assignPreset, createPreset, ensureDefaultPreset, listPresets } from "@/lib/db/presets";
import { recordReview } from "@/lib/db/reviews";
import { readScheduling, savePersonalWeights } from "@/lib/db/settings";
import { DEFAULT_SRS_SETTINGS, newCard } from "@/lib/srs";
import { cardHistories } from "@/lib/srs/optimizer";
import { simulateLearner } from "@/lib/srs/test-support/simulate-learner";
import { makeUser } from "@/tests/factories";

const NOW = new Date("2026-04-01T10:00:00Z");

function mcq(slug: string, i: number): GeneratedItem {
  return {
    key: `q${i}`,
    factKey: `${slug}-f${i}`,
    kind: "multiple_choice",
    prompt: `Question ${i}?`,
    answer: `Answer ${i}`,
    accepted: [],
    options: [`Answer ${i}`, `Wrong ${i}a`, `Wrong ${i}b`, `Wrong ${i}c`],
    answerType: "text",
    topic: "dates",
    difficulty: 0.5,
    source: { text: `Answer ${i} is right.`, start: i, end: i + 1 },
  };
}

async function deckOf(slug: string, count: number) {
  const { documentId } = await publishDocument(
    { slug, title: slug, body: "body" },
    Array.from({ length: count }, (_, i) => mcq(slug, i)),
  );
  return documentId;
}

/** Writes a simulated learner's review log for a deck's items (what the optimizer and Evaluate read). */
async function writeHistory(userId: string, deckId: string, itemCount: number, seed: number) {
  const simulation = simulateLearner({
    truthWeights: default_w.map((w, i) => (i < 4 ? w * 1.6 : w)),
    settings: DEFAULT_SRS_SETTINGS,
    itemCount,
    days: 60,
    seed,
    start: NOW,
  });
  const items = await db.item.findMany({ where: { documentId: deckId }, select: { id: true, key: true } });
  const idOf = new Map(items.map((item) => [`item-${item.key.slice(1)}`, item.id]));
  const snapshot = JSON.stringify({
    existed: true,
    card: newCard(NOW),
    suspended: false,
    leech: false,
    buriedUntil: null,
  });
  for (const itemId of new Set(simulation.logs.map((log) => log.itemId))) {
    await db.card.create({ data: { userId, itemId: idOf.get(itemId)!, ...newCard(NOW) } });
  }
  const cards = new Map((await db.card.findMany({ where: { userId } })).map((c) => [c.itemId, c.id]));
  await db.reviewLog.createMany({
    data: simulation.logs.map((log) => ({
      id: crypto.randomUUID(),
      userId,
      itemId: idOf.get(log.itemId)!,
      cardId: cards.get(idOf.get(log.itemId)!)!,
      rating: log.rating,
      stateBefore: snapshot,
      stateAfter: snapshot,
      previousState: log.stateBefore,
      elapsedDays: 0,
      reviewedAt: log.reviewedAt,
    })),
  });
  return simulation.logs.length;
}

describe("FSRS parameters per preset", () => {
  let user: { id: string };
  let languages: string;
  let defaultId: string;
  let bigDeck: string;
  let smallDeck: string;
  let bigLogs: number;
  const learnerWeights = default_w.map((w, i) => (i === 2 ? w * 2 : w));

  beforeAll(async () => {
    user = await makeUser();
    bigDeck = await deckOf("preset-params-big", 300);
    smallDeck = await deckOf("preset-params-small", 20);
    defaultId = await ensureDefaultPreset(user.id);
    const created = await createPreset(user.id, "Languages");
    if (!created.ok) throw new Error("not created");
    languages = created.id;
    await assignPreset(user.id, bigDeck, languages);
    bigLogs = await writeHistory(user.id, bigDeck, 300, 7);
    await writeHistory(user.id, smallDeck, 20, 8);
  }, 60_000);

  it("falls back to the defaults, then to the learner's set, while a preset has none of its own", async () => {
    expect((await readScheduling(user.id, bigDeck)).settings.weights).toBeUndefined();
    await savePersonalWeights(user.id, learnerWeights, 500, NOW);
    expect((await readScheduling(user.id, bigDeck)).settings.weights).toEqual(learnerWeights);
    expect((await readScheduling(user.id, smallDeck)).settings.weights).toEqual(learnerWeights);
    const views = await listPresets(user.id);
    expect(views.find((p) => p.id === languages)!.parameters).toEqual({
      own: null,
      fallback: "learner",
      reviewCount: bigLogs,
    });
    expect(views.find((p) => p.id === defaultId)!.parameters.reviewCount).toBeGreaterThan(0);
  });

  it("fits a preset on its decks' reviews only; its decks are scheduled with them, the others are not", async () => {
    const result = await fitPresetParameters(user.id, languages, NOW);
    expect(result).toMatchObject({ ok: true, reviewCount: bigLogs });
    if (!result.ok) return;
    expect((await readScheduling(user.id, bigDeck)).settings.weights).toEqual(result.weights);
    expect((await readScheduling(user.id, smallDeck)).settings.weights).toEqual(learnerWeights);
    const view = (await listPresets(user.id)).find((p) => p.id === languages)!;
    expect(view.parameters.own).toEqual({ fittedOn: "Apr 1, 2026", reviews: bigLogs });
    // Answering: a new card's first Good gets stability w[2] of the deck's preset's set.
    const [bigItem, smallItem] = await Promise.all([
      db.item.findFirstOrThrow({ where: { documentId: bigDeck, key: "q299" } }),
      db.item.findFirstOrThrow({ where: { documentId: smallDeck, key: "q19" } }),
    ]);
    const answer = (itemId: string) =>
      recordReview({
        userId: user.id,
        reviewId: crypto.randomUUID(),
        itemId,
        version: 0,
        response: null,
        rating: "good",
        responseMs: 3000,
        now: NOW,
      });
    const [big, small] = [await answer(bigItem.id), await answer(smallItem.id)];
    expect(big.ok && big.card.stability).toBeCloseTo(result.weights[2]!, 6);
    expect(small.ok && small.card.stability).toBeCloseTo(learnerWeights[2]!, 6);
  }, 60_000);

  it("refuses to fit a preset whose decks have too few reviews, and changes nothing", async () => {
    const empty = await createPreset(user.id, "Empty");
    if (!empty.ok) throw new Error("not created");
    const before = await db.preset.findMany({ orderBy: { id: "asc" } });
    expect(await fitPresetParameters(user.id, empty.id, NOW)).toMatchObject({
      ok: false,
      reason: "not_enough_reviews",
    });
    expect(await db.preset.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  it("evaluates a preset on its decks' reviews: the defaults against the set in use", async () => {
    const evaluation = await evaluatePresetParameters(user.id, languages);
    const logs = await db.reviewLog.findMany({ where: { userId: user.id, item: { documentId: bigDeck } } });
    const histories = cardHistories(
      logs.map((l) => ({
        itemId: l.itemId,
        rating: l.rating as "good",
        reviewedAt: l.reviewedAt,
        stateBefore: l.previousState as "review",
      })),
      "UTC",
      4,
    );
    const predicted = histories.reduce((n, h) => n + h.filter((r) => r.deltaT >= 1).length, 0);
    expect(evaluation?.source).toBe("preset");
    expect(evaluation?.defaults?.reviews).toBeGreaterThan(0);
    expect(evaluation?.defaults?.reviews).toBeLessThanOrEqual(predicted);
    expect(evaluation?.inUse?.reviews).toBe(evaluation?.defaults?.reviews);
    // Fitted on these reviews: at least as good as the defaults in log loss.
    expect(evaluation!.inUse!.logLoss).toBeLessThanOrEqual(evaluation!.defaults!.logLoss);
    expect((await evaluatePresetParameters(user.id, defaultId))?.source).toBe("learner");
  });

  it("goes back to the learner's set; someone else's preset is not found and nothing changes", async () => {
    const other = await makeUser();
    const before = await db.preset.findMany({ orderBy: { id: "asc" } });
    expect(await fitPresetParameters(other.id, languages, NOW)).toMatchObject({ ok: false, reason: "not_found" });
    expect(await resetPresetParameters(other.id, languages)).toEqual({ ok: false, reason: "not_found" });
    expect(await evaluatePresetParameters(other.id, languages)).toBeNull();
    expect(await db.preset.findMany({ where: { userId: user.id }, orderBy: { id: "asc" } })).toEqual(
      before.filter((p) => p.userId === user.id),
    );
    expect(await resetPresetParameters(user.id, languages)).toEqual({ ok: true });
    expect((await readScheduling(user.id, bigDeck)).settings.weights).toEqual(learnerWeights);
  });

  it("leave the learner's own Evaluate alone: a fitted default preset is not their personal set", async () => {
    const learner = await makeUser();
    const deckId = await deckOf(`preset-params-own-${crypto.randomUUID()}`, 20);
    await writeHistory(learner.id, deckId, 20, 9);
    const id = await ensureDefaultPreset(learner.id);
    await db.preset.update({ where: { id }, data: { weights: JSON.stringify(learnerWeights) } });
    expect((await readScheduling(learner.id, deckId)).settings.weights).toEqual(learnerWeights);
    const evaluation = await evaluateLearnerParameters(learner.id);
    expect(evaluation.defaults).not.toBeNull();
    expect(evaluation.personal).toBeNull();
  });
});
