import type { Metadata } from "next";
import { requireAbility } from "@/lib/auth/session";
import { listDecks } from "@/lib/db/content";
import { SetBuilder } from "./set-builder";

export const metadata: Metadata = { title: "New set" };

export default async function NewSetPage() {
  const user = await requireAbility("teach", "/sets/new");
  // Archived decks are not assigned; drafts and private decks may be, once published to the class (createAssignment).
  const decks = (await listDecks(user.id)).filter((d) => d.status !== "archived");
  return (
    <section>
      <h1>New set</h1>
      <p className="muted">
        Choose decks and filters, preview the matching items, untick any you don&apos;t want, then save.
      </p>
      <SetBuilder decks={decks.map((d) => ({ id: d.id, title: d.title }))} />
    </section>
  );
}
