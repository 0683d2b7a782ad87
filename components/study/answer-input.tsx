"use client";

import { useEffect, useRef } from "react";
import type { MatchPair } from "@/lib/content/types";
import { emptyDraft, moveEntry, type Draft } from "@/lib/study/answer-keys";
import type { StudyCard } from "@/lib/study/types";

export { emptyDraft, type Draft };

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
            <kbd className="key-hint" aria-hidden="true">
              {index + 1}
            </kbd>{" "}
            {option}
          </label>
        ))}
      </fieldset>
    );
  }

  if (card.kind === "matching") {
    const right = card.matchRight ?? [];
    return (
      <div className="matching">
        {/* The right-hand entries, numbered for the keyboard: a digit gives one to the highlighted row. */}
        <ol className="matching__choices" aria-label="Matches to choose from">
          {right.map((entry, index) => (
            <li key={entry}>
              <kbd className="key-hint" aria-hidden="true">
                {index + 1}
              </kbd>{" "}
              {entry}
            </li>
          ))}
        </ol>
        {(card.matchLeft ?? []).map((left, index) => (
          <div
            key={left}
            className={`field matching__row${index === draft.active && !disabled ? " matching__row--active" : ""}`}
            data-active={index === draft.active ? "true" : undefined}
          >
            <label htmlFor={`match-${index}`}>{left}</label>
            <select
              id={`match-${index}`}
              value={draft.pairs[left] ?? ""}
              disabled={disabled}
              onFocus={() => onChange({ ...draft, active: index })}
              onChange={(e) => onChange({ ...draft, pairs: { ...draft.pairs, [left]: e.target.value } })}
            >
              <option value="">Choose…</option>
              {right.map((entry, n) => (
                <option key={entry} value={entry}>
                  {n + 1}. {entry}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
    );
  }

  if (card.kind === "ordering") {
    return (
      <OrderingInput
        order={draft.order}
        active={draft.active}
        disabled={disabled}
        onChange={(order, active) => onChange({ ...draft, order, active })}
      />
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

type OrderingProps = {
  order: string[];
  active: number;
  disabled: boolean;
  onChange: (order: string[], active: number) => void;
};

/**
 * A reorderable list: ↑/↓ buttons, the keyboard (a digit selects, the arrows move: lib/study/answer-keys.ts) and
 * dragging by the handle with a finger, a pen or a mouse. Pointer events by hand: no drag-and-drop library is
 * installed, and HTML5 drag and drop does not work on touch screens.
 */
function OrderingInput({ order, active, disabled, onChange }: OrderingProps) {
  const listRef = useRef<HTMLOListElement>(null);
  const dragging = useRef<{ pointerId: number; index: number } | null>(null);

  // The entry under the pointer: the first whose vertical middle is below it (or the last).
  const indexAt = (clientY: number) => {
    const items = [...(listRef.current?.children ?? [])] as HTMLElement[];
    const found = items.findIndex((item) => {
      const box = item.getBoundingClientRect();
      return clientY < box.top + box.height / 2;
    });
    return found === -1 ? items.length - 1 : found;
  };

  return (
    <ol className="ordering" ref={listRef}>
      {order.map((entry, index) => (
        <li
          key={entry}
          className={index === active && !disabled ? "ordering__item--active" : undefined}
          data-active={index === active ? "true" : undefined}
        >
          <span
            className="ordering__handle"
            aria-hidden="true"
            data-testid="drag-handle"
            onPointerDown={(event) => {
              if (disabled) return;
              event.preventDefault();
              // Capture keeps the moves coming while the finger leaves the handle; a synthetic pointer may refuse it.
              try {
                event.currentTarget.setPointerCapture(event.pointerId);
              } catch {}
              dragging.current = { pointerId: event.pointerId, index };
              onChange(order, index);
            }}
            onPointerMove={(event) => {
              const drag = dragging.current;
              if (!drag || drag.pointerId !== event.pointerId) return;
              const to = indexAt(event.clientY);
              if (to === drag.index) return;
              dragging.current = { ...drag, index: to };
              onChange(moveEntry(order, drag.index, to), to);
            }}
            onPointerUp={() => {
              dragging.current = null;
            }}
            onPointerCancel={() => {
              dragging.current = null;
            }}
          >
            ⠿
          </span>
          <kbd className="key-hint" aria-hidden="true">
            {index + 1}
          </kbd>
          <span className="ordering__entry">{entry}</span>
          <span className="ordering__buttons">
            <button
              type="button"
              className="button button--quiet button--small"
              disabled={disabled || index === 0}
              onClick={() => onChange(moveEntry(order, index, index - 1), index - 1)}
              aria-label={`Move up: ${entry}`}
            >
              ↑
            </button>
            <button
              type="button"
              className="button button--quiet button--small"
              disabled={disabled || index === order.length - 1}
              onClick={() => onChange(moveEntry(order, index, index + 1), index + 1)}
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
