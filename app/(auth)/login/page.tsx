import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { safeRedirect } from "@/lib/safe-redirect";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; deleted?: string }>;
}) {
  const query = await searchParams;
  const callbackUrl = safeRedirect(query.callbackUrl, "/", env().NEXTAUTH_URL);
  if (await getCurrentUser()) redirect(callbackUrl);
  return (
    <div className="auth-page card">
      <h1>Sign in</h1>
      {query.deleted === "1" ? (
        <p className="form-ok" role="status" data-testid="account-deleted">
          Your account and its data were deleted, and you were signed out.
        </p>
      ) : null}
      <LoginForm callbackUrl={callbackUrl} />
      <p className="muted">
        <Link href="/forgot-password">Forgot your password?</Link>
      </p>
      <p className="muted">
        New here? <Link href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Create an account</Link>
      </p>
    </div>
  );
}
