import { describe, expect, it } from "vitest";
import type { GeneratedItem } from "@/lib/content/types";
import { createAssignment, startAssignmentQuiz } from "@/lib/db/assignments";
import { loadClassDashboard } from "@/lib/db/class-dashboard";
import { gradebookCsv, itemAnalysisCsv } from "@/lib/db/class-exports";
import { createClass } from "@/lib/db/classes";
import { db } from "@/lib/db/client";
import { publishDocument } from "@/lib/db/content";
import { answerQuiz } from "@/lib/db/quiz";
import { recordReview } from "@/lib/db/reviews";
import { createSet } from "@/lib/db/sets";
import { makeUser } from "@/tests/factories";

const NOW = new Date("2026-06-01T09:00:00Z");

function mcq(i: number): GeneratedItem {
  return {
    key: `m${i}`,
    factKey: `m${i}`,
    kind: "multiple_choice",
    prompt: `Question ${i}?`,
    answer: `Right ${i}`,
    accepted: [],
    options: [`Right ${i}`, `Wrong ${i}a`, `Wrong ${i}b`, `Wrong ${i}c`],
    answerType: "text",
    topic: i < 2 ? "dates" : "places",
    difficulty: 0.5,
    source: { text: `Right ${i}.`, start: i, end: i + 1 },
  };
}

describe("class dashboard", () => {
  it("computes quiz item analysis, weakest items, last activity and mastery for a hand-made class", async () => {
    const teacher = await makeUser({ role: "instructor" });
    const learners = [await makeUser({ name: "Ann" }), await makeUser({ name: "Ben" }), await makeUser({ name: "Cy" })];
    const { documentId } = await publishDocument({ slug: "dash", title: "Dash", body: "x" }, [0, 1, 2].map(mcq));
    const items = await db.item.findMany({ where: { documentId }, orderBy: { position: "asc" } });
    const set = (await createSet(teacher, { name: "Quiz set", itemIds: items.map((i) => i.id) }))!;
    const klass = await createClass(teacher, { name: "Dash class", description: "" }, NOW);
    for (const learner of learners) await db.classMember.create({ data: { classId: klass.id, userId: learner.id } });
    const created = await createAssignment(
      teacher,
      { classId: klass.id, setId: set.id, mode: "quiz", dueAt: new Date(NOW.getTime() + 86_400_000), maxAttempts: 1 },
      NOW,
    );
    const assignmentId = created.ok ? created.id : "";

    // Ann gets all three right, Ben gets item 0 right only, Cy gets nothing right (always "Wrong i a").
    const right = [
      [true, true, true],
      [true, false, false],
      [false, false, false],
    ];
    for (const [n, learner] of learners.entries()) {
      const start = await startAssignmentQuiz(assignmentId, learner.id);
      if (!start.ok) throw new Error(start.reason);
      for (const [i, item] of items.entries()) {
        const response = right[n]![i] ? `Right ${i}` : `Wrong ${i}a`;
        await answerQuiz({
          userId: learner.id,
          attemptId: start.attemptId,
          answerId: crypto.randomUUID(),
          itemId: item.id,
          response,
          responseMs: 1000,
          now: NOW,
        });
      }
    }
    // Study history: item 2 forgotten twice by Ann, recalled once by Ben.
    // Ann answers wrong, Ben right: an auto-graded item answered with no response counts as wrong since issue 12.
    const review = (userId: string, itemId: string, rating: "again" | "good", version: number, minutes: number) =>
      recordReview({
        userId,
        reviewId: crypto.randomUUID(),
        itemId,
        version,
        response: rating === "good" ? "Right 2" : "Wrong 2a",
        rating,
        responseMs: 900,
        now: new Date(NOW.getTime() + minutes * 60_000),
      });
    await review(learners[0]!.id, items[2]!.id, "again", 0, 1);
    await review(learners[0]!.id, items[2]!.id, "again", 1, 5);
    await review(learners[1]!.id, items[2]!.id, "good", 0, 7);

    const dashboard = (await loadClassDashboard(klass.id, teacher))!;
    const byItem = new Map(dashboard.itemAnalysis.map((row) => [row.itemId, row]));
    // Item 0: right for Ann (rest 2) and Ben (rest 0), wrong for Cy (rest 0): M1 = 1, M0 = 0, s = √(8/9), p = 2/3
    // → r = (1 / 0.9428) · √(2/9) = 0.5.
    expect(byItem.get(items[0]!.id)).toMatchObject({ answers: 3, facility: 2 / 3 });
    expect(byItem.get(items[0]!.id)!.discrimination).toBeCloseTo(0.5, 6);
    expect(byItem.get(items[0]!.id)!.distractors).toEqual([
      { option: "Wrong 0a", count: 1, share: 1 / 3, nonFunctional: false },
      { option: "Wrong 0b", count: 0, share: 0, nonFunctional: true },
      { option: "Wrong 0c", count: 0, share: 0, nonFunctional: true },
    ]);
    expect(byItem.get(items[2]!.id)).toMatchObject({ facility: 1 / 3 });

    expect(dashboard.weakest).toEqual([
      { id: items[2]!.id, prompt: "Question 2?", documentId, answers: 3, recall: 1 / 3 },
    ]);
    const ann = dashboard.learners.find((l) => l.name === "Ann")!;
    expect(ann.lastActive).toEqual(new Date(NOW.getTime() + 5 * 60_000));
    // Cy never studied; finishing the quiz counts as activity.
    expect(dashboard.learners.find((l) => l.name === "Cy")!.lastActive).toEqual(NOW);
    expect(ann.mastery).toEqual({ dates: { mastered: 0, total: 2 }, places: { mastered: 0, total: 1 } });
    expect(byItem.get(items[2]!.id)!.lapseRate).toBe(0);

    expect(gradebookCsv(dashboard)).toContain("Ann,");
    expect(itemAnalysisCsv(dashboard).split("\r\n")).toHaveLength(2 + 3);
    const other = await makeUser({ role: "instructor" });
    expect(await loadClassDashboard(klass.id, other)).toBeNull();
  });
});
