import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAbility } from "@/lib/auth/session";
import { classAssignmentProgress } from "@/lib/db/assignments";
import { getTeacherClass } from "@/lib/db/classes";
import { listSets } from "@/lib/db/sets";
import { AssignmentForm } from "./assignment-form";
import { removeMemberAction, renewCodeAction } from "./actions";

export const metadata: Metadata = { title: "Class" };

const formatDue = (date: Date) => date.toISOString().slice(0, 16).replace("T", " ") + " UTC";

export default async function ClassPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const user = await requireAbility("teach", `/classes/${classId}`);
  const klass = await getTeacherClass(classId, user);
  if (!klass) notFound();
  const [sets, progress] = await Promise.all([
    listSets(user),
    classAssignmentProgress(klass.members, klass.assignments),
  ]);
  const host = (await headers()).get("host") ?? "localhost:3000";
  const origin = process.env.NEXTAUTH_URL ?? `http://${host}`;
  const invite = `${origin}/join/${klass.joinCode}`;
  const now = new Date();
  const expired = klass.joinCodeExpiresAt <= now;

  return (
    <section>
      <p>
        <Link href="/classes">← Classes</Link>
      </p>
      <h1>{klass.name}</h1>
      {klass.description ? <p>{klass.description}</p> : null}

      <div className="card">
        <h2>Join code</h2>
        <p className="join-code" data-testid="join-code">
          {klass.joinCode}
        </p>
        <p className="muted">
          {expired ? "Expired" : "Valid until"} {formatDue(klass.joinCodeExpiresAt)}. Invite link:{" "}
          <a href={invite} data-testid="invite-link">
            {invite}
          </a>
        </p>
        <form action={renewCodeAction}>
          <input type="hidden" name="classId" value={klass.id} />
          <button className="button button--quiet button--small" type="submit">
            Make a new code (the old one stops working)
          </button>
        </form>
      </div>

      <h2>Learners ({klass.members.length})</h2>
      {klass.members.length === 0 ? (
        <p className="muted">No learners yet: share the join code or the invite link.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Learners and their assignment progress</caption>
            <thead>
              <tr>
                <th scope="col">Learner</th>
                {klass.assignments.map((a) => (
                  <th scope="col" key={a.id}>
                    {a.set.name} ({a.mode})
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {klass.members.map(({ user: learner }) => (
                <tr key={learner.id}>
                  <th scope="row">
                    {learner.name}
                    <br />
                    <span className="muted">{learner.email}</span>
                  </th>
                  {klass.assignments.map((a) => {
                    const cell = progress.get(learner.id)?.get(a.id);
                    return (
                      <td key={a.id} data-testid={`progress-${learner.email}-${a.id}`}>
                        {a.mode === "quiz"
                          ? cell?.best === null || cell?.best === undefined
                            ? `not taken (${cell?.attempts ?? 0}/${a.maxAttempts} attempts)`
                            : `best ${cell.best}/${a.set._count.items} (${cell.attempts}/${a.maxAttempts} attempts)`
                          : `${cell?.progress.done ?? 0}/${cell?.progress.total ?? a.set._count.items}${cell?.progress.complete ? " ✓ complete" : ""}`}
                      </td>
                    );
                  })}
                  <td>
                    <form action={removeMemberAction}>
                      <input type="hidden" name="classId" value={klass.id} />
                      <input type="hidden" name="userId" value={learner.id} />
                      <button className="link-button" type="submit" aria-label={`Remove ${learner.name}`}>
                        Remove
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>Assignments</h2>
      {klass.assignments.length === 0 ? (
        <p className="muted">No assignments yet.</p>
      ) : (
        <ul className="plain-list">
          {klass.assignments.map((a) => (
            <li key={a.id} className={a.dueAt < now ? "overdue" : ""}>
              <strong>{a.set.name}</strong> · {a.mode} · due {formatDue(a.dueAt)}
              {a.mode === "quiz" ? ` · ${a.maxAttempts} attempt${a.maxAttempts > 1 ? "s" : ""}` : ""}
            </li>
          ))}
        </ul>
      )}
      <h3>New assignment</h3>
      <AssignmentForm classId={klass.id} sets={sets.map((s) => ({ id: s.id, name: s.name, count: s._count.items }))} />
    </section>
  );
}
