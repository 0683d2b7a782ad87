import type { Metadata } from "next";
import { requireAbility } from "@/lib/auth/session";
import { IMPORT_LIMITS } from "@/lib/interchange/limits";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import a deck" };

export default async function ImportDeckPage() {
  await requireAbility("upload-document", "/decks/import");
  return (
    <section>
      <h1>Import a deck</h1>
      <p className="muted">
        Import a CSV or TSV file (front, back, and optionally accepted alternatives and a topic: the shape Quizlet and
        Anki export) or an Anki package (.apkg with basic and cloze notes). Preview it first: rows that cannot be
        imported are listed, and nothing is created until every row is right. You will own the new deck.
      </p>
      <ImportForm maxFileBytes={IMPORT_LIMITS.bytes} maxRows={IMPORT_LIMITS.rows} />
    </section>
  );
}
