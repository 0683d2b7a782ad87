import { default_w } from "ts-fsrs";
import { evaluateParameters, type Evaluation } from "@/lib/srs/evaluate";
import { cardHistories } from "@/lib/srs/optimizer";
import { db } from "./client";
import { learnerReviewLogs, ownPreset, presetReviewLogs } from "./preset-parameters";
import { readSettings } from "./settings";

export type ParameterEvaluation = {
  defaults: Evaluation | null;
  /** Null when the learner uses the default parameters. */
  personal: Evaluation | null;
};

/**
 * Log loss and RMSE(bins) of the default and (if fitted) the learner's personal parameters on their own review
 * history (in-sample, as Anki's "Evaluate" does: the personal parameters were fitted on the same reviews).
 *
 * @example
 * const { defaults, personal } = await evaluateLearnerParameters(user.id);
 */
export async function evaluateLearnerParameters(userId: string): Promise<ParameterEvaluation> {
  const settings = await readSettings(userId);
  // The learner's own set (UserSettings.weights), not readSettings' weights: those are the default preset's, which
  // may be that preset's own fit.
  const own = await db.userSettings.findUnique({ where: { userId }, select: { weights: true } });
  const weights = own?.weights ? (JSON.parse(own.weights) as number[]) : null;
  const histories = cardHistories(await learnerReviewLogs(userId), settings.timeZone, settings.dayStartHour);
  return {
    defaults: evaluateParameters(histories, default_w),
    personal: weights ? evaluateParameters(histories, weights) : null,
  };
}

export type PresetEvaluation = {
  defaults: Evaluation | null;
  /** The parameters the preset's decks are scheduled with; null when those are the defaults. */
  inUse: Evaluation | null;
  /** Where those parameters come from: the preset's own fit, the learner's fit to all decks, or the defaults. */
  source: "preset" | "learner" | "defaults";
};

/**
 * Evaluate for one preset: log loss and RMSE(bins) of the defaults and of the parameters its decks use, on the
 * reviews of its decks. Null when the preset is not the learner's.
 * @example const evaluation = await evaluatePresetParameters(user.id, presetId);
 */
export async function evaluatePresetParameters(userId: string, presetId: string): Promise<PresetEvaluation | null> {
  const own = await ownPreset(userId, presetId);
  if (!own) return null;
  const settings = await readSettings(userId);
  const learner = await db.userSettings.findUnique({ where: { userId }, select: { weights: true } });
  const stored = own.preset.weights ?? learner?.weights ?? null;
  const weights = stored ? (JSON.parse(stored) as number[]) : null;
  const histories = cardHistories(
    await presetReviewLogs(userId, presetId, own.defaultId),
    settings.timeZone,
    settings.dayStartHour,
  );
  return {
    defaults: evaluateParameters(histories, default_w),
    inUse: weights ? evaluateParameters(histories, weights) : null,
    source: own.preset.weights ? "preset" : learner?.weights ? "learner" : "defaults",
  };
}
