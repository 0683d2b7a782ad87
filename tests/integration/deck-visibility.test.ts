/**
 * Issue 14: a deck is a draft until published, and then visible to the library, to chosen classes or to its owner
 * only. The finding it fixes: a published upload went to every user and into every learner's "Study now" (a learner
 * of another class got its items at card 3). Every read a learner can reach is played here as a learner of another
 * class: lists, deck and item pages, the study queue (all decks and one deck), answering, practice quizzes, sets,
 * assignments and progress.
 */
import { describe, expect, it } from "vitest";
import type { GeneratedItem } from "@/lib/content/types";
import { createAssignment, learnerAssignments, startAssignmentQuiz } from "@/lib/db/assignments";
import { db } from "@/lib/db/client";
import { loadClassDashboard } from "@/lib/db/class-dashboard";
import { createClass } from "@/lib/db/classes";
import { getDeck, getItemWithSource, getStudyDeck, listDecks, publishDocument } from "@/lib/db/content";
import {
  addStudyDeck,
  countStudyDecks,
  deckConsequences,
  deleteDeck,
  publishDeck,
  removeStudyDeck,
  setDeckStatus,
  updateDeckDetails,
} from "@/lib/db/deck-lifecycle";
import { reviewHistory } from "@/lib/db/interchange";
import { loadProgress } from "@/lib/db/progress";
import { createQuiz } from "@/lib/db/quiz";
import { answerItem, recordReview, setAside } from "@/lib/db/reviews";
import { createSet, findSetCandidates } from "@/lib/db/sets";
import { nextStep } from "@/lib/db/study";
import { makeUser } from "@/tests/factories";

const NOW = new Date("2026-06-01T09:00:00Z");

function item(key: string, position: number): GeneratedItem {
  return {
    key,
    factKey: key,
    kind: "true_false",
    prompt: `${key} is true?`,
    answer: "True",
    accepted: [],
    options: ["True", "False"],
    answerType: "text",
    topic: "dates",
    difficulty: 0.5,
    source: { text: `${key}.`, start: position * 10, end: position * 10 + 2 },
  };
}

/** An instructor with classes A and B (a learner in each) and a draft deck of three items. */
async function world() {
  const teacher = await makeUser({ role: "instructor" });
  const [inA, inB] = [await makeUser(), await makeUser()];
  const classA = await createClass(teacher, { name: "A", description: "" }, NOW);
  const classB = await createClass(teacher, { name: "B", description: "" }, NOW);
  await db.classMember.create({ data: { classId: classA.id, userId: inA.id } });
  await db.classMember.create({ data: { classId: classB.id, userId: inB.id } });
  const title = `Secret ${crypto.randomUUID()}`;
  const slug = `upload-${crypto.randomUUID()}`;
  const { documentId } = await publishDocument(
    { slug, title, body: "x".repeat(40), ownerId: teacher.id, status: "draft" },
    [item("a", 0), item("b", 1), item("c", 2)],
  );
  const itemIds = (await db.item.findMany({ where: { documentId }, orderBy: { position: "asc" } })).map((i) => i.id);
  return { teacher, inA, inB, classA, classB, documentId, slug, title, itemIds };
}
type World = Awaited<ReturnType<typeof world>>;

/** Everything a learner could reach of the deck, by every read path; true where something leaked. */
async function reach(w: World, userId: string) {
  const itemId = w.itemIds[0]!;
  const answered = await answerItem({
    userId,
    reviewId: crypto.randomUUID(),
    itemId,
    version: 0,
    response: "True",
    responseMs: 1000,
    now: NOW,
  });
  return {
    listed: (await listDecks(userId)).some((d) => d.id === w.documentId),
    page: (await getDeck(w.documentId, userId)) !== null,
    itemPage: (await getItemWithSource(w.documentId, itemId, userId)) !== null,
    studyPage: (await getStudyDeck(w.documentId, userId)) !== null,
    deckQueue: (await nextStep({ userId, deckId: w.documentId }, NOW)).card !== null,
    answer: answered.ok,
    quiz: (await createQuiz({ userId, deckId: w.documentId, count: 2, updatesSchedule: false })) !== null,
    addToStudies: (await addStudyDeck(userId, w.documentId)).ok,
  };
}
const NOTHING = {
  listed: false,
  page: false,
  itemPage: false,
  studyPage: false,
  deckQueue: false,
  answer: false,
  quiz: false,
  addToStudies: false,
};

