"use client";

import { useActionState } from "react";
import { EMAIL_MAX } from "@/lib/validations/auth";
import { forgotPasswordAction, type ForgotPasswordState } from "./actions";

export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState<ForgotPasswordState, FormData>(forgotPasswordAction, null);
  return (
    <form action={action} className="form" noValidate>
      <div className="field">
        <label htmlFor="email">Email</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          maxLength={EMAIL_MAX}
          required
          aria-describedby="forgot-message"
        />
      </div>
      <p
        id="forgot-message"
        className={state?.ok ? "form-ok" : "form-error"}
        aria-live="polite"
        data-testid="forgot-message"
      >
        {state?.message ?? ""}
      </p>
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Sending…" : "Send me a reset link"}
      </button>
    </form>
  );
}
