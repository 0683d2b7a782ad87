import type { CardState } from "./types";

/** A card that has lapsed this many times is a leech (Anki's default threshold). */
export const LEECH_LAPSES = 8;

/**
 * Whether the card has lapsed (been forgotten after graduating) at least LEECH_LAPSES times.
 *
 * @example
 * isLeech({ ...card, lapses: 8 }); // true
 */
export function isLeech(card: Pick<CardState, "lapses">): boolean {
  return card.lapses >= LEECH_LAPSES;
}

/**
 * Whether this answer turned the card into a leech: lapses went from below LEECH_LAPSES to at least it.
 * Use it after `schedule` to suspend or flag the item once, not on every later answer.
 *
 * @example
 * const { card: after } = schedule(before, "again", now, settings);
 * if (becameLeech(before, after)) await flagLeech(itemId);
 */
export function becameLeech(before: Pick<CardState, "lapses">, after: Pick<CardState, "lapses">): boolean {
  return before.lapses < LEECH_LAPSES && after.lapses >= LEECH_LAPSES;
}
