import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Study" };

export default async function StudyPage() {
  await requireUser("/study");
  return (
    <section>
      <h1>Study</h1>
      <p className="muted">Nothing here yet.</p>
    </section>
  );
}
