"use client";

import { useActionState } from "react";
import { changeRoleAction, type RoleState } from "./actions";

export function RoleForm({ userId, name, role }: { userId: string; name: string; role: string }) {
  const [state, action, pending] = useActionState<RoleState, FormData>(changeRoleAction, null);
  return (
    <form action={action} className="role-form">
      <input type="hidden" name="userId" value={userId} />
      <label className="visually-hidden" htmlFor={`role-${userId}`}>
        Role of {name}
      </label>
      <select id={`role-${userId}`} name="role" defaultValue={role}>
        <option value="learner">learner</option>
        <option value="instructor">instructor</option>
        <option value="admin">admin</option>
      </select>
      <button
        className="button button--quiet button--small"
        type="submit"
        disabled={pending}
        aria-label={`Save role of ${name}`}
      >
        Save
      </button>
      <span className={state?.ok ? "form-ok" : "form-error"} aria-live="polite">
        {state?.message ?? ""}
      </span>
    </form>
  );
}
