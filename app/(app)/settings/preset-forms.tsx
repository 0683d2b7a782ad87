"use client";

import { useActionState, useState } from "react";
import type { PresetView } from "@/lib/db/presets";
import { WEEKDAYS, type EasyDayLevel } from "@/lib/srs/easy-days";
import { PresetParameters } from "./preset-parameters";
import { createPresetAction, deletePresetAction, savePresetAction, type PresetState } from "./presets/actions";

type TextField =
  | "name"
  | "desiredRetention"
  | "newPerDay"
  | "maxReviewsPerDay"
  | "learningSteps"
  | "relearningSteps"
  | "maximumIntervalDays";

const FIELDS: { name: TextField; label: string; hint: string; number?: boolean; step?: string }[] = [
  { name: "name", label: "Name", hint: "At most 50 characters." },
  { name: "desiredRetention", label: "Desired retention", hint: "0.70–0.99.", number: true, step: "0.01" },
  { name: "newPerDay", label: "New items per day", hint: "When you study this deck alone.", number: true },
  { name: "maxReviewsPerDay", label: "Maximum reviews per day", hint: "When you study this deck alone.", number: true },
  { name: "learningSteps", label: "Learning steps", hint: 'e.g. "1m 10m".' },
  { name: "relearningSteps", label: "Relearning steps", hint: 'e.g. "10m".' },
  { name: "maximumIntervalDays", label: "Maximum interval (days)", hint: "1–36500.", number: true },
];

const LEVELS: { value: EasyDayLevel; label: string }[] = [
  { value: "normal", label: "Normal" },
  { value: "reduced", label: "Reduced" },
  { value: "off", label: "Off" },
];

function textValues(preset: PresetView): Record<TextField, string> {
  return {
    name: preset.name,
    desiredRetention: String(preset.desiredRetention),
    newPerDay: String(preset.newPerDay),
    maxReviewsPerDay: String(preset.maxReviewsPerDay),
    learningSteps: preset.learningSteps.join(" "),
    relearningSteps: preset.relearningSteps.join(" "),
    maximumIntervalDays: String(preset.maximumIntervalDays),
  };
}

function Message({ state, testId }: { state: PresetState; testId: string }) {
  return (
    <p className={state?.ok ? "form-ok" : "form-error"} aria-live="polite" data-testid={testId}>
      {state?.message ?? ""}
    </p>
  );
}

/**
 * The presets, each with its form. Deleting lives here rather than in a preset's own form: the deleted preset's form
 * disappears with it, and the message must stay.
 */
export function PresetList({ presets }: { presets: PresetView[] }) {
  const [deleteState, deleteAction, deleting] = useActionState<PresetState, FormData>(deletePresetAction, null);
  return (
    <>
      <Message state={deleteState} testId="preset-delete-message" />
      {presets.map((preset) => (
        <PresetForm key={preset.id} preset={preset} deleteAction={deleteAction} deleting={deleting} />
      ))}
    </>
  );
}

