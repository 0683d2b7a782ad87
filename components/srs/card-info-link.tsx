import Link from "next/link";

/** The way to an item's card info (review history, stability, difficulty, retrievability): item page and study. */
export function CardInfoLink({ deckId, itemId }: { deckId: string; itemId: string }) {
  return (
    <Link href={`/decks/${deckId}/items/${itemId}/info`} data-testid="card-info-link">
      Card info
    </Link>
  );
}
