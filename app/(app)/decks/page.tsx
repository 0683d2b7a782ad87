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
          <Link className="button" href="/decks/new">
            Add a document
          </Link>
        ) : null}
      </div>
      <p className="muted">Each deck is one source document; its items are generated from the document&apos;s facts.</p>
      <DeckList decks={await listDecks()} due={dueCountsByDeck(user.id, new Date())} />
    </section>
  );
}
