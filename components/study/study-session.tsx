"use client";

import Link from "next/link";
import { CardInfoLink } from "@/components/srs/card-info-link";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import {
  amendAction,
  answerAction,
  buryAction,
  reviewAction,
  suspendAction,
  undoAction,
} from "@/app/(app)/study/actions";
import { KIND_LABELS } from "@/lib/content/labels";
import { RATINGS, type AnswerFeedback, type NextStep, type Rating } from "@/lib/study/types";
import { AnswerInput, draftResponse, emptyDraft, type Draft } from "./answer-input";

const RATING_LABELS: Record<Rating, string> = { again: "Again", hard: "Hard", good: "Good", easy: "Easy" };

type Summary = { answered: number; correct: number; graded: number; ms: number };

function isTyping(target: EventTarget | null) {
  return (
    target instanceof HTMLElement &&
    (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT") &&
    !(target instanceof HTMLInputElement && target.type === "radio")
  );
}

function formatDuration(ms: number) {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

/**
 * A study session, keyboard first: Space/Enter shows or submits, number keys pick an option before the answer is
 * shown and rate (1 Again … 4 Easy) after it, Z undoes the last answer.
 * Submitting an auto-graded answer (or "I don't know") records it at once with the suggested rating; the rating
 * buttons then only change that rating (docs/decisions/011-answers-are-committed.md). A flashcard is rated, then
 * recorded.
 */
export function StudySession({ initial, deckId }: { initial: NextStep; deckId?: string }) {
  const [step, setStep] = useState<NextStep>(initial);
  const card = step.card;
  const [draft, setDraft] = useState<Draft | null>(card ? emptyDraft(card) : null);
  const [feedback, setFeedback] = useState<AnswerFeedback | null>(null);
  // What the last action said: a refusal is shown as an error, a done undo, bury or suspend as information.
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [notice, setNotice] = useState("");
  const [canUndo, setCanUndo] = useState(false);
  const [summary, setSummary] = useState<Summary>({ answered: 0, correct: 0, graded: 0, ms: 0 });
  const [pending, startTransition] = useTransition();
  const shownAt = useRef(0);
  const answeredMs = useRef(0);
  const reviewId = useRef("");
  const ratingRef = useRef<HTMLDivElement>(null);

  const show = useCallback((next: NextStep) => {
    setStep(next);
    setDraft(next.card ? emptyDraft(next.card) : null);
    setFeedback(null);
    shownAt.current = performance.now();
    // One id per showing of a card: a retried or double-submitted rating reuses it and is recorded once.
    reviewId.current = crypto.randomUUID();
  }, []);

  useEffect(() => {
    shownAt.current = performance.now();
    reviewId.current = crypto.randomUUID();
  }, []);

  useEffect(() => {
    if (feedback) ratingRef.current?.querySelector<HTMLButtonElement>(".rating--suggested")?.focus();
  }, [feedback]);

  const submit = useCallback(
    (dontKnow = false) => {
      if (!card || !draft || feedback || pending) return;
      const response = dontKnow ? null : draftResponse(card, draft);
      if (response === undefined) {
        setMessage({
          text: card.kind === "matching" ? "Match every entry first." : "Answer first, or press I don't know.",
          error: true,
        });
        return;
      }
      answeredMs.current = Math.round(performance.now() - shownAt.current);
      startTransition(async () => {
        const result = await answerAction({
          reviewId: reviewId.current,
          itemId: card.itemId,
          version: card.version,
          response,
          responseMs: answeredMs.current,
          deckId,
        });
        if (!result.ok) {
          setMessage({ text: result.message, error: true });
          if (result.next) show(result.next);
          return;
        }
        setMessage(null);
        setFeedback(result.feedback);
        // Recorded already: Z can take it back from here on.
        if (result.feedback.recorded) setCanUndo(true);
      });
    },
    [card, draft, feedback, pending, deckId, show],
  );

  const rate = useCallback(
    (rating: Rating) => {
      if (!card || !draft || !feedback || pending) return;
      const response = draftResponse(card, draft) ?? null;
      startTransition(async () => {
        const result = feedback.recorded
          ? await amendAction({ reviewId: reviewId.current, rating, deckId })
          : await reviewAction({
              reviewId: reviewId.current,
              itemId: card.itemId,
              version: card.version,
              response,
              rating,
              responseMs: answeredMs.current,
              deckId,
            });
        if (!result.ok) {
          setMessage({ text: result.message, error: true });
          if (result.next) show(result.next);
          return;
        }
        setMessage(null);
        setNotice(
          result.leech
            ? `“${card.prompt}” has been forgotten 8 times: it is suspended as a leech. Unsuspend it from its deck page.`
            : "",
        );
        setSummary((s) => ({
          answered: s.answered + 1,
          graded: s.graded + (feedback.correct === null ? 0 : 1),
          correct: s.correct + (feedback.correct ? 1 : 0),
          ms: s.ms + answeredMs.current,
        }));
        setCanUndo(true);
        show(result.next);
      });
    },
    [card, draft, feedback, pending, deckId, show],
  );

  const undo = useCallback(() => {
    if (!canUndo || pending) return;
    startTransition(async () => {
      const result = await undoAction({ deckId });
      if (!result.ok) {
        setMessage({ text: result.message, error: true });
        setCanUndo(false);
        return;
      }
      setMessage({ text: "Undid the last answer.", error: false });
      setNotice("");
      // An answer undone from its own feedback was not counted yet.
      if (!feedback) setSummary((s) => ({ ...s, answered: Math.max(0, s.answered - 1) }));
      setCanUndo(false);
      show(result.next);
    });
  }, [canUndo, pending, deckId, show, feedback]);

  const setAside = useCallback(
    (how: "suspend" | "bury") => {
      if (!card || pending) return;
      startTransition(async () => {
        const action = how === "suspend" ? suspendAction : buryAction;
        const result = await action({ itemId: card.itemId, deckId });
        if (!result.ok) {
          setMessage({ text: result.message, error: true });
          return;
        }
        setMessage({
          text: how === "suspend" ? "Suspended: it won't be shown until you unsuspend it." : "Buried until tomorrow.",
          error: false,
        });
        setCanUndo(false);
        show(result.next);
      });
    },
    [card, pending, deckId, show],
  );

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const typing = isTyping(event.target);
      if (!card || !draft) {
        if ((event.key === "z" || event.key === "Z") && canUndo) undo();
        return;
      }
      if (feedback) {
        const index = ["1", "2", "3", "4"].indexOf(event.key);
        if ((event.key === "z" || event.key === "Z") && canUndo) {
          event.preventDefault();
          undo();
        } else if (index >= 0) {
          event.preventDefault();
          rate(RATINGS[index]!);
        } else if ((event.key === "Enter" || event.key === " ") && !(event.target instanceof HTMLButtonElement)) {
          event.preventDefault();
          rate(feedback.suggested);
        }
        return;
      }
      if (typing) {
        if (event.key === "Enter" && event.target instanceof HTMLInputElement) {
          event.preventDefault();
          submit();
        }
        return;
      }
      if ((event.key === "z" || event.key === "Z") && canUndo) {
        event.preventDefault();
        undo();
        return;
      }
      const options = card.options ?? [];
      const digit = Number(event.key);
      if (Number.isInteger(digit) && digit >= 1 && digit <= options.length) {
        event.preventDefault();
        setDraft({ ...draft, choice: options[digit - 1]! });
        return;
      }
      if ((event.key === "Enter" || event.key === " ") && !(event.target instanceof HTMLButtonElement)) {
        event.preventDefault();
        submit();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [card, draft, feedback, canUndo, rate, submit, undo]);

  if (!card || !draft) {
    const accuracy = summary.graded ? Math.round((100 * summary.correct) / summary.graded) : null;
    return (
      <section className="card study-summary" aria-labelledby="summary-heading">
        <h2 id="summary-heading">{summary.answered ? "Session complete" : "Nothing to study right now"}</h2>
        {summary.answered ? (
          <dl className="stats">
            <div>
              <dt>Answered</dt>
              <dd data-testid="summary-answered">{summary.answered}</dd>
            </div>
            <div>
              <dt>Accuracy</dt>
              <dd>{accuracy === null ? "—" : `${accuracy}%`}</dd>
            </div>
            <div>
              <dt>Time</dt>
              <dd>{formatDuration(summary.ms)}</dd>
            </div>
          </dl>
        ) : null}
        <p>
          {step.nextDue
            ? `Next review due ${new Date(step.nextDue).toLocaleString()}.`
            : "No reviews are scheduled yet."}
        </p>
        {message ? <p role="status">{message.text}</p> : null}
        {canUndo ? (
          <button type="button" className="button button--quiet" onClick={undo} disabled={pending}>
            Undo last answer (Z)
          </button>
        ) : null}
        <p>
          <Link href="/decks">Browse decks</Link>
        </p>
      </section>
    );
  }

  return (
    <section className="study" aria-busy={pending}>
      <p className="study__counts muted" aria-label="Remaining">
        <span title="Learning">Learning {step.counts.learning}</span> ·{" "}
        <span title="Review">Review {step.counts.review}</span> · <span title="New">New {step.counts.new}</span>
      </p>
      <article className="card study-card" aria-labelledby="prompt">
        <p className="badge">
          {KIND_LABELS[card.kind]} · {card.deckTitle}
          {card.reason === "new" ? " · new" : ""}
        </p>
        <h2 id="prompt" className="study-card__prompt">
          {card.prompt}
        </h2>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <AnswerInput
            card={card}
            draft={draft}
            onChange={setDraft}
            disabled={!!feedback || pending}
            expected={feedback?.expected}
          />
          {!feedback ? (
            <p className="actions-row">
              <button className="button" type="submit" disabled={pending}>
                {card.kind === "flashcard" ? "Show answer" : "Submit"}
              </button>
              {card.kind === "flashcard" ? null : (
                <button
                  className="button button--quiet"
                  type="button"
                  disabled={pending}
                  onClick={() => submit(true)}
                  title="Shows the answer and counts this card as not known (Again)"
                >
                  I don&apos;t know
                </button>
              )}
            </p>
          ) : null}
        </form>

        {feedback ? (
          <div className="feedback" aria-live="polite">
            {feedback.correct === null ? null : (
              <p
                className={feedback.correct ? "verdict verdict--right" : "verdict verdict--wrong"}
                data-testid="verdict"
              >
                {feedback.correct ? "Correct" : "Not quite"}
              </p>
            )}
            <p>
              <strong>Answer:</strong> <span data-testid="expected">{feedback.expected}</span>
            </p>
            <blockquote className="source-quote">
              {feedback.sourceText} <Link href={feedback.sourceHref}>source</Link>
            </blockquote>
            <p>
              <CardInfoLink deckId={card.deckId} itemId={card.itemId} />
            </p>
            {feedback.recorded ? (
              <p className="muted" data-testid="recorded-note">
                Recorded as {RATING_LABELS[feedback.suggested]}. Pick another rating to change it.
              </p>
            ) : null}
            <div className="ratings" ref={ratingRef} role="group" aria-label="How well did you know it?">
              {RATINGS.map((rating, index) => (
                <button
                  key={rating}
                  type="button"
                  className={`button rating rating--${rating}${rating === feedback.suggested ? " rating--suggested" : " button--quiet"}`}
                  onClick={() => rate(rating)}
                  disabled={pending}
                  aria-label={RATING_LABELS[rating]}
                  aria-keyshortcuts={String(index + 1)}
                >
                  <span>{RATING_LABELS[rating]}</span>
                  <small>{feedback.intervals[rating]}</small>
                </button>
              ))}
            </div>
          </div>
        ) : null}
        <p className={message?.error ? "form-error" : "muted"} role="status" data-testid="study-message">
          {message?.text}
        </p>
        {notice ? <p className="notice">{notice}</p> : null}
      </article>
      <div className="study__tools">
        <button type="button" className="link-button" onClick={undo} disabled={!canUndo || pending}>
          Undo (Z)
        </button>
        <button type="button" className="link-button" onClick={() => setAside("bury")} disabled={pending}>
          Bury until tomorrow
        </button>
        <button type="button" className="link-button" onClick={() => setAside("suspend")} disabled={pending}>
          Suspend
        </button>
      </div>
      <p className="muted study__keys">
        Keys: {card.options ? `1–${card.options.length} choose · ` : ""}Enter
        {card.kind === "flashcard" ? "/Space show" : " submit"}
        {" · "}1–4 rate{card.kind === "flashcard" ? "" : " (Enter keeps the suggested one)"} · Z undo
      </p>
    </section>
  );
}
