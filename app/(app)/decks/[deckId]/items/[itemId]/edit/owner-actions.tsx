"use client";

import { useActionState } from "react";
import { itemOwnerAction, type ItemFormState } from "./actions";

/** Suspend for everyone (or lift it) and delete, each stating what it does before the click. */
export function OwnerActions({ deckId, itemId, suspended }: { deckId: string; itemId: string; suspended: boolean }) {
  const [state, action, pending] = useActionState<ItemFormState, FormData>(itemOwnerAction, null);
  return (
    <section className="card" aria-labelledby="owner-actions-heading">
      <h2 id="owner-actions-heading">For everyone</h2>
      <form action={action} className="form">
        <input type="hidden" name="itemId" value={itemId} />
        <input type="hidden" name="deckId" value={deckId} />
        <p className="muted">
          Suspending keeps every learner&apos;s progress and leaves the item out of study and new quizzes until you lift
          it. Deleting retires it: learners&apos; history and statistics keep it, nobody is asked it again, and a
          rebuild of the document does not bring it back.
        </p>
        <p className="actions-row">
          <button
            className="button button--quiet"
            type="submit"
            name="action"
            value={suspended ? "unsuspend" : "suspend"}
            disabled={pending}
          >
            {suspended ? "Unsuspend for everyone" : "Suspend for everyone"}
          </button>
          <button className="button button--quiet" type="submit" name="action" value="retire" disabled={pending}>
            Delete item
          </button>
        </p>
        <p className={state?.ok ? "form-ok" : "form-error"} aria-live="polite" data-testid="owner-action-message">
          {state?.message ?? ""}
        </p>
      </form>
    </section>
  );
}
