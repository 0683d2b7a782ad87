"use client";

import { useState, useTransition } from "react";
import { KIND_LABELS, TOPIC_LABELS } from "@/lib/content/labels";
import type { ItemKind, Topic } from "@/lib/content/types";
import { createSetAction, previewSetAction, type Candidate } from "../actions";

const toggle = (list: string[], value: string) =>
  list.includes(value) ? list.filter((v) => v !== value) : [...list, value];

export function SetBuilder({ decks }: { decks: { id: string; title: string }[] }) {
  const [deckIds, setDeckIds] = useState<string[]>([]);
  const [topics, setTopics] = useState<string[]>([]);
  const [kinds, setKinds] = useState<string[]>([]);
  const [minDifficulty, setMin] = useState("0");
  const [maxDifficulty, setMax] = useState("1");
  const [items, setItems] = useState<Candidate[] | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [name, setName] = useState("");
  const [message, setMessage] = useState("");
  const [pending, startTransition] = useTransition();
  const flashcards = (items ?? []).filter((item) => item.kind === "flashcard" && chosen.has(item.id)).length;

  function preview(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await previewSetAction({ deckIds, topics, kinds, minDifficulty, maxDifficulty });
      if (!result.ok) {
        setMessage(result.message);
        setItems(null);
        return;
      }
      setMessage("");
      setItems(result.items);
      setChosen(new Set(result.items.map((i) => i.id)));
    });
  }

  function save() {
    startTransition(async () => {
      const result = await createSetAction({
        name,
        itemIds: items?.filter((i) => chosen.has(i.id)).map((i) => i.id) ?? [],
      });
      if (result && !result.ok) setMessage(result.message);
    });
  }

  return (
    <div>
      <form onSubmit={preview} className="form form--wide" noValidate>
        <fieldset className="choices">
          <legend>Decks</legend>
          {decks.map((deck) => (
            <label key={deck.id}>
              <input
                type="checkbox"
                checked={deckIds.includes(deck.id)}
                onChange={() => setDeckIds(toggle(deckIds, deck.id))}
              />{" "}
              {deck.title}
            </label>
          ))}
        </fieldset>
        <fieldset className="choices choices--inline">
          <legend>Topics (none ticked: all)</legend>
          {(Object.keys(TOPIC_LABELS) as Topic[]).map((topic) => (
            <label key={topic}>
              <input
                type="checkbox"
                checked={topics.includes(topic)}
                onChange={() => setTopics(toggle(topics, topic))}
              />{" "}
              {TOPIC_LABELS[topic]}
            </label>
          ))}
        </fieldset>
        <fieldset className="choices choices--inline">
          <legend>Kinds (none ticked: all)</legend>
          {(Object.keys(KIND_LABELS) as ItemKind[]).map((kind) => (
            <label key={kind}>
              <input type="checkbox" checked={kinds.includes(kind)} onChange={() => setKinds(toggle(kinds, kind))} />{" "}
              {KIND_LABELS[kind]}
            </label>
          ))}
          <p className="muted" data-testid="set-quiz-note">
            For a quiz assignment: a scored quiz asks only items it can grade, so flashcards in the set are left out of
            it (they still count for a study assignment).
          </p>
        </fieldset>
        <div className="actions-row">
          <div className="field">
            <label htmlFor="minDifficulty">Difficulty from</label>
            <input
              id="minDifficulty"
              type="number"
              min={0}
              max={1}
              step={0.1}
              value={minDifficulty}
              onChange={(e) => setMin(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="maxDifficulty">to</label>
            <input
              id="maxDifficulty"
              type="number"
              min={0}
              max={1}
              step={0.1}
              value={maxDifficulty}
              onChange={(e) => setMax(e.target.value)}
            />
          </div>
        </div>
        <p className="form-error" aria-live="polite" data-testid="set-message">
          {message}
        </p>
        <div>
          <button className="button" type="submit" disabled={pending}>
            Preview items
          </button>
        </div>
      </form>

      {items ? (
        <section aria-labelledby="set-preview">
          <h2 id="set-preview">
            {chosen.size} of {items.length} items chosen
          </h2>
          {flashcards > 0 ? (
            <p className="muted">
              {flashcards} chosen {flashcards === 1 ? "item is a flashcard" : "items are flashcards"}: a quiz assignment
              leaves {flashcards === 1 ? "it" : "them"} out.
            </p>
          ) : null}
          <div className="field form">
            <label htmlFor="set-name">Set name</label>
            <input id="set-name" type="text" maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <ul className="plain-list set-items">
            {items.map((item) => (
              <li key={item.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.has(item.id)}
                    onChange={() => setChosen(new Set(toggle([...chosen], item.id)))}
                  />{" "}
                  {item.prompt}{" "}
                  <span className="muted">
                    · {KIND_LABELS[item.kind as ItemKind] ?? item.kind} ·{" "}
                    {TOPIC_LABELS[item.topic as Topic] ?? item.topic} · {item.deck}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          <button className="button" type="button" onClick={save} disabled={pending}>
            Save set
          </button>
        </section>
      ) : null}
    </div>
  );
}
