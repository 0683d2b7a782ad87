/**
 * Study assignments whose progress means something (issue 15): progress moves with every item studied (seen,
 * answered correctly, learned), a set's items are introduced by the due date (siblings spread over the time left
 * instead of one a day), and a due date sooner than the set needs is refused unless the instructor says so.
 */
import { describe, expect, it } from "vitest";
import type { GeneratedItem } from "@/lib/content/types";
import { db } from "@/lib/db/client";
import { createAssignment, learnerAssignments, setMinimumDays } from "@/lib/db/assignments";
import { createClass } from "@/lib/db/classes";
import { publishDocument } from "@/lib/db/content";
import { recordReview } from "@/lib/db/reviews";
import { createSet } from "@/lib/db/sets";
import { studyQueue } from "@/lib/db/study";
import { makeUser } from "@/tests/factories";

// 10:00 UTC: the learners' (UTC) study day started at 04:00.
const NOW = new Date("2026-12-01T10:00:00Z");
const FACTS = 4;
const KINDS = 4;

/** 4 facts × 4 items each (siblings: one fact), each item on its own sentence. */
function items(): GeneratedItem[] {
  const out: GeneratedItem[] = [];
  for (let k = 0; k < KINDS; k += 1)
    for (let f = 0; f < FACTS; f += 1) {
      const i = k * FACTS + f;
      out.push({
        key: `k${i}`,
        factKey: `fact${f}`,
        kind: "multiple_choice",
        prompt: `Q${i}?`,
        answer: `A${i}`,
        accepted: [],
        options: [`A${i}`, "B", "C", "D"],
        answerType: "text",
        topic: "dates",
        difficulty: 0.5,
        source: { text: `A${i}.`, start: i * 10, end: i * 10 + 3 },
      });
    }
  return out;
}

async function world(dueAt: Date, allowShort = false) {
  const teacher = await makeUser({ role: "instructor" });
  const learner = await makeUser();
  const slug = `pace-${crypto.randomUUID()}`;
  const { documentId } = await publishDocument({ slug, title: slug, body: "Body." }, items());
  const rows = await db.item.findMany({ where: { documentId }, orderBy: { position: "asc" } });
  const set = (await createSet(teacher, { name: "Sixteen", itemIds: rows.map((r) => r.id) }))!;
  const klass = await createClass(teacher, { name: "Pace", description: "" }, NOW);
  await db.classMember.create({ data: { classId: klass.id, userId: learner.id } });
  const created = await createAssignment(
    teacher,
    { classId: klass.id, setId: set.id, mode: "study", dueAt, maxAttempts: 1, timeZone: "UTC", allowShort },
    NOW,
  );
  if (!created.ok) throw new Error(`assignment refused: ${created.reason}`);
  return { learner, documentId, rows, setId: set.id };
}

const at = (iso: string) => new Date(iso);
const factOf = (rows: { id: string; factKey: string }[], id: string) => rows.find((r) => r.id === id)!.factKey;

async function newToday(learnerId: string, documentId: string, now = NOW) {
  const { entries } = await studyQueue({ userId: learnerId, deckId: documentId }, now);
  return entries.filter((e) => e.reason === "new").map((e) => e.itemId);
}

/** Answers an item correctly (its own answer, rated Good) at `when`. */
async function good(userId: string, itemId: string, when: Date) {
  const { answer } = await db.item.findUniqueOrThrow({ where: { id: itemId }, select: { answer: true } });
  const version = (await db.card.findUnique({ where: { userId_itemId: { userId, itemId } } }))?.version ?? 0;
  const result = await recordReview({
    userId,
    reviewId: crypto.randomUUID(),
    itemId,
    version,
    response: answer,
    rating: "good",
    responseMs: 3000,
    now: when,
  });
  if (!result.ok) throw new Error(`review refused: ${result.reason}`);
}

