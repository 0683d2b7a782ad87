import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "./forgot-form";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <div className="auth-page card">
      <h1>Forgot your password?</h1>
      <p className="muted">Enter the email address of your account and we will send you a link to choose a new one.</p>
      <ForgotPasswordForm />
      <p className="muted">
        Remembered it? <Link href="/login">Sign in</Link>
      </p>
    </div>
  );
}
