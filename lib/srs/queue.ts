import { default_w, forgetting_curve } from "ts-fsrs";
import { assertValidDate } from "./errors";
import { nextStudyDayStart } from "./day";
import type { CardState, SrsSettings } from "./types";

/** Learning cards due within this many minutes may be shown early when nothing else is left (Anki's default). */
export const LEARN_AHEAD_MINUTES = 20;

export type QueueCard = {
  itemId: string;
  factKey: string;
  card: CardState;
  suspended: boolean;
  buriedUntil: Date | null;
};
/**
 * An item the learner has never seen. `position`: foundational order (lower first); `priority` > 0: instructor's
 * pick. `siblingKeys`: items sharing any key are siblings (the same fact, or the same source sentence, whose
 * items give each other's answers away) and are introduced on different days.
 */
export type QueueNewItem = { itemId: string; siblingKeys: readonly string[]; position: number; priority?: number };
export type QueueReason = "learning" | "review" | "new";
export type QueueEntry = { itemId: string; reason: QueueReason };

export type BuildQueueInput = {
  now: Date;
  settings: SrsSettings;
  cards: readonly QueueCard[];
  newItems: readonly QueueNewItem[];
  /** New items introduced and reviews answered so far in the current study day. */
  doneToday: { newCount: number; reviewCount: number };
  /** Sibling keys of the items first studied today (their siblings wait for another day). */
  introducedSiblingKeys: readonly string[];
  /** The item the learner answered last: it is not shown again next while another card is available. */
  lastItemId?: string | null;
  /** Return at most this many entries. */
  limit?: number;
};

type Ranked = { itemId: string; sortKey: number; due: number };

/** Item ids in code-unit order, the order SQLite's ORDER BY gives them (so a query can hand over new items in order). */
const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byKey = (a: Ranked, b: Ranked) => a.sortKey - b.sortKey || a.due - b.due || compareIds(a.itemId, b.itemId);
/** The order new items are introduced in: instructor priority (highest first), then position, then id. */
export const byIntroductionOrder = (a: QueueNewItem, b: QueueNewItem) =>
  (b.priority ?? 0) - (a.priority ?? 0) || a.position - b.position || compareIds(a.itemId, b.itemId);
const MS_PER_DAY = 86_400_000;

/**
 * The study queue at `now`, in the order to show it:
 * 1. learning/relearning cards due now, earliest due first;
 * 2. review cards due this study day, lowest retrievability first (at most maxReviewsPerDay − reviewCount);
 * 3. new items (at most newPerDay − newCount): instructor priority (highest first), then position, and at most
 *    one new item per fact key per study day;
 * 4. learning cards due within the next 20 minutes ("learn ahead"), earliest first.
 *
 * Why learn-ahead cards come last rather than first: Anki shows a learning card early only when nothing else is
 * waiting; otherwise a card just failed (due again in 1 minute) would come straight back before its step elapsed.
 * When the rest of the queue is empty they come next, so a session never stalls on a 1-minute step.
 *
 * Why reviews sort by retrievability R (ascending) instead of overdue days ÷ stability: R is exactly "how likely
 * the learner is to have forgotten it", it uses the card's own forgetting curve (FSRS-6 decay w20), and with a
 * fixed desired retention it orders the same way as relative overdueness for cards that are on time. Elapsed
 * time is measured in fractional days here so that cards reviewed at different times of day are ordered finely.
 * Suspended cards and cards buried until after `now` are never returned.
 *
 * The card answered last (`lastItemId`) never comes straight back while any other card is available: it swaps places
 * with the next entry. Without this a failed card with a 1-minute step and only learn-ahead cards left came up again
 * and again (the earliest due is always the one just failed), and spacing its repeats with other cards is the point.
 *
 * @example
 * buildQueue({ now, settings, cards, newItems, doneToday: { newCount: 0, reviewCount: 0 }, introducedSiblingKeys: [] });
 * // [{ itemId: "a", reason: "learning" }, { itemId: "b", reason: "review" }, { itemId: "c", reason: "new" }]
 */