describe("who sees a deck", () => {
  it("keeps a draft to its owner: nobody else lists, opens, studies, answers or quizzes it", async () => {
    const w = await world();
    const stranger = await makeUser();
    for (const user of [w.inA, w.inB, stranger]) expect(await reach(w, user.id)).toEqual(NOTHING);
    expect((await nextStep({ userId: w.inA.id }, NOW)).card).toBeNull();
    // Nothing was recorded for them.
    expect(await db.reviewLog.count({ where: { itemId: { in: w.itemIds } } })).toBe(0);
    // The owner sees their draft.
    expect(await getDeck(w.documentId, w.teacher.id)).toMatchObject({ status: "draft" });
    expect((await listDecks(w.teacher.id)).some((d) => d.id === w.documentId)).toBe(true);
  });

  it("publishes to one class only: a learner of another class never sees it, by any read", async () => {
    const w = await world();
    expect(
      await publishDeck(w.teacher, { deckId: w.documentId, visibility: "classes", classIds: [w.classA.id] }, NOW),
    ).toEqual({ ok: true });

    expect(await reach(w, w.inB.id)).toEqual(NOTHING);
    // The attack of the finding: "Study now" of the other class's learner never gets its items.
    expect((await nextStep({ userId: w.inB.id }, NOW)).card).toBeNull();
    const progress = JSON.stringify(await loadProgress(w.inB.id, NOW));
    expect(progress).not.toContain(w.title);
    // Another instructor cannot build a set from it either.
    const other = await makeUser({ role: "instructor" });
    const filter = { deckIds: [w.documentId], topics: [], kinds: [], minDifficulty: 0, maxDifficulty: 1 };
    expect(await findSetCandidates(filter, other.id)).toEqual([]);
    expect(await createSet(other, { name: "Taken", itemIds: w.itemIds })).toBeNull();

    // Class A's learner sees it all, and "Study now" takes it once they add it to their studies.
    const a = w.inA.id;
    expect((await listDecks(a)).some((d) => d.id === w.documentId)).toBe(true);
    expect(await getItemWithSource(w.documentId, w.itemIds[1]!, a)).not.toBeNull();
    expect((await nextStep({ userId: a }, NOW)).card).toBeNull();
    expect(await addStudyDeck(a, w.documentId)).toEqual({ ok: true });
    expect(await countStudyDecks(a)).toBe(1);
    expect((await nextStep({ userId: a }, NOW)).card?.deckId).toBe(w.documentId);
    expect(await createQuiz({ userId: a, deckId: w.documentId, count: 2, updatesSchedule: false })).not.toBeNull();
  });

  it("refuses a review, a suspension and a class assignment of a deck the learner may not see", async () => {
    const w = await world();
    await publishDeck(w.teacher, { deckId: w.documentId, visibility: "classes", classIds: [w.classA.id] }, NOW);
    const review = await recordReview({
      userId: w.inB.id,
      reviewId: crypto.randomUUID(),
      itemId: w.itemIds[0]!,
      version: 0,
      response: "True",
      rating: "good",
      responseMs: 900,
      now: NOW,
    });
    expect(review).toMatchObject({ ok: false, reason: "not_found" });
    expect(await setAside({ userId: w.inB.id, itemId: w.itemIds[0]!, how: "suspend", now: NOW })).toMatchObject({
      ok: false,
    });
    expect(await db.card.count({ where: { userId: w.inB.id } })).toBe(0);

    // Assigning the class-A deck's items to class B would hand class B items it cannot see: refused.
    const set = (await createSet(w.teacher, { name: "S", itemIds: w.itemIds }))!;
    const input = {
      setId: set.id,
      mode: "study" as const,
      dueAt: new Date(NOW.getTime() + 86_400_000),
      maxAttempts: 1,
    };
    expect(await createAssignment(w.teacher, { ...input, classId: w.classB.id }, NOW)).toEqual({
      ok: false,
      reason: "hidden_decks",
    });
    expect(await createAssignment(w.teacher, { ...input, classId: w.classA.id }, NOW)).toMatchObject({ ok: true });
    // Class A's assignment puts the items in its learner's "Study now" without adding the deck.
    expect((await nextStep({ userId: w.inA.id }, NOW)).card?.deckId).toBe(w.documentId);
  });

  it("takes library decks into 'Study now' only for learners who add them, and stops when removed", async () => {
    const w = await world();
    await publishDeck(w.teacher, { deckId: w.documentId, visibility: "library", classIds: [] }, NOW);
    const learner = await makeUser();
    expect((await listDecks(learner.id)).some((d) => d.id === w.documentId)).toBe(true);
    expect((await nextStep({ userId: learner.id }, NOW)).card).toBeNull();
    await addStudyDeck(learner.id, w.documentId);
    const step = await nextStep({ userId: learner.id }, NOW);
    expect(step.card?.deckId).toBe(w.documentId);
    expect(await removeStudyDeck(learner.id, w.documentId)).toEqual({ ok: true });
    expect((await nextStep({ userId: learner.id }, NOW)).card).toBeNull();
    // Per deck it stays studiable (the page says "Study now" won't bring it back).
    expect((await nextStep({ userId: learner.id, deckId: w.documentId }, NOW)).card).not.toBeNull();
  });

  it("does not publish to someone else's class", async () => {
    const w = await world();
    const other = await makeUser({ role: "instructor" });
    const theirs = await createClass(other, { name: "Theirs", description: "" }, NOW);
    expect(
      await publishDeck(w.teacher, { deckId: w.documentId, visibility: "classes", classIds: [theirs.id] }, NOW),
    ).toEqual({ ok: false, reason: "not_your_classes" });
    expect(await publishDeck(other, { deckId: w.documentId, visibility: "library", classIds: [] }, NOW)).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await db.document.findUniqueOrThrow({ where: { id: w.documentId } })).toMatchObject({ status: "draft" });
    expect(await db.deckClass.count({ where: { documentId: w.documentId } })).toBe(0);
  });
});

