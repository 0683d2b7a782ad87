"use client";

import { useActionState } from "react";
import { changeRoleAction, type RoleState } from "./actions";

export function RoleForm({ userId, name, role }: { userId: string; name: string; role: string }) {
  const [state, action, pending] = useActionState<RoleState, FormData>(changeRoleAction, null);
  // The select shows the role as saved: React resets a form after its action, and an uncontrolled select would go
  // back to the role it was first rendered with (so a second Save silently reverted the change). Keyed by the saved
  // role, it starts again from it whenever it changes; a refused change leaves the saved role showing.
  const saved = state?.ok ? state.role : role;
  return (
    <form action={action} className="role-form">
      <input type="hidden" name="userId" value={userId} />
      <label className="visually-hidden" htmlFor={`role-${userId}`}>
        Role of {name}
      </label>
      <select key={saved} id={`role-${userId}`} name="role" defaultValue={saved}>
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
