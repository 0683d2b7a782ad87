"use client";

import { useEffect, useRef } from "react";
import type { MatchPair } from "@/lib/content/types";
import type { StudyCard } from "@/lib/study/types";

export type Draft = { text: string; choice: string | null; pairs: Record<string, string>; order: string[] };

export function emptyDraft(card: StudyCard): Draft {
  return { text: "", choice: null, pairs: {}, order: card.shuffled ?? [] };
}

/** The response to send for a draft, or undefined while it is incomplete. Flashcards send null. */
export function draftResponse(card: StudyCard, draft: Draft): string | string[] | MatchPair[] | null | undefined {
  switch (card.kind) {
    case "flashcard":
      return null;
    case "multiple_choice":
    case "true_false":
      return draft.choice ?? undefined;
    case "matching": {
      const left = card.matchLeft ?? [];
      if (left.some((l) => !draft.pairs[l])) return undefined;
      return left.map((l) => ({ left: l, right: draft.pairs[l]! }));
    }
    case "ordering":
      return draft.order;
    default:
      return draft.text.trim() ? draft.text : undefined;
  }
}

type Props = {
  card: StudyCard;
  draft: Draft;
  onChange: (draft: Draft) => void;
  disabled: boolean;
  /** Once the answer is shown: marks the right option and a wrong pick among the choices. */
  expected?: string;
};

/** The input for each kind of item: choices, a text field, selects for matching, a reorderable list. */
export function AnswerInput({ card, draft, onChange, disabled, expected }: Props) {
  const textRef = useRef<HTMLInputElement>(null);
  // The answer field is the point of the page: focus it whenever a new card is ready (it mounts disabled while
  // the previous answer is still being recorded, so autoFocus alone would miss it).
  useEffect(() => {
    if (!disabled) textRef.current?.focus();
  }, [card.itemId, disabled]);

  if (card.kind === "flashcard") return null;

  if (card.kind === "multiple_choice" || card.kind === "true_false") {
    return (
      <fieldset className="choices" disabled={disabled}>
        <legend className="visually-hidden">Choose an answer</legend>
        {(card.options ?? []).map((option, index) => (
          <label
            key={option}
            className={[
              "choice",
              draft.choice === option ? "choice--selected" : "",
              expected !== undefined && option === expected ? "choice--correct" : "",
              expected !== undefined && draft.choice === option && option !== expected ? "choice--wrong" : "",
            ].join(" ")}
          >
            <input
              type="radio"
              name="choice"
              value={option}
              checked={draft.choice === option}
              onChange={() => onChange({ ...draft, choice: option })}
            />
            <kbd aria-hidden="true">{index + 1}</kbd> {option}
          </label>
        ))}
      </fieldset>
    );
  }

  if (card.kind === "matching") {
    return (
      <div className="matching">
        {(card.matchLeft ?? []).map((left, index) => (
          <div key={left} className="field matching__row">
            <label htmlFor={`match-${index}`}>{left}</label>
            <select
              id={`match-${index}`}
              value={draft.pairs[left] ?? ""}
              disabled={disabled}
              onChange={(e) => onChange({ ...draft, pairs: { ...draft.pairs, [left]: e.target.value } })}
            >
              <option value="">Choose…</option>
              {(card.matchRight ?? []).map((right) => (
                <option key={right} value={right}>
                  {right}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
    );
  }

  if (card.kind === "ordering") {
    const move = (from: number, to: number) => {
      const order = [...draft.order];
      const [entry] = order.splice(from, 1);
      order.splice(to, 0, entry!);
      onChange({ ...draft, order });
    };
    return (
      <ol className="ordering">
        {draft.order.map((entry, index) => (
          <li key={entry}>
            <span>{entry}</span>
            <span className="ordering__buttons">
              <button
                type="button"
                className="button button--quiet button--small"
                disabled={disabled || index === 0}
                onClick={() => move(index, index - 1)}
                aria-label={`Move up: ${entry}`}
              >
                ↑
              </button>
              <button
                type="button"
                className="button button--quiet button--small"
                disabled={disabled || index === draft.order.length - 1}
                onClick={() => move(index, index + 1)}
                aria-label={`Move down: ${entry}`}
              >
                ↓
              </button>
            </span>
          </li>
        ))}
      </ol>
    );
  }

  return (
    <div className="field">
      <label htmlFor="answer">Your answer</label>
      <input
        id="answer"
        type="text"
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        maxLength={500}
        value={draft.text}
        disabled={disabled}
        ref={textRef}
        onChange={(e) => onChange({ ...draft, text: e.target.value })}
      />
    </div>
  );
}
