"use client";

import { useActionState } from "react";
import { resolveFlagAction, type ResolveState } from "./actions";

/** Closes a flag as fixed (after editing the item) or dismissed (nothing wrong). */
export function ResolveFlagForm({ deckId, flagId, prompt }: { deckId: string; flagId: string; prompt: string }) {
  const [state, action, pending] = useActionState<ResolveState, FormData>(resolveFlagAction, null);
  return (
    <form action={action} className="actions-row">
      <input type="hidden" name="deckId" value={deckId} />
      <input type="hidden" name="flagId" value={flagId} />
      <button
        className="button button--small"
        type="submit"
        name="resolution"
        value="fixed"
        disabled={pending}
        aria-label={`Mark as fixed: ${prompt}`}
      >
        Mark as fixed
      </button>
      <button
        className="button button--quiet button--small"
        type="submit"
        name="resolution"
        value="dismissed"
        disabled={pending}
        aria-label={`Dismiss: ${prompt}`}
      >
        Dismiss
      </button>
      <span className={state?.ok ? "form-ok" : "form-error"} aria-live="polite">
        {state?.message ?? ""}
      </span>
    </form>
  );
}
