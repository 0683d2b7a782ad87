"use client";

import Link from "next/link";
import { useActionState, useState, useTransition } from "react";
import { ConfirmDelete } from "@/components/confirm-delete";
import type { DeckConsequences } from "@/lib/db/deck-lifecycle";
import {
  deleteDeckAction,
  publishDeckAction,
  setDeckStatusAction,
  studyDeckAction,
  updateDeckDetailsAction,
  type DeckFormState,
} from "./actions";

type OwnedDeck = {
  id: string;
  title: string;
  description: string;
  status: string;
  visibility: string;
  classIds: string[];
  ownerClasses: { id: string; name: string }[];
  consequences: DeckConsequences;
};

function Message({ id, state }: { id: string; state: DeckFormState }) {
  return (
    <p id={id} className={state?.ok ? "muted" : "form-error"} aria-live="polite" data-testid={id}>
      {state?.message ?? ""}
    </p>
  );
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What archiving or deleting the deck does to other people, in words, from the counts taken before confirming. */
export function consequenceText(c: DeckConsequences): string {
  if (c.learners === 0 && c.sets === 0 && c.quizAttempts === 0) return "Nobody else has studied this deck yet.";
  return [
    `${plural(c.learners, "learner")} ${c.learners === 1 ? "has" : "have"} studied it (${plural(c.reviews, "review")})`,
    `${plural(c.studiedBy, "learner")} ${c.studiedBy === 1 ? "has" : "have"} it in their studies`,
    `${plural(c.sets, "set")} and ${plural(c.assignments, "assignment")} use its items`,
    `${plural(c.quizAttempts, "practice quiz", "practice quizzes")}`,
  ].join("; ");
}

function DetailsForm({ deck }: { deck: OwnedDeck }) {
  const [state, action, pending] = useActionState(updateDeckDetailsAction, null);
  return (
    <form action={action} className="form" noValidate aria-label="Deck details">
      <input type="hidden" name="deckId" value={deck.id} />
      <div className="field">
        <label htmlFor="deck-title-edit">Title</label>
        <input
          id="deck-title-edit"
          name="title"
          type="text"
          maxLength={200}
          defaultValue={deck.title}
          aria-describedby="details-message"
        />
      </div>
      <div className="field">
        <label htmlFor="deck-description">Description</label>
        <textarea id="deck-description" name="description" rows={2} maxLength={1000} defaultValue={deck.description} />
      </div>
      <Message id="details-message" state={state} />
      <div>
        <button className="button button--quiet" type="submit" disabled={pending}>
          Save details
        </button>
      </div>
    </form>
  );
}

function PublishForm({ deck }: { deck: OwnedDeck }) {
  const [state, action, pending] = useActionState(publishDeckAction, null);
  const [visibility, setVisibility] = useState(deck.visibility);
  const [, startTransition] = useTransition();
  // Submitted by hand, not with <form action>: React resets a form after its action, which would put the radios
  // back to their first state while `visibility` (and the class list it shows) stayed as chosen.
  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => action(form));
  }
  return (
    <form onSubmit={submit} className="form" noValidate aria-label="Publish">
      <input type="hidden" name="deckId" value={deck.id} />
      <fieldset>
        <legend>Who may see and study it</legend>
        {[
          ["library", "Everyone: the library (learners add it to their studies)"],
          ["classes", "Only the classes I choose"],
          ["private", "Only me"],
        ].map(([value, label]) => (
          <label key={value} className="check-row">
            <input
              type="radio"
              name="visibility"
              value={value}
              checked={visibility === value}
              onChange={() => setVisibility(value!)}
            />{" "}
            {label}
          </label>
        ))}
      </fieldset>
      {visibility === "classes" ? (
        <fieldset aria-describedby="publish-message">
          <legend>Classes</legend>
          {deck.ownerClasses.length === 0 ? <p className="muted">You have no classes yet.</p> : null}
          {deck.ownerClasses.map((c) => (
            <label key={c.id} className="check-row">
              <input type="checkbox" name="classIds" value={c.id} defaultChecked={deck.classIds.includes(c.id)} />{" "}
              {c.name}
            </label>
          ))}
        </fieldset>
      ) : null}
      <Message id="publish-message" state={state} />
      <div>
        <button className="button" type="submit" disabled={pending}>
          {deck.status === "published" ? "Save visibility" : "Publish"}
        </button>
      </div>
    </form>
  );
}

