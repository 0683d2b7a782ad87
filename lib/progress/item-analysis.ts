/**
 * Classical item analysis of quiz answers (what Moodle's quiz statistics compute):
 * - facility p = share of answers that were correct (a good item sits between 0.3 and 0.7);
 * - discrimination = corrected point-biserial correlation between getting this item right (0/1) and the attempt's
 *   score on the *other* items: r = (M₁ − M₀) / s · √(p·q), where M₁, M₀ are the mean rest-scores of attempts that
 *   got the item right and wrong, s their population standard deviation, q = 1 − p (≥ 0.25 is good; it is
 *   undefined when everyone or no one got the item right, or all rest-scores are equal);
 * - for choice items, how often each wrong option was chosen: under 5 % makes it non-functional.
 */

export const NON_FUNCTIONAL_SHARE = 0.05;
export const GOOD_DISCRIMINATION = 0.25;

export type AnswerRow = { attemptId: string; itemId: string; correct: boolean; response: string };
export type ItemInfo = { id: string; answer: string; options: string[] | null };
export type DistractorStat = { option: string; count: number; share: number; nonFunctional: boolean };
export type ItemStat = {
  itemId: string;
  answers: number;
  facility: number;
  discrimination: number | null;
  distractors: DistractorStat[];
};

/**
 * Corrected point-biserial correlation of a 0/1 variable with a score.
 * @example pointBiserial([1, 1, 1, 0, 0], [4, 3, 3, 1, 2]) // ≈ 0.8807
 */
export function pointBiserial(correct: readonly number[], scores: readonly number[]): number | null {
  const n = correct.length;
  if (n < 2 || scores.length !== n) return null;
  const right = scores.filter((_, i) => correct[i] === 1);
  const wrong = scores.filter((_, i) => correct[i] !== 1);
  if (right.length === 0 || wrong.length === 0) return null;
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const m = mean(scores);
  const s = Math.sqrt(scores.reduce((sum, x) => sum + (x - m) ** 2, 0) / n);
  if (s === 0) return null;
  const p = right.length / n;
  return ((mean(right) - mean(wrong)) / s) * Math.sqrt(p * (1 - p));
}

/** Facility, discrimination and distractor use of each item answered in `answers`. */
export function analyseItems(answers: readonly AnswerRow[], items: readonly ItemInfo[]): ItemStat[] {
  const attemptScore = new Map<string, number>();
  for (const a of answers) attemptScore.set(a.attemptId, (attemptScore.get(a.attemptId) ?? 0) + (a.correct ? 1 : 0));
  const byItem = new Map<string, AnswerRow[]>();
  for (const a of answers) byItem.set(a.itemId, [...(byItem.get(a.itemId) ?? []), a]);
  const stats: ItemStat[] = [];
  for (const item of items) {
    const rows = byItem.get(item.id);
    if (!rows?.length) continue;
    const correct = rows.map((r) => (r.correct ? 1 : 0));
    const rest = rows.map((r) => attemptScore.get(r.attemptId)! - (r.correct ? 1 : 0));
    const distractors = (item.options ?? [])
      .filter((option) => option !== item.answer)
      .map((option) => {
        const count = rows.filter((r) => r.response === option).length;
        const share = count / rows.length;
        return { option, count, share, nonFunctional: share < NON_FUNCTIONAL_SHARE };
      });
    stats.push({
      itemId: item.id,
      answers: rows.length,
      facility: correct.reduce<number>((a, b) => a + b, 0) / rows.length,
      discrimination: pointBiserial(correct, rest),
      distractors,
    });
  }
  return stats;
}
