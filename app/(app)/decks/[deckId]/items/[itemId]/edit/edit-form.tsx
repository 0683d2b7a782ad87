"use client";

import { startTransition, useActionState } from "react";
import { TOPIC_LABELS } from "@/lib/content/labels";
import type { ItemKind } from "@/lib/content/types";
import { editItemAction, type ItemFormState } from "./actions";

type Fields = {
  prompt: string;
  topic: string;
  answer: string;
  accepted: string;
  options: string;
  pairs: string;
  sequence: string;
};

/** One labelled field with its error region (aria-describedby), as every form here. */
function Field({
  name,
  label,
  hint,
  errors,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  children: (describedBy: string) => React.ReactNode;
}) {
  const describedBy = `edit-${name}-error${hint ? ` edit-${name}-hint` : ""}`;
  return (
    <div className="field">
      <label htmlFor={`edit-${name}`}>{label}</label>
      {hint ? (
        <small id={`edit-${name}-hint`} className="muted">
          {hint}
        </small>
      ) : null}
      {children(describedBy)}
      <p id={`edit-${name}-error`} className="field-error" aria-live="polite">
        {errors?.join(" ") ?? ""}
      </p>
    </div>
  );
}

/** The edit form: the fields this item's kind has (lib/validations/items.ts itemEditSchema checks them). */
export function EditItemForm({
  deckId,
  itemId,
  checksum,
  kind,
  initial,
}: {
  deckId: string;
  itemId: string;
  checksum: string;
  kind: ItemKind;
  initial: Fields;
}) {
  const [state, action, pending] = useActionState<ItemFormState, FormData>(editItemAction, null);
  const errors = state?.fieldErrors ?? {};
  const free = kind === "typed" || kind === "cloze" || kind === "flashcard";
  return (
    <form
      className="form form--wide"
      noValidate
      // Dispatched by hand instead of `action={action}`: React resets a form after its action, which would throw
      // away what the owner typed when the server refuses it.
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => action(data));
      }}
    >
      <input type="hidden" name="itemId" value={itemId} />
      <input type="hidden" name="deckId" value={deckId} />
      <input type="hidden" name="checksum" value={checksum} />
      <Field name="prompt" label="Prompt" errors={errors.prompt}>
        {(d) => <textarea id="edit-prompt" name="prompt" rows={3} defaultValue={initial.prompt} aria-describedby={d} />}
      </Field>
      {kind === "multiple_choice" ? (
        <Field name="options" label="Options" hint="One per line, 2 to 8." errors={errors.options}>
          {(d) => (
            <textarea id="edit-options" name="options" rows={5} defaultValue={initial.options} aria-describedby={d} />
          )}
        </Field>
      ) : null}
      {kind === "matching" ? (
        <Field name="pairs" label="Pairs" hint="One per line: left → right (or left -> right)." errors={errors.pairs}>
          {(d) => <textarea id="edit-pairs" name="pairs" rows={6} defaultValue={initial.pairs} aria-describedby={d} />}
        </Field>
      ) : null}
      {kind === "ordering" ? (
        <Field name="sequence" label="Entries in order" hint="One per line, first to last." errors={errors.sequence}>
          {(d) => (
            <textarea
              id="edit-sequence"
              name="sequence"
              rows={6}
              defaultValue={initial.sequence}
              aria-describedby={d}
            />
          )}
        </Field>
      ) : null}
      {kind === "true_false" ? (
        <Field name="answer" label="Answer" errors={errors.answer}>
          {(d) => (
            <select id="edit-answer" name="answer" defaultValue={initial.answer} aria-describedby={d}>
              <option value="True">True</option>
              <option value="False">False</option>
            </select>
          )}
        </Field>
      ) : kind !== "matching" && kind !== "ordering" ? (
        <Field
          name="answer"
          label="Answer"
          hint={kind === "multiple_choice" ? "One of the options." : undefined}
          errors={errors.answer}
        >
          {(d) => <input id="edit-answer" name="answer" defaultValue={initial.answer} aria-describedby={d} />}
        </Field>
      ) : null}
      {free ? (
        <Field
          name="accepted"
          label="Accepted alternatives"
          hint="Other answers that count as right, one per line."
          errors={errors.accepted}
        >
          {(d) => (
            <textarea
              id="edit-accepted"
              name="accepted"
              rows={3}
              defaultValue={initial.accepted}
              aria-describedby={d}
            />
          )}
        </Field>
      ) : null}
      <Field name="topic" label="Topic" errors={errors.topic}>
        {(d) => (
          <select id="edit-topic" name="topic" defaultValue={initial.topic} aria-describedby={d}>
            {Object.entries(TOPIC_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <p className={state?.ok ? "form-ok" : "form-error"} aria-live="polite" data-testid="edit-message">
        {state?.message ?? ""}
      </p>
      <div>
        <button className="button" type="submit" disabled={pending}>
          Save item
        </button>
      </div>
    </form>
  );
}
