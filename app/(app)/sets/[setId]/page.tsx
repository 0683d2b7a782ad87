import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAbility } from "@/lib/auth/session";
import { KIND_LABELS } from "@/lib/content/labels";
import type { ItemKind } from "@/lib/content/types";
import { getSet } from "@/lib/db/sets";
import { setConsequences } from "@/lib/db/teaching-lifecycle";
import { idParams } from "@/lib/validations/params";
import { ManageSet } from "./manage-set";

export const metadata: Metadata = { title: "Set" };

export default async function SetPage({ params }: { params: Promise<{ setId: string }> }) {
  const { setId } = await idParams(params);
  const user = await requireAbility("teach", `/sets/${setId}`);
  const set = await getSet(setId, user);
  if (!set) notFound();
  const consequences = (await setConsequences(setId, user))!;
  return (
    <section>
      <p>
        <Link href="/sets">← Sets</Link>
      </p>
      <h1>{set.name}</h1>
      <p className="muted">{set.items.length} items. Assign it from a class page.</p>
      <ManageSet set={{ id: set.id, name: set.name, ...consequences }} />
      <ol className="item-list">
        {set.items.map(({ item }) => (
          <li key={item.id} className="card item-card">
            <span className="badge">{KIND_LABELS[item.kind as ItemKind] ?? item.kind}</span>
            <p className="item-prompt">{item.prompt}</p>
            <Link href={`/decks/${item.documentId}/items/${item.id}#source`}>Source</Link>
          </li>
        ))}
      </ol>
    </section>
  );
}
