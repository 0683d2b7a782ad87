import { describe, expect, it } from "vitest";
import type { GeneratedItem } from "@/lib/content/types";
import { createAssignment, learnerAssignments, startAssignmentQuiz } from "@/lib/db/assignments";
import { loadClassDashboard } from "@/lib/db/class-dashboard";
import { db } from "@/lib/db/client";
import { createClass, getTeacherClass, joinClass, removeMember, renewJoinCode } from "@/lib/db/classes";
import { publishDocument } from "@/lib/db/content";
import { loadOpenQuizItems } from "@/lib/db/open-quizzes";
import { answerQuiz, getQuiz, quizResults, quizState } from "@/lib/db/quiz";
import { createSet } from "@/lib/db/sets";
import { nextStep, studyQueue } from "@/lib/db/study";
import { makeUser } from "@/tests/factories";

const NOW = new Date("2026-05-04T10:00:00Z");
const inDays = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

function item(key: string, position: number): GeneratedItem {
  return {
    key,
    factKey: key,
    kind: "flashcard" as GeneratedItem["kind"],
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

/** A true/false item a quiz can grade ("True" is right). */
function graded(key: string, position: number): GeneratedItem {
  return { ...item(key, position), kind: "true_false", answer: "True", options: ["True", "False"] };
}

/** Items a, b, c, d are flashcards; with `quizItems`, e and f are true/false items a quiz can grade. */
async function setup(quizItems = false) {
  const teacher = await makeUser({ role: "instructor" });
  const learner = await makeUser();
  const slug = `c-${crypto.randomUUID()}`;
  const { documentId } = await publishDocument({ slug, title: slug, body: "x" }, [
    ...["a", "b", "c", "d"].map(item),
    ...(quizItems ? ["e", "f"].map((key, i) => graded(key, 4 + i)) : []),
  ]);
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

  it("puts only this deck's assigned items first in one deck's queue, and every deck's in Study now", async () => {
    const { teacher, learner, items, classId, code, documentId } = await setup();
    const other = await publishDocument({ slug: `o-${crypto.randomUUID()}`, title: "Other", body: "x" }, [
      item("w", 0),
      item("x", 1),
    ]);
    const otherItems = await db.item.findMany({
      where: { documentId: other.documentId },
      orderBy: { position: "asc" },
    });
    await joinClass(learner.id, code, NOW);
    const set = (await createSet(teacher, { name: "Mixed", itemIds: [items[3]!.id, otherItems[1]!.id] }))!;
    await createAssignment(teacher, { classId, setId: set.id, mode: "study", dueAt: inDays(7), maxAttempts: 1 }, NOW);
    const { entries: deck } = await studyQueue({ userId: learner.id, deckId: documentId }, NOW);
    expect(deck[0]?.itemId).toBe(items[3]!.id);
    expect(deck.map((e) => e.itemId)).not.toContain(otherItems[1]!.id);
    const { entries: all } = await studyQueue({ userId: learner.id }, NOW);
    expect(all.map((e) => e.itemId).sort()).toEqual([items[3]!.id, otherItems[1]!.id].sort());
  });

  it("limits a quiz assignment to its attempts", async () => {
    // Issue 12: a scored quiz needs items it can grade, so this set now holds two true/false items besides flashcards.
    const { teacher, learner, items, classId, code } = await setup(true);
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

const answer = (userId: string, attemptId: string, itemId: string, response = "True") =>
  answerQuiz({ userId, attemptId, answerId: crypto.randomUUID(), itemId, response, responseMs: 900, now: NOW });

async function quizAssignment(setItems: string[], setup_: Awaited<ReturnType<typeof setup>>) {
  const set = (await createSet(setup_.teacher, { name: "Quiz", itemIds: setItems }))!;
  const created = await createAssignment(
    setup_.teacher,
    { classId: setup_.classId, setId: set.id, mode: "quiz", dueAt: inDays(3), maxAttempts: 2 },
    NOW,
  );
  if (!created.ok) throw new Error(created.reason);
  return created.id;
}

describe("quiz assignments and flashcards (issue 12, finding 2)", () => {
  it("asks only the items a quiz can grade, and refuses a set of flashcards alone", async () => {
    const world = await setup(true);
    await joinClass(world.learner.id, world.code, NOW);
    const id = await quizAssignment(
      world.items.map((i) => i.id),
      world,
    );
    const started = await startAssignmentQuiz(id, world.learner.id);
    if (!started.ok) throw new Error(started.reason);
    const attempt = (await getQuiz(started.attemptId, world.learner.id))!;
    expect(attempt.total).toBe(2);
    expect(attempt.itemIds.sort()).toEqual([world.items[4]!.id, world.items[5]!.id].sort());
    const onlyFlashcards = (await createSet(world.teacher, { name: "Cards", itemIds: [world.items[0]!.id] }))!;
    expect(
      await createAssignment(
        world.teacher,
        { classId: world.classId, setId: onlyFlashcards.id, mode: "quiz", dueAt: inDays(3), maxAttempts: 1 },
        NOW,
      ),
    ).toEqual({ ok: false, reason: "no_quiz_items" });
  });

  it("finishes an attempt started with a flashcard in it, scored on the gradable questions only", async () => {
    const world = await setup(true);
    await joinClass(world.learner.id, world.code, NOW);
    const [flash, e, f] = [world.items[0]!, world.items[4]!, world.items[5]!];
    const id = await quizAssignment([e.id, flash.id, f.id], world);
    // Attempts made before the fix asked every item of the set, flashcard included.
    const old = await db.quizAttempt.create({
      data: { userId: world.learner.id, assignmentId: id, itemIds: JSON.stringify([e.id, flash.id, f.id]), total: 3 },
    });
    expect(await quizState(old.id, world.learner.id)).toMatchObject({ done: false, index: 0, total: 2 });
    expect(await answer(world.learner.id, old.id, flash.id)).toEqual({ ok: false, reason: "not_found" });
    await answer(world.learner.id, old.id, e.id);
    await answer(world.learner.id, old.id, f.id, "False");
    expect(await quizState(old.id, world.learner.id)).toEqual({ done: true, score: 1, total: 2 });
    expect(await db.quizAttempt.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({ score: 1, total: 2 });
    expect((await quizResults(old.id, world.learner.id))!.skipped).toBe(1);
    const [mine] = await learnerAssignments(world.learner.id);
    expect(mine).toMatchObject({ best: 1, outOf: 2, progress: { complete: true } });

    // An attempt stuck on the flashcard (both gradable questions already answered) finishes when next opened.
    const stuck = await db.quizAttempt.create({
      data: { userId: world.learner.id, assignmentId: id, itemIds: JSON.stringify([e.id, flash.id, f.id]), total: 3 },
    });
    for (const itemId of [e.id, f.id]) {
      await db.quizAnswer.create({
        data: {
          id: crypto.randomUUID(),
          attemptId: stuck.id,
          itemId,
          response: "True",
          correct: true,
          answeredAt: NOW,
        },
      });
    }
    expect(await quizState(stuck.id, world.learner.id)).toEqual({ done: true, score: 2, total: 2 });
    expect((await db.quizAttempt.findUniqueOrThrow({ where: { id: stuck.id } })).finishedAt).not.toBeNull();
    expect((await loadOpenQuizItems(world.learner.id)).size).toBe(0);
  });
});

describe("a removed class member (issue 12, finding 8)", () => {
  it("can neither view nor answer the class's quiz attempts, and leaves the gradebook", async () => {
    const world = await setup(true);
    await joinClass(world.learner.id, world.code, NOW);
    const stays = await makeUser({ name: "Stays" });
    await joinClass(stays.id, world.code, NOW);
    const [e, f] = [world.items[4]!, world.items[5]!];
    const id = await quizAssignment([e.id, f.id], world);
    const done = await startAssignmentQuiz(id, world.learner.id);
    if (!done.ok) throw new Error(done.reason);
    await answer(world.learner.id, done.attemptId, e.id);
    await answer(world.learner.id, done.attemptId, f.id);
    const open = await startAssignmentQuiz(id, world.learner.id);
    if (!open.ok) throw new Error(open.reason);
    await answer(world.learner.id, open.attemptId, e.id);
    expect((await loadOpenQuizItems(world.learner.id)).has(f.id)).toBe(true);

    expect(await removeMember(world.classId, world.learner.id, world.teacher)).toBe(true);
    for (const attemptId of [done.attemptId, open.attemptId]) {
      expect(await quizState(attemptId, world.learner.id)).toBeNull();
      expect(await quizResults(attemptId, world.learner.id)).toBeNull();
      expect(await answer(world.learner.id, attemptId, f.id)).toEqual({ ok: false, reason: "not_found" });
    }
    // The open attempt is gone (it would resume if they were added back); the finished one is kept but unseen.
    expect(await db.quizAttempt.findUnique({ where: { id: open.attemptId } })).toBeNull();
    expect(await db.quizAttempt.findUnique({ where: { id: done.attemptId } })).not.toBeNull();
    expect((await loadOpenQuizItems(world.learner.id)).size).toBe(0);
    const dashboard = (await loadClassDashboard(world.classId, world.teacher))!;
    expect(dashboard.learners.map((l) => l.id)).toEqual([stays.id]);
    expect(await learnerAssignments(world.learner.id)).toEqual([]);
  });

  it("an attempt row whose learner is no longer in the class (removed by other means) is not found either", async () => {
    const world = await setup(true);
    await joinClass(world.learner.id, world.code, NOW);
    const id = await quizAssignment([world.items[4]!.id, world.items[5]!.id], world);
    const open = await startAssignmentQuiz(id, world.learner.id);
    if (!open.ok) throw new Error(open.reason);
    await db.classMember.deleteMany({ where: { classId: world.classId, userId: world.learner.id } });
    expect(await quizState(open.attemptId, world.learner.id)).toBeNull();
    expect(await answer(world.learner.id, open.attemptId, world.items[4]!.id)).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await db.quizAnswer.count({ where: { attemptId: open.attemptId } })).toBe(0);
    // And it no longer hides those items from their studying.
    expect((await loadOpenQuizItems(world.learner.id)).size).toBe(0);
  });
});
