/**
 * A study assignment's progress (docs/decisions/019): each item earns up to three points, one per step —
 * introduced (answered at least once), answered correctly at least once, and learned (answered correctly until
 * Factdeck schedules it at least a day ahead, i.e. it left the learning steps). The bar is points ÷ (3 × items), so
 * it moves with every item studied, not only when an item is learned; the assignment is complete when every item
 * is learned. A lapse takes the "learned" point back until the item is relearned.
 */

export type ItemStage = { introduced: boolean; correct: boolean; learned: boolean };

export type StudyProgress = {
  /** Items learned (the completion count). */
  done: number;
  total: number;
  introduced: number;
  correct: number;
  points: number;
  maxPoints: number;
  complete: boolean;
};

/** Points per item: introduced, correct, learned. */
export const POINTS_PER_ITEM = 3;

/**
 * @example
 * studyProgress([{ introduced: true, correct: true, learned: false }, { introduced: false, correct: false, learned: false }])
 * // { done: 0, total: 2, introduced: 1, correct: 1, points: 2, maxPoints: 6, complete: false }
 */
export function studyProgress(stages: readonly (ItemStage | undefined)[]): StudyProgress {
  let introduced = 0;
  let correct = 0;
  let learned = 0;
  for (const stage of stages) {
    if (!stage) continue;
    // Each step implies the ones before it (a learned item was answered correctly, so it was introduced).
    if (stage.introduced || stage.correct || stage.learned) introduced += 1;
    if (stage.correct || stage.learned) correct += 1;
    if (stage.learned) learned += 1;
  }
  const total = stages.length;
  return {
    done: learned,
    total,
    introduced,
    correct,
    points: introduced + correct + learned,
    maxPoints: POINTS_PER_ITEM * total,
    complete: total > 0 && learned === total,
  };
}

/** The bar's fill, 0–1. @example progressFraction({ points: 16, maxPoints: 48 }) // 0.333… */
export const progressFraction = (p: Pick<StudyProgress, "points" | "maxPoints">) =>
  p.maxPoints === 0 ? 0 : p.points / p.maxPoints;
