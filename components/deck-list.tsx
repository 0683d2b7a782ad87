import Link from "next/link";

type DeckSummary = { id: string; title: string; textDate: string | null; _count: { items: number } };

export function DeckList({ decks }: { decks: DeckSummary[] }) {
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
        </li>
      ))}
    </ul>
  );
}
