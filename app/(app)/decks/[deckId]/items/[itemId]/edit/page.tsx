import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { KIND_LABELS } from "@/lib/content/labels";
import { getItemForOwner } from "@/lib/db/items";
import { idParams } from "@/lib/validations/params";
import { EditItemForm } from "./edit-form";
import { OwnerActions } from "./owner-actions";

export const metadata: Metadata = { title: "Edit item" };

/** The deck owner's editor for one item; anyone else (or a deleted item) is "not found". */
export default async function EditItemPage({ params }: { params: Promise<{ deckId: string; itemId: string }> }) {
  const { deckId, itemId } = await idParams(params);
  const user = await requireUser(`/decks/${deckId}/items/${itemId}/edit`);
  const found = await getItemForOwner(user, deckId, itemId);
  if (!found) notFound();
  const { item } = found;
  return (
    <section>
      <p>
        <Link href={`/decks/${deckId}/browse`}>← Browse {found.document.title}</Link>
      </p>
      <h1>Edit item</h1>
      <p className="muted">
        {KIND_LABELS[item.kind]}
        {found.editedAt ? ` · edited ${found.editedAt.toISOString().slice(0, 10)}` : " · as generated"}
        {found.suspendedAt ? " · suspended for everyone" : ""}
      </p>
      <h2>Source sentence</h2>
      <blockquote className="source-quote">{found.sourceText}</blockquote>
      <p className="muted">
        Saving keeps the item&apos;s id, so every learner keeps their progress on it, and marks it as edited: rebuilding
        the document no longer changes it.
      </p>
      <EditItemForm
        deckId={deckId}
        itemId={itemId}
        checksum={found.checksum}
        kind={item.kind}
        initial={{
          prompt: item.prompt,
          topic: item.topic,
          answer: item.answer,
          accepted: item.accepted.join("\n"),
          options: (item.options ?? []).join("\n"),
          pairs: (item.pairs ?? []).map((p) => `${p.left} → ${p.right}`).join("\n"),
          sequence: (item.sequence ?? []).join("\n"),
        }}
      />
      <OwnerActions deckId={deckId} itemId={itemId} suspended={!!found.suspendedAt} />
    </section>
  );
}