export function buildQueue(input: BuildQueueInput): QueueEntry[] {
  const { now, settings, doneToday } = input;
  assertValidDate(now, "now");
  const nowMs = now.getTime();
  const learnAheadMs = nowMs + LEARN_AHEAD_MINUTES * 60_000;
  const dayEndMs = nextStudyDayStart(now, settings.timeZone, settings.dayStartHour).getTime();
  const weights = settings.weights ?? default_w;

  const learningNow: Ranked[] = [];
  const learningAhead: Ranked[] = [];
  const reviews: Ranked[] = [];
  for (const { itemId, card, suspended, buriedUntil } of input.cards) {
    if (suspended || (buriedUntil !== null && buriedUntil.getTime() > nowMs)) continue;
    const due = card.due.getTime();
    if (card.state === "learning" || card.state === "relearning") {
      if (due <= nowMs) learningNow.push({ itemId, sortKey: due, due });
      else if (due <= learnAheadMs) learningAhead.push({ itemId, sortKey: due, due });
    } else if (card.state === "review" && due < dayEndMs) {
      const elapsedDays = card.lastReview ? Math.max(0, (nowMs - card.lastReview.getTime()) / MS_PER_DAY) : 0;
      const r = forgetting_curve(weights, elapsedDays, Math.max(card.stability, 0.001));
      reviews.push({ itemId, sortKey: r, due });
    }
  }
  learningNow.sort(byKey);
  learningAhead.sort(byKey);
  reviews.sort(byKey);

  const reviewLimit = Math.max(0, settings.maxReviewsPerDay - doneToday.reviewCount);
  const newLimit = Math.max(0, settings.newPerDay - doneToday.newCount);
  const newPicked = pickNewItems([...input.newItems].sort(byIntroductionOrder), newLimit, input.introducedSiblingKeys);

  const queue: QueueEntry[] = [
    ...learningNow.map(({ itemId }) => ({ itemId, reason: "learning" as const })),
    ...reviews.slice(0, reviewLimit).map(({ itemId }) => ({ itemId, reason: "review" as const })),
    ...newPicked.map(({ itemId }) => ({ itemId, reason: "new" as const })),
    ...learningAhead.map(({ itemId }) => ({ itemId, reason: "learning" as const })),
  ];
  if (input.lastItemId && queue.length > 1 && queue[0]!.itemId === input.lastItemId) {
    [queue[0], queue[1]] = [queue[1]!, queue[0]!];
  }
  return input.limit === undefined ? queue : queue.slice(0, Math.max(0, input.limit));
}

/**
 * The new items to introduce next, taken in the order given: at most `limit`, skipping every item that shares a
 * sibling key with one introduced today or picked before it. Reads `items` only as far as it needs to, so the
 * caller can pass a database cursor over every unseen item in introduction order (byIntroductionOrder).
 *
 * @example
 * pickNewItems(cursor, 20 - newToday, introducedSiblingKeys); // at most 20 − newToday items, no two siblings
 */
export function pickNewItems(
  items: Iterable<QueueNewItem>,
  limit: number,
  introducedSiblingKeys: readonly string[],
): QueueNewItem[] {
  const picked: QueueNewItem[] = [];
  if (limit <= 0) return picked;
  const used = new Set(introducedSiblingKeys);
  for (const item of items) {
    if (item.siblingKeys.some((key) => used.has(key))) continue;
    for (const key of item.siblingKeys) used.add(key);
    picked.push(item);
    if (picked.length >= limit) break;
  }
  return picked;
}

export type QueueCounts = { learning: number; review: number; new: number; total: number };

/**
 * How much is left to study now ("due now", "new available today"), counted from the same rules as `buildQueue`.
 *
 * @example
 * countDue(input); // { learning: 2, review: 31, new: 20, total: 53 }
 */
export function countDue(input: Omit<BuildQueueInput, "limit">): QueueCounts {
  const counts: QueueCounts = { learning: 0, review: 0, new: 0, total: 0 };
  for (const entry of buildQueue(input)) {
    counts[entry.reason] += 1;
    counts.total += 1;
  }
  return counts;
}
