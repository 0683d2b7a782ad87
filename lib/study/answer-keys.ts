import type { StudyCard } from "./types";

/**
 * What the learner has put together so far for one card. `active`: the matching row the next digit fills, or the
 * ordering entry selected to move (-1 none).
 */
export type Draft = {
  text: string;
  choice: string | null;
  pairs: Record<string, string>;
  order: string[];
  active: number;
};

/** A fresh draft for a card: nothing chosen, the first matching row active, no ordering entry selected. */
export function emptyDraft(card: Pick<StudyCard, "kind" | "shuffled">): Draft {
  return { text: "", choice: null, pairs: {}, order: card.shuffled ?? [], active: card.kind === "matching" ? 0 : -1 };
}

/** The key of a keydown, as much of it as answering needs. */
export type AnswerKey = { key: string; altKey?: boolean };

/** Moves the entry at `from` to `to` (both clamped to the list), returning a new list. */
export function moveEntry(order: readonly string[], from: number, to: number): string[] {
  const out = [...order];
  const target = Math.max(0, Math.min(out.length - 1, to));
  const [entry] = out.splice(from, 1);
  if (entry === undefined) return [...order];
  out.splice(target, 0, entry);
  return out;
}

/**
 * The keyboard model of the answer inputs, as quick as multiple choice (issue 15; it used to take 13–19 Tab presses):
 * - multiple choice, true/false: digit n picks option n;
 * - matching: the right-hand entries are numbered; digit n gives entry n to the active row, and the next row without
 *   a match becomes active; ↑/↓ change the active row. A full match is one digit per row, then Enter;
 * - ordering: digit n selects entry n; ↑/↓ (or Alt+↑/↓) move the selected entry, which stays selected.
 * Returns the new draft, or null when the key means nothing here (the caller then lets it through).
 *
 * @example
 * answerKey(card, draft, { key: "2" }); // matching: row `draft.active` gets the second right-hand entry
 */
export function answerKey(
  card: Pick<StudyCard, "kind" | "options" | "matchLeft" | "matchRight">,
  draft: Draft,
  { key }: AnswerKey,
): Draft | null {
  const digit = /^[1-9]$/.test(key) ? Number(key) : 0;
  switch (card.kind) {
    case "multiple_choice":
    case "true_false": {
      const options = card.options ?? [];
      return digit >= 1 && digit <= options.length ? { ...draft, choice: options[digit - 1]! } : null;
    }
    case "matching": {
      const left = card.matchLeft ?? [];
      const right = card.matchRight ?? [];
      if (left.length === 0) return null;
      if (key === "ArrowDown" || key === "ArrowUp") {
        const step = key === "ArrowDown" ? 1 : -1;
        return { ...draft, active: (draft.active + step + left.length) % left.length };
      }
      if (digit < 1 || digit > right.length) return null;
      const row = Math.max(0, Math.min(left.length - 1, draft.active));
      const pairs = { ...draft.pairs, [left[row]!]: right[digit - 1]! };
      // The next row still without a match, looking forward first; stay on this one when every row has one.
      let active = row;
      for (let i = 1; i <= left.length; i += 1) {
        const candidate = (row + i) % left.length;
        if (!pairs[left[candidate]!]) {
          active = candidate;
          break;
        }
      }
      return { ...draft, pairs, active };
    }
    case "ordering": {
      if (digit >= 1 && digit <= draft.order.length) return { ...draft, active: digit - 1 };
      if ((key === "ArrowDown" || key === "ArrowUp") && draft.active >= 0) {
        const to = draft.active + (key === "ArrowDown" ? 1 : -1);
        if (to < 0 || to >= draft.order.length) return draft;
        return { ...draft, order: moveEntry(draft.order, draft.active, to), active: to };
      }
      return null;
    }
    default:
      return null;
  }
}
