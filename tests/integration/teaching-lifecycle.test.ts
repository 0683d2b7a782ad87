/**
 * Issue 14: sets, classes and assignments can be edited and deleted, with the consequences counted before the
 * instructor confirms; someone else's are "not found"; learners' own progress and history survive every deletion.
 */
import { describe, expect, it } from "vitest";
import type { GeneratedItem } from "@/lib/content/types";
import { createAssignment, startAssignmentQuiz } from "@/lib/db/assignments";
import { db } from "@/lib/db/client";
import { createClass } from "@/lib/db/classes";
import { publishDocument } from "@/lib/db/content";
import { recordReview } from "@/lib/db/reviews";
import { createSet } from "@/lib/db/sets";
import {
  assignmentConsequences,
  classConsequences,
  deleteAssignment,
  deleteClass,
  deleteSet,
  renameSet,
  setConsequences,
  updateAssignment,
  updateClass,
} from "@/lib/db/teaching-lifecycle";
import { makeUser } from "@/tests/factories";

const NOW = new Date();
const inDays = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

function item(key: string, i: number): GeneratedItem {
  return {
    key,
    factKey: key,
    kind: "true_false",
    prompt: `${key}?`,
    answer: "True",
    accepted: [],
    options: ["True", "False"],
    answerType: "text",
    topic: "dates",
    difficulty: 0.5,
    source: { text: `${key}.`, start: i * 10, end: i * 10 + 2 },
  };
}

async function world() {
  const teacher = await makeUser({ role: "instructor" });
  const learner = await makeUser();
  const slug = `t-${crypto.randomUUID()}`;
  const { documentId } = await publishDocument({ slug, title: slug, body: "x".repeat(30) }, [
    item("a", 0),
    item("b", 1),
  ]);
  const itemIds = (await db.item.findMany({ where: { documentId } })).map((i) => i.id);
  const set = (await createSet(teacher, { name: "Set", itemIds }))!;
  const klass = await createClass(teacher, { name: "Class", description: "" }, NOW);
  await db.classMember.create({ data: { classId: klass.id, userId: learner.id } });
  const assignment = await createAssignment(
    teacher,
    { classId: klass.id, setId: set.id, mode: "quiz", dueAt: inDays(7), maxAttempts: 2 },
    NOW,
  );
  if (!assignment.ok) throw new Error(assignment.reason);
  // The learner's own review of an item, which no deletion here may touch.
  await recordReview({
    userId: learner.id,
    reviewId: crypto.randomUUID(),
    itemId: itemIds[0]!,
    version: 0,
    response: "True",
    rating: "good",
    responseMs: 800,
    now: NOW,
  });
  // Started after the review: while a quiz is open its items are refused in study.
  const attempt = await startAssignmentQuiz(assignment.id, learner.id);
  return { teacher, learner, set, klass, assignmentId: assignment.id, attempt, itemIds };
}

describe("sets", () => {
  it("renames for the owner only; refuses deleting a set assignments use, then deletes it", async () => {
    const w = await world();
    const other = await makeUser({ role: "instructor" });
    expect(await renameSet(other, { setId: w.set.id, name: "Mine" })).toEqual({ ok: false, reason: "not_found" });
    expect(await renameSet(w.teacher, { setId: w.set.id, name: "Week 2" })).toEqual({ ok: true });
    expect(await setConsequences(w.set.id, w.teacher)).toEqual({ items: 2, assignments: 1 });
    expect(await deleteSet(w.teacher, w.set.id)).toEqual({ ok: false, reason: "in_assignments" });
    expect(await deleteSet(other, w.set.id)).toEqual({ ok: false, reason: "not_found" });
    await deleteAssignment(w.teacher, w.assignmentId);
    expect(await deleteSet(w.teacher, w.set.id)).toEqual({ ok: true });
    expect(await db.item.count({ where: { id: { in: w.itemIds } } })).toBe(2);
    expect(await db.reviewLog.count({ where: { userId: w.learner.id } })).toBe(1);
  });
});

describe("assignments", () => {
  it("moves the due date (never into the past) and deletes with its attempts, keeping reviews", async () => {
    const w = await world();
    const other = await makeUser({ role: "instructor" });
    const move = { assignmentId: w.assignmentId, dueAt: inDays(14), timeZone: "UTC", maxAttempts: 3 };
    expect(await updateAssignment(other, move, NOW)).toEqual({ ok: false, reason: "not_found" });
    expect(await updateAssignment(w.teacher, { ...move, dueAt: inDays(-1) }, NOW)).toEqual({
      ok: false,
      reason: "past_due",
    });
    expect(await updateAssignment(w.teacher, move, NOW)).toEqual({ ok: true });
    expect(await db.assignment.findUniqueOrThrow({ where: { id: w.assignmentId } })).toMatchObject({
      dueAt: move.dueAt,
      maxAttempts: 3,
    });

    expect(await assignmentConsequences(w.assignmentId, w.teacher)).toEqual({ quizAttempts: 1, learners: 1 });
    expect(await assignmentConsequences(w.assignmentId, other)).toBeNull();
    expect(await deleteAssignment(other, w.assignmentId)).toEqual({ ok: false, reason: "not_found" });
    expect(await deleteAssignment(w.teacher, w.assignmentId)).toEqual({ ok: true });
    expect(await db.quizAttempt.count({ where: { assignmentId: w.assignmentId } })).toBe(0);
    expect(await db.reviewLog.count({ where: { userId: w.learner.id } })).toBe(1);
  });
});

describe("classes", () => {
  it("edits, states what deleting takes, and deletes for the owner only; learners keep their history", async () => {
    const w = await world();
    const other = await makeUser({ role: "instructor" });
    const edit = { classId: w.klass.id, name: "History 102", description: "Autumn" };
    expect(await updateClass(other, edit)).toEqual({ ok: false, reason: "not_found" });
    expect(await updateClass(w.teacher, edit)).toEqual({ ok: true });
    expect(await classConsequences(w.klass.id, w.teacher)).toEqual({
      members: 1,
      assignments: 1,
      quizAttempts: 1,
      sharedDecks: 0,
    });
    expect(await deleteClass(other, w.klass.id)).toEqual({ ok: false, reason: "not_found" });
    expect(await deleteClass(w.teacher, w.klass.id)).toEqual({ ok: true });
    expect(await db.classMember.count({ where: { classId: w.klass.id } })).toBe(0);
    expect(await db.assignment.count({ where: { id: w.assignmentId } })).toBe(0);
    expect(await db.reviewLog.count({ where: { userId: w.learner.id } })).toBe(1);
    expect(await db.card.count({ where: { userId: w.learner.id } })).toBe(1);
  });
});
