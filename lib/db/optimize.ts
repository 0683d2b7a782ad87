import { fitParameters, MIN_REVIEWS_FOR_OPTIMIZER, type FitResult } from "@/lib/srs/optimizer";
import type { CardStateName, Rating } from "@/lib/srs";
import { db } from "./client";
import { readSettings, savePersonalWeights } from "./settings";

export { MIN_REVIEWS_FOR_OPTIMIZER };

/** How many of the learner's answers changed their schedule (what the optimizer learns from). */
export function countReviews(userId: string): Promise<number> {
  return db.reviewLog.count({ where: { userId } });
}

/**
 * Fits the learner's own FSRS parameters from their review log and, when the fit succeeds, uses them from now on.
 * @example const result = await fitPersonalParameters(user.id, new Date())
 */
export async function fitPersonalParameters(userId: string, now: Date): Promise<FitResult> {
  const settings = await readSettings(userId);
  const logs = await db.reviewLog.findMany({
    where: { userId },
    select: { itemId: true, rating: true, reviewedAt: true, previousState: true },
    orderBy: { reviewedAt: "asc" },
  });
  const result = await fitParameters(
    logs.map((log) => ({
      itemId: log.itemId,
      rating: log.rating as Rating,
      reviewedAt: log.reviewedAt,
      stateBefore: log.previousState as CardStateName,
    })),
    {
      timeZone: settings.timeZone,
      dayStartHour: settings.dayStartHour,
      numRelearningSteps: settings.relearningSteps.length,
    },
  );
  if (result.ok) await savePersonalWeights(userId, result.weights, result.reviewCount, now);
  return result;
}

/** Goes back to the default FSRS parameters. */
export function resetPersonalParameters(userId: string, now: Date) {
  return savePersonalWeights(userId, null, null, now);
}
