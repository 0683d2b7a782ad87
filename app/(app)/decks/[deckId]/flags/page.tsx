import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { KIND_LABELS } from "@/lib/content/labels";
import type { ItemKind } from "@/lib/content/types";
import { flagQueue } from "@/lib/db/flags";
import { FLAG_REASONS, type FlagReason } from "@/lib/validations/items";
import { idParams } from "@/lib/validations/params";
import { ResolveFlagForm } from "./resolve-form";

export const metadata: Metadata = { title: "Flagged items" };

const percent = (correct: number, attempts: number) =>
  attempts === 0 ? "—" : `${Math.round((100 * correct) / attempts)} %`;

/**
 * The deck owner's review queue: learners' open flags, oldest first, each with the item, its source sentence and
 * how learners answer it (everyone, and the owner's classes). Anyone but the owner (or an admin) gets a 404.
 */
export default async function FlagsPage({ params }: { params: Promise<{ deckId: string }> }) {
  const { deckId } = await idParams(params);
  const user = await requireUser(`/decks/${deckId}/flags`);
  const queue = await flagQueue(user, deckId);
  if (!queue) notFound();
  return (
    <section>
      <p>
        <Link href={`/decks/${deckId}`}>← {queue.deck.title}</Link>
      </p>
      <h1>Flagged items</h1>
      {queue.flags.length === 0 ? (
        <p data-testid="no-flags">No open flags: learners have not reported anything to look at.</p>
      ) : (
        <ol className="item-list">
          {queue.flags.map((flag) => (
            <li key={flag.id} className="card item-card" aria-labelledby={`flag-${flag.id}`}>
              <p className="badge">
                {FLAG_REASONS[flag.reason as FlagReason] ?? flag.reason} · {flag.user.name} ·{" "}
                {flag.createdAt.toISOString().slice(0, 10)}
              </p>
              <h2 id={`flag-${flag.id}`} className="item-prompt">
                {flag.item.prompt}
              </h2>
              {flag.note ? <p>“{flag.note}”</p> : null}
              <p>
                <strong>Answer:</strong> {flag.item.answer}{" "}
                <span className="muted">
                  ({KIND_LABELS[flag.item.kind as ItemKind] ?? flag.item.kind}
                  {flag.item.editedAt ? ", edited" : ""}
                  {flag.item.suspendedAt ? ", suspended for everyone" : ""}
                  {flag.item.retiredAt ? ", deleted" : ""})
                </span>
              </p>
              <blockquote className="source-quote">{flag.item.sourceText}</blockquote>
              <dl className="stats">
                <div>
                  <dt>Answers (all learners)</dt>
                  <dd>{flag.stats.attempts}</dd>
                </div>
                <div>
                  <dt>Correct (all learners)</dt>
                  <dd>{percent(flag.stats.correct, flag.stats.attempts)}</dd>
                </div>
                <div>
                  <dt>Answers (your classes)</dt>
                  <dd>{flag.stats.classAttempts}</dd>
                </div>
                <div>
                  <dt>Correct (your classes)</dt>
                  <dd>{percent(flag.stats.classCorrect, flag.stats.classAttempts)}</dd>
                </div>
              </dl>
              <p className="actions-row">
                {flag.item.retiredAt ? null : (
                  <Link className="button button--quiet" href={`/decks/${deckId}/items/${flag.item.id}/edit`}>
                    Edit item
                  </Link>
                )}
              </p>
              <ResolveFlagForm deckId={deckId} flagId={flag.id} prompt={flag.item.prompt} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
