"use client";

import { useActionState } from "react";
import { startQuizAction, type StartQuizState } from "./actions";

export function StartQuizForm({ deckId, topics }: { deckId: string; topics: { value: string; label: string }[] }) {
  const [state, action, pending] = useActionState<StartQuizState, FormData>(startQuizAction, null);
  return (
    <form action={action} className="form" noValidate>
      <input type="hidden" name="deckId" value={deckId} />
      <div className="field">
        <label htmlFor="count">Number of questions</label>
        <input id="count" name="count" type="number" min={1} max={50} defaultValue={10} aria-describedby="quiz-error" />
      </div>
      <div className="field">
        <label htmlFor="topic">Topic</label>
        <select id="topic" name="topic" defaultValue="">
          <option value="">All topics</option>
          {topics.map((topic) => (
            <option key={topic.value} value={topic.value}>
              {topic.label}
            </option>
          ))}
        </select>
      </div>
      <label>
        <input type="checkbox" name="updatesSchedule" /> Also count my answers toward my study schedule
      </label>
      <p id="quiz-error" className="form-error" aria-live="polite">
        {state?.message ?? ""}
      </p>
      <div>
        <button type="submit" className="button" disabled={pending}>
          Start quiz
        </button>
      </div>
    </form>
  );
}
