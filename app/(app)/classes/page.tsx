import type { Metadata } from "next";
import Link from "next/link";
import { requireAbility } from "@/lib/auth/session";
import { listTeacherClasses } from "@/lib/db/classes";
import { CreateClassForm } from "./create-class-form";
import { plural } from "@/lib/progress/format";

export const metadata: Metadata = { title: "Classes" };

export default async function ClassesPage() {
  const user = await requireAbility("teach", "/classes");
  const classes = await listTeacherClasses(user);
  return (
    <section>
      <h1>Classes</h1>
      {classes.length === 0 ? (
        <p className="muted">You have no classes yet.</p>
      ) : (
        <ul className="grid plain-list">
          {classes.map((c) => (
            <li key={c.id} className="card">
              <Link href={`/classes/${c.id}`}>
                <strong>{c.name}</strong>
              </Link>
              <p className="muted">
                {plural(c._count.members, "learner")} · {plural(c._count.assignments, "assignment")}
              </p>
            </li>
          ))}
        </ul>
      )}
      <h2>New class</h2>
      <CreateClassForm />
    </section>
  );
}
