import Link from "next/link";
import { JoinForm } from "@/app/(app)/join/join-form";
import { DeckList } from "@/components/deck-list";
import { getCurrentUser } from "@/lib/auth/session";
import { learnerAssignments } from "@/lib/db/assignments";
import { listMemberships } from "@/lib/db/classes";
import { listDecks } from "@/lib/db/content";
import { viewerTimeZone } from "@/lib/db/settings";
import { progressFraction } from "@/lib/progress/assignment-progress";
import { dueLabel } from "@/lib/progress/format";
import { countStudyDecks } from "@/lib/db/deck-lifecycle";
import { dueCountsByDeck } from "@/lib/db/study";

export default async function HomePage() {
  const user = await getCurrentUser();
  if (!user) {
    return (
      <section>
        <h1>Learn the facts of a document, and keep them</h1>
        <p>
          Factdeck turns a source document into quiz questions — dates, people, places, figures — and schedules them
          with spaced repetition, so you review each fact just before you would forget it.
        </p>
        <p>
          <Link className="button" href="/login">
            Sign in
          </Link>{" "}
          <Link className="button button--quiet" href="/signup">
            Create an account
          </Link>
        </p>
      </section>
    );
  }
  const now = new Date();
  const timeZone = await viewerTimeZone(user.id);
  const [assignments, memberships, decks, studyDecks] = await Promise.all([
    learnerAssignments(user.id),
    listMemberships(user.id),
    listDecks(user.id),
    countStudyDecks(user.id),
  ]);
  const nothingToStudy = studyDecks === 0 && !assignments.some((a) => a.mode === "study");
  const due = await dueCountsByDeck(user.id, now);
  const dueTotal = [...due.values()].reduce((sum, n) => sum + n, 0);
  return (
    <section>
      <h1>Welcome, {user.name}</h1>
      <p>
        <Link className="button" href="/study">
          Study now
        </Link>{" "}
        <span data-testid="due-total">{dueTotal === 0 ? "No reviews due today" : `${dueTotal} due today`}</span>
      </p>
      {nothingToStudy ? (
        <p className="notice" data-testid="no-study-decks">
          You have no decks to study yet. Open a deck below and choose &ldquo;Add to my studies&rdquo;: &ldquo;Study
          now&rdquo; then takes its items, with those your classes assign.
        </p>
      ) : null}
      {memberships.length > 0 ? (
        <>
          <h2>Assignments</h2>
          {assignments.length === 0 ? (
            <p className="muted">No assignments yet.</p>
          ) : (
            <ul className="plain-list assignment-list">
              {assignments.map((a) => {
                const due = dueLabel(a.dueAt, now, timeZone);
                const late = due.overdue && !a.progress.complete;
                return (
                  <li key={a.id} className={`card${late ? " card--overdue" : ""}`} data-testid="assignment">
                    <Link href={`/assignments/${a.id}`}>
                      <strong>{a.set.name}</strong>
                    </Link>{" "}
                    <span className="muted">
                      · {a.class.name} · {a.mode === "study" ? "study" : "quiz"}
                    </span>
                    <p className={late ? "overdue" : "muted"}>{due.text}</p>
                    {a.mode === "study" ? (
                      <>
                        <progress
                          value={a.progress.points}
                          max={a.progress.maxPoints}
                          aria-label={`${a.set.name} progress`}
                        />
                        <p data-testid="study-standing">
                          {Math.round(progressFraction(a.progress) * 100)}% · {a.progress.done} of {a.progress.total}{" "}
                          items learned{a.progress.complete ? " — complete" : ""}
                        </p>
                      </>
                    ) : (
                      <p data-testid="quiz-standing">
                        {a.best !== null
                          ? `Best score ${a.best}/${a.outOf}${a.inProgress ? " · another attempt in progress" : ""}`
                          : a.inProgress
                            ? "In progress"
                            : "Not taken yet"}
                      </p>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          <p className="muted">
            Your classes: {memberships.map((m) => `${m.class.name} (${m.class.owner.name})`).join(", ")}
          </p>
        </>
      ) : null}
      <h2>Decks</h2>
      <DeckList decks={decks} viewerId={user.id} due={due} />
      <h2>Join a class</h2>
      <JoinForm />
    </section>
  );
}
