import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAbility } from "@/lib/auth/session";
import { TOPIC_LABELS } from "@/lib/content/labels";
import type { Topic } from "@/lib/content/types";
import { setMinimumDays } from "@/lib/db/assignments";
import { loadClassDashboard } from "@/lib/db/class-dashboard";
import { listSets } from "@/lib/db/sets";
import { viewerTimeZone } from "@/lib/db/settings";
import { progressFraction } from "@/lib/progress/assignment-progress";
import { dateTimeLocalValue, formatDate, formatDateTime, localDateKey } from "@/lib/progress/format";
import { assignmentConsequences, classConsequences } from "@/lib/db/teaching-lifecycle";
import { GOOD_DISCRIMINATION } from "@/lib/progress/item-analysis";
import { AssignmentForm } from "./assignment-form";
import { ManageAssignment, ManageClass } from "./lifecycle/forms";
import { removeMemberAction, renewCodeAction } from "./actions";
import { STUDY_PROGRESS_RULE } from "@/lib/study/rules";
import { idParams } from "@/lib/validations/params";

export const metadata: Metadata = { title: "Class" };

export default async function ClassPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await idParams(params);
  const user = await requireAbility("teach", `/classes/${classId}`);
  const dashboard = await loadClassDashboard(classId, user);
  if (!dashboard) notFound();
  const { klass, learners, topics, weakest, itemAnalysis } = dashboard;
  const sets = await listSets(user);
  const minDays = await setMinimumDays(sets.map((s) => s.id));
  // Every date and time on the page is in the viewer's own zone (Settings), the zone the due date is entered in.
  const timeZone = await viewerTimeZone(user.id);
  const [consequences, assignmentEffects] = await Promise.all([
    classConsequences(classId, user),
    Promise.all(klass.assignments.map((a) => assignmentConsequences(a.id, user))),
  ]);
  const pct = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)}%`);
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
          {expired ? "Expired" : "Valid until"} {formatDateTime(klass.joinCodeExpiresAt, timeZone)}. Invite link:{" "}
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
      {klass.assignments.some((a) => a.mode === "study") ? (
        <p className="muted">Study assignments: {STUDY_PROGRESS_RULE}</p>
      ) : null}
      {klass.assignments.some((a) => a.mode === "quiz") ? (
        <p className="muted">
          Quiz scores count only the questions a quiz can grade: flashcards in a set are not asked or scored.
        </p>
      ) : null}
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
              {learners.map((learner) => (
                <tr key={learner.id}>
                  <th scope="row">
                    {learner.name}
                    <br />
                    <span className="muted">{learner.email}</span>
                    <br />
                    <span className="muted">
                      {learner.lastActive ? `active ${formatDate(learner.lastActive, timeZone)}` : "not active yet"}
                    </span>
                  </th>
                  {klass.assignments.map((a) => {
                    const cell = learner.assignments.get(a.id);
                    return (
                      <td key={a.id} data-testid={`progress-${learner.email}-${a.id}`}>
                        {a.mode === "quiz"
                          ? cell?.best === null || cell?.best === undefined
                            ? `not taken (${cell?.attempts ?? 0}/${a.maxAttempts} attempts)`
                            : // Out of the questions scored: flashcards are never scored in a quiz.
                              `best ${cell.best}/${cell.outOf ?? a.set._count.items} (${cell.attempts}/${a.maxAttempts} attempts)`
                          : `${Math.round(progressFraction(cell?.progress ?? { points: 0, maxPoints: 0 }) * 100)}% · ${cell?.progress.done ?? 0}/${cell?.progress.total ?? a.set._count.items} learned${cell?.progress.complete ? " ✓ complete" : ""}`}
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

      <p className="actions-row">
        <a href={`/classes/${klass.id}/gradebook.csv`} download>
          Export CSV
        </a>
        <span className="muted">(gradebook)</span>
      </p>

      {learners.length > 0 && topics.length > 0 ? (
        <>
          <h2>Mastery by topic</h2>
          <p className="muted">
            Share of the assigned items of each topic the learner has mastered (in review, stable for 21+ days).
          </p>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Mastery by topic per learner</caption>
              <thead>
                <tr>
                  <th scope="col">Learner</th>
                  {topics.map((topic) => (
                    <th scope="col" key={topic}>
                      {TOPIC_LABELS[topic as Topic] ?? topic}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {learners.map((learner) => (
                  <tr key={learner.id}>
                    <th scope="row">{learner.name}</th>
                    {topics.map((topic) => (
                      <td key={topic}>
                        {learner.mastery[topic]!.mastered}/{learner.mastery[topic]!.total}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}

      <h2>Weakest items</h2>
      {weakest.length === 0 ? (
        <p className="muted">Not enough answers yet.</p>
      ) : (
        <ol className="weakest">
          {weakest.map((item) => (
            <li key={item.id}>
              <Link href={`/decks/${item.documentId}/items/${item.id}#source`}>{item.prompt}</Link>{" "}
              <span className="muted">
                — recalled {pct(item.recall)} of {item.answers} answers
              </span>
            </li>
          ))}
        </ol>
      )}

      <h2>Item analysis (quiz assignments)</h2>
      {itemAnalysis.length === 0 ? (
        <p className="muted">No finished quiz attempts yet.</p>
      ) : (
        <>
          <p className="muted">
            Facility: share answered correctly (0.3–0.7 is informative). Discrimination: point-biserial correlation with
            the rest of the quiz (below {GOOD_DISCRIMINATION} flagged). Options chosen by under 5% are non-functional.
            FSRS difficulty (1–10) and lapse rate come from the class&apos;s study of the item: an item hard for
            everyone shows up in both; a struggling learner only in their own results.{" "}
            <a href={`/classes/${klass.id}/item-analysis.csv`} download>
              Export CSV
            </a>
          </p>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Item analysis</caption>
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col">Answers</th>
                  <th scope="col">Facility</th>
                  <th scope="col">Discrimination</th>
                  <th scope="col">Wrong options chosen</th>
                  <th scope="col">FSRS difficulty</th>
                  <th scope="col">Lapse rate</th>
                </tr>
              </thead>
              <tbody>
                {itemAnalysis.map((row) => (
                  <tr key={row.itemId}>
                    <th scope="row">
                      <Link href={`/decks/${row.documentId}/items/${row.itemId}#source`}>{row.prompt}</Link>
                    </th>
                    <td>{row.answers}</td>
                    <td>{row.facility.toFixed(2)}</td>
                    <td
                      className={
                        row.discrimination !== null && row.discrimination < GOOD_DISCRIMINATION ? "overdue" : ""
                      }
                    >
                      {row.discrimination === null ? "—" : row.discrimination.toFixed(2)}
                    </td>
                    <td>
                      {row.distractors.length === 0
                        ? "—"
                        : row.distractors.map((d) => (
                            <div key={d.option}>
                              {d.option}: {pct(d.share)}
                              {d.nonFunctional ? " (non-functional)" : ""}
                            </div>
                          ))}
                    </td>
                    <td>{row.fsrsDifficulty === null ? "—" : row.fsrsDifficulty.toFixed(1)}</td>
                    <td>{pct(row.lapseRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <h2>Assignments</h2>
      {klass.assignments.length === 0 ? (
        <p className="muted">No assignments yet.</p>
      ) : (
        <ul className="plain-list">
          {klass.assignments.map((a, i) => (
            <li key={a.id} className={a.dueAt < now ? "overdue" : ""}>
              <strong>{a.set.name}</strong> · {a.mode} · due {formatDateTime(a.dueAt, timeZone)}
              {a.mode === "quiz" ? ` · ${a.maxAttempts} attempt${a.maxAttempts > 1 ? "s" : ""}` : ""}
              <ManageAssignment
                assignment={{
                  id: a.id,
                  name: a.set.name,
                  mode: a.mode,
                  dueLocal: dateTimeLocalValue(a.dueAt, timeZone),
                  maxAttempts: a.maxAttempts,
                  quizAttempts: assignmentEffects[i]?.quizAttempts ?? 0,
                  learners: assignmentEffects[i]?.learners ?? 0,
                }}
              />
            </li>
          ))}
        </ul>
      )}
      <h3>New assignment</h3>
      <AssignmentForm
        classId={klass.id}
        sets={sets.map((s) => ({ id: s.id, name: s.name, count: s._count.items, minDays: minDays.get(s.id) ?? 0 }))}
        timeZone={timeZone}
        today={localDateKey(now, timeZone)}
      />
      {consequences ? (
        <ManageClass
          klass={{ id: klass.id, name: klass.name, description: klass.description }}
          consequences={consequences}
        />
      ) : null}
    </section>
  );
}
