import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DocumentView } from "@/components/document-view";
import { CardInfoLink } from "@/components/srs/card-info-link";
import { requireUser } from "@/lib/auth/session";
import { getItemWithSource } from "@/lib/db/content";
import { loadOpenQuizItems } from "@/lib/db/open-quizzes";
import { idParams } from "@/lib/validations/params";

export const metadata: Metadata = { title: "Source" };

/**
 * An item with its document, the source sentence highlighted. The document is untrusted text: rendered as text only.
 * While an unfinished quiz of the learner asks this item, its answer and its source (which holds the answer) stay
 * hidden (docs/decisions/011-answers-are-committed.md).
 */
export default async function ItemSourcePage({ params }: { params: Promise<{ deckId: string; itemId: string }> }) {
  const { deckId, itemId } = await idParams(params);
  const user = await requireUser(`/decks/${deckId}/items/${itemId}`);
  const item = await getItemWithSource(deckId, itemId, user.id);
  if (!item) notFound();
  const attemptId = (await loadOpenQuizItems(user.id)).get(itemId);
  if (attemptId) {
    return (
      <section>
        <p>
          <Link href={`/decks/${deckId}`}>← {item.document.title}</Link>
        </p>
        <h1>{item.prompt}</h1>
        <p>
          <CardInfoLink deckId={deckId} itemId={itemId} />
        </p>
        <p className="notice" data-testid="answer-hidden">
          The answer and its source are hidden: this item (or one asking the same fact) is in a quiz you haven&apos;t
          finished. <Link href={`/quiz/${attemptId}`}>Finish the quiz</Link> to see them.
        </p>
      </section>
    );
  }
  return (
    <section>
      <p>
        <Link href={`/decks/${deckId}`}>← {item.document.title}</Link>
      </p>
      <h1>{item.prompt}</h1>
      <p>
        <CardInfoLink deckId={deckId} itemId={itemId} />
      </p>
      <p>
        <strong>Answer:</strong> {item.answer}
        {item.retiredAt ? (
          <span className="muted"> (retired: the current document no longer yields this item)</span>
        ) : null}
      </p>
      <h2>Source</h2>
      <blockquote className="source-quote">{item.sourceText}</blockquote>
      <h2>In the document</h2>
      <DocumentView text={item.document.body} markStart={item.sourceStart} markEnd={item.sourceEnd} />
    </section>
  );
}
