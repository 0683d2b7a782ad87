import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ItemBrowser } from "@/components/items/item-browser";
import { can } from "@/lib/auth/can";
import { requireUser } from "@/lib/auth/session";
import { browseItems } from "@/lib/db/browse";
import { getDeckTitle } from "@/lib/db/content";
import { parseBrowseParams } from "@/lib/validations/items";
import { idParams } from "@/lib/validations/params";

export const metadata: Metadata = { title: "Browse deck" };

/** One deck's items in the browser. */
export default async function DeckBrowsePage({
  params,
  searchParams,
}: {
  params: Promise<{ deckId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { deckId } = await idParams(params);
  const user = await requireUser(`/decks/${deckId}/browse`);
  const deck = await getDeckTitle(deckId, user.id);
  if (!deck) notFound();
  const query = parseBrowseParams(await searchParams);
  const result = await browseItems(user, { deckId }, query);
  return (
    <section>
      <p>
        <Link href={`/decks/${deckId}`}>← {deck.title}</Link>
      </p>
      <h1>Browse: {deck.title}</h1>
      <ItemBrowser
        basePath={`/decks/${deckId}/browse`}
        params={query}
        result={result}
        showDeck={false}
        exportScope={can(user, "upload-document") ? { deckId } : undefined}
      />
    </section>
  );
}
