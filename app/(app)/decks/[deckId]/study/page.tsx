import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StudySession } from "@/components/study/study-session";
import { requireUser } from "@/lib/auth/session";
import { getStudyDeck } from "@/lib/db/content";
import { nextStep } from "@/lib/db/study";
import { idParams } from "@/lib/validations/params";

export const metadata: Metadata = { title: "Study deck" };

export default async function DeckStudyPage({ params }: { params: Promise<{ deckId: string }> }) {
  const { deckId } = await idParams(params);
  const user = await requireUser(`/decks/${deckId}/study`);
  const deck = await getStudyDeck(deckId, user.id);
  if (!deck) notFound();
  const step = await nextStep({ userId: user.id, deckId }, new Date());
  return (
    <section>
      <p>
        <Link href={`/decks/${deckId}`}>← {deck.title}</Link>
      </p>
      <h1>Study: {deck.title}</h1>
      {deck.studied ? null : (
        <p className="notice" data-testid="not-in-studies">
          This deck is not in your studies: you can study it here, but &ldquo;Study now&rdquo; does not bring its
          reviews back. Add it to your studies on the <Link href={`/decks/${deckId}`}>deck page</Link>.
        </p>
      )}
      <StudySession initial={step} deckId={deckId} />
    </section>
  );
}