describe("a deck's lifecycle", () => {
  it("edits title and description for the owner only", async () => {
    const w = await world();
    const input = { deckId: w.documentId, title: "Renamed", description: "For week 3." };
    expect(await updateDeckDetails(w.inA, input)).toEqual({ ok: false, reason: "not_found" });
    expect(await updateDeckDetails(w.teacher, input)).toEqual({ ok: true });
    expect(await getDeck(w.documentId, w.teacher.id)).toMatchObject({ title: "Renamed", description: "For week 3." });
  });

  it("archives a studied deck: out of everyone's studies, history kept, back when published again", async () => {
    const w = await world();
    await publishDeck(w.teacher, { deckId: w.documentId, visibility: "library", classIds: [] }, NOW);
    await addStudyDeck(w.inA.id, w.documentId);
    const first = await nextStep({ userId: w.inA.id }, NOW);
    await recordReview({
      userId: w.inA.id,
      reviewId: crypto.randomUUID(),
      itemId: first.card!.itemId,
      version: 0,
      response: "True",
      rating: "good",
      responseMs: 900,
      now: NOW,
    });
    expect(await deckConsequences(w.documentId, w.teacher.id)).toMatchObject({ learners: 1, reviews: 1, studiedBy: 1 });

    expect(await setDeckStatus(w.teacher, w.documentId, "archived")).toEqual({ ok: true });
    expect(await getDeck(w.documentId, w.inA.id)).toBeNull();
    expect((await nextStep({ userId: w.inA.id }, NOW)).card).toBeNull();
    expect(await db.reviewLog.count({ where: { userId: w.inA.id } })).toBe(1);
    expect((await loadProgress(w.inA.id, NOW)).totalReviews).toBe(1);

    await publishDeck(w.teacher, { deckId: w.documentId, visibility: "library", classIds: [] }, NOW);
    expect((await nextStep({ userId: w.inA.id }, NOW)).card).not.toBeNull();
  });

  it("deletes a deck only for its owner and not while an assignment uses it", async () => {
    const w = await world();
    await publishDeck(w.teacher, { deckId: w.documentId, visibility: "classes", classIds: [w.classA.id] }, NOW);
    const set = (await createSet(w.teacher, { name: "S", itemIds: w.itemIds }))!;
    const assignment = await createAssignment(
      w.teacher,
      {
        classId: w.classA.id,
        setId: set.id,
        mode: "study",
        dueAt: new Date(NOW.getTime() + 86_400_000),
        maxAttempts: 1,
      },
      NOW,
    );
    expect(await deleteDeck(w.inA, w.documentId)).toEqual({ ok: false, reason: "not_found" });
    expect(await deleteDeck(w.teacher, w.documentId)).toEqual({ ok: false, reason: "in_assignments" });
    expect(await db.document.count({ where: { id: w.documentId } })).toBe(1);

    await db.assignment.delete({ where: { id: assignment.ok ? assignment.id : "" } });
    expect(await deleteDeck(w.teacher, w.documentId)).toEqual({ ok: true });
    expect(await db.item.count({ where: { documentId: w.documentId } })).toBe(0);
  });

  it("deletes a deck for everyone but keeps its learners' review history for their statistics", async () => {
    const w = await world();
    await publishDeck(w.teacher, { deckId: w.documentId, visibility: "library", classIds: [] }, NOW);
    await addStudyDeck(w.inA.id, w.documentId);
    const answered = w.itemIds[0]!;
    await recordReview({
      userId: w.inA.id,
      reviewId: crypto.randomUUID(),
      itemId: answered,
      version: 0,
      response: "True",
      rating: "good",
      responseMs: 900,
      now: NOW,
    });
    await db.itemFlag.create({ data: { itemId: w.itemIds[1]!, userId: w.inA.id, reason: "typo", note: "" } });
    expect(await deleteDeck(w.teacher, w.documentId)).toEqual({ ok: true });

    // Nobody sees it: not its former owner, not its learner, by no read path.
    for (const userId of [w.teacher.id, w.inA.id, w.inB.id]) {
      expect(await getDeck(w.documentId, userId)).toBeNull();
      expect((await listDecks(userId)).map((d) => d.id)).not.toContain(w.documentId);
      expect(await getItemWithSource(w.documentId, answered, userId)).toBeNull();
    }
    expect((await nextStep({ userId: w.inA.id }, NOW)).card).toBeNull();
    expect(await countStudyDecks(w.inA.id)).toBe(0);
    expect(await deleteDeck(w.teacher, w.documentId)).toEqual({ ok: false, reason: "not_found" });

    // The learner's history stays: the review, its card, the answered item (retired) and the deck's title.
    expect(await db.reviewLog.count({ where: { userId: w.inA.id } })).toBe(1);
    expect((await loadProgress(w.inA.id, NOW)).totalReviews).toBe(1);
    expect(await reviewHistory(w.inA.id)).toMatchObject([{ itemId: answered, deck: w.title, prompt: "a is true?" }]);
    expect(await db.document.findUniqueOrThrow({ where: { id: w.documentId } })).toMatchObject({
      status: "deleted",
      ownerId: null,
      body: "",
    });
    const kept = await db.item.findMany({ where: { documentId: w.documentId } });
    expect(kept.map((i) => [i.id, i.retiredAt !== null])).toEqual([[answered, true]]);
    expect(await db.itemFlag.count({ where: { itemId: { in: w.itemIds } } })).toBe(0);
  });
});

