"use client";

import { useState, useTransition } from "react";
import { flagItemAction } from "@/app/(app)/study/flag/actions";
import { FLAG_REASONS } from "@/lib/validations/flag-reasons";

/**
 * "Flag this item" in the study screen's feedback: a learner reports a wrong answer, an unclear prompt or a typo to
 * the deck's owner (their flag queue). Keys typed here stay here: the study screen's shortcuts (1–4 rate, Space,
 * Enter) listen on the window and would otherwise rate the card while the learner writes a note.
 */
export function FlagItem({ itemId }: { itemId: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<keyof typeof FLAG_REASONS>("wrong_answer");
  const [note, setNote] = useState("");
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [pending, startTransition] = useTransition();

  if (result?.ok)
    return (
      <p className="muted" role="status" data-testid="flag-sent">
        {result.message}
      </p>
    );
  return (
    <div className="flag-item" onKeyDown={(event) => event.stopPropagation()}>
      {!open ? (
        <button type="button" className="link-button" onClick={() => setOpen(true)} aria-expanded={false}>
          Flag this item
        </button>
      ) : (
        <form
          className="form"
          aria-label="Flag this item"
          onSubmit={(event) => {
            event.preventDefault();
            startTransition(async () => setResult(await flagItemAction({ itemId, reason, note })));
          }}
        >
          <div className="field">
            <label htmlFor={`flag-reason-${itemId}`}>What is wrong?</label>
            <select
              id={`flag-reason-${itemId}`}
              value={reason}
              onChange={(event) => setReason(event.target.value as keyof typeof FLAG_REASONS)}
            >
              {Object.entries(FLAG_REASONS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`flag-note-${itemId}`}>Note for the deck&apos;s owner (optional)</label>
            <textarea
              id={`flag-note-${itemId}`}
              rows={2}
              maxLength={500}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              aria-describedby={`flag-error-${itemId}`}
            />
          </div>
          <p id={`flag-error-${itemId}`} className="form-error" aria-live="polite">
            {result?.message ?? ""}
          </p>
          <p className="actions-row">
            <button type="submit" className="button button--small" disabled={pending}>
              Send flag
            </button>
            <button type="button" className="button button--quiet button--small" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </p>
        </form>
      )}
    </div>
  );
}
