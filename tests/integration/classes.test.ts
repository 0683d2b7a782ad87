import { describe, expect, it } from "vitest";
import type { GeneratedItem } from "@/lib/content/types";
import { createAssignment, learnerAssignments, startAssignmentQuiz } from "@/lib/db/assignments";
import { db } from "@/lib/db/client";
import { createClass, getTeacherClass, joinClass, renewJoinCode } from "@/lib/db/classes";
import { publishDocument } from "@/lib/db/content";
import { createSet } from "@/lib/db/sets";
import { nextStep } from "@/lib/db/study";
import { makeUser } from "@/tests/factories";

const NOW = new Date("2026-05-04T10:00:00Z");
const inDays = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

function item(key: string, position: number): GeneratedItem {
  return {
    key,
    factKey: key,
    kind: "flashcard",
    prompt: `${key}?`,
    answer: key,
    accepted: [],
    options: null,
    answerType: "text",
    topic: "history",
    difficulty: 0.5,
    source: { text: `${key}.`, start: position, end: position + 1 },
  };
}

async function setup() {
  const teacher = await makeUser({ role: "instructor" });
  const learner = await makeUser();
  const slug = `c-${crypto.randomUUID()}`;
  const { documentId } = await publishDocument({ slug, title: slug, body: "x" }, ["a", "b", "c", "d"].map(item));
  const items = await db.item.findMany({ where: { documentId }, orderBy: { position: "asc" } });
  const klass = await createClass(teacher, { name: "C", description: "" }, NOW);
  const code = (await db.class.findUniqueOrThrow({ where: { id: klass.id } })).joinCode;
  return { teacher, learner, documentId, slug, items, classId: klass.id, code };
}

describe("joining a class", () => {
  it("joins with the code in any case and spacing; a second join, a wrong code and an expired code change nothing", async () => {
    const { learner, classId, code, teacher } = await setup();
    expect(await joinClass(learner.id, "NOPE1234", NOW)).toEqual({ ok: false, reason: "unknown_code" });
    expect(await joinClass(learner.id, ` ${code.slice(0, 4).toLowerCase()}-${code.slice(4)} `, NOW)).toMatchObject({
      ok: true,
      classId,
    });
    expect(await joinClass(learner.id, code, NOW)).toEqual({ ok: false, reason: "already_member" });
    expect(await joinClass(teacher.id, code, NOW)).toEqual({ ok: false, reason: "own_class" });
    const late = await makeUser();
    expect(await joinClass(late.id, code, inDays(31))).toEqual({ ok: false, reason: "expired" });
    expect(await db.classMember.count({ where: { classId } })).toBe(1);
  });

  it("stops accepting the old code once the teacher makes a new one", async () => {
    const { teacher, learner, classId, code } = await setup();
    expect(await renewJoinCode(classId, teacher, NOW)).toBe(true);
    expect(await joinClass(learner.id, code, NOW)).toEqual({ ok: false, reason: "unknown_code" });
    const other = await makeUser({ role: "instructor" });
    expect(await renewJoinCode(classId, other, NOW)).toBe(false);
    expect(await getTeacherClass(classId, other)).toBeNull();
  });
});

describe("assignments", () => {
  it("refuses a due date in the past, an empty set, and someone else's class or set", async () => {
    const { teacher, items, classId, slug } = await setup();
    const set = (await createSet(teacher, { name: "S", itemIds: items.slice(0, 2).map((i) => i.id) }))!;
    const base = { classId, setId: set.id, mode: "study" as const, maxAttempts: 1 };
    expect(await createAssignment(teacher, { ...base, dueAt: inDays(-1) }, NOW)).toEqual({
      ok: false,
      reason: "past_due",
    });
    const other = await makeUser({ role: "instructor" });
    expect(await createAssignment(other, { ...base, dueAt: inDays(7) }, NOW)).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await createSet(teacher, { name: "Empty", itemIds: [] })).toBeNull();
    expect(await createSet(teacher, { name: "Ghost", itemIds: ["no-such-item"] })).toBeNull();
    // Every item of the set retired by a rebuild: nothing left to assign.
    await publishDocument({ slug, title: slug, body: "x" }, [item("z", 9)]);
    expect(await createAssignment(teacher, { ...base, dueAt: inDays(7) }, NOW)).toEqual({
      ok: false,
      reason: "empty_set",
    });
    expect(await db.assignment.count({ where: { classId } })).toBe(0);
  });

  it("puts a study assignment's items first in the learner's queue and tracks completion by the stated rule", async () => {
    const { teacher, learner, items, classId, code, documentId } = await setup();
    await joinClass(learner.id, code, NOW);
    const set = (await createSet(teacher, { name: "Last two", itemIds: [items[2]!.id, items[3]!.id] }))!;
    await createAssignment(teacher, { classId, setId: set.id, mode: "study", dueAt: inDays(7), maxAttempts: 1 }, NOW);
    const step = await nextStep({ userId: learner.id, deckId: documentId }, NOW);
    expect([items[2]!.id, items[3]!.id]).toContain(step.card?.itemId);
    const [assignment] = await learnerAssignments(learner.id);
    expect(assignment).toMatchObject({ mode: "study", progress: { done: 0, total: 2, complete: false } });
  });

  it("limits a quiz assignment to its attempts", async () => {
    const { teacher, learner, items, classId, code } = await setup();
    await joinClass(learner.id, code, NOW);
    const set = (await createSet(teacher, { name: "Quiz", itemIds: items.map((i) => i.id) }))!;
    const created = await createAssignment(
      teacher,
      { classId, setId: set.id, mode: "quiz", dueAt: inDays(3), maxAttempts: 1 },
      NOW,
    );
    const id = created.ok ? created.id : "";
    const first = await startAssignmentQuiz(id, learner.id);
    expect(first.ok).toBe(true);
    // Resuming the open attempt is not a new attempt.
    expect(await startAssignmentQuiz(id, learner.id)).toEqual(first);
    await db.quizAttempt.updateMany({ where: { assignmentId: id }, data: { finishedAt: NOW, score: 3 } });
    expect(await startAssignmentQuiz(id, learner.id)).toEqual({ ok: false, reason: "no_attempts_left" });
    const outsider = await makeUser();
    expect(await startAssignmentQuiz(id, outsider.id)).toEqual({ ok: false, reason: "not_found" });
  });
});
