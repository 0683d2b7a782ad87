import type { Preset } from "@/generated/prisma/client";
import type { CardStateName, Rating } from "@/lib/srs";
import { fitParameters, type FitResult, type OptimizerLog } from "@/lib/srs/optimizer";
import { db } from "./client";
import { ensureDefaultPreset, storedDefaultId, defaultIdFor } from "./presets";
import { readSettings } from "./settings";
import { query } from "./sqlite";

// FSRS parameters per preset (Anki fits one set per preset, on the reviews of the preset's decks). A preset's own fit
// is stored on its row; a preset without one uses the learner's set fitted to all their decks (UserSettings.weights),
// else the defaults. The answer path reads the result in its one scheduling statement (lib/db/settings.ts).
//
// "The preset's decks" are the decks that use it now (its DeckPreset rows; the default preset: every deck without
// one), as Anki's preset search does, not the preset recorded on each log (ReviewLog.presetId): a deck moved to a new
// preset brings its whole history to that preset's fit.

// Plain SQL, valid in PostgreSQL: the default preset's id is a parameter, so no deck needs a row to be counted.
const PRESET_LOGS_SQL = `SELECT r."itemId", r."rating", r."reviewedAt", r."previousState"
  FROM "ReviewLog" r
  JOIN "Item" i ON i."id" = r."itemId"
  LEFT JOIN "DeckPreset" dp ON dp."userId" = r."userId" AND dp."documentId" = i."documentId"
  WHERE r."userId" = ? AND COALESCE(dp."presetId", ?) = ?
  ORDER BY r."reviewedAt"`;

const PRESET_COUNTS_SQL = `SELECT dp."presetId" AS "presetId", COUNT(*) AS "n"
  FROM "ReviewLog" r
  JOIN "Item" i ON i."id" = r."itemId"
  LEFT JOIN "DeckPreset" dp ON dp."userId" = r."userId" AND dp."documentId" = i."documentId"
  WHERE r."userId" = ?
  GROUP BY dp."presetId"`;

type LogRow = { itemId: string; rating: string; reviewedAt: string | number; previousState: string };

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

/**
 * The review log of the decks that use a preset, oldest first, as the optimizer and Evaluate take it.
 * @example const logs = presetReviewLogs(userId, presetId, defaultPresetId);
 */
export function presetReviewLogs(userId: string, presetId: string, defaultId: string): OptimizerLog[] {
  return query<LogRow>(PRESET_LOGS_SQL)
    .all(userId, defaultId, presetId)
    .map((log) => ({
      itemId: log.itemId,
      rating: log.rating as Rating,
      reviewedAt: new Date(log.reviewedAt),
      stateBefore: log.previousState as CardStateName,
    }));
}

/**
 * How many reviews the decks of each preset hold: preset id → count (the default preset's under `defaultId`).
 * @example reviewCountsByPreset(userId, defaultId).get(presetId) ?? 0
 */
export function reviewCountsByPreset(userId: string, defaultId: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of query<{ presetId: string | null; n: number }>(PRESET_COUNTS_SQL).all(userId)) {
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
  const result = await fitParameters(presetReviewLogs(userId, presetId, defaultId), {
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
