"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { AnswerInput, draftResponse, emptyDraft, type Draft } from "@/components/study/answer-input";
import type { QuizState } from "@/lib/db/quiz";
import { answerQuizAction, endQuizAction } from "./actions";

type Question = Extract<QuizState, { done: false }>;

/** One question at a time; no verdict until the end, when the page shows the score and the mistakes. */
export function QuizRunner({ attemptId, initial }: { attemptId: string; initial: Question }) {
  const router = useRouter();
  const [question, setQuestion] = useState(initial);
  const [draft, setDraft] = useState<Draft>(emptyDraft(initial.card));
  const [message, setMessage] = useState("");
  const [pending, startTransition] = useTransition();
  const shownAt = useRef(0);
  const answerId = useRef("");
  useEffect(() => {
    shownAt.current = performance.now();
  }, []);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const response = draftResponse(question.card, draft);
    if (response === undefined || response === null) {
      setMessage("Answer the question first.");
      return;
    }
    answerId.current ||= crypto.randomUUID();
    const responseMs = Math.round(performance.now() - shownAt.current);
    startTransition(async () => {
      const result = await answerQuizAction({
        attemptId,
        answerId: answerId.current,
        itemId: question.card.itemId,
        response,
        responseMs,
      });
      if (!result.ok) {
        setMessage(result.message);
        return;
      }
      setMessage("");
      answerId.current = "";
      shownAt.current = performance.now();
      if (result.state.done) {
        router.refresh();
        return;
      }
      setQuestion(result.state);
      setDraft(emptyDraft(result.state.card));
    });
  }

  function end() {
    startTransition(async () => {
      const result = await endQuizAction({ attemptId });
      if (!result.ok) {
        setMessage(result.message);
        return;
      }
      router.refresh();
    });
  }

  return (
    <article className="card study-card" aria-labelledby="prompt">
      <p className="badge">
        Question {question.index + 1} of {question.total}
      </p>
      <progress value={question.index} max={question.total} aria-label="Quiz progress" />
      <h2 id="prompt" className="study-card__prompt">
        {question.card.prompt}
      </h2>
      <form onSubmit={submit}>
        <AnswerInput card={question.card} draft={draft} onChange={setDraft} disabled={pending} />
        <button className="button" type="submit" disabled={pending}>
          {question.index + 1 === question.total ? "Finish quiz" : "Next question"}
        </button>
      </form>
      <p className="form-error" role="status">
        {message}
      </p>
      {question.practice ? (
        <p className="muted">
          While this quiz is open its items are left out of your studying and their answers are hidden.{" "}
          <button type="button" className="link-button" onClick={end} disabled={pending}>
            End the quiz now
          </button>{" "}
          (unanswered questions count as wrong).
        </p>
      ) : null}
    </article>
  );
}
