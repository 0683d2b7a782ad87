import type { Metadata } from "next";
import Link from "next/link";
import { requireAbility } from "@/lib/auth/session";
import { listSets } from "@/lib/db/sets";

export const metadata: Metadata = { title: "Sets" };

export default async function SetsPage() {
  const user = await requireAbility("teach", "/sets");
  const sets = await listSets(user);
  return (
    <section>
      <div className="page-head">
        <h1>Sets</h1>
        <Link className="button" href="/sets/new">
          New set
        </Link>
      </div>
      {sets.length === 0 ? (
        <p className="muted">No sets yet. A set is a selection of items you can assign to a class.</p>
      ) : (
        <ul className="grid plain-list">
          {sets.map((set) => (
            <li key={set.id} className="card">
              <Link href={`/sets/${set.id}`}>
                <strong>{set.name}</strong>
              </Link>
              <p className="muted">
                {set._count.items} items · assigned {set._count.assignments} times
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
