/**
 * The item browser and the flag queue on the query builder (issue 17): the same filters, search, sorts, visibility,
 * quiz hiding and answer statistics on SQLite and on PostgreSQL (vitest.config.mts BOTH_DATABASES). Data is written
 * with Prisma, not through the study loop, so the file runs on both databases while the study loop is being ported.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { GeneratedItem } from "@/lib/content/types";
import { browseItemIds, browseItems } from "@/lib/db/browse";
import { db } from "@/lib/db/client";
import { publishDocument } from "@/lib/db/content";
import { flagItem, flagQueue, resolveFlag } from "@/lib/db/flags";
import type { UserSummary } from "@/lib/db/users";
import { parseBrowseParams } from "@/lib/validations/items";
import { makeUser } from "@/tests/factories";

const NOW = new Date("2026-12-01T12:00:00Z");
const item = (i: number, topic: GeneratedItem["topic"] = "dates"): GeneratedItem => ({
  key: `k${i}`,
  factKey: `f${i}`,
  kind: "typed",
  prompt: `When did event ${i} happen?`,
  answer: i === 3 ? "50% of July_2018" : `year ${1900 + i}`,
  accepted: [],
  options: null,
  answerType: "text",
  topic,
  difficulty: i / 10,
  source: { text: `Event ${i} happened then.`, start: i * 40, end: i * 40 + 20 },
});

const users = {} as Record<"owner" | "learner" | "stranger" | "admin", UserSummary>;
let deckId = "";
let hiddenDeckId = "";
const ids: string[] = [];

beforeAll(async () => {
  users.owner = await makeUser({ role: "instructor" });
  users.learner = await makeUser();
  users.stranger = await makeUser();
  users.admin = await makeUser({ role: "admin" });
  const deck = await publishDocument(
    { slug: "browse-deck", title: "Browse deck", body: "x".repeat(400), ownerId: users.owner.id, status: "published" },
    [1, 2, 3, 4, 5, 6].map((i) => item(i, i <= 3 ? "dates" : "history")),
  );
  deckId = deck.documentId;
  // A draft of someone else: nobody but its owner sees its items.
  const draft = await publishDocument(
    { slug: "hidden-deck", title: "Hidden", body: "y".repeat(400), ownerId: users.stranger.id, status: "draft" },
    [item(9)],
  );
  hiddenDeckId = draft.documentId;
  const items = await db.item.findMany({ where: { documentId: deckId }, orderBy: { position: "asc" } });
  ids.push(...items.map((i) => i.id));
  // The learner's cards: item 1 in review (2 lapses, due soon), item 2 learning (due later), item 4 suspended by them.
  const card = (itemId: string, state: string, due: Date, extra: object = {}) =>
    db.card.create({
      data: {
        userId: users.learner.id,
        itemId,
        state,
        due,
        stability: 1,
        difficulty: 5,
        scheduledDays: 1,
        learningSteps: 0,
        reps: 0,
        lapses: 0,
        ...extra,
      },
    });
  await card(ids[0]!, "review", new Date("2026-12-02T00:00:00Z"), { lapses: 2, reps: 5 });
  await card(ids[1]!, "learning", new Date("2026-12-05T00:00:00Z"), { reps: 1 });
  await card(ids[3]!, "new", NOW, { suspended: true });
});

const browse = (viewer: UserSummary, query: Record<string, string> = {}, scope: { deckId?: string } = { deckId }) =>
  browseItems(viewer, scope, parseBrowseParams(query));

describe("browseItems on the query builder", () => {
  it("lists the deck's live items with the viewer's own card state, in position order", async () => {
    const { rows, total, pages } = await browse(users.learner);
    expect(total).toBe(6);
    expect(pages).toBe(1);
    expect(rows.map((r) => r.id)).toEqual(ids);
    expect(rows[0]).toMatchObject({ state: "review", lapses: 2, due: new Date("2026-12-02T00:00:00Z") });
    expect(rows[0]!.due).toBeInstanceOf(Date);
    expect(rows[3]).toMatchObject({ state: "new", suspended: "you", due: NOW });
    expect(rows[5]).toMatchObject({ state: "new", lapses: 0, due: null, suspended: null, edited: false });
    expect(rows.every((r) => !r.canEdit && r.deckTitle === "Browse deck")).toBe(true);
  });

  it("filters by state, topic, difficulty band and lapses", async () => {
    const idsOf = async (query: Record<string, string>) => (await browse(users.learner, query)).rows.map((r) => r.id);
    expect(await idsOf({ state: "review" })).toEqual([ids[0]]);
    expect(await idsOf({ state: "learning" })).toEqual([ids[1]]);
    expect(await idsOf({ state: "suspended" })).toEqual([ids[3]]);
    expect(await idsOf({ state: "new" })).toEqual([ids[2], ids[3], ids[4], ids[5]]);
    expect(await idsOf({ topic: "history" })).toEqual([ids[3], ids[4], ids[5]]);
    expect(await idsOf({ lapses: "1" })).toEqual([ids[0]]);
    const hard = await browse(users.learner, { difficulty: "hard" });
    expect(hard.rows.every((r) => r.difficulty >= 0.5)).toBe(true);
  });

  it("searches prompt, answer and source case-insensitively, LIKE wildcards taken literally", async () => {
    expect((await browse(users.learner, { q: "EVENT 5" })).rows.map((r) => r.id)).toEqual([ids[4]]);
    expect((await browse(users.learner, { q: "50%" })).rows.map((r) => r.id)).toEqual([ids[2]]);
    expect((await browse(users.learner, { q: "july_2018" })).total).toBe(1);
    // "_" and "%" are not wildcards: "july 2018" does not match "July_2018", "5_%" matches nothing.
    expect((await browse(users.learner, { q: "july 2018" })).total).toBe(0);
    expect((await browse(users.learner, { q: "5_%" })).total).toBe(0);
  });

  it("sorts by due (never-answered last either way), position, lapses and prompt, both directions", async () => {
    const order = async (sort: string, dir: string) =>
      (await browse(users.learner, { sort, dir })).rows.map((r) => ids.indexOf(r.id));
    expect((await order("due", "asc")).slice(0, 3)).toEqual([3, 0, 1]);
    expect((await order("due", "desc")).slice(0, 3)).toEqual([1, 0, 3]);
    expect((await order("lapses", "desc"))[0]).toBe(0);
    expect(await order("position", "desc")).toEqual([5, 4, 3, 2, 1, 0]);
    expect(await order("prompt", "desc")).toEqual([5, 4, 3, 2, 1, 0]);
  });

  it("pages, and counts a page past the end", async () => {
    const past = await browse(users.learner, { page: "3" });
    expect(past.rows).toEqual([]);
    expect(past.total).toBe(6);
    expect((await browse(users.learner, { q: "event", page: "3" })).total).toBe(6);
  });

  it("shows only decks the viewer may see: someone's draft to its owner and admins alone", async () => {
    expect((await browse(users.learner, {}, { deckId: hiddenDeckId })).total).toBe(0);
    expect((await browse(users.stranger, {}, { deckId: hiddenDeckId })).total).toBe(1);
    const everywhere = await browse(users.learner, {}, {});
    expect(everywhere.rows.some((r) => r.deckId === hiddenDeckId)).toBe(false);
    expect((await browse(users.owner)).rows.every((r) => r.canEdit)).toBe(true);
  });

  it("an open quiz hides the answers of its items and their siblings from the search and the rows", async () => {
    const quiz = await db.quizAttempt.create({
      data: { userId: users.learner.id, documentId: deckId, itemIds: JSON.stringify([ids[2]]), total: 1 },
    });
    try {
      // Item 3's answer is hidden: searching its answer finds nothing, its prompt still does.
      expect((await browse(users.learner, { q: "july_2018" })).total).toBe(0);
      const byPrompt = await browse(users.learner, { q: "event 3" });
      expect(byPrompt.rows).toMatchObject([{ id: ids[2], answer: null }]);
      expect((await browse(users.owner, { q: "july_2018" })).total).toBe(1);
    } finally {
      await db.quizAttempt.delete({ where: { id: quiz.id } });
    }
  });

  it("browseItemIds selects every match in the browser's order, at most limit + 1", async () => {
    expect(
      await browseItemIds(users.learner, { deckId }, parseBrowseParams({ sort: "prompt", dir: "desc" }), 10),
    ).toEqual([...ids].reverse());
    expect(await browseItemIds(users.learner, { deckId }, parseBrowseParams({}), 2)).toEqual(ids.slice(0, 3));
  });
});

describe("flags on the query builder", () => {
  it("a learner flags (once per item), the owner sees the queue with answer statistics and resolves it", async () => {
    const klass = await db.class.create({
      data: { name: "C", ownerId: users.owner.id, joinCode: "CODE-BF", joinCodeExpiresAt: new Date("2030-01-01") },
    });
    await db.classMember.create({ data: { classId: klass.id, userId: users.learner.id } });
    const cardId = (await db.card.findFirstOrThrow({ where: { itemId: ids[0]! } })).id;
    let logs = 0;
    const log = (userId: string, correct: boolean | null, source = "study") =>
      db.reviewLog.create({
        data: {
          id: `log-${(logs += 1)}`,
          userId,
          itemId: ids[0]!,
          cardId,
          rating: "good",
          correct,
          stateBefore: "{}",
          stateAfter: "{}",
          previousState: "new",
          elapsedDays: 0,
          reviewedAt: NOW,
          source,
        },
      });
    await log(users.learner.id, true);
    await log(users.learner.id, false);
    await log(users.stranger.id, true);
    await log(users.learner.id, null); // a flashcard: no verdict, not counted
    await log(users.learner.id, true, "quiz"); // a quiz answer's schedule copy: counted once, below
    const attempt = await db.quizAttempt.create({
      data: {
        userId: users.learner.id,
        documentId: deckId,
        itemIds: JSON.stringify([ids[0]]),
        total: 1,
        finishedAt: NOW,
      },
    });
    await db.quizAnswer.create({
      data: { id: "qa-1", attemptId: attempt.id, itemId: ids[0]!, response: "x", correct: true, answeredAt: NOW },
    });

    expect(await flagItem({ userId: users.learner.id, itemId: ids[0]!, reason: "typo", note: "" }, NOW)).toBe(true);
    expect(await flagItem({ userId: users.learner.id, itemId: ids[0]!, reason: "unclear", note: "n" }, NOW)).toBe(true);
    expect(await flagItem({ userId: users.learner.id, itemId: "nope", reason: "typo", note: "" }, NOW)).toBe(false);

    const queue = await flagQueue(users.owner, deckId);
    expect(queue?.flags).toHaveLength(1);
    expect(queue!.flags[0]).toMatchObject({
      reason: "unclear",
      note: "n",
      stats: { attempts: 4, correct: 3, classAttempts: 3, classCorrect: 2 },
    });
    expect(await flagQueue(users.learner, deckId)).toBeNull();
    // The admin sees the same numbers (the deck owner's classes).
    expect((await flagQueue(users.admin, deckId))!.flags[0]!.stats.classAttempts).toBe(3);
    expect((await browse(users.owner, { state: "flagged" })).rows.map((r) => r.id)).toEqual([ids[0]]);
    expect((await browse(users.owner)).rows[0]!.openFlags).toBe(1);
    expect((await browse(users.stranger, { state: "flagged" })).total).toBe(0);

    const flagId = queue!.flags[0]!.id;
    expect(await resolveFlag(users.learner, { deckId, flagId, resolution: "fixed" }, NOW)).toBe(false);
    expect(await resolveFlag(users.owner, { deckId, flagId, resolution: "fixed" }, NOW)).toBe(true);
    expect((await flagQueue(users.owner, deckId))!.flags).toEqual([]);
  });
});
