import { can } from "@/lib/auth/can";
import { db } from "./client";
import type { UserSummary } from "./users";

// Editing and deleting sets, classes and assignments (issue 14), with what a deletion takes with it counted first so
// the page can state it before the instructor confirms. Ownership as everywhere in teaching: the instructor's own,
// or any for an admin; anyone else's is "not found". Learners' own cards and review history never depend on a class,
// set or assignment, so none of these deletions touches their study statistics.

export type TeachingChange = { ok: true } | { ok: false; reason: "not_found" | "in_assignments" | "past_due" };

const ownedBy = (user: UserSummary) => (can(user, "see-all-classes") ? {} : { ownerId: user.id });

/** What deleting the set would affect: the assignments that use it (which block the deletion). */
export async function setConsequences(setId: string, user: UserSummary) {
  const set = await db.itemSet.findFirst({
    where: { id: setId, ...ownedBy(user) },
    select: { _count: { select: { items: true, assignments: true } } },
  });
  return set ? { items: set._count.items, assignments: set._count.assignments } : null;
}

/**
 * Renames the instructor's set.
 * @example await renameSet(user, { setId, name: "Week 2" })
 */
export async function renameSet(user: UserSummary, input: { setId: string; name: string }): Promise<TeachingChange> {
  const updated = await db.itemSet.updateMany({
    where: { id: input.setId, ...ownedBy(user) },
    data: { name: input.name },
  });
  return updated.count === 1 ? { ok: true } : { ok: false, reason: "not_found" };
}

/**
 * Deletes the instructor's set; refused while assignments use it (deleting them would delete learners' quiz scores,
 * which the instructor must choose to do on the class page).
 * @example await deleteSet(user, setId) // { ok: false, reason: "in_assignments" }
 */
export async function deleteSet(user: UserSummary, setId: string): Promise<TeachingChange> {
  return db.$transaction(async (tx) => {
    const set = await tx.itemSet.findFirst({
      where: { id: setId, ...ownedBy(user) },
      select: { _count: { select: { assignments: true } } },
    });
    if (!set) return { ok: false, reason: "not_found" } as const;
    if (set._count.assignments > 0) return { ok: false, reason: "in_assignments" } as const;
    await tx.itemSet.delete({ where: { id: setId } });
    return { ok: true } as const;
  });
}

/** What deleting the class takes with it: memberships, assignments, and the quiz attempts (scores) of those. */
export async function classConsequences(classId: string, user: UserSummary) {
  const klass = await db.class.findFirst({
    where: { id: classId, ...ownedBy(user) },
    select: { _count: { select: { members: true, assignments: true, decks: true } } },
  });
  if (!klass) return null;
  const quizAttempts = await db.quizAttempt.count({ where: { assignment: { classId } } });
  return {
    members: klass._count.members,
    assignments: klass._count.assignments,
    quizAttempts,
    sharedDecks: klass._count.decks,
  };
}

/**
 * Changes the instructor's class name and description.
 * @example await updateClass(user, { classId, name: "History 101", description: "" })
 */
export async function updateClass(
  user: UserSummary,
  input: { classId: string; name: string; description: string },
): Promise<TeachingChange> {
  const updated = await db.class.updateMany({
    where: { id: input.classId, ...ownedBy(user) },
    data: { name: input.name, description: input.description },
  });
  return updated.count === 1 ? { ok: true } : { ok: false, reason: "not_found" };
}

/**
 * Deletes the class with its memberships, assignments and their quiz attempts (the database cascades them; the page
 * states the counts first). Decks shared only with this class stop being visible to its former members.
 * @example await deleteClass(user, classId)
 */
export async function deleteClass(user: UserSummary, classId: string): Promise<TeachingChange> {
  const deleted = await db.class.deleteMany({ where: { id: classId, ...ownedBy(user) } });
  return deleted.count === 1 ? { ok: true } : { ok: false, reason: "not_found" };
}

const ownedAssignment = (assignmentId: string, user: UserSummary) => ({
  id: assignmentId,
  class: ownedBy(user),
});

/** What deleting the assignment takes with it: its quiz attempts (scores) and how many learners made them. */
export async function assignmentConsequences(assignmentId: string, user: UserSummary) {
  const assignment = await db.assignment.findFirst({
    where: ownedAssignment(assignmentId, user),
    select: { id: true },
  });
  if (!assignment) return null;
  const attempts = await db.quizAttempt.groupBy({ by: ["userId"], where: { assignmentId }, _count: { _all: true } });
  return {
    quizAttempts: attempts.reduce((sum, row) => sum + row._count._all, 0),
    learners: attempts.length,
  };
}

/**
 * Moves the due date of the instructor's assignment (to a future time) and, for a quiz, its allowed attempts.
 * @example await updateAssignment(user, { assignmentId, dueAt, timeZone: "Europe/Berlin", maxAttempts: 2 }, new Date())
 */
export async function updateAssignment(
  user: UserSummary,
  input: { assignmentId: string; dueAt: Date; timeZone: string; maxAttempts: number },
  now: Date,
): Promise<TeachingChange> {
  if (input.dueAt <= now) return { ok: false, reason: "past_due" };
  const assignment = await db.assignment.findFirst({
    where: ownedAssignment(input.assignmentId, user),
    select: { mode: true },
  });
  if (!assignment) return { ok: false, reason: "not_found" };
  await db.assignment.update({
    where: { id: input.assignmentId },
    data: {
      dueAt: input.dueAt,
      dueTimeZone: input.timeZone,
      maxAttempts: assignment.mode === "quiz" ? input.maxAttempts : 1,
    },
  });
  return { ok: true };
}

/**
 * Deletes the instructor's assignment and its quiz attempts (scores); learners' reviews stay.
 * @example await deleteAssignment(user, assignmentId)
 */
export async function deleteAssignment(user: UserSummary, assignmentId: string): Promise<TeachingChange> {
  const deleted = await db.assignment.deleteMany({ where: ownedAssignment(assignmentId, user) });
  return deleted.count === 1 ? { ok: true } : { ok: false, reason: "not_found" };
}
