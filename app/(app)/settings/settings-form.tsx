"use client";

import { useActionState, useState } from "react";
import { fitParametersAction, resetParametersAction, saveSettingsAction, type SettingsState } from "./actions";

type Values = Record<
  "desiredRetention" | "newPerDay" | "maxReviewsPerDay" | "learningSteps" | "relearningSteps" | "timeZone",
  string
>;

const FIELDS: { name: keyof Values; label: string; hint: string; type?: string; step?: string; list?: string }[] = [
  {
    name: "desiredRetention",
    label: "Desired retention",
    hint: "0.70–0.99: the chance of remembering an item when it is due.",
    type: "number",
    step: "0.01",
  },
  {
    name: "newPerDay",
    label: "New items per day",
    hint: "How many unseen items to introduce each day.",
    type: "number",
  },
  {
    name: "maxReviewsPerDay",
    label: "Maximum reviews per day",
    hint: "Reviews beyond this wait for the next day.",
    type: "number",
  },
  { name: "learningSteps", label: "Learning steps", hint: 'Before an item graduates, e.g. "1m 10m" (m, h or d).' },
  { name: "relearningSteps", label: "Relearning steps", hint: 'After a forgotten review, e.g. "10m".' },
  {
    name: "timeZone",
    label: "Time zone",
    hint: "Your day starts at 04:00 in this zone; type to choose, e.g. Europe/Berlin.",
    list: "time-zones",
  },
];

export function SettingsForm({ values, timeZones }: { values: Values; timeZones: readonly string[] }) {
  const [state, action, pending] = useActionState<SettingsState, FormData>(saveSettingsAction, null);
  // Controlled: React resets a form after its action, and refused input must stay in place to be corrected.
  const [current, setCurrent] = useState(values);
  const errors = state?.fieldErrors ?? {};
  return (
    <form action={action} className="form" noValidate>
      {FIELDS.map((field) => (
        <div className="field" key={field.name}>
          <label htmlFor={field.name}>{field.label}</label>
          <input
            id={field.name}
            name={field.name}
            type={field.type ?? "text"}
            step={field.step}
            list={field.list}
            value={current[field.name]}
            onChange={(e) => setCurrent({ ...current, [field.name]: e.target.value })}
            aria-invalid={errors[field.name] ? true : undefined}
            aria-describedby={`${field.name}-hint${errors[field.name] ? ` ${field.name}-error` : ""}`}
          />
          <span id={`${field.name}-hint`} className="muted">
            {field.hint}
          </span>
          {errors[field.name] ? (
            <p id={`${field.name}-error`} className="field-error">
              {errors[field.name]!.join(" ")}
            </p>
          ) : null}
        </div>
      ))}
      <datalist id="time-zones">
        {timeZones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <p className={state?.ok ? "form-ok" : "form-error"} aria-live="polite" data-testid="settings-message">
        {state?.message ?? ""}
      </p>
      <div>
        <button className="button" type="submit" disabled={pending}>
          Save settings
        </button>
      </div>
    </form>
  );
}

export function ParametersForm({ canFit, personal }: { canFit: boolean; personal: boolean }) {
  const [fitState, fit, fitting] = useActionState<SettingsState>(fitParametersAction, null);
  const [resetState, reset, resetting] = useActionState<SettingsState>(resetParametersAction, null);
  const state = fitState ?? resetState;
  return (
    <div className="actions-row">
      <form action={fit}>
        <button className="button" type="submit" disabled={!canFit || fitting}>
          {fitting ? "Fitting…" : "Fit my parameters"}
        </button>
      </form>
      {personal ? (
        <form action={reset}>
          <button className="button button--quiet" type="submit" disabled={resetting}>
            Use the defaults
          </button>
        </form>
      ) : null}
      <p className={state?.ok ? "form-ok" : "form-error"} aria-live="polite">
        {state?.message ?? ""}
      </p>
    </div>
  );
}
