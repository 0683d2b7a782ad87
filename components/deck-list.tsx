import Link from "next/link";

type DeckSummary = { id: string; title: string; textDate: string | null; _count: { items: number } };

/** Decks as cards; with `due` (deck id → reviews due today, lib/db/study dueCountsByDeck) each says how many. */
export function DeckList({ decks, due }: { decks: DeckSummary[]; due?: ReadonlyMap<string, number> }) {
  if (decks.length === 0) return <p className="muted">No decks yet.</p>;
  return (
    <ul className="grid plain-list">
      {decks.map((deck) => (
        <li key={deck.id} className="card">
          <Link href={`/decks/${deck.id}`}>
            <strong>{deck.title}</strong>
          </Link>
          <p className="muted">
            {deck._count.items} items{deck.textDate ? ` · text of ${deck.textDate}` : ""}
          </p>
          {due ? (
            <p data-testid="deck-due">
              {due.get(deck.id) ? (
                <Link href={`/decks/${deck.id}/study`}>{due.get(deck.id)} due today</Link>
              ) : (
                <span className="muted">Nothing due today</span>
              )}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