describe("a deck hidden after it was assigned", () => {
  it("leaves the assignment's progress and quizzes for that class, and the learner is told", async () => {
    const w = await world();
    await publishDeck(w.teacher, { deckId: w.documentId, visibility: "classes", classIds: [w.classA.id] }, NOW);
    const set = (await createSet(w.teacher, { name: "S", itemIds: w.itemIds }))!;
    const due = new Date(NOW.getTime() + 7 * 86_400_000);
    for (const mode of ["study", "quiz"] as const) {
      const made = await createAssignment(
        w.teacher,
        { classId: w.classA.id, setId: set.id, mode, dueAt: due, maxAttempts: 2, allowShort: true },
        NOW,
      );
      expect(made.ok).toBe(true);
    }
    const study = async () => (await learnerAssignments(w.inA.id)).find((a) => a.mode === "study")!;
    // The class page's mastery table counts the same items as the learners' progress.
    const masteryTotal = async () => {
      const learner = (await loadClassDashboard(w.classA.id, w.teacher))!.learners.find((l) => l.id === w.inA.id)!;
      return Object.values(learner.mastery).reduce((sum, topic) => sum + topic.total, 0);
    };
    expect(await study()).toMatchObject({ hiddenItems: 0, progress: { total: 3 } });
    expect(await masteryTotal()).toBe(3);

    // The owner unshares it from the class: the learner can open none of its items any more.
    await publishDeck(w.teacher, { deckId: w.documentId, visibility: "private", classIds: [] }, NOW);
    expect(await study()).toMatchObject({ hiddenItems: 3, progress: { total: 0, complete: false } });
    expect(await masteryTotal()).toBe(0);
    const quiz = (await learnerAssignments(w.inA.id)).find((a) => a.mode === "quiz")!;
    expect(await startAssignmentQuiz(quiz.id, w.inA.id)).toEqual({ ok: false, reason: "no_quiz_items" });

    await publishDeck(w.teacher, { deckId: w.documentId, visibility: "classes", classIds: [w.classA.id] }, NOW);
    expect(await study()).toMatchObject({ hiddenItems: 0, progress: { total: 3 } });
    expect(await startAssignmentQuiz(quiz.id, w.inA.id)).toMatchObject({ ok: true });
  });
});
