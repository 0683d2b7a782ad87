import { default_w, forgetting_curve } from "ts-fsrs";
import { createRng, seedFromText } from "../prng";
import { assertValidDate, SrsError } from "./errors";
import { nextStudyDayStart, studyDaysBetween } from "./day";
import type { CardState, SrsSettings } from "./types";

// Catch-up tools after the FSRS helper add-on (open-spaced-repetition/fsrs4anki-helper): "postpone" pushes the
// reviews due today that are safest to delay — highest retrievability first — a little further out; "advance" pulls
// the reviews due soon that are safest to do early — again highest retrievability first — into today.
//
// Postpone, as the add-on does: delay = max(0, elapsed − interval) and
//   new interval = min(max(1, ⌈interval × (1.05 + 0.05·u)⌉ + delay), maximum interval)
// counted from the last review, with u drawn from a generator seeded by the card (so a preview and the change it
// previews agree, and cards postponed together spread over a few days). The new interval is the days already
// waited plus 5–10 % of the old interval: it grows by the delay, but only a little beyond it.
// Advance: the card becomes due now, its interval the study days elapsed since its last review.

/** A learner's card, identified so the plan can be applied. */
export type CatchUpCard = { id: string; card: CardState };

export type CatchUpChange = {
  id: string;
  /** New due date and scheduled days. */
  due: Date;
  scheduledDays: number;
  /** Probability of recall now, and on the new due date (for postpone) or on the old one (for advance). */
  recallNow: number;
  recallBefore: number;
  recallAfter: number;
};

export type CatchUpPlan = {
  /** Cards eligible: review cards due this study day (postpone) or due within the window (advance). */
  eligible: number;
  changes: CatchUpChange[];
  /** Mean recall probability on the due date, before and after the change. */
  meanRecallBefore: number;
  meanRecallAfter: number;
  /** First and last new due date among the changes (null when there are none). */
  firstDue: Date | null;
  lastDue: Date | null;
};

const DAY_MS = 86_400_000;

function recallAt(card: CardState, at: number, weights: readonly number[]): number {
  const elapsed = card.lastReview ? Math.max(0, (at - card.lastReview.getTime()) / DAY_MS) : 0;
  return forgetting_curve(weights, elapsed, Math.max(card.stability, 0.001));
}

function checkCount(count: number): void {
  if (!Number.isInteger(count) || count < 0) throw new SrsError("invalid_card", "count must be a whole number ≥ 0.");
}

function summarise(eligible: number, changes: CatchUpChange[]): CatchUpPlan {
  const mean = (pick: (c: CatchUpChange) => number) =>
    changes.length ? changes.reduce((s, c) => s + pick(c), 0) / changes.length : 0;
  const dues = changes.map((c) => c.due.getTime());
  return {
    eligible,
    changes,
    meanRecallBefore: mean((c) => c.recallBefore),
    meanRecallAfter: mean((c) => c.recallAfter),
    firstDue: dues.length ? new Date(Math.min(...dues)) : null,
    lastDue: dues.length ? new Date(Math.max(...dues)) : null,
  };
}

/** Review cards (not suspended: the caller passes only live cards) sorted by recall now, highest first. */
function byRecall(cards: readonly CatchUpCard[], now: number, weights: readonly number[]) {
  return cards
    .map((c) => ({ ...c, recallNow: recallAt(c.card, now, weights) }))
    .sort((a, b) => b.recallNow - a.recallNow || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Which of the reviews due this study day to postpone (`count` of them, highest recall first) and to when.
 *
 * @example
 * const plan = planPostpone(cards, 50, new Date("2026-01-20T10:00:00Z"), settings);
 * plan.changes[0]; // { id, due: 2026-01-22…, scheduledDays: 12, recallNow: 0.87, recallBefore: 0.9, recallAfter: 0.86 }
 */
export function planPostpone(
  cards: readonly CatchUpCard[],
  count: number,
  now: Date,
  settings: SrsSettings,
): CatchUpPlan {
  assertValidDate(now, "now");
  checkCount(count);
  const weights = settings.weights ?? default_w;
  const dayEnd = nextStudyDayStart(now, settings.timeZone, settings.dayStartHour).getTime();
  const due = cards.filter((c) => c.card.state === "review" && c.card.lastReview && c.card.due.getTime() < dayEnd);
  const changes: CatchUpChange[] = [];
  let eligible = 0;
  for (const { id, card, recallNow } of byRecall(due, now.getTime(), weights)) {
    const lastReview = card.lastReview!;
    const interval = Math.max(1, card.scheduledDays);
    const elapsed = studyDaysBetween(lastReview, now, settings.timeZone, settings.dayStartHour);
    const delay = Math.max(0, elapsed - interval);
    const u = createRng(seedFromText(`${id}:${interval}`))();
    const next = Math.min(Math.max(1, Math.ceil(interval * (1.05 + 0.05 * u)) + delay), settings.maximumIntervalDays);
    // At the maximum interval already: postponing would not move the card past today (the add-on counts these apart).
    if (next <= elapsed) continue;
    eligible++;
    if (changes.length >= count) continue;
    const dueAt = lastReview.getTime() + next * DAY_MS;
    changes.push({
      id,
      due: new Date(dueAt),
      scheduledDays: next,
      recallNow,
      recallBefore: recallAt(card, card.due.getTime(), weights),
      recallAfter: recallAt(card, dueAt, weights),
    });
  }
  return summarise(eligible, changes);
}

/**
 * Which reviews due in the next `withinDays` study days (after today) to bring forward to now: `count` of them,
 * highest recall first (reviewing those early loses the least).
 *
 * @example
 * const plan = planAdvance(cards, 30, new Date("2026-01-20T10:00:00Z"), settings, 7);
 * plan.changes.every((c) => c.due.getTime() === now.getTime()); // true
 */
export function planAdvance(
  cards: readonly CatchUpCard[],
  count: number,
  now: Date,
  settings: SrsSettings,
  withinDays = 7,
): CatchUpPlan {
  assertValidDate(now, "now");
  checkCount(count);
  const weights = settings.weights ?? default_w;
  const dayEnd = nextStudyDayStart(now, settings.timeZone, settings.dayStartHour).getTime();
  const horizon = dayEnd + withinDays * DAY_MS;
  const soon = cards.filter(
    (c) =>
      c.card.state === "review" &&
      c.card.lastReview &&
      c.card.due.getTime() >= dayEnd &&
      c.card.due.getTime() < horizon,
  );
  const changes = byRecall(soon, now.getTime(), weights)
    .slice(0, count)
    .map(({ id, card, recallNow }): CatchUpChange => ({
      id,
      due: now,
      scheduledDays: Math.max(0, studyDaysBetween(card.lastReview!, now, settings.timeZone, settings.dayStartHour)),
      recallNow,
      recallBefore: recallAt(card, card.due.getTime(), weights),
      recallAfter: recallNow,
    }));
  return summarise(soon.length, changes);
}
