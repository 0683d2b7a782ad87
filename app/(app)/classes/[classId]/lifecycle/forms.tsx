"use client";

import { useActionState } from "react";
import { ConfirmDelete } from "@/components/confirm-delete";
import {
  deleteAssignmentAction,
  deleteClassAction,
  updateAssignmentAction,
  updateClassAction,
  type TeachingFormState,
} from "./actions";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function Message({ testId, state }: { testId: string; state: TeachingFormState }) {
  return (
    <p className={state?.ok ? "muted" : "form-error"} aria-live="polite" data-testid={testId}>
      {state?.message ?? ""}
    </p>
  );
}

/** Edit and delete for the instructor's class; the deletion states what it takes with it before confirming. */
export function ManageClass({
  klass,
  consequences,
}: {
  klass: { id: string; name: string; description: string };
  consequences: { members: number; assignments: number; quizAttempts: number; sharedDecks: number };
}) {
  const [saved, save, saving] = useActionState(updateClassAction, null);
  return (
    <section aria-labelledby="manage-class-heading" className="card">
      <h2 id="manage-class-heading">Edit or delete this class</h2>
      <form action={save} className="form" noValidate>
        <input type="hidden" name="classId" value={klass.id} />
        <div className="field">
          <label htmlFor="class-name-edit">Class name</label>
          <input id="class-name-edit" name="name" type="text" maxLength={100} defaultValue={klass.name} />
        </div>
        <div className="field">
          <label htmlFor="class-description-edit">Class description</label>
          <textarea
            id="class-description-edit"
            name="description"
            rows={2}
            maxLength={1000}
            defaultValue={klass.description}
          />
        </div>
        <Message testId="update-class-message" state={saved} />
        <div>
          <button className="button button--quiet" type="submit" disabled={saving}>
            Save class
          </button>
        </div>
      </form>
      <details>
        <summary>Delete this class</summary>
        <ConfirmDelete
          action={deleteClassAction}
          fields={{ classId: klass.id }}
          what="class"
          testId="class"
          consequences={
            <>
              Deletes the class: {plural(consequences.members, "learner")} leave it,{" "}
              {plural(consequences.assignments, "assignment")} and {plural(consequences.quizAttempts, "quiz attempt")}{" "}
              (their scores) are deleted, and {plural(consequences.sharedDecks, "deck")} shared with it{" "}
              {consequences.sharedDecks === 1 ? "is" : "are"} no longer shared with its members. Learners keep their own
              progress and review history. This cannot be undone.
            </>
          }
        />
      </details>
    </section>
  );
}

/** Edit (due date, attempts) and delete for one assignment, with the quiz attempts a deletion removes stated first. */
export function ManageAssignment({
  assignment,
}: {
  assignment: {
    id: string;
    name: string;
    mode: string;
    /** The due date on the instructor's clock (Settings zone), as the form shows and sends it back. */
    dueLocal: string;
    maxAttempts: number;
    quizAttempts: number;
    learners: number;
  };
}) {
  const [saved, save, saving] = useActionState(updateAssignmentAction, null);
  return (
    <details className="manage-assignment">
      <summary>Edit or delete “{assignment.name}”</summary>
      <form action={save} className="form" noValidate>
        <input type="hidden" name="assignmentId" value={assignment.id} />
        <div className="field">
          <label htmlFor={`due-${assignment.id}`}>Move the deadline to</label>
          <input id={`due-${assignment.id}`} name="dueAt" type="datetime-local" defaultValue={assignment.dueLocal} />
        </div>
        {assignment.mode === "quiz" ? (
          <div className="field">
            <label htmlFor={`attempts-${assignment.id}`}>Attempts to allow from now</label>
            <input
              id={`attempts-${assignment.id}`}
              name="maxAttempts"
              type="number"
              min={1}
              max={10}
              defaultValue={assignment.maxAttempts}
            />
          </div>
        ) : null}
        <Message testId="update-assignment-message" state={saved} />
        <div>
          <button className="button button--quiet" type="submit" disabled={saving}>
            Save assignment
          </button>
        </div>
      </form>
      <ConfirmDelete
        action={deleteAssignmentAction}
        fields={{ assignmentId: assignment.id }}
        what="assignment"
        testId="assignment"
        consequences={
          <>
            Deleting it removes {plural(assignment.quizAttempts, "quiz attempt")} by{" "}
            {plural(assignment.learners, "learner")} (their scores) and takes its items out of learners&apos; priority
            list; their own progress and review history stay.
          </>
        }
      />
    </details>
  );
}