describe("study assignment progress", () => {
  it("moves when 8 of 16 items are studied correctly, and counts learned items towards completion", async () => {
    const { learner, rows } = await world(at("2026-12-08T23:59:00Z"));
    const progress = async () => (await learnerAssignments(learner.id))[0]!.progress;
    expect(await progress()).toMatchObject({ done: 0, total: 16, points: 0, maxPoints: 48, complete: false });

    // 8 items answered correctly once each: seen and correct, still in their learning steps.
    const eight = rows.slice(0, 8);
    for (const row of eight) await good(learner.id, row.id, NOW);
    expect(await progress()).toMatchObject({ done: 0, introduced: 8, correct: 8, points: 16, complete: false });

    // Four of them answered through their learning steps (1 m, 10 m) until scheduled a day ahead: learned.
    for (const row of eight.slice(0, 4)) {
      await good(learner.id, row.id, new Date(NOW.getTime() + 2 * 60_000));
      await good(learner.id, row.id, new Date(NOW.getTime() + 15 * 60_000));
    }
    const cards = await db.card.findMany({
      where: { userId: learner.id, itemId: { in: eight.slice(0, 4).map((r) => r.id) } },
    });
    expect(cards.every((c) => c.state === "review" && c.scheduledDays >= 1)).toBe(true);
    expect(await progress()).toMatchObject({ done: 4, introduced: 8, correct: 8, points: 20, maxPoints: 48 });
  });

  it("introduces one sibling a day when the due date leaves time", async () => {
    const { learner, documentId, rows } = await world(at("2026-12-08T23:59:00Z"));
    const picked = await newToday(learner.id, documentId);
    expect(picked).toHaveLength(FACTS);
    expect(new Set(picked.map((id) => factOf(rows, id))).size).toBe(FACTS);
  });

  it("spreads siblings over the days left so every item is introduced by the due date", async () => {
    // Due tomorrow evening: 2 study days for groups of 4 siblings, so 2 of each fact a day.
    const tomorrow = await world(at("2026-12-02T23:59:00Z"), true);
    const day1 = await newToday(tomorrow.learner.id, tomorrow.documentId);
    expect(day1).toHaveLength(8);
    for (let f = 0; f < FACTS; f += 1)
      expect(day1.filter((id) => factOf(tomorrow.rows, id) === `fact${f}`)).toHaveLength(2);

    // The learner studies those 8 today; tomorrow the other 8 come, and nothing is left over.
    for (const id of day1) await good(tomorrow.learner.id, id, NOW);
    expect(await newToday(tomorrow.learner.id, tomorrow.documentId, new Date(NOW.getTime() + 60 * 60_000))).toEqual([]);
    const day2 = await newToday(tomorrow.learner.id, tomorrow.documentId, at("2026-12-02T10:00:00Z"));
    expect(new Set([...day1, ...day2]).size).toBe(16);

    // Due later today: all 16 today.
    const today = await world(at("2026-12-01T22:00:00Z"), true);
    expect(await newToday(today.learner.id, today.documentId)).toHaveLength(16);
  });

  it("goes back to one sibling a day once the due date has passed", async () => {
    const { learner, documentId } = await world(at("2026-12-02T23:59:00Z"), true);
    expect(await newToday(learner.id, documentId, at("2026-12-05T10:00:00Z"))).toHaveLength(FACTS);
  });
});

describe("minimum days", () => {
  it("is the largest sibling group, and a sooner study due date is refused unless allowed", async () => {
    const { setId } = await world(at("2026-12-08T23:59:00Z"));
    expect((await setMinimumDays([setId])).get(setId)).toBe(KINDS);
    const teacher = await makeUser({ role: "instructor" });
    const klass = await createClass(teacher, { name: "Soon", description: "" }, NOW);
    const own = (await createSet(teacher, {
      name: "Own",
      itemIds: (await db.itemSetItem.findMany({ where: { setId } })).map((r) => r.itemId),
    }))!;
    const input = { classId: klass.id, setId: own.id, mode: "study" as const, maxAttempts: 1, timeZone: "UTC" };
    // Due the day after tomorrow: 3 study days (today, tomorrow, that day) of the 4 it needs.
    expect(await createAssignment(teacher, { ...input, dueAt: at("2026-12-03T23:59:00Z") }, NOW)).toEqual({
      ok: false,
      reason: "too_soon",
      minDays: 4,
      days: 3,
    });
    expect(await db.assignment.count({ where: { classId: klass.id } })).toBe(0);
    expect((await createAssignment(teacher, { ...input, dueAt: at("2026-12-04T23:59:00Z") }, NOW)).ok).toBe(true);
    expect(
      (await createAssignment(teacher, { ...input, dueAt: at("2026-12-02T12:00:00Z"), allowShort: true }, NOW)).ok,
    ).toBe(true);
    // Quizzes have no such minimum.
    expect(
      (await createAssignment(teacher, { ...input, mode: "quiz", dueAt: at("2026-12-01T12:00:00Z") }, NOW)).ok,
    ).toBe(true);
  });

  it("counts the days in the instructor's time zone and keeps that zone with the assignment", async () => {
    const teacher = await makeUser({ role: "instructor" });
    const klass = await createClass(teacher, { name: "Zones", description: "" }, NOW);
    const { setId } = await world(at("2026-12-08T23:59:00Z"));
    const own = (await createSet(teacher, {
      name: "Own",
      itemIds: (await db.itemSetItem.findMany({ where: { setId } })).map((r) => r.itemId),
    }))!;
    // 09:00 UTC on Dec 4 is 18:00 that day in Tokyo, where NOW is Dec 1, 19:00: 4 days (the 1st to the 4th).
    const dueAt = at("2026-12-04T09:00:00Z");
    const made = await createAssignment(
      teacher,
      { classId: klass.id, setId: own.id, mode: "study", dueAt, maxAttempts: 1, timeZone: "Asia/Tokyo" },
      NOW,
    );
    expect(made.ok).toBe(true);
    expect(await db.assignment.findFirstOrThrow({ where: { classId: klass.id } })).toMatchObject({
      dueAt,
      dueTimeZone: "Asia/Tokyo",
    });
    // In Honolulu the same instant is Dec 3, 23:00 (and NOW is Dec 1, 00:00): 3 days, too soon.
    expect(
      await createAssignment(
        teacher,
        { classId: klass.id, setId: own.id, mode: "study", dueAt, maxAttempts: 1, timeZone: "Pacific/Honolulu" },
        NOW,
      ),
    ).toMatchObject({ ok: false, reason: "too_soon" });
  });
});
