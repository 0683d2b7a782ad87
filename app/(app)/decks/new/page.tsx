import type { Metadata } from "next";
import { requireAbility } from "@/lib/auth/session";
import { DOCUMENT_LIMITS } from "@/lib/documents/limits";
import { DOCUMENT_MAX_BYTES } from "@/lib/validations/document";
import { UploadForm } from "./upload-form";

export const metadata: Metadata = { title: "Add a document" };

export default async function NewDeckPage() {
  await requireAbility("upload-document", "/decks/new");
  return (
    <section>
      <h1>Add a document</h1>
      <p className="muted">
        Paste a document or upload one (PDF, Word, a web page, Markdown or text). Factdeck generates quiz items from its
        facts; remove any you don&apos;t want, then save it as a draft and publish it from its page.
      </p>
      <UploadForm maxBytes={DOCUMENT_MAX_BYTES} maxFileBytes={DOCUMENT_LIMITS.bytes} />
    </section>
  );
}
