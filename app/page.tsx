import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/session";
import { listDecks } from "@/lib/db/content";
import { DeckList } from "@/components/deck-list";

export default async function HomePage() {
  const user = await getCurrentUser();
  if (!user) {
    return (
      <section>
        <h1>Learn the facts of a document, and keep them</h1>
        <p>
          Factdeck turns a source document into quiz questions — dates, people, places, figures — and schedules them
          with spaced repetition, so you review each fact just before you would forget it.
        </p>
        <p>
          <Link className="button" href="/login">
            Sign in
          </Link>{" "}
          <Link className="button button--quiet" href="/signup">
            Create an account
          </Link>
        </p>
      </section>
    );
  }
  return (
    <section>
      <h1>Welcome, {user.name}</h1>
      <h2>Decks</h2>
      <DeckList decks={await listDecks()} />
    </section>
  );
}
