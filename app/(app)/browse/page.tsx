import type { Metadata } from "next";
import { ItemBrowser } from "@/components/items/item-browser";
import { can } from "@/lib/auth/can";
import { requireUser } from "@/lib/auth/session";
import { browseItems } from "@/lib/db/browse";
import { parseBrowseParams } from "@/lib/validations/items";

export const metadata: Metadata = { title: "Browse items" };

/** Every deck's items in one browser (the decks the library lists), with the viewer's own card states. */
export default async function BrowsePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser("/browse");
  const params = parseBrowseParams(await searchParams);
  const result = await browseItems(user, {}, params);
  return (
    <section>
      <h1>Browse items</h1>
      <ItemBrowser
        basePath="/browse"
        params={params}
        result={result}
        showDeck
        exportScope={can(user, "upload-document") ? {} : undefined}
      />
    </section>
  );
}
