import type { CardState, CardStateName } from "@/lib/srs";
import { toDate } from "./dialect";

/** The FSRS columns of a Card row read with the query builder: DateTimes arrive as text (SQLite) or Dates. */
export type SqlCardStateRow = Omit<CardState, "state" | "due" | "lastReview"> & {
  state: string;
  due: Date | string;
  lastReview: Date | string | null;
};

export function fromSqlCardState(row: SqlCardStateRow): CardState {
  return {
    state: row.state as CardStateName,
    due: toDate(row.due),
    stability: row.stability,
    difficulty: row.difficulty,
    scheduledDays: row.scheduledDays,
    learningSteps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    lastReview: toDate(row.lastReview),
  };
}

/** A card's whole stored state, as kept in a review log so that undo restores it exactly. */
export type CardSnapshot = {
  /** False when the review created the card: undoing it deletes the card (the item is new again). */
  existed: boolean;
  card: CardState;
  suspended: boolean;
  leech: boolean;
  buriedUntil: Date | null;
};

export function serializeSnapshot(snapshot: CardSnapshot): string {
  return JSON.stringify(snapshot);
}

export function parseSnapshot(json: string): CardSnapshot {
  const raw = JSON.parse(json) as CardSnapshot & {
    card: CardState & { due: string; lastReview: string | null };
    buriedUntil: string | null;
  };
  return {
    existed: raw.existed,
    suspended: raw.suspended,
    leech: raw.leech,
    buriedUntil: raw.buriedUntil ? new Date(raw.buriedUntil) : null,
    card: {
      ...raw.card,
      due: new Date(raw.card.due),
      lastReview: raw.card.lastReview ? new Date(raw.card.lastReview) : null,
    },
  };
}
