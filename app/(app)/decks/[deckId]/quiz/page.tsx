import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { TOPIC_LABELS } from "@/lib/content/labels";
import type { Topic } from "@/lib/content/types";
import { getDeck } from "@/lib/db/content";
import { StartQuizForm } from "./start-form";
import { idParams } from "@/lib/validations/params";

export const metadata: Metadata = { title: "Practice quiz" };

export default async function QuizStartPage({ params }: { params: Promise<{ deckId: string }> }) {
  const { deckId } = await idParams(params);
  const user = await requireUser(`/decks/${deckId}/quiz`);
  const deck = await getDeck(deckId, user.id);
  // An archived deck keeps its page for the owner but is not quizzed (nor studied) any more.
  if (!deck || deck.status === "archived") notFound();
  const topics = [...new Set(deck.items.map((item) => item.topic))].map((value) => ({
    value,
    label: TOPIC_LABELS[value as Topic] ?? value,
  }));
  return (
    <section>
      <p>
        <Link href={`/decks/${deckId}`}>← {deck.title}</Link>
      </p>
      <h1>Practice quiz: {deck.title}</h1>
      <p className="muted">
        Questions are picked at random and scored at the end, with a review of your mistakes. Unless you tick the box,
        your study schedule is not changed.
      </p>
      <StartQuizForm deckId={deckId} topics={topics} />
    </section>
  );
}
