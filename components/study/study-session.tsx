"use client";

import Link from "next/link";
import { CardInfoLink } from "@/components/srs/card-info-link";
import { useCallback, useEffect, useRef, useState } from "react";
import {
  amendAction,
  answerAction,
  buryAction,
  reviewAction,
  suspendAction,
  unburyAction,
  undoAction,
  undoSetAsideAction,
} from "@/app/(app)/study/actions";
import { KIND_LABELS } from "@/lib/content/labels";
import { plural } from "@/lib/progress/format";
import { spokenInterval } from "@/lib/srs/interval-label";
import { answerKey } from "@/lib/study/answer-keys";
import { RATINGS, type AnswerFeedback, type NextStep, type Rating } from "@/lib/study/types";
import { AnswerInput, draftResponse, emptyDraft, type Draft } from "./answer-input";
import { FlagItem } from "./flag-item";
import { useAction } from "./use-action";

const RATING_LABELS: Record<Rating, string> = { again: "Again", hard: "Hard", good: "Good", easy: "Easy" };

type Summary = { answered: number; correct: number; graded: number; ms: number };
/** What Z takes back: the last answer (server-side, undoAction) or the bury/suspend just done. */
type Undoable = { kind: "answer" } | { kind: "bury" | "suspend"; itemId: string };

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
 * A study session, keyboard first: Space/Enter shows or submits, number keys answer before the answer is shown
 * (lib/study/answer-keys.ts: choices, matching, ordering) and rate (1 Again … 4 Easy) after it, Z undoes the last
 * answer, bury or suspend, B buries, S suspends. No single-key shortcut fires in a text field (Esc leaves it).
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
  const [undoable, setUndoable] = useState<Undoable | null>(null);
  const canUndo = undoable !== null;
  const [summary, setSummary] = useState<Summary>({ answered: 0, correct: 0, graded: 0, ms: 0 });
  const { pending, act } = useAction();
  const shownAt = useRef(0);
  const answeredMs = useRef(0);
  const reviewId = useRef("");
  const ratingRef = useRef<HTMLDivElement>(null);
  // The feedback whose suggested rating already got the focus (once per answer, not on every re-render).
  const focusedFor = useRef<AnswerFeedback | null>(null);

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

  // The suggested rating takes the focus once per answer, when the buttons are enabled (the submit button that had it
  // is gone, and the focus would fall to <body>).
  useEffect(() => {
    if (!feedback || pending || focusedFor.current === feedback) return;
    const button = ratingRef.current?.querySelector<HTMLButtonElement>(".rating--suggested");
    if (!button || button.disabled) return;
    button.focus();
    focusedFor.current = feedback;
  }, [feedback, pending]);

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
      act(
        () =>
          answerAction({
            reviewId: reviewId.current,
            itemId: card.itemId,
            version: card.version,
            response,
            responseMs: answeredMs.current,
            deckId,
          }),
        (result) => {
          if (!result.ok) {
            setMessage({ text: result.message, error: true });
            if (result.next) show(result.next);
            return;
          }
          setMessage(null);
          setFeedback(result.feedback);
          // Recorded already: Z can take it back from here on.
          if (result.feedback.recorded) setUndoable({ kind: "answer" });
        },
      );
    },
    [card, draft, feedback, pending, deckId, show, act],
  );

  const rate = useCallback(
    (rating: Rating) => {
      if (!card || !draft || !feedback || pending) return;
      const response = draftResponse(card, draft) ?? null;
      act(
        () =>
          feedback.recorded
            ? amendAction({ reviewId: reviewId.current, rating, deckId })
            : reviewAction({
                reviewId: reviewId.current,
                itemId: card.itemId,
                version: card.version,
                response,
                rating,
                responseMs: answeredMs.current,
                deckId,
              }),
        (result) => {
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
          setUndoable({ kind: "answer" });
          show(result.next);
        },
      );
    },
    [card, draft, feedback, pending, deckId, show, act],
  );

  const undo = useCallback(() => {
    if (!undoable || pending) return;
    act(
      () =>
        undoable.kind === "answer"
          ? undoAction({ deckId })
          : undoSetAsideAction({ itemId: undoable.itemId, how: undoable.kind, deckId }),
      (result) => {
        if (!result.ok) {
          setMessage({ text: result.message, error: true });
          setUndoable(null);
          return;
        }
        setMessage({
          text:
            undoable.kind === "answer"
              ? "Undid the last answer."
              : undoable.kind === "bury"
                ? "Unburied: here it is again."
                : "Unsuspended: here it is again.",
          error: false,
        });
        setNotice("");
        // An answer undone from its own feedback was not counted yet.
        if (undoable.kind === "answer" && !feedback)
          setSummary((s) => ({ ...s, answered: Math.max(0, s.answered - 1) }));
        setUndoable(null);
        show(result.next);
      },
    );
  }, [undoable, pending, deckId, show, feedback, act]);

  const unbury = useCallback(() => {
    if (pending) return;
    act(
      () => unburyAction({ deckId }),
      (result) => {
        if (!result.ok) {
          setMessage({ text: result.message, error: true });
          return;
        }
        setMessage({ text: `Unburied ${plural(result.count, "card")}.`, error: false });
        setUndoable(null);
        show(result.next);
      },
    );
  }, [pending, deckId, show, act]);

  const setAside = useCallback(
    (how: "suspend" | "bury") => {
      if (!card || pending) return;
      const action = how === "suspend" ? suspendAction : buryAction;
      act(
        () => action({ itemId: card.itemId, deckId }),
        (result) => {
          if (!result.ok) {
            setMessage({ text: result.message, error: true });
            return;
          }
          setMessage({
            text: how === "suspend" ? "Suspended: it won't be shown until you unsuspend it." : "Buried until tomorrow.",
            error: false,
          });
          setUndoable({ kind: how, itemId: card.itemId });
          show(result.next);
        },
      );
    },
    [card, pending, deckId, show, act],
  );

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey) return;
      const target = event.target;
      // In a text field every key types (a "z" is part of the answer), except Enter (submit) and Esc, which leaves
      // the field so the single-key shortcuts work again.
      if (isTyping(target)) {
        if (event.key === "Escape") {
          event.preventDefault();
          (target as HTMLElement).blur();
        } else if (event.key === "Enter" && target instanceof HTMLInputElement && !feedback) {
          event.preventDefault();
          submit();
        }
        return;
      }
      const letter = event.altKey ? "" : event.key.toLowerCase();
      if (letter === "z") {
        if (canUndo) {
          event.preventDefault();
          undo();
        }
        return;
      }
      if (!card || !draft) return;
      if (letter === "b" || letter === "s") {
        event.preventDefault();
        setAside(letter === "b" ? "bury" : "suspend");
        return;
      }
      const onButton = target instanceof HTMLButtonElement;
      if (feedback) {
        const index = ["1", "2", "3", "4"].indexOf(event.key);
        if (index >= 0 && !event.altKey) {
          event.preventDefault();
          rate(RATINGS[index]!);
        } else if ((event.key === "Enter" || event.key === " ") && !onButton) {
          event.preventDefault();
          rate(feedback.suggested);
        }
        return;
      }
      if (pending) return;
      const next = answerKey(card, draft, event);
      if (next) {
        event.preventDefault();
        setDraft(next);
        return;
      }
      if ((event.key === "Enter" || event.key === " ") && !onButton) {
        event.preventDefault();
        submit();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [card, draft, feedback, pending, canUndo, rate, submit, undo, setAside]);

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
            ? `Next review due ${step.nextDueLabel ?? new Date(step.nextDue).toLocaleString()}.`
            : "No reviews are scheduled yet."}
        </p>
        <p role="status" data-testid="study-message">
          {message?.text}
        </p>
        <p className="actions-row">
          {canUndo ? (
            <button type="button" className="button button--quiet" onClick={undo} disabled={pending}>
              Undo last {undoable.kind === "answer" ? "answer" : undoable.kind} (Z)
            </button>
          ) : null}
          {step.buried > 0 ? (
            <button type="button" className="button button--quiet" onClick={unbury} disabled={pending}>
              Unbury {plural(step.buried, "card")}
              {deckId ? " of this deck" : ""}
            </button>
          ) : null}
        </p>
        <p>
          <Link href="/decks">Browse decks</Link>
        </p>
      </section>
    );
  }

  const left = step.counts.learning + step.counts.review + step.counts.new;
  return (
    <section className="study" aria-busy={pending}>
      <div className="study__progress">
        <progress
          value={step.doneToday}
          max={step.doneToday + left}
          aria-label={`Today: ${step.doneToday} done, ${left} left`}
          data-testid="session-progress"
        />
        <p className="study__counts muted">
          <span data-testid="done-today">{step.doneToday} done today</span> ·{" "}
          <span title="Learning">Learning {step.counts.learning}</span> ·{" "}
          <span title="Review">Review {step.counts.review}</span> · <span title="New">New {step.counts.new}</span>
        </p>
      </div>
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
            <p className="actions-row study__submit">
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

        {/* Present (empty) from the start, so screen readers announce the verdict when it is written into it. */}
        <div className="verdict-area" aria-live="polite" aria-atomic="true" data-testid="verdict-region">
          {feedback ? <Verdict feedback={feedback} /> : null}
        </div>
        {feedback ? (
          <div className="feedback">
            <blockquote className="source-quote">
              {feedback.sourceText} <Link href={feedback.sourceHref}>source</Link>
            </blockquote>
            <FlagItem key={card.itemId} itemId={card.itemId} />
            <p>
              <CardInfoLink deckId={card.deckId} itemId={card.itemId} />
            </p>
            {feedback.recorded ? (
              <p className="muted" data-testid="recorded-note">
                Recorded as {RATING_LABELS[feedback.suggested]}. Pick another rating to change it.
              </p>
            ) : null}
          </div>
        ) : null}
        {feedback ? <RatingButtons feedback={feedback} pending={pending} onRate={rate} groupRef={ratingRef} /> : null}
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
          Bury until tomorrow (B)
        </button>
        <button type="button" className="link-button" onClick={() => setAside("suspend")} disabled={pending}>
          Suspend (S)
        </button>
      </div>
      <ShortcutHelp card={card} />
    </section>
  );
}

