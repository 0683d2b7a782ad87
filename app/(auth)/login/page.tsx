import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { safeRedirect } from "@/lib/safe-redirect";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeRedirect((await searchParams).callbackUrl, "/", env().NEXTAUTH_URL);
  if (await getCurrentUser()) redirect(callbackUrl);
  return (
    <div className="auth-page card">
      <h1>Sign in</h1>
      <LoginForm callbackUrl={callbackUrl} />
      <p className="muted">
        New here? <Link href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Create an account</Link>
      </p>
    </div>
  );
}
