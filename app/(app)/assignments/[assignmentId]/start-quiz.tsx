"use client";

import { useActionState } from "react";
import { startAssignmentQuizAction, type StartState } from "./actions";

export function StartQuizButton({ assignmentId, label }: { assignmentId: string; label: string }) {
  const [state, action, pending] = useActionState<StartState, FormData>(startAssignmentQuizAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <button className="button" type="submit" disabled={pending}>
        {label}
      </button>
      <p className="form-error" aria-live="polite">
        {state?.message ?? ""}
      </p>
    </form>
  );
}
