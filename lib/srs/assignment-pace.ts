import type { QueueNewItem } from "./queue";

/**
 * New-item pacing for study assignments (docs/decisions/019).
 *
 * Siblings (items of one fact or one source sentence) are normally introduced one a day, so one never gives another's
 * answer away the same day. A set with four kinds per fact therefore needs four days; due sooner, its items would not
 * all be introduced in time. Assigned items are spread over the time left instead: of a sibling group with `g` items
 * still unseen (or first seen today) and `d` study days left to its earliest due date, at most ⌈g / d⌉ are introduced
 * per day. With enough days that is one a day, as before; due tomorrow, a four-item group gives two today and two
 * tomorrow. Past the due date the usual one a day applies again.
 */

/** An unseen assigned item with the study days left until its earliest upcoming due date (null: none upcoming). */
export type AssignedNewItem = QueueNewItem & { daysLeft: number | null };

/**
 * Picks up to `limit` assigned items in the order given, at most ⌈g / d⌉ per sibling key today (see above).
 * `introducedToday` counts, per sibling key, the items introduced so far this study day.
 * @example
 * pickAssignedItems(items, 20 - newToday, new Map([["fact:d:f1", 1]])); // siblings of f1: ⌈g/d⌉ − 1 more today
 */
export function pickAssignedItems(
  items: readonly AssignedNewItem[],
  limit: number,
  introducedToday: ReadonlyMap<string, number>,
): AssignedNewItem[] {
  if (limit <= 0) return [];
  const remaining = new Map<string, number>(introducedToday);
  const daysLeft = new Map<string, number>();
  for (const item of items) {
    for (const key of item.siblingKeys) {
      remaining.set(key, (remaining.get(key) ?? 0) + 1);
      const days = item.daysLeft ?? Infinity;
      daysLeft.set(key, Math.min(daysLeft.get(key) ?? Infinity, days));
    }
  }
  const allowance = (key: string) => {
    const days = daysLeft.get(key) ?? Infinity;
    return Number.isFinite(days) ? Math.max(1, Math.ceil((remaining.get(key) ?? 0) / Math.max(1, days))) : 1;
  };
  const used = new Map<string, number>(introducedToday);
  const picked: AssignedNewItem[] = [];
  for (const item of items) {
    if (item.siblingKeys.some((key) => (used.get(key) ?? 0) >= allowance(key))) continue;
    for (const key of item.siblingKeys) used.set(key, (used.get(key) ?? 0) + 1);
    picked.push(item);
    if (picked.length >= limit) break;
  }
  return picked;
}

/**
 * The fewest study days a set needs to be introduced as designed: one item of each sibling group a day, and at most
 * `newPerDay` new items a day (a learner's default). Each item can be learned (answered until it is scheduled a day
 * ahead) on the day it is introduced, so this is also the fewest days to complete the assignment.
 * @example minimumStudyDays([{ siblingKeys: ["f1"] }, { siblingKeys: ["f1"] }, { siblingKeys: ["f2"] }], 20) // 2
 */
export function minimumStudyDays(items: readonly Pick<QueueNewItem, "siblingKeys">[], newPerDay: number): number {
  if (items.length === 0) return 0;
  const groups = new Map<string, number>();
  for (const item of items) for (const key of item.siblingKeys) groups.set(key, (groups.get(key) ?? 0) + 1);
  return Math.max(1, ...groups.values(), Math.ceil(items.length / Math.max(1, newPerDay)));
}
