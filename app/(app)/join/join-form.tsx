"use client";

import { useActionState } from "react";
import { joinClassAction, type JoinState } from "./actions";

/** Join a class with a code; with `code` given (the invite link) the field is filled in. */
export function JoinForm({ code = "" }: { code?: string }) {
  const [state, action, pending] = useActionState<JoinState, FormData>(joinClassAction, null);
  return (
    <form action={action} className="form" noValidate>
      <div className="field">
        <label htmlFor="join-code">Join code</label>
        <input
          id="join-code"
          name="code"
          type="text"
          autoComplete="off"
          autoCapitalize="characters"
          maxLength={32}
          defaultValue={code}
          aria-describedby="join-message"
        />
      </div>
      <p
        id="join-message"
        className={state?.ok ? "form-ok" : "form-error"}
        aria-live="polite"
        data-testid="join-message"
      >
        {state?.message ?? ""}
      </p>
      <div>
        <button className="button" type="submit" disabled={pending}>
          Join class
        </button>
      </div>
    </form>
  );
}
