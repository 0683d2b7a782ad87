"use client";

import { useActionState } from "react";
import { catchUpAction, type CatchUpState } from "./actions";

/** The confirm button for a previewed postpone/advance; the result is announced in a live region. */
export function ConfirmForm({ kind, count, label }: { kind: string; count: number; label: string }) {
  const [state, action, pending] = useActionState<CatchUpState, FormData>(catchUpAction, null);
  return (
    <form action={action} className="actions-row">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="count" value={count} />
      <button className="button" type="submit" disabled={pending || state?.ok === true}>
        {pending ? "Working…" : label}
      </button>
      <p className={state?.ok ? "form-ok" : "form-error"} aria-live="polite" data-testid="catch-up-message">
        {state?.message ?? ""}
      </p>
    </form>
  );
}
