"use client";

import { useActionState } from "react";
import { PASSWORD_MAX } from "@/lib/validations/auth";
import { deleteAccountAction, type DeleteAccountState } from "./actions";

/** "Delete my account": says what goes and what stays, and asks for the password before deleting anything. */
export function DeleteAccountForm() {
  const [state, action, pending] = useActionState<DeleteAccountState, FormData>(deleteAccountAction, null);
  return (
    <form action={action} className="form" noValidate aria-labelledby="delete-account-heading">
      <h3 id="delete-account-heading">Delete my account</h3>
      <p>
        Deletes your account and everything that is yours: your study settings, cards and review history, quiz attempts
        and scores, class memberships, the sets you built (unless one is assigned in a class), and every signed-in
        session. It cannot be undone.
      </p>
      <p className="muted">
        Decks you uploaded stay for the learners who study them, without your name. While you run a class, or a set of
        yours is assigned in one, the account cannot be deleted: the class&apos;s learners depend on it.
      </p>
      <div className="field">
        <label htmlFor="delete-password">Your password</label>
        <input
          id="delete-password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          maxLength={PASSWORD_MAX}
          required
          aria-describedby="delete-account-message"
        />
      </div>
      <p id="delete-account-message" className="form-error" aria-live="polite" data-testid="delete-account-message">
        {state?.message ?? ""}
      </p>
      <div>
        <button className="button button--danger" type="submit" disabled={pending}>
          {pending ? "Deleting…" : "Delete my account and data"}
        </button>
      </div>
    </form>
  );
}
