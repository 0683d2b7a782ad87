"use client";

import { useActionState } from "react";
import { ConfirmDelete } from "@/components/confirm-delete";
import { deleteSetAction, renameSetAction } from "./actions";

/** Rename and delete for the instructor's set; the deletion states its consequences before the box is ticked. */
export function ManageSet({ set }: { set: { id: string; name: string; items: number; assignments: number } }) {
  const [renamed, rename, renaming] = useActionState(renameSetAction, null);
  return (
    <section aria-labelledby="manage-set-heading" className="card">
      <h2 id="manage-set-heading">Edit or delete this set</h2>
      <form action={rename} className="form" noValidate>
        <input type="hidden" name="setId" value={set.id} />
        <div className="field">
          <label htmlFor="set-name-edit">Rename to</label>
          <input id="set-name-edit" name="name" type="text" maxLength={100} defaultValue={set.name} />
        </div>
        <p className={renamed?.ok ? "muted" : "form-error"} aria-live="polite" data-testid="rename-set-message">
          {renamed?.message ?? ""}
        </p>
        <div>
          <button className="button button--quiet" type="submit" disabled={renaming}>
            Rename set
          </button>
        </div>
      </form>
      <details>
        <summary>Delete this set</summary>
        <ConfirmDelete
          action={deleteSetAction}
          fields={{ setId: set.id }}
          what="set"
          testId="set"
          consequences={
            set.assignments > 0
              ? `${set.assignments} ${set.assignments === 1 ? "assignment uses" : "assignments use"} this set: delete ${set.assignments === 1 ? "it" : "them"} on the class page first (that deletes their quiz scores).`
              : `Deletes the set and its list of ${set.items} items; the items, their decks and learners' progress stay.`
          }
        />
      </details>
    </section>
  );
}