/** The verdict and the expected answer, written into the live region. Grading's explanation line goes below. */
function Verdict({ feedback }: { feedback: AnswerFeedback }) {
  return (
    <>
      {feedback.correct === null ? null : (
        <p className={feedback.correct ? "verdict verdict--right" : "verdict verdict--wrong"} data-testid="verdict">
          {feedback.correct ? "Correct" : "Not quite"}
        </p>
      )}
      {feedback.explanation ? (
        <p className="muted" data-testid="verdict-explanation">
          {feedback.explanation}
        </p>
      ) : null}
      <p>
        <strong>Answer:</strong> <span data-testid="expected">{feedback.expected}</span>
      </p>
    </>
  );
}

/**
 * The four ratings with the interval each gives. Each name holds what the button shows ("Again 1m", axe
 * label-content-name-mismatch) and then the interval in words for screen readers ("Again 1m, 1 minute"). Sticky at
 * the bottom of the card: on a phone they stay reachable after a long prompt.
 */
function RatingButtons({
  feedback,
  pending,
  onRate,
  groupRef,
}: {
  feedback: AnswerFeedback;
  pending: boolean;
  onRate: (rating: Rating) => void;
  groupRef: React.RefObject<HTMLDivElement | null>;
}) {
  return (
    <div className="ratings" ref={groupRef} role="group" aria-label="How well did you know it?">
      {RATINGS.map((rating, index) => {
        const interval = feedback.intervals[rating];
        return (
          <button
            key={rating}
            type="button"
            className={`button rating rating--${rating}${rating === feedback.suggested ? " rating--suggested" : " button--quiet"}`}
            onClick={() => onRate(rating)}
            disabled={pending}
            aria-label={`${RATING_LABELS[rating]} ${interval}, ${spokenInterval(interval)}`}
            aria-keyshortcuts={String(index + 1)}
          >
            <span>{RATING_LABELS[rating]}</span>
            <small>{interval}</small>
          </button>
        );
      })}
    </div>
  );
}

/** The keys of the card on screen (hidden on touch screens, which have none of them). */
function ShortcutHelp({ card }: { card: NonNullable<NextStep["card"]> }) {
  const answering =
    card.kind === "multiple_choice" || card.kind === "true_false"
      ? `1–${card.options?.length ?? 0} choose · `
      : card.kind === "matching"
        ? "1–9 match the highlighted row · ↑/↓ change row · "
        : card.kind === "ordering"
          ? "1–9 select an entry · ↑/↓ move it · "
          : card.kind === "flashcard"
            ? ""
            : "Esc leaves the answer field · ";
  return (
    <p className="muted study__keys key-hint" data-testid="shortcut-help">
      Keys: {answering}Enter{card.kind === "flashcard" ? "/Space show" : " submit"}
      {" · "}1–4 rate{card.kind === "flashcard" ? "" : " (Enter keeps the suggested one)"} · Z undo · B bury · S suspend
    </p>
  );
}
