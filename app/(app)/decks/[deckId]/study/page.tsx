import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StudySession } from "@/components/study/study-session";
import { requireUser } from "@/lib/auth/session";
import { getDeckTitle } from "@/lib/db/content";
import { nextStep } from "@/lib/db/study";
import { idParams } from "@/lib/validations/params";

export const metadata: Metadata = { title: "Study deck" };

export default async function DeckStudyPage({ params }: { params: Promise<{ deckId: string }> }) {
  const { deckId } = await idParams(params);
  const user = await requireUser(`/decks/${deckId}/study`);
  const deck = await getDeckTitle(deckId);
  if (!deck) notFound();
  const step = await nextStep({ userId: user.id, deckId }, new Date());
  return (
    <section>
      <p>
        <Link href={`/decks/${deckId}`}>← {deck.title}</Link>
      </p>
      <h1>Study: {deck.title}</h1>
      <StudySession initial={step} deckId={deckId} />
    </section>
  );
}
