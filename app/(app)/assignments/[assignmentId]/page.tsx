import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getLearnerAssignment, learnerAssignments } from "@/lib/db/assignments";
import { viewerTimeZone } from "@/lib/db/settings";
import { progressFraction } from "@/lib/progress/assignment-progress";
import { dueLabel } from "@/lib/progress/format";
import { STUDY_COMPLETE_RULE, STUDY_PROGRESS_RULE } from "@/lib/study/rules";
import { StartQuizButton } from "./start-quiz";
import { idParams } from "@/lib/validations/params";

export const metadata: Metadata = { title: "Assignment" };

export default async function AssignmentPage({ params }: { params: Promise<{ assignmentId: string }> }) {
  const { assignmentId } = await idParams(params);
  const user = await requireUser(`/assignments/${assignmentId}`);
  const assignment = await getLearnerAssignment(assignmentId, user.id);
  if (!assignment) notFound();
  const summary = (await learnerAssignments(user.id)).find((a) => a.id === assignment.id)!;
  const due = dueLabel(assignment.dueAt, new Date(), await viewerTimeZone(user.id));
  const finished = assignment.quizAttempts.filter((q) => q.finishedAt);
  const open = assignment.quizAttempts.find((q) => !q.finishedAt);
  const left = assignment.maxAttempts - assignment.quizAttempts.length;
  return (
    <section>
      <p>
        <Link href="/">← Home</Link>
      </p>
      <h1>{assignment.set.name}</h1>
      <p className={due.overdue ? "overdue" : "muted"}>
        {assignment.class.name} · {assignment.mode === "study" ? "Study" : "Quiz"} · {due.text}
      </p>
      {assignment.mode === "study" ? (
        <div className="card">
          <progress
            value={summary.progress.points}
            max={summary.progress.maxPoints}
            aria-label={`${assignment.set.name} progress`}
          />
          <p data-testid="assignment-progress">
            {Math.round(progressFraction(summary.progress) * 100)}% · {summary.progress.introduced} seen ·{" "}
            {summary.progress.correct} answered correctly · {summary.progress.done} of {summary.progress.total} learned
            {summary.progress.complete ? " — complete" : ""}
          </p>
          {summary.hiddenItems > 0 ? (
            <p className="muted" data-testid="assignment-hidden">
              {summary.hiddenItems === 1 ? "1 item" : `${summary.hiddenItems} items`} of this set{" "}
              {summary.hiddenItems === 1 ? "is" : "are"} in a deck no longer shared with your class: left out of your
              progress and of your studies until its owner shares it again.
            </p>
          ) : null}
          <h2>How completion is counted</h2>
          <p>{STUDY_PROGRESS_RULE}</p>
          <p>{STUDY_COMPLETE_RULE}</p>
          <p className="muted">
            Its items come first among your new items when you study, spread so that all of them are introduced by the
            due date (related items, such as two questions on one fact, are kept on different days while there is time).
          </p>
          <Link className="button" href="/study">
            Study now
          </Link>
        </div>
      ) : (
        <div className="card">
          <p>
            A scored quiz on every item of the set that a quiz can grade (flashcards are left out). Attempts:{" "}
            {assignment.quizAttempts.length} of {assignment.maxAttempts} used.
          </p>
          {finished.length ? (
            <ul>
              {finished.map((q, i) => (
                <li key={q.id}>
                  Attempt {i + 1}:{" "}
                  <Link href={`/quiz/${q.id}`}>
                    {q.score} of {q.total}
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
          {open ? (
            <StartQuizButton assignmentId={assignment.id} label="Continue the quiz" />
          ) : left > 0 ? (
            <StartQuizButton assignmentId={assignment.id} label={finished.length ? "Try again" : "Start the quiz"} />
          ) : (
            <p className="muted">You have used all your attempts.</p>
          )}
        </div>
      )}
    </section>
  );
}
