import Link from "next/link";

type DeckSummary = {
  id: string;
  title: string;
  textDate: string | null;
  status?: string;
  visibility?: string;
  ownerId?: string | null;
  _count: { items: number };
};

/** What the owner is reminded of in lists: who else sees their deck. Others only ever see decks they may see. */
function ownerBadge(deck: DeckSummary): string | null {
  if (deck.status === "draft") return "Draft";
  if (deck.status === "archived") return "Archived";
  if (deck.visibility === "private") return "Private";
  if (deck.visibility === "classes") return "Your classes";
  return null;
}

/** Decks as cards; with `due` (deck id → reviews due today, lib/db/study dueCountsByDeck) each says how many. */
export function DeckList({
  decks,
  viewerId,
  due,
}: {
  decks: DeckSummary[];
  viewerId?: string;
  due?: ReadonlyMap<string, number>;
}) {
  if (decks.length === 0) return <p className="muted">No decks yet.</p>;
  return (
    <ul className="grid plain-list">
      {decks.map((deck) => {
        const badge = viewerId && deck.ownerId === viewerId ? ownerBadge(deck) : null;
        return (
          <li key={deck.id} className="card">
            <Link href={`/decks/${deck.id}`}>
              <strong>{deck.title}</strong>
            </Link>
            {badge ? <span className="badge">{badge}</span> : null}
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
        );
      })}
    </ul>
  );
}