/** One preset's options; controlled, so refused input stays in place to be corrected. */
function PresetForm({
  preset,
  deleteAction,
  deleting,
}: {
  preset: PresetView;
  deleteAction: (form: FormData) => void;
  deleting: boolean;
}) {
  const [state, action, pending] = useActionState<PresetState, FormData>(savePresetAction, null);
  const [values, setValues] = useState(() => textValues(preset));
  const [easyDays, setEasyDays] = useState(preset.easyDays);
  const [loadBalance, setLoadBalance] = useState(preset.loadBalance);
  // Closed until asked for: one preset's fields at a time, and none that repeat the Study form's labels on arrival.
  const [open, setOpen] = useState(false);
  // The stored preset changed (saved here, or the Study form above changed the default preset): show it, keeping
  // this form's message (React's "adjust state when a prop changes" pattern, instead of remounting with a key).
  const stored = JSON.stringify(preset);
  const [shown, setShown] = useState(stored);
  if (shown !== stored) {
    setShown(stored);
    setValues(textValues(preset));
    setEasyDays(preset.easyDays);
    setLoadBalance(preset.loadBalance);
  }
  const errors = state?.fieldErrors ?? {};
  const id = (field: string) => `preset-${preset.id}-${field}`;
  const decks = preset.deckCount === 1 ? "1 deck" : `${preset.deckCount} decks`;
  return (
    <fieldset className="preset" style={{ marginBottom: "1rem" }}>
      <legend>
        Preset {preset.name}
        {preset.isDefault ? " (default)" : ""}
      </legend>
      <p className="muted">{preset.isDefault ? "Every deck without a preset of its own." : `Used by ${decks}.`}</p>
      <button
        className="button button--quiet"
        type="button"
        aria-expanded={open}
        aria-controls={id("form")}
        onClick={() => setOpen(!open)}
      >
        {open ? "Close" : "Edit"} preset {preset.name}
      </button>
      {open ? (
        <form action={action} className="form" id={id("form")} noValidate>
          <input type="hidden" name="presetId" value={preset.id} />
          {FIELDS.map((field) => (
            <div className="field" key={field.name}>
              <label htmlFor={id(field.name)}>{field.label}</label>
              <input
                id={id(field.name)}
                name={field.name}
                type={field.number ? "number" : "text"}
                step={field.step}
                value={values[field.name]}
                onChange={(e) => setValues({ ...values, [field.name]: e.target.value })}
                aria-invalid={errors[field.name] ? true : undefined}
                aria-describedby={`${id(field.name)}-hint${errors[field.name] ? ` ${id(field.name)}-error` : ""}`}
              />
              <span id={`${id(field.name)}-hint`} className="muted">
                {field.hint}
              </span>
              {errors[field.name] ? (
                <p id={`${id(field.name)}-error`} className="field-error">
                  {errors[field.name]!.join(" ")}
                </p>
              ) : null}
            </div>
          ))}
          <div className="field">
            <label>
              <input
                type="checkbox"
                name="loadBalance"
                checked={loadBalance}
                onChange={(e) => setLoadBalance(e.target.checked)}
              />{" "}
              Load balancing
            </label>
            <span className="muted">Put each review on the least busy day its interval allows.</span>
          </div>
          <fieldset aria-describedby={errors.easyDays ? id("easyDays-error") : undefined}>
            <legend>Easy days</legend>
            <p className="muted">Days with fewer reviews (reduced) or none unless unavoidable (off).</p>
            {WEEKDAYS.map((weekday, day) => (
              <div className="field" key={weekday}>
                <label htmlFor={id(`easyDay${day}`)}>{weekday}</label>
                <select
                  id={id(`easyDay${day}`)}
                  name={`easyDay${day}`}
                  value={easyDays[day]}
                  onChange={(e) =>
                    setEasyDays(easyDays.map((d, i) => (i === day ? (e.target.value as EasyDayLevel) : d)))
                  }
                >
                  {LEVELS.map((level) => (
                    <option key={level.value} value={level.value}>
                      {level.label}
                    </option>
                  ))}
                </select>
              </div>
            ))}
            {errors.easyDays ? (
              <p id={id("easyDays-error")} className="field-error">
                {errors.easyDays.join(" ")}
              </p>
            ) : null}
          </fieldset>
          <Message state={state} testId={`preset-message-${preset.name}`} />
          <div>
            <button className="button" type="submit" disabled={pending}>
              Save preset
            </button>
          </div>
        </form>
      ) : null}
      <PresetParameters preset={preset} />
      {preset.isDefault ? null : (
        <form action={deleteAction}>
          <input type="hidden" name="presetId" value={preset.id} />
          <button className="button button--quiet" type="submit" disabled={deleting}>
            Delete preset {preset.name}
          </button>
        </form>
      )}
    </fieldset>
  );
}

/** A name, then the new preset appears with the default options to edit. */
export function AddPresetForm() {
  const [state, action, pending] = useActionState<PresetState, FormData>(createPresetAction, null);
  const [name, setName] = useState("");
  const error = state?.fieldErrors?.name;
  return (
    <form action={action} className="form" noValidate>
      <div className="field">
        <label htmlFor="new-preset-name">New preset name</label>
        <input
          id="new-preset-name"
          name="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "new-preset-name-error" : undefined}
        />
        {error ? (
          <p id="new-preset-name-error" className="field-error">
            {error.join(" ")}
          </p>
        ) : null}
      </div>
      <Message state={state} testId="preset-add-message" />
      <div>
        <button className="button" type="submit" disabled={pending}>
          Add preset
        </button>
      </div>
    </form>
  );
}
