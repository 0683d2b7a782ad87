import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { canUseResetToken } from "@/lib/auth/password-reset";
import { ResetPasswordSchema } from "@/lib/validations/auth";
import { ResetPasswordForm } from "./reset-form";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: unknown }> }) {
  await connection();
  const raw = (await searchParams).token;
  const token = ResetPasswordSchema.shape.token.safeParse(raw);
  const usable = token.success ? await canUseResetToken(token.data, new Date()) : false;
  return (
    <div className="auth-page card">
      <h1>Choose a new password</h1>
      {token.success && usable ? (
        <ResetPasswordForm token={token.data} />
      ) : (
        <p className="form-error" data-testid="reset-message">
          This reset link is not valid any more (it is used, replaced or older than an hour).
        </p>
      )}
      <p className="muted">
        <Link href="/forgot-password">Ask for a new link</Link> · <Link href="/login">Sign in</Link>
      </p>
    </div>
  );
}
