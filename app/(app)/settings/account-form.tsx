"use client";

import { useActionState } from "react";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/validations/auth";
import { changePasswordAction, signOutEverywhereAction, type SettingsState } from "./actions";

const PASSWORD_FIELDS = [
  { name: "currentPassword", label: "Current password", autoComplete: "current-password" },
  { name: "newPassword", label: "New password", autoComplete: "new-password" },
] as const;

/** "Change password" (signs out every other device) and "Sign out everywhere" (this device too). */
export function AccountForms() {
  const [state, change, changing] = useActionState<SettingsState, FormData>(changePasswordAction, null);
  const [everywhereState, everywhere, leaving] = useActionState<SettingsState>(signOutEverywhereAction, null);
  const errors = state?.fieldErrors ?? {};
  return (
    <>
      <form action={change} className="form" noValidate aria-labelledby="change-password-heading">
        <h3 id="change-password-heading">Change password</h3>
        {PASSWORD_FIELDS.map((field) => (
          <div className="field" key={field.name}>
            <label htmlFor={field.name}>{field.label}</label>
            <input
              id={field.name}
              name={field.name}
              type="password"
              autoComplete={field.autoComplete}
              minLength={field.name === "newPassword" ? PASSWORD_MIN : undefined}
              maxLength={PASSWORD_MAX}
              required
              aria-invalid={errors[field.name] ? true : undefined}
              aria-describedby={errors[field.name] ? `${field.name}-error` : undefined}
            />
            {errors[field.name] ? (
              <p id={`${field.name}-error`} className="field-error">
                {errors[field.name]!.join(" ")}
              </p>
            ) : null}
          </div>
        ))}
        <p className={state?.ok ? "form-ok" : "form-error"} aria-live="polite" data-testid="password-message">
          {state?.message ?? ""}
        </p>
        <div>
          <button className="button" type="submit" disabled={changing}>
            {changing ? "Changing…" : "Change password"}
          </button>
        </div>
      </form>
      <form action={everywhere} className="form" style={{ marginTop: "1rem" }}>
        <p className="muted">Signs out every browser and device where you are signed in, this one included.</p>
        <div>
          <button className="button button--quiet" type="submit" disabled={leaving}>
            Sign out everywhere
          </button>
        </div>
        <p className="form-error" aria-live="polite">
          {everywhereState?.message ?? ""}
        </p>
      </form>
    </>
  );
}
