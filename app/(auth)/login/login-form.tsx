"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { RATE_LIMITED } from "@/lib/auth/errors";
import { EMAIL_MAX, PASSWORD_MAX } from "@/lib/validations/auth";

// One message for an unknown email and a wrong password, so the form does not reveal who has an account.
const INVALID = "Email or password is incorrect.";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState("");
  const [pending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!email || !password) {
      setError("Enter your email and password.");
      return;
    }
    startTransition(async () => {
      const result = await signIn("credentials", { redirect: false, email, password });
      if (!result || result.error) {
        setError(result?.error === RATE_LIMITED ? "Too many sign-in attempts. Try again later." : INVALID);
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    });
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-describedby="login-error">
      <div className="field">
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="email" maxLength={EMAIL_MAX} required />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          maxLength={PASSWORD_MAX}
          required
        />
      </div>
      <p id="login-error" className="form-error" aria-live="polite" data-testid="form-error">
        {error}
      </p>
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
