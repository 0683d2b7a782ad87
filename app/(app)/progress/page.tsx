import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Progress" };

export default async function ProgressPage() {
  await requireUser("/progress");
  return (
    <section>
      <h1>Progress</h1>
      <p className="muted">Nothing here yet.</p>
    </section>
  );
}