function StatusForm({ deck, status }: { deck: OwnedDeck; status: "draft" | "archived" }) {
  const [state, action, pending] = useActionState(setDeckStatusAction, null);
  return (
    <form action={action} className="form" noValidate>
      <input type="hidden" name="deckId" value={deck.id} />
      <input type="hidden" name="status" value={status} />
      <button className="button button--quiet" type="submit" disabled={pending}>
        {status === "draft" ? "Unpublish (back to draft)" : "Archive"}
      </button>
      <Message id={`${status}-message`} state={state} />
    </form>
  );
}

function DeleteForm({ deck }: { deck: OwnedDeck }) {
  const c = deck.consequences;
  return (
    <ConfirmDelete
      action={deleteDeckAction}
      fields={{ deckId: deck.id }}
      what="deck"
      testId="deck"
      label="Delete deck"
      consequences={
        <>
          Deleting removes the deck for everyone: nobody can open or study it again, and its text is erased.{" "}
          {plural(c.learners, "learner")} {c.learners === 1 ? "keeps" : "keep"} {plural(c.reviews, "review")} in their
          statistics and review history (the title and the items they answered are kept, hidden, for that).{" "}
          {plural(c.quizAttempts, "practice quiz", "practice quizzes")} and the deck&apos;s items in{" "}
          {plural(c.sets, "set")} go, and it leaves the studies of {plural(c.studiedBy, "learner")}. This cannot be
          undone; archiving hides it and lets you publish it again.
        </>
      }
    />
  );
}

/** The owner's management of a deck: details, publishing and visibility, unpublish, archive, delete. */
export function DeckOwnerPanel({ deck }: { deck: OwnedDeck }) {
  return (
    <section aria-labelledby="manage-heading" className="card" data-testid="deck-owner-panel">
      <h2 id="manage-heading">Manage this deck</h2>
      <p data-testid="deck-status">
        {deck.status === "draft"
          ? "Draft: only you can see it. Publish it when it is ready."
          : deck.status === "archived"
            ? "Archived: only you can see it; learners keep their history. Publish it again to restore it."
            : deck.visibility === "library"
              ? "Published to the library: everyone can see it."
              : deck.visibility === "classes"
                ? `Published to ${plural(deck.classIds.length, "class", "classes")}: only their members can see it.`
                : "Published privately: only you can see it."}
      </p>
      <p>
        <Link href={`/decks/${deck.id}/reupload`}>Upload a changed version of the document</Link>
      </p>
      <DetailsForm deck={deck} />
      <h3>Publish</h3>
      <PublishForm deck={deck} />
      {deck.status !== "archived" ? (
        <>
          <h3>Unpublish or archive</h3>
          <p className="muted" data-testid="archive-consequences">
            Either hides the deck from everyone but you; learners keep their cards and review history, and get them back
            if you publish it again. {consequenceText(deck.consequences)}.
          </p>
          {deck.status === "published" ? <StatusForm deck={deck} status="draft" /> : null}
          <StatusForm deck={deck} status="archived" />
        </>
      ) : null}
      <details>
        <summary>Delete this deck</summary>
        <DeleteForm deck={deck} />
      </details>
    </section>
  );
}

/** "Add to my studies" / "Remove from my studies" for a deck the learner may see. */
export function StudyToggle({ deckId, studied }: { deckId: string; studied: boolean }) {
  const [state, action, pending] = useActionState(studyDeckAction, null);
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="deckId" value={deckId} />
      <input type="hidden" name="how" value={studied ? "remove" : "add"} />
      <button className={studied ? "button button--quiet" : "button"} type="submit" disabled={pending}>
        {studied ? "Remove from my studies" : "Add to my studies"}
      </button>
      <Message id="study-deck-message" state={state} />
    </form>
  );
}
