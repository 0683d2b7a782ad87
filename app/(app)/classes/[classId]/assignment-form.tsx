"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { STUDY_COMPLETE_RULE } from "@/lib/study/rules";
import { createAssignmentAction, type AssignmentFormState } from "./actions";

/** Whole days from one "YYYY-MM-DD" to another. */
const daysFrom = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00Z`) - Date.parse(`${from}T00:00Z`)) / 86_400_000);

/**
 * The new-assignment form. `today` is the instructor's calendar date in `timeZone` (their Settings zone, in which
 * the due date is read); `minDays` per set is the fewest study days it needs (lib/srs/assignment-pace.ts).
 */
export function AssignmentForm({
  classId,
  sets,
  timeZone,
  today,
}: {
  classId: string;
  sets: { id: string; name: string; count: number; minDays: number }[];
  timeZone: string;
  today: string;
}) {
  const [state, action, pending] = useActionState<AssignmentFormState, FormData>(createAssignmentAction, null);
  // Controlled fields: React resets a form after its action runs, and a refused assignment must keep its inputs.
  const [mode, setMode] = useState("study");
  const [setId, setSetId] = useState("");
  const [dueAt, setDueAt] = useState("");
  const [maxAttempts, setMaxAttempts] = useState("1");
  const [allowShort, setAllowShort] = useState(false);
  const chosen = sets.find((set) => set.id === setId);
  // Today and the due day both count: due tomorrow leaves 2 study days.
  const daysLeft = /^\d{4}-\d{2}-\d{2}/.test(dueAt) ? daysFrom(today, dueAt.slice(0, 10)) + 1 : null;
  const tooSoon =
    mode === "study" && chosen !== undefined && daysLeft !== null && daysLeft > 0 && daysLeft < chosen.minDays;
  const earliest = chosen ? new Date(Date.parse(`${today}T00:00Z`) + (chosen.minDays - 1) * 86_400_000) : null;
  if (sets.length === 0) {
    return (
      <p className="muted">
        Build a set first: <Link href="/sets/new">new set</Link>.
      </p>
    );
  }
  return (
    <form action={action} className="form" noValidate>
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
      {mode === "study" && chosen ? (
        <p data-testid="minimum-days">
          This set needs at least {chosen.minDays} study {chosen.minDays === 1 ? "day" : "days"}: related items (the
          same fact or sentence) are introduced one a day so that one does not give another away, and learners take up
          to 20 new items a day. Earliest due date that allows it: end of{" "}
          {earliest!.toLocaleDateString("en-US", { timeZone: "UTC", weekday: "short", month: "short", day: "numeric" })}
          .
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="dueAt">Due</label>
        <input
          id="dueAt"
          name="dueAt"
          type="datetime-local"
          value={dueAt}
          onChange={(e) => setDueAt(e.target.value)}
          aria-describedby="dueAt-hint"
        />
        <span id="dueAt-hint" className="muted">
          In your time zone, {timeZone} (Settings). Learners see it in theirs.
        </span>
      </div>
      {tooSoon || (state?.tooSoon && mode === "study") ? (
        <div className="form-warning" data-testid="due-warning">
          {tooSoon ? (
            <p>
              Too soon for this set: it leaves {daysLeft} study {daysLeft === 1 ? "day" : "days"} of the{" "}
              {chosen.minDays} it needs, so related items would be introduced on the same day.
            </p>
          ) : null}
          <label>
            <input
              type="checkbox"
              name="allowShort"
              checked={allowShort}
              onChange={(e) => setAllowShort(e.target.checked)}
            />{" "}
            Assign anyway
          </label>
        </div>
      ) : null}
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
