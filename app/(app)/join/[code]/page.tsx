import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { findClassByCode } from "@/lib/db/classes";
import { JoinForm } from "../join-form";

export const metadata: Metadata = { title: "Join a class" };

/** The invite link: /join/<code>. Anonymous visitors sign in (or up) first and come back here. */
export default async function JoinPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  await requireUser(`/join/${encodeURIComponent(code)}`);
  const found = code.length <= 32 ? await findClassByCode(code) : null;
  return (
    <section className="auth-page card">
      <h1>Join a class</h1>
      {found ? (
        <p>
          <strong>{found.name}</strong>, taught by {found.owner.name}.
        </p>
      ) : (
        <p className="form-error">This invite link is not valid. Check the code with your instructor.</p>
      )}
      <JoinForm code={code.slice(0, 32)} />
      <p>
        <Link href="/">Home</Link>
      </p>
    </section>
  );
}
