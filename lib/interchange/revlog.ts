import { toCsv } from "@/lib/csv";

/** One of a learner's review log entries with the card states around it (lib/db/interchange.ts reads them). */
export interface RevlogEntry {
  reviewedAt: Date;
  /** The Factdeck card (a string id); the CSV numbers cards as Anki does, by creation time in milliseconds. */
  cardId: string;
  cardCreatedAt: Date;
  itemId: string;
  deck: string;
  prompt: string;
  rating: "again" | "hard" | "good" | "easy";
  responseMs: number | null;
  /** Card state name before the answer: "new", "learning", "review", "relearning". */
  previousState: string;
  before: CardInterval & { existed: boolean };
  after: CardInterval;
}

/** The parts of a card state an interval is read from. */
export type CardInterval = { due: Date; lastReview: Date | null; scheduledDays: number; difficulty: number };

const EASE = { again: 1, hard: 2, good: 3, easy: 4 } as const;
const TYPE: Record<string, number> = { new: 0, learning: 0, review: 1, relearning: 2 };

/**
 * A learner's review history as CSV with Anki's revlog columns, then three of Factdeck's own so a row can be traced:
 * - id: time of the review (ms since 1970); cid: the card, numbered by its creation time in ms (made unique);
 * - usn 0; ease 1–4 (Again, Hard, Good, Easy);
 * - ivl / lastIvl: interval after / before the review, in days when a day or more, else the learning step in negative
 *   seconds (Anki's convention); lastIvl is 0 for a card's first review;
 * - factor: FSRS difficulty as Anki's FSRS mode logs it, ((D − 1) / 9 + 0.1) × 1000, so 100 (easiest) … 1100;
 * - time: answer time in ms (0 when not measured); type: 0 learning, 1 review, 2 relearning;
 * - itemId, deck, prompt.
 * @example revlogCsv(entries) // "id,cid,usn,ease,ivl,lastIvl,factor,time,type,itemId,deck,prompt\r\n1764…"
 */
export function revlogCsv(entries: readonly RevlogEntry[]): string {
  const cardNumbers = numberCards(entries);
  const rows = entries.map((e) => [
    e.reviewedAt.getTime(),
    cardNumbers.get(e.cardId)!,
    0,
    EASE[e.rating],
    interval(e.after),
    e.before.existed ? interval(e.before) : 0,
    Math.round(((e.after.difficulty - 1) / 9 + 0.1) * 1000),
    e.responseMs ?? 0,
    TYPE[e.previousState] ?? 0,
    e.itemId,
    e.deck,
    e.prompt,
  ]);
  return toCsv([
    ["id", "cid", "usn", "ease", "ivl", "lastIvl", "factor", "time", "type", "itemId", "deck", "prompt"],
    ...rows,
  ]);
}

/** A state's interval as Anki logs it: days when a day or more, else the learning step as negative seconds. */
function interval(state: CardInterval): number {
  if (state.scheduledDays >= 1) return state.scheduledDays;
  if (!state.lastReview) return 0;
  return -Math.max(0, Math.round((state.due.getTime() - state.lastReview.getTime()) / 1000));
}

/** Anki's card ids are creation times in ms; two cards made in the same ms get consecutive numbers. */
function numberCards(entries: readonly RevlogEntry[]): Map<string, number> {
  const cards = new Map<string, number>();
  for (const e of entries) if (!cards.has(e.cardId)) cards.set(e.cardId, e.cardCreatedAt.getTime());
  const numbers = new Map<string, number>();
  let last = -Infinity;
  for (const [id, created] of [...cards].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))) {
    last = Math.max(created, last + 1);
    numbers.set(id, last);
  }
  return numbers;
}
