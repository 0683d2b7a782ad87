import { default_w } from "ts-fsrs";
import type { CardStateName, Rating } from "@/lib/srs";
import { evaluateParameters, type Evaluation } from "@/lib/srs/evaluate";
import { cardHistories } from "@/lib/srs/optimizer";
import { db } from "./client";
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
  const settings = readSettings(userId);
  const logs = await db.reviewLog.findMany({
    where: { userId },
    select: { itemId: true, rating: true, reviewedAt: true, previousState: true },
  });
  const histories = cardHistories(
    logs.map((log) => ({
      itemId: log.itemId,
      rating: log.rating as Rating,
      reviewedAt: log.reviewedAt,
      stateBefore: log.previousState as CardStateName,
    })),
    settings.timeZone,
    settings.dayStartHour,
  );
  return {
    defaults: evaluateParameters(histories, default_w),
    personal: settings.weights ? evaluateParameters(histories, settings.weights) : null,
  };
}
