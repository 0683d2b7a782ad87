import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { KIND_LABELS, TOPIC_LABELS } from "@/lib/content/labels";
import type { GeneratedItem, ItemKind, Topic } from "@/lib/content/types";
import { requireUser } from "@/lib/auth/session";
import { openFlagCount } from "@/lib/db/flags";
import { canEditDeck } from "@/lib/db/items";
import { getDeck, getStudyDeck } from "@/lib/db/content";
import { getOwnedDeck } from "@/lib/db/deck-lifecycle";
import { loadOpenQuizItems } from "@/lib/db/open-quizzes";
import { deckPresetChoice } from "@/lib/db/presets";
import { suspendedItems } from "@/lib/db/reviews";
import { can } from "@/lib/auth/can";
import { DeckPresetForm } from "@/components/presets/deck-preset-form";
import { unsuspendAction } from "./actions";
import { ExportLinks } from "./export-links";
import { DeckOwnerPanel, StudyToggle } from "./lifecycle/forms";
import { idParams } from "@/lib/validations/params";

export const metadata: Metadata = { title: "Deck" };

export default async function DeckPage({ params }: { params: Promise<{ deckId: string }> }) {
  const { deckId } = await idParams(params);
  const user = await requireUser(`/decks/${deckId}`);
  const deck = await getDeck(deckId, user.id);
  if (!deck) notFound();
  const [owned, study] = await Promise.all([getOwnedDeck(deckId, user), getStudyDeck(deckId, user.id)]);
  const [suspended, presetChoice] = await Promise.all([
    suspendedItems(user.id, deckId),
    deckPresetChoice(user.id, deckId),
  ]);
  const owner = await canEditDeck(user, deckId);
  const flags = owner ? await openFlagCount(deckId) : 0;
  // Answers of the items an unfinished quiz of this learner asks stay hidden until it is finished.
  const inQuiz = await loadOpenQuizItems(user.id);
  const hidden = deck.items.filter((item) => inQuiz.has(item.id));

  const byTopic = new Map<string, typeof deck.items>();
  for (const item of deck.items) byTopic.set(item.topic, [...(byTopic.get(item.topic) ?? []), item]);
  const topics = [...byTopic.keys()].sort(
    (a, b) => Object.keys(TOPIC_LABELS).indexOf(a) - Object.keys(TOPIC_LABELS).indexOf(b),
  );

  return (
    <section>
      <h1>{deck.title}</h1>
      <p className="muted">
        {deck.items.length} items
        {deck.textDate ? ` · text of ${deck.textDate}` : ""}
        {deck.owner ? ` · added by ${deck.owner.name}` : ""}
        {deck.source ? (
          <>
            {" · "}
            <a href={deck.source} rel="noopener noreferrer nofollow">
              original
            </a>
          </>
        ) : null}
      </p>
      {deck.description ? <p data-testid="deck-description">{deck.description}</p> : null}
      {owned ? <DeckOwnerPanel deck={owned} /> : null}
      {deck.items.length === 0 ? (
        <p>No items were generated from this document.</p>
      ) : !study ? (
        <p className="muted">This deck is archived: it is not studied or quizzed until it is published again.</p>
      ) : (
        <div className="actions-row">
          <StudyToggle deckId={deck.id} studied={study.studied} />
          <Link className="button" href={`/decks/${deck.id}/study`}>
            Study this deck
          </Link>
          <Link className="button button--quiet" href={`/decks/${deck.id}/quiz`}>
            Practice quiz
          </Link>
          <Link className="button button--quiet" href={`/decks/${deck.id}/browse`}>
            Browse items
          </Link>
          {owner ? (
            <Link className="button button--quiet" href={`/decks/${deck.id}/flags`}>
              Flagged items ({flags})
            </Link>
          ) : null}
        </div>
      )}
      {can(user, "upload-document") && deck.items.length > 0 ? <ExportLinks deckId={deck.id} /> : null}
      <DeckPresetForm deckId={deck.id} {...presetChoice} />
      {hidden.length > 0 ? (
        <p className="notice" data-testid="answers-hidden">
          {hidden.length === 1 ? "1 item of this deck is" : `${hidden.length} items of this deck are`} in a quiz you
          haven&apos;t finished, or ask the same fact as one of its questions:{" "}
          {hidden.length === 1 ? "its answer is" : "their answers are"} hidden until you finish it.{" "}
          <Link href={`/quiz/${inQuiz.get(hidden[0]!.id)}`}>Go to the quiz</Link>
        </p>
      ) : null}
      {suspended.length > 0 ? (
        <section aria-labelledby="suspended-heading" className="card">
          <h2 id="suspended-heading">Your suspended items ({suspended.length})</h2>
          <ul className="plain-list suspended-list">
            {suspended.map((card) => (
              <li key={card.itemId}>
                <span>
                  {card.item.prompt}
                  {card.leech ? <strong className="badge">leech · {card.lapses} lapses</strong> : null}
                </span>
                <form action={unsuspendAction}>
                  <input type="hidden" name="itemId" value={card.itemId} />
                  <input type="hidden" name="deckId" value={deck.id} />
                  <button
                    type="submit"
                    className="button button--quiet button--small"
                    aria-label={`Unsuspend: ${card.item.prompt}`}
                  >
                    Unsuspend
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <nav aria-label="Topics" className="chips">
        {topics.map((topic) => (
          <a key={topic} href={`#topic-${topic}`}>
            {TOPIC_LABELS[topic as Topic] ?? topic} ({byTopic.get(topic)!.length})
          </a>
        ))}
      </nav>
      {topics.map((topic) => (
        <section key={topic} aria-labelledby={`topic-${topic}`}>
          <h2 id={`topic-${topic}`}>{TOPIC_LABELS[topic as Topic] ?? topic}</h2>
          <ol className="item-list">
            {byTopic.get(topic)!.map((item) => {
              const data = JSON.parse(item.data) as GeneratedItem;
              return (
                <li key={item.id} className="card item-card">
                  <span className="badge">{KIND_LABELS[item.kind as ItemKind] ?? item.kind}</span>
                  <p className="item-prompt">{item.prompt}</p>
                  {data.options && item.kind === "multiple_choice" ? (
                    <ul className="options">
                      {data.options.map((option) => (
                        <li key={option}>{option}</li>
                      ))}
                    </ul>
                  ) : null}
                  {inQuiz.has(item.id) ? (
                    <p className="muted">
                      Answer hidden: this item (or one asking the same fact) is in a quiz you haven&apos;t finished.{" "}
                      <Link href={`/quiz/${inQuiz.get(item.id)}`}>Finish the quiz</Link> to see it.
                    </p>
                  ) : (
                    <details>
                      <summary>Show answer</summary>
                      <p>{item.answer}</p>
                    </details>
                  )}
                  <Link href={`/decks/${deck.id}/items/${item.id}#source`}>Source</Link>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </section>
  );
}
