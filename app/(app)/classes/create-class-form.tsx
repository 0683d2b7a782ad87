"use client";

import { useActionState } from "react";
import { createClassAction, type FormState } from "./actions";

export function CreateClassForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(createClassAction, null);
  return (
    <form action={action} className="form" noValidate>
      <div className="field">
        <label htmlFor="class-name">Class name</label>
        <input id="class-name" name="name" type="text" maxLength={100} aria-describedby="class-error" />
      </div>
      <div className="field">
        <label htmlFor="class-description">Description</label>
        <textarea id="class-description" name="description" rows={3} maxLength={1000} />
      </div>
      <p id="class-error" className="form-error" aria-live="polite">
        {state?.message ?? ""}
      </p>
      <div>
        <button className="button" type="submit" disabled={pending}>
          Create class
        </button>
      </div>
    </form>
  );
}
