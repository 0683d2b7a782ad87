import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAbility } from "@/lib/auth/session";
import { getReuploadDeck } from "@/lib/db/deck-reupload";
import { DOCUMENT_LIMITS } from "@/lib/documents/limits";
import { DOCUMENT_MAX_BYTES } from "@/lib/validations/document";
import { idParams } from "@/lib/validations/params";
import { UploadForm } from "../../new/upload-form";

export const metadata: Metadata = { title: "Upload a changed version" };

/** Re-upload a changed document to the instructor's own deck; anyone else's deck is "not found". */
export default async function ReuploadPage({ params }: { params: Promise<{ deckId: string }> }) {
  const { deckId } = await idParams(params);
  const user = await requireAbility("upload-document", `/decks/${deckId}/reupload`);
  const deck = await getReuploadDeck(deckId, user.id);
  if (!deck) notFound();
  return (
    <section>
      <p>
        <Link href={`/decks/${deck.id}`}>← {deck.title}</Link>
      </p>
      <h1>Upload a changed version: {deck.title}</h1>
      <p className="muted">
        The preview shows which items are new, changed or retired. Items the new text still yields keep their id, so
        learners keep their progress on them.
      </p>
      <UploadForm maxBytes={DOCUMENT_MAX_BYTES} maxFileBytes={DOCUMENT_LIMITS.bytes} deck={deck} />
    </section>
  );
}
