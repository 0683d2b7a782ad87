import type { Metadata } from "next";
import { StudySession } from "@/components/study/study-session";
import { requireUser } from "@/lib/auth/session";
import { nextStep } from "@/lib/db/study";

export const metadata: Metadata = { title: "Study" };

export default async function StudyPage() {
  const user = await requireUser("/study");
  const step = await nextStep({ userId: user.id }, new Date());
  return (
    <section>
      <h1>Study</h1>
      <StudySession initial={step} />
    </section>
  );
}
