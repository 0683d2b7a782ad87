"use client";

import { useActionState, useId, type ReactNode } from "react";

/** What a delete action answers: a message (an error, or what happened) or nothing yet. */
export type DeleteState = { ok: boolean; message: string } | null;

/**
 * The one shape of every "confirm and delete" form (decks, classes, assignments, sets): the consequences in words,
 * counted before the user confirms, an "I understand" box the server action requires (`confirm=yes`), the action's
 * message in a live region, and a danger button. The hidden fields name what is deleted.
 * @example <ConfirmDelete action={deleteSetAction} fields={{ setId }} what="set" consequences="Deletes the set…" testId="set" />
 */
export function ConfirmDelete({
  action,
  fields,
  what,
  consequences,
  testId,
  label,
}: {
  action: (state: DeleteState, form: FormData) => Promise<DeleteState>;
  fields: Record<string, string>;
  /** "deck", "class", …: the box reads "I understand: delete this <what>…", the button "Delete <what>". */
  what: string;
  consequences: ReactNode;
  /** Test ids: delete-<testId>-consequences and delete-<testId>-message. */
  testId: string;
  /** The form's accessible name, when the page has several. */
  label?: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const messageId = useId();
  return (
    <form action={formAction} className="form" noValidate aria-label={label}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <p data-testid={`delete-${testId}-consequences`}>{consequences}</p>
      <label className="check-row">
        <input type="checkbox" name="confirm" value="yes" aria-describedby={messageId} /> I understand: delete this{" "}
        {what}
      </label>
      <p
        id={messageId}
        className={state?.ok ? "muted" : "form-error"}
        aria-live="polite"
        data-testid={`delete-${testId}-message`}
      >
        {state?.message ?? ""}
      </p>
      <div>
        <button className="button button--danger" type="submit" disabled={pending}>
          Delete {what}
        </button>
      </div>
    </form>
  );
}
