import type { Preset } from "@/generated/prisma/client";
import type { CardStateName, Rating } from "@/lib/srs";
import { fitParameters, type FitResult, type OptimizerLog } from "@/lib/srs/optimizer";
import { db } from "./client";
import { toDate } from "./dialect";
import { ensureDefaultPreset, storedDefaultId, defaultIdFor } from "./presets";
import { queryDb } from "./query";
import { readSettings } from "./settings";

// FSRS parameters per preset (Anki fits one set per preset, on the reviews of the preset's decks). A preset's own fit
// is stored on its row; a preset without one uses the learner's set fitted to all their decks (UserSettings.weights),
// else the defaults. The answer path reads the result in its one scheduling statement (lib/db/settings.ts).
//
// "The preset's decks" are the decks that use it now (its DeckPreset rows; the default preset: every deck without
// one), as Anki's preset search does, not the preset recorded on each log (ReviewLog.presetId): a deck moved to a new
// preset brings its whole history to that preset's fit.

type LogRow = { itemId: string; rating: string; reviewedAt: Date | string; previousState: string };

/**
 * The learner's preset (their default one is made if it is not yet), or null when it is not theirs.
 * @example const own = await ownPreset(userId, presetId); // { preset, defaultId } | null
 */
export async function ownPreset(
  userId: string,
  presetId: string,
): Promise<{ preset: Preset; defaultId: string } | null> {
  const defaultId = (await storedDefaultId(userId)) ?? defaultIdFor(userId);
  if (presetId === defaultId) await ensureDefaultPreset(userId);
  const preset = await db.preset.findFirst({ where: { id: presetId, userId } });
  return preset ? { preset, defaultId } : null;
}

/** A ReviewLog row as the optimizer and Evaluate take it. */
const toOptimizerLog = (log: LogRow): OptimizerLog => ({
  itemId: log.itemId,
  rating: log.rating as Rating,
  reviewedAt: toDate(log.reviewedAt),
  stateBefore: log.previousState as CardStateName,
});

/**
 * The learner's whole review log, in no order, as the optimizer and Evaluate take it. Not Prisma: a learner with
 * 2,000 cards has ~13,000 log rows, and Prisma's row mapping alone took ~300 ms of the settings page's load for them.
 * @example const histories = cardHistories(await learnerReviewLogs(userId), timeZone, dayStartHour);
 */
export async function learnerReviewLogs(userId: string): Promise<OptimizerLog[]> {
  const rows = await queryDb()
    .q.selectFrom("ReviewLog")
    .select(["itemId", "rating", "reviewedAt", "previousState"])
    .where("userId", "=", userId)
    .execute();
  return rows.map(toOptimizerLog);
}

/**
 * The learner's review logs joined with the preset their deck uses now (`dp.presetId`; null: no DeckPreset row, so
 * the default preset). Uses ReviewLog(userId, …).
 */
function logsWithDeckPreset(userId: string) {
  return queryDb()
    .q.selectFrom("ReviewLog as r")
    .innerJoin("Item as i", "i.id", "r.itemId")
    .leftJoin("DeckPreset as dp", (join) =>
      join.onRef("dp.userId", "=", "r.userId").onRef("dp.documentId", "=", "i.documentId"),
    )
    .where("r.userId", "=", userId);
}

/**
 * The review log of the decks that use a preset, oldest first, as the optimizer and Evaluate take it. The default
 * preset's id is a parameter, so no deck needs a DeckPreset row to be counted.
 * @example const logs = await presetReviewLogs(userId, presetId, defaultPresetId);
 */
export async function presetReviewLogs(userId: string, presetId: string, defaultId: string): Promise<OptimizerLog[]> {
  const rows = await logsWithDeckPreset(userId)
    .select(["r.itemId", "r.rating", "r.reviewedAt", "r.previousState"])
    .where((eb) => eb(eb.fn.coalesce("dp.presetId", eb.val(defaultId)), "=", presetId))
    .orderBy("r.reviewedAt")
    .execute();
  return rows.map(toOptimizerLog);
}

/**
 * How many reviews the decks of each preset hold: preset id → count (the default preset's under `defaultId`).
 * @example (await reviewCountsByPreset(userId, defaultId)).get(presetId) ?? 0
 */
export async function reviewCountsByPreset(userId: string, defaultId: string): Promise<Map<string, number>> {
  const rows = await logsWithDeckPreset(userId)
    .select((eb) => ["dp.presetId", eb.fn.countAll().as("n")])
    .groupBy("dp.presetId")
    .execute();
  const counts = new Map<string, number>();
  for (const row of rows) {
    const id = row.presetId ?? defaultId;
    counts.set(id, (counts.get(id) ?? 0) + Number(row.n));
  }
  return counts;
}

export type PresetFitResult = FitResult | { ok: false; reason: "not_found"; message: string };

/**
 * Fits FSRS parameters to the reviews of a preset's decks and, when the fit succeeds, schedules those decks with them
 * from now on. Too few reviews (fewer than the optimizer's 400) changes nothing: the preset keeps using the learner's
 * parameters, else the defaults. Someone else's preset is not_found.
 * @example const result = await fitPresetParameters(user.id, presetId, new Date());
 */
export async function fitPresetParameters(userId: string, presetId: string, now: Date): Promise<PresetFitResult> {
  const own = await ownPreset(userId, presetId);
  if (!own) return { ok: false, reason: "not_found", message: "That preset was not found; nothing was changed." };
  const { preset, defaultId } = own;
  const settings = await readSettings(userId);
  const result = await fitParameters(await presetReviewLogs(userId, presetId, defaultId), {
    timeZone: settings.timeZone,
    dayStartHour: settings.dayStartHour,
    numRelearningSteps: preset.relearningSteps.split(/\s+/).filter(Boolean).length,
  });
  if (!result.ok && result.reason === "not_enough_reviews") {
    const learner = await db.userSettings.findUnique({ where: { userId }, select: { weights: true } });
    const fallback = learner?.weights ? "your parameters fitted to all your decks" : "the default parameters";
    return { ...result, message: `${result.message} Until then this preset's decks use ${fallback}.` };
  }
  if (!result.ok) return result;
  await db.preset.updateMany({
    where: { id: presetId, userId },
    data: { weights: JSON.stringify(result.weights), weightsFittedAt: now, weightsReviews: result.reviewCount },
  });
  return result;
}

/**
 * Drops a preset's own parameters: its decks use the learner's parameters again (else the defaults).
 * @example await resetPresetParameters(user.id, presetId); // { ok: true }
 */
export async function resetPresetParameters(
  userId: string,
  presetId: string,
): Promise<{ ok: true } | { ok: false; reason: "not_found" }> {
  const own = await ownPreset(userId, presetId);
  if (!own) return { ok: false, reason: "not_found" };
  await db.preset.updateMany({
    where: { id: presetId, userId },
    data: { weights: null, weightsFittedAt: null, weightsReviews: null },
  });
  return { ok: true };
}
