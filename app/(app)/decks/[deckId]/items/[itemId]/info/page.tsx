import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { cardInfo } from "@/lib/db/card-info";
import { idParams } from "@/lib/validations/params";

export const metadata: Metadata = { title: "Card info" };

const RATING = { again: "Again", hard: "Hard", good: "Good", easy: "Easy" } as const;
const percent = (r: number | null) => (r === null ? "—" : `${(r * 100).toFixed(1)} %`);
const day = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ");

/**
 * Card info (as Anki's): the learner's FSRS state of one item now and the history of their answers. Shows the prompt,
 * never the answer or past responses, so it may be opened while the item is in an unfinished quiz.
 */
export default async function CardInfoPage({ params }: { params: Promise<{ deckId: string; itemId: string }> }) {
  const { deckId, itemId } = await idParams(params);
  const user = await requireUser(`/decks/${deckId}/items/${itemId}/info`);
  const info = await cardInfo(user.id, deckId, itemId, new Date());
  if (!info) notFound();
  const { card } = info;
  return (
    <section>
      <p>
        <Link href={`/decks/${deckId}`}>← {info.item.deckTitle}</Link> ·{" "}
        <Link href={`/decks/${deckId}/items/${itemId}`}>Item and source</Link>
      </p>
      <h1>Card info</h1>
      <p>{info.item.prompt}</p>
      {card ? (
        <dl className="card-info" data-testid="card-info-now">
          <dt>State</dt>
          <dd>
            {card.state}
            {card.suspended ? " (suspended)" : ""}
            {card.leech ? " · leech" : ""}
          </dd>
          <dt>Due</dt>
          <dd>{day(card.due)} UTC</dd>
          <dt>Stability</dt>
          <dd>{card.stability.toFixed(2)} days</dd>
          <dt>Difficulty</dt>
          <dd>{card.difficulty.toFixed(2)} (1–10)</dd>
          <dt>Retrievability now</dt>
          <dd data-testid="card-info-retrievability">{percent(card.retrievability)}</dd>
          <dt>Reviews · lapses</dt>
          <dd>
            {card.reps} · {card.lapses}
          </dd>
          <dt>Preset</dt>
          <dd>{info.presetName ?? "Default"}</dd>
        </dl>
      ) : (
        <p className="muted">You have not answered this item yet.</p>
      )}
      <h2 id="history-heading">Review history</h2>
      {info.reviews.length === 0 ? (
        <p className="muted">No reviews yet.</p>
      ) : (
        <table aria-labelledby="history-heading">
          <thead>
            <tr>
              <th scope="col">Date (UTC)</th>
              <th scope="col">Rating</th>
              <th scope="col">State before</th>
              <th scope="col">Days since last</th>
              <th scope="col">Recall chance then</th>
              <th scope="col">Stability after</th>
              <th scope="col">Difficulty after</th>
              <th scope="col">Interval</th>
              <th scope="col">Preset</th>
            </tr>
          </thead>
          <tbody>
            {info.reviews.map((review, i) => (
              <tr key={i}>
                <td>{day(review.reviewedAt)}</td>
                <td>{RATING[review.rating]}</td>
                <td>{review.previousState}</td>
                <td>{review.elapsedDays}</td>
                <td>{percent(review.retrievabilityBefore)}</td>
                <td>{review.stability.toFixed(2)}</td>
                <td>{review.difficulty.toFixed(2)}</td>
                <td>{review.interval}</td>
                <td>{review.presetName ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
