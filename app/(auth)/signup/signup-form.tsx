"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { EMAIL_MAX, NAME_MAX, PASSWORD_MAX, PASSWORD_MIN } from "@/lib/validations/auth";
import { signUpAction, type SignUpState } from "./actions";

type Field = "name" | "email" | "password";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [state, setState] = useState<SignUpState | null>(null);
  const [pending, startTransition] = useTransition();
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    // The learner's time zone from the browser: their study day then starts at 04:00 local time.
    form.set("timeZone", Intl.DateTimeFormat().resolvedOptions().timeZone);
    startTransition(async () => {
      const result = await signUpAction(form);
      setState(result);
      if (!result.ok) return;
      const signedIn = await signIn("credentials", {
        redirect: false,
        email: String(form.get("email")),
        password: String(form.get("password")),
      });
      if (!signedIn || signedIn.error) {
        router.replace("/login");
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    });
  }

  const fieldProps = (name: Field) => ({
    id: name,
    name,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${name}-error` : undefined,
  });
  const fieldError = (name: Field) =>
    errors[name] ? (
      <p id={`${name}-error`} className="field-error">
        {errors[name].join(" ")}
      </p>
    ) : null;

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor="name">Name</label>
        <input {...fieldProps("name")} type="text" autoComplete="name" maxLength={NAME_MAX} required />
        {fieldError("name")}
      </div>
      <div className="field">
        <label htmlFor="email">Email</label>
        <input {...fieldProps("email")} type="email" autoComplete="email" maxLength={EMAIL_MAX} required />
        {fieldError("email")}
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input
          {...fieldProps("password")}
          type="password"
          autoComplete="new-password"
          minLength={PASSWORD_MIN}
          maxLength={PASSWORD_MAX}
          required
        />
        <span className="muted">At least {PASSWORD_MIN} characters.</span>
        {fieldError("password")}
      </div>
      <p className="form-error" aria-live="polite" data-testid="form-error">
        {state && !state.ok ? state.message : ""}
      </p>
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Creating account…" : "Create account"}
      </button>
    </form>
  );
}
