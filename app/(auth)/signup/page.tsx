import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { safeRedirect } from "@/lib/safe-redirect";
import { SignUpForm } from "./signup-form";

export const metadata: Metadata = { title: "Sign up" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeRedirect((await searchParams).callbackUrl, "/", env().NEXTAUTH_URL);
  if (await getCurrentUser()) redirect(callbackUrl);
  return (
    <div className="auth-page card">
      <h1>Create an account</h1>
      <SignUpForm callbackUrl={callbackUrl} />
      <p className="muted">
        Already have an account? <Link href="/login">Sign in</Link>
      </p>
    </div>
  );
}
