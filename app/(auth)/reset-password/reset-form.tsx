"use client";

import Link from "next/link";
import { useActionState } from "react";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/validations/auth";
import { resetPasswordAction, type ResetPasswordState } from "./actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<ResetPasswordState, FormData>(resetPasswordAction, null);
  const error = state?.fieldErrors?.newPassword;
  if (state?.ok) {
    return (
      <>
        <p className="form-ok" role="status" data-testid="reset-message">
          {state.message}
        </p>
        <Link className="button" href="/login">
          Sign in
        </Link>
      </>
    );
  }
  return (
    <form action={action} className="form" noValidate>
      <input type="hidden" name="token" value={token} />
      <div className="field">
        <label htmlFor="newPassword">New password</label>
        <input
          id="newPassword"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          minLength={PASSWORD_MIN}
          maxLength={PASSWORD_MAX}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "newPassword-error" : undefined}
        />
        <span className="muted">At least {PASSWORD_MIN} characters.</span>
        {error ? (
          <p id="newPassword-error" className="field-error">
            {error.join(" ")}
          </p>
        ) : null}
      </div>
      <p className="form-error" aria-live="polite" data-testid="reset-message">
        {state?.message ?? ""}
      </p>
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Saving…" : "Set the new password"}
      </button>
    </form>
  );
}
