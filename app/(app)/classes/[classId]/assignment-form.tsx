"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { STUDY_COMPLETE_RULE } from "@/lib/study/rules";
import { createAssignmentAction, type AssignmentFormState } from "./actions";

export function AssignmentForm({
  classId,
  sets,
}: {
  classId: string;
  sets: { id: string; name: string; count: number }[];
}) {
  const [state, action, pending] = useActionState<AssignmentFormState, FormData>(createAssignmentAction, null);
  // Controlled fields: React resets a form after its action runs, and a refused assignment must keep its inputs.
  const [mode, setMode] = useState("study");
  const [setId, setSetId] = useState("");
  const [dueAt, setDueAt] = useState("");
  const [maxAttempts, setMaxAttempts] = useState("1");
  if (sets.length === 0) {
    return (
      <p className="muted">
        Build a set first: <Link href="/sets/new">new set</Link>.
      </p>
    );
  }
  return (
    <form
      action={(form) => {
        // The server turns the local date and time into an instant with the browser's offset.
        form.set("timezoneOffset", String(new Date().getTimezoneOffset()));
        return action(form);
      }}
      className="form"
      noValidate
    >
      <input type="hidden" name="classId" value={classId} />
      <div className="field">
        <label htmlFor="setId">Set</label>
        <select id="setId" name="setId" value={setId} onChange={(e) => setSetId(e.target.value)}>
          <option value="">Choose a set…</option>
          {sets.map((set) => (
            <option key={set.id} value={set.id}>
              {set.name} ({set.count} items)
            </option>
          ))}
        </select>
      </div>
      <fieldset className="choices">
        <legend>Mode</legend>
        <label>
          <input type="radio" name="mode" value="study" checked={mode === "study"} onChange={() => setMode("study")} />{" "}
          Study — the items join each learner&apos;s spaced-repetition queue. {STUDY_COMPLETE_RULE}
        </label>
        <label>
          <input type="radio" name="mode" value="quiz" checked={mode === "quiz"} onChange={() => setMode("quiz")} />{" "}
          Quiz — a scored attempt at every item of the set.
        </label>
      </fieldset>
      {mode === "quiz" ? (
        <div className="field">
          <label htmlFor="maxAttempts">Attempts allowed</label>
          <input
            id="maxAttempts"
            name="maxAttempts"
            type="number"
            min={1}
            max={10}
            value={maxAttempts}
            onChange={(e) => setMaxAttempts(e.target.value)}
          />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="dueAt">Due</label>
        <input id="dueAt" name="dueAt" type="datetime-local" value={dueAt} onChange={(e) => setDueAt(e.target.value)} />
      </div>
      <p className={state?.ok ? "form-ok" : "form-error"} aria-live="polite" data-testid="assignment-message">
        {state?.message ?? ""}
      </p>
      <div>
        <button className="button" type="submit" disabled={pending}>
          Assign
        </button>
      </div>
    </form>
  );
}
