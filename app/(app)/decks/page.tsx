import type { Metadata } from "next";
import Link from "next/link";
import { DeckList } from "@/components/deck-list";
import { can } from "@/lib/auth/can";
import { requireUser } from "@/lib/auth/session";
import { listDecks } from "@/lib/db/content";
import { dueCountsByDeck } from "@/lib/db/study";

export const metadata: Metadata = { title: "Decks" };

export default async function DecksPage() {
  const user = await requireUser("/decks");
  return (
    <section>
      <div className="page-head">
        <h1>Decks</h1>
        {can(user, "upload-document") ? (
          <span className="actions-row">
            <Link className="button" href="/decks/new">
              Add a document
            </Link>
            <Link className="button button--quiet" href="/decks/import">
              Import a deck
            </Link>
          </span>
        ) : null}
      </div>
      <p className="muted">
        Each deck is one source document; its items are generated from the document&apos;s facts. Open a deck and choose
        &ldquo;Add to my studies&rdquo; to have &ldquo;Study now&rdquo; take its items.
      </p>
      <DeckList decks={await listDecks(user.id)} viewerId={user.id} due={await dueCountsByDeck(user.id, new Date())} />
    </section>
  );
}
