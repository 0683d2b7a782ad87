import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { loadOpenQuizItems } from "@/lib/db/open-quizzes";
import { quizResults, quizState } from "@/lib/db/quiz";
import { requestLocale } from "@/lib/study/request-locale";
import { QuizRunner } from "./quiz-runner";
import { idParams } from "@/lib/validations/params";

export const metadata: Metadata = { title: "Practice quiz" };

function shownAnswer(response: string) {
  try {
    const parsed = JSON.parse(response) as unknown;
    if (Array.isArray(parsed)) {
      return parsed.map((entry) => (typeof entry === "string" ? entry : `${entry.left} → ${entry.right}`)).join("; ");
    }
  } catch {
    // A plain text answer.
  }
  return response;
}

export default async function QuizPage({
  params,
  searchParams,
}: {
  params: Promise<{ attemptId: string }>;
  searchParams: Promise<{ asked?: string | string[] }>;
}) {
  const { attemptId } = await idParams(params);
  // How many questions the learner asked for, when the deck had fewer (set by startQuizAction); anything else is ignored.
  const asked = Number((await searchParams).asked);
  const user = await requireUser(`/quiz/${attemptId}`);
  const state = await quizState(attemptId, user.id);
  if (!state) notFound();
  if (!state.done) {
    return (
      <section className="study">
        <h1>Practice quiz</h1>
        {Number.isInteger(asked) && asked > state.total && state.index === 0 ? (
          <p className="notice" data-testid="quiz-fewer">
            You asked for {asked} questions; this quiz has {state.total}: that is every fact of the deck (or topic) a
            quiz can ask, one question per fact.
          </p>
        ) : null}
        <QuizRunner attemptId={attemptId} initial={state} />
      </section>
    );
  }
  const results = (await quizResults(attemptId, user.id, await requestLocale()))!;
  // A practice quiz goes back to its deck; an assignment's quiz to the assignment.
  const back = results.attempt.document
    ? { href: `/decks/${results.attempt.document.id}`, label: results.attempt.document.title }
    : { href: `/assignments/${results.attempt.assignmentId}`, label: "Assignment" };
  const mistakes = results.questions.filter((q) => !q.given?.correct);
  // Right answers the grader accepted only with a tolerance (a typo, an alias): the learner should know.
  const noted = results.questions.filter((q) => q.given?.correct && q.explanation);
  // An item another unfinished quiz of this learner asks keeps its answer hidden until that quiz is finished too.
  const inQuiz = await loadOpenQuizItems(user.id);
  const percent = state.total ? Math.round((100 * state.score) / state.total) : 0;
  return (
    <section>
      <p>
        <Link href={back.href}>← {back.label}</Link>
      </p>
      <h1>Quiz result</h1>
      <p className="quiz-score" data-testid="quiz-score">
        {state.score} of {state.total} correct ({percent}%)
      </p>
      {results.skipped > 0 ? (
        <p className="muted" data-testid="quiz-skipped">
          {results.skipped === 1 ? "1 item was" : `${results.skipped} items were`} skipped: a quiz can&apos;t grade a
          flashcard, so it doesn&apos;t count towards the score.
        </p>
      ) : null}
      {results.attempt.updatesSchedule ? (
        <p className="muted">Your answers were counted toward your study schedule.</p>
      ) : null}
      <h2>{mistakes.length === 0 ? "No mistakes" : `Your mistakes (${mistakes.length})`}</h2>
      <ol className="item-list">
        {mistakes.map((q) => (
          <li key={q.id} className="card item-card">
            <p className="item-prompt">{q.prompt}</p>
            <p>
              Your answer: <span className="verdict--wrong">{q.given ? shownAnswer(q.given.response) : "—"}</span>
            </p>
            {q.explanation && !inQuiz.has(q.id) ? (
              <p className="muted" data-testid="verdict-explanation">
                Why: {q.explanation}
              </p>
            ) : null}
            {inQuiz.has(q.id) ? (
              <p className="muted">
                Correct answer hidden: another quiz you haven&apos;t finished asks this item.{" "}
                <Link href={`/quiz/${inQuiz.get(q.id)}`}>Finish that quiz</Link> to see it.
              </p>
            ) : (
              <>
                <p>
                  Correct answer: <strong>{q.answer}</strong>
                </p>
                <blockquote className="source-quote">
                  {q.sourceText} <Link href={`/decks/${q.documentId}/items/${q.id}#source`}>source</Link>
                </blockquote>
              </>
            )}
          </li>
        ))}
      </ol>
      {noted.length ? (
        <>
          <h2>Accepted with a note ({noted.length})</h2>
          <ul className="item-list">
            {noted.map((q) => (
              <li key={q.id} className="card item-card">
                <p className="item-prompt">{q.prompt}</p>
                <p>
                  Your answer: {shownAnswer(q.given!.response)} —{" "}
                  <span data-testid="verdict-explanation">{inQuiz.has(q.id) ? "accepted" : q.explanation}</span>
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {results.attempt.document ? (
        <p className="actions-row">
          <Link className="button" href={`/decks/${results.attempt.document.id}/quiz`}>
            New quiz
          </Link>
          <Link className="button button--quiet" href={`/decks/${results.attempt.document.id}/study`}>
            Study this deck
          </Link>
        </p>
      ) : null}
    </section>
  );
}
