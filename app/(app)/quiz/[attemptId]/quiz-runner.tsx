"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { AnswerInput, draftResponse, emptyDraft, type Draft } from "@/components/study/answer-input";
import { useAction } from "@/components/study/use-action";
import type { QuizState } from "@/lib/db/quiz";
import { answerKey } from "@/lib/study/answer-keys";
import { answerQuizAction, endQuizAction } from "./actions";

type Question = Extract<QuizState, { done: false }>;

/**
 * One question at a time; no verdict until the end, when the page shows the score and the mistakes. The keys of the
 * study screen answer here too (digits choose, match and select; arrows move: lib/study/answer-keys.ts), and Enter
 * sends the answer; none of them fires in a text field.
 */
export function QuizRunner({ attemptId, initial }: { attemptId: string; initial: Question }) {
  const router = useRouter();
  const [question, setQuestion] = useState(initial);
  const [draft, setDraft] = useState<Draft>(emptyDraft(initial.card));
  const [message, setMessage] = useState("");
  const { pending, act } = useAction();
  const shownAt = useRef(0);
  const answerId = useRef("");
  useEffect(() => {
    shownAt.current = performance.now();
  }, []);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    send();
  }

  function send() {
    const response = draftResponse(question.card, draft);
    if (response === undefined || response === null) {
      setMessage("Answer the question first.");
      return;
    }
    answerId.current ||= crypto.randomUUID();
    const responseMs = Math.round(performance.now() - shownAt.current);
    act(
      () =>
        answerQuizAction({ attemptId, answerId: answerId.current, itemId: question.card.itemId, response, responseMs }),
      (result) => {
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
      },
    );
  }

  function end() {
    act(
      () => endQuizAction({ attemptId }),
      (result) => {
        if (!result.ok) {
          setMessage(result.message);
          return;
        }
        router.refresh();
      },
    );
  }

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || pending) return;
      const target = event.target;
      if (target instanceof HTMLElement && target.closest("input:not([type=radio]), textarea, select")) return;
      const next = answerKey(question.card, draft, event);
      if (next) {
        event.preventDefault();
        setDraft(next);
      } else if (
        event.key === "Enter" &&
        !(target instanceof HTMLButtonElement) &&
        !(target instanceof HTMLInputElement)
      ) {
        event.preventDefault();
        send();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

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
        <p className="muted study__keys key-hint">
          Keys:{" "}
          {question.card.options
            ? `1–${question.card.options.length} choose · `
            : question.card.kind === "matching"
              ? "1–9 match the highlighted row · ↑/↓ change row · "
              : question.card.kind === "ordering"
                ? "1–9 select an entry · ↑/↓ move it · "
                : ""}
          Enter sends the answer
        </p>
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
