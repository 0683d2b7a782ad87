/**
 * Issue 14 part 3: the owner edits, suspends and deletes items; learners flag them; the browser finds them. Real
 * SQLite copy; the server actions run with a real session cookie (next/headers stubbed like the authorization matrix).
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { grade } from "@/lib/content/grade";
import type { GeneratedItem } from "@/lib/content/types";
import { browseItems } from "@/lib/db/browse";
import { db } from "@/lib/db/client";
import { publishDocument } from "@/lib/db/content";
import { flagItem, flagQueue, resolveFlag } from "@/lib/db/flags";
import { editItem, ownerItemAction } from "@/lib/db/items";
import { createQuiz } from "@/lib/db/quiz";
import { answerItem } from "@/lib/db/reviews";
import { studyQueue } from "@/lib/db/study";
import type { UserSummary } from "@/lib/db/users";
import { parseBrowseParams } from "@/lib/validations/items";
import { makeUser } from "@/tests/factories";
import { cookieStoreFor } from "@/tests/session-cookie";

let session: string | undefined;
vi.mock("next/headers", async (original) => ({
  ...(await original<object>()),
  cookies: () => cookieStoreFor(session),
}));
vi.mock("next/server", async (original) => ({ ...(await original<object>()), connection: async () => {} }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const NOW = new Date("2026-12-01T12:00:00Z");
const users = {} as Record<"owner" | "other" | "learner" | "admin", UserSummary>;

const typed = (i: number, answer = "July 2018"): GeneratedItem => ({
  key: `date-${i}`,
  factKey: `fact-${i}`,
  kind: "typed",
  prompt: `When did event ${i} happen?`,
  answer,
  accepted: [],
  options: null,
  answerType: "date",
  topic: "dates",
  difficulty: 0.3,
  source: { text: `Event ${i} happened in ${answer}.`, start: i * 40, end: i * 40 + 30 },
});
const choice = (i: number): GeneratedItem => ({
  key: `mc-${i}`,
  factKey: `mc-fact-${i}`,
  kind: "multiple_choice",
  prompt: `Who commanded unit ${i}?`,
  answer: "Major General Dany Fortin",
  accepted: [],
  options: ["Major General Dany Fortin", "Jennie Carignan", "Per Pugholm Olsen", "Michael Anastasia"],
  answerType: "person",
  topic: "commanders",
  difficulty: 0.8,
  source: { text: `Unit ${i} was commanded by Major General Dany Fortin.`, start: 5000 + i * 60, end: 5050 + i * 60 },
});
const matching = (): GeneratedItem => ({
  key: "match",
  factKey: "match-fact",
  kind: "matching",
  prompt: "Match each commander to the year they took command.",
  answer: "Fortin → 2018; Carignan → 2019",
  accepted: [],
  options: null,
  pairs: [
    { left: "Fortin", right: "2018" },
    { left: "Carignan", right: "2019" },
  ],
  answerType: "match",
  topic: "commanders",
  difficulty: 0.6,
  source: { text: "Fortin took command in 2018 and Carignan in 2019.", start: 9000, end: 9050 },
});

/** A deck owned by users.owner: two dated items, a multiple choice, a matching item. */
async function ownedDeck(generated = [typed(1), typed(2, "2004"), choice(3), matching()]) {
  const slug = `items-${crypto.randomUUID()}`;
  const { documentId } = await publishDocument(
    { slug, title: slug, body: "Body.", ownerId: users.owner.id },
    generated,
  );
  const ids = Object.fromEntries(
    (await db.item.findMany({ where: { documentId }, select: { id: true, key: true } })).map((r) => [r.key, r.id]),
  );
  return { slug, documentId, generated, ids };
}

const itemRow = (id: string) => db.item.findUniqueOrThrow({ where: { id } });
const fieldsOf = (item: { prompt: string; topic: string }, extra: Record<string, string>) => ({
  prompt: item.prompt,
  topic: item.topic,
  ...extra,
});

beforeAll(async () => {
  users.owner = await makeUser({ role: "instructor" });
  users.other = await makeUser({ role: "instructor" });
  users.learner = await makeUser({ role: "learner" });
  users.admin = await makeUser({ role: "admin" });
});

describe("editing an item", () => {
  it("keeps the id and the learner's card and log, grades the edited answer and marks the item as edited", async () => {
    const deck = await ownedDeck();
    const id = deck.ids["date-1"]!;
    await answerItem({
      userId: users.learner.id,
      reviewId: crypto.randomUUID(),
      itemId: id,
      version: 0,
      response: "July 2018",
      responseMs: 2000,
      now: NOW,
    });
    const cardBefore = await db.card.findUniqueOrThrow({
      where: { userId_itemId: { userId: users.learner.id, itemId: id } },
    });
    const before = await itemRow(id);

    const result = await editItem(
      users.owner,
      {
        deckId: deck.documentId,
        itemId: id,
        checksum: before.checksum,
        fields: fieldsOf(before, {
          prompt: "When did event 1 really happen?",
          answer: "October 2018",
          accepted: "autumn 2018",
        }),
      },
      NOW,
    );
    expect(result).toEqual({ ok: true });

    const after = await itemRow(id);
    expect(after).toMatchObject({
      id,
      prompt: "When did event 1 really happen?",
      answer: "October 2018",
      editedAt: NOW,
    });
    expect(after.checksum).not.toBe(before.checksum);
    const data = JSON.parse(after.data) as GeneratedItem;
    expect(data).toMatchObject({
      prompt: after.prompt,
      answer: "October 2018",
      accepted: ["autumn 2018"],
      kind: "typed",
    });
    // The learner's progress is untouched: same card row, same log.
    expect(
      await db.card.findUniqueOrThrow({ where: { userId_itemId: { userId: users.learner.id, itemId: id } } }),
    ).toEqual(cardBefore);
    expect(await db.reviewLog.count({ where: { itemId: id } })).toBe(1);
    // Grading reads the edited data: the new answer in another spelling is right, the old one wrong.
    expect(grade(data, "10/2018").correct).toBe(true);
    expect(grade(data, "Oct 2018").correct).toBe(true);
    expect(grade(data, "July 2018").correct).toBe(false);
    // The study loop grades it the same way.
    const answered = await answerItem({
      userId: users.owner.id,
      reviewId: crypto.randomUUID(),
      itemId: id,
      version: 0,
      response: "October 2018",
      responseMs: 2000,
      now: NOW,
    });
    expect(answered).toMatchObject({ ok: true, feedback: { correct: true, expected: "October 2018" } });
  });

  it("edits options of a multiple choice and pairs of a matching item consistently", async () => {
    const deck = await ownedDeck();
    const mc = await itemRow(deck.ids["mc-3"]!);
    expect(
      await editItem(
        users.owner,
        {
          deckId: deck.documentId,
          itemId: mc.id,
          checksum: mc.checksum,
          fields: fieldsOf(mc, { options: "Jennie Carignan\nDany Fortin\nPer Olsen", answer: "jennie carignan" }),
        },
        NOW,
      ),
    ).toEqual({ ok: true });
    const mcData = JSON.parse((await itemRow(mc.id)).data) as GeneratedItem;
    expect(mcData).toMatchObject({
      answer: "Jennie Carignan",
      options: ["Jennie Carignan", "Dany Fortin", "Per Olsen"],
    });
    expect(grade(mcData, "Jennie Carignan").correct).toBe(true);
    expect(grade(mcData, 1).correct).toBe(false);

    const match = await itemRow(deck.ids["match"]!);
    expect(
      await editItem(
        users.owner,
        {
          deckId: deck.documentId,
          itemId: match.id,
          checksum: match.checksum,
          fields: fieldsOf(match, { pairs: "Fortin -> 2018\nCarignan → 2019\nOlsen → 2020" }),
        },
        NOW,
      ),
    ).toEqual({ ok: true });
    const matchData = JSON.parse((await itemRow(match.id)).data) as GeneratedItem;
    expect(matchData.answer).toBe("Fortin → 2018; Carignan → 2019; Olsen → 2020");
    expect(
      grade(matchData, [
        { left: "Olsen", right: "2020" },
        { left: "Fortin", right: "2018" },
        { left: "Carignan", right: "2019" },
      ]).correct,
    ).toBe(true);
  });

  it("refuses bad input with field errors and a stale form, changing nothing", async () => {
    const deck = await ownedDeck();
    const date = await itemRow(deck.ids["date-1"]!);
    const mc = await itemRow(deck.ids["mc-3"]!);
    const snapshot = await db.item.findMany({ where: { documentId: deck.documentId }, orderBy: { id: "asc" } });
    const attempt = (row: typeof date, fields: Record<string, unknown>, checksum = row.checksum) =>
      editItem(users.owner, { deckId: deck.documentId, itemId: row.id, checksum, fields }, NOW);

    expect(await attempt(date, fieldsOf(date, { answer: "soon", accepted: "" }))).toMatchObject({
      ok: false,
      reason: "invalid",
      fieldErrors: { answer: ["Write the answer as a date, e.g. July 2018."] },
    });
    expect(await attempt(date, { prompt: "", topic: "dates", answer: "2018", accepted: "" })).toMatchObject({
      reason: "invalid",
      fieldErrors: { prompt: ["Write a prompt."] },
    });
    expect(await attempt(date, fieldsOf(date, { topic: "gossip", answer: "2018", accepted: "" }))).toMatchObject({
      reason: "invalid",
      fieldErrors: { topic: ["Choose a topic."] },
    });
    expect(await attempt(mc, fieldsOf(mc, { options: "A\nB\nC", answer: "D" }))).toMatchObject({
      reason: "invalid",
      fieldErrors: { answer: ["The answer must be one of the options."] },
    });
    expect(await attempt(mc, fieldsOf(mc, { options: "A\na\nB", answer: "A" }))).toMatchObject({ reason: "invalid" });
    expect(await attempt(date, fieldsOf(date, { answer: "2018\u202e", accepted: "" }))).toMatchObject({
      reason: "invalid",
    });
    expect(await attempt(date, fieldsOf(date, { answer: "2019", accepted: "" }), "0".repeat(64))).toEqual({
      ok: false,
      reason: "stale",
    });
    expect(await db.item.findMany({ where: { documentId: deck.documentId }, orderBy: { id: "asc" } })).toEqual(
      snapshot,
    );
  });

  it("a rebuild of the document keeps the edit, and keeps an edited item it no longer generates", async () => {
    const deck = await ownedDeck();
    const row = await itemRow(deck.ids["date-1"]!);
    await editItem(
      users.owner,
      {
        deckId: deck.documentId,
        itemId: row.id,
        checksum: row.checksum,
        fields: fieldsOf(row, { answer: "October 2018", accepted: "" }),
      },
      NOW,
    );
    const edited = await itemRow(row.id);
    // The generator still makes the old item (and a changed copy of another): the edit stands, the other updates.
    const changed = { ...typed(2, "2005") };
    const result = await publishDocument(
      { slug: deck.slug, title: deck.slug, body: "Body 2.", ownerId: users.owner.id },
      [typed(1), changed, choice(3), matching()],
    );
    expect(result).toMatchObject({ updated: 1, unchanged: 3, retired: 0 });
    expect(await itemRow(row.id)).toEqual(edited);
    // A rebuild that no longer generates the edited item does not retire it.
    await publishDocument({ slug: deck.slug, title: deck.slug, body: "Body 3.", ownerId: users.owner.id }, [choice(3)]);
    expect((await itemRow(row.id)).retiredAt).toBeNull();
    expect((await itemRow(deck.ids["date-2"]!)).retiredAt).not.toBeNull();
  });
});

describe("suspending and deleting for everyone", () => {
  it("a suspended item leaves the study queue and new quizzes; unsuspending brings it back", async () => {
    const deck = await ownedDeck([typed(1), typed(2, "2004")]);
    const id = deck.ids["date-1"]!;
    const queued = async () =>
      (await studyQueue({ userId: users.learner.id, deckId: deck.documentId }, NOW)).entries.map((e) => e.itemId);
    expect(await queued()).toContain(id);
    expect(await ownerItemAction(users.owner, { deckId: deck.documentId, itemId: id, action: "suspend" }, NOW)).toBe(
      true,
    );
    expect(await queued()).not.toContain(id);
    for (let i = 0; i < 5; i += 1) {
      const quiz = await createQuiz({
        userId: users.learner.id,
        deckId: deck.documentId,
        count: 5,
        updatesSchedule: false,
      });
      const asked = JSON.parse(
        (await db.quizAttempt.findUniqueOrThrow({ where: { id: quiz!.id } })).itemIds,
      ) as string[];
      expect(asked).not.toContain(id);
    }
    await ownerItemAction(users.owner, { deckId: deck.documentId, itemId: id, action: "unsuspend" }, NOW);
    expect(await queued()).toContain(id);
  });

  it("deleting retires the item, keeps learners' history, and a rebuild does not bring it back", async () => {
    const deck = await ownedDeck([typed(1), typed(2, "2004")]);
    const id = deck.ids["date-1"]!;
    await answerItem({
      userId: users.learner.id,
      reviewId: crypto.randomUUID(),
      itemId: id,
      version: 0,
      response: "2018",
      responseMs: 1000,
      now: NOW,
    });
    expect(await ownerItemAction(users.owner, { deckId: deck.documentId, itemId: id, action: "retire" }, NOW)).toBe(
      true,
    );
    expect((await itemRow(id)).retiredAt).toEqual(NOW);
    expect(await db.reviewLog.count({ where: { itemId: id } })).toBe(1);
    expect(await db.card.count({ where: { itemId: id } })).toBe(1);
    await publishDocument(
      { slug: deck.slug, title: deck.slug, body: "Body.", ownerId: users.owner.id },
      deck.generated,
    );
    expect((await itemRow(id)).retiredAt).toEqual(NOW);
    expect(
      (await studyQueue({ userId: users.learner.id, deckId: deck.documentId }, NOW)).entries.map((e) => e.itemId),
    ).not.toContain(id);
  });
});

describe("only the deck's owner (or an admin) changes its items", () => {
  it("others cannot edit, suspend, delete or resolve, and nothing changes", async () => {
    const deck = await ownedDeck();
    const row = await itemRow(deck.ids["date-1"]!);
    await flagItem({ userId: users.learner.id, itemId: row.id, reason: "typo", note: "" }, NOW);
    const flag = await db.itemFlag.findFirstOrThrow({ where: { itemId: row.id } });
    const snapshot = async () => ({
      items: await db.item.findMany({ where: { documentId: deck.documentId }, orderBy: { id: "asc" } }),
      flags: await db.itemFlag.findMany({ where: { itemId: row.id } }),
    });
    const before = await snapshot();
    for (const who of [users.other, users.learner]) {
      const fields = fieldsOf(row, { answer: "2020", accepted: "" });
      expect(
        await editItem(who, { deckId: deck.documentId, itemId: row.id, checksum: row.checksum, fields }, NOW),
      ).toEqual({
        ok: false,
        reason: "not_found",
      });
      for (const action of ["suspend", "retire"] as const)
        expect(await ownerItemAction(who, { deckId: deck.documentId, itemId: row.id, action }, NOW)).toBe(false);
      expect(await resolveFlag(who, { deckId: deck.documentId, flagId: flag.id, resolution: "dismissed" }, NOW)).toBe(
        false,
      );
      expect(await flagQueue(who, deck.documentId)).toBeNull();
    }
    // Naming another deck of the owner's in the form does not help either.
    const otherDeck = await ownedDeck([typed(9)]);
    expect(
      await ownerItemAction(users.owner, { deckId: otherDeck.documentId, itemId: row.id, action: "retire" }, NOW),
    ).toBe(false);
    expect(await snapshot()).toEqual(before);
    // An admin may (decks in content/ have no owner).
    expect(
      await ownerItemAction(users.admin, { deckId: deck.documentId, itemId: row.id, action: "suspend" }, NOW),
    ).toBe(true);
  });

  it("by server action too: another instructor is refused and nothing changes; the owner succeeds", async () => {
    const deck = await ownedDeck();
    const row = await itemRow(deck.ids["date-1"]!);
    await flagItem({ userId: users.learner.id, itemId: row.id, reason: "wrong_answer", note: "It was 2019" }, NOW);
    const flag = await db.itemFlag.findFirstOrThrow({ where: { itemId: row.id } });
    const { editItemAction, itemOwnerAction } = await import("@/app/(app)/decks/[deckId]/items/[itemId]/edit/actions");
    const { resolveFlagAction } = await import("@/app/(app)/decks/[deckId]/flags/actions");
    const form = (fields: Record<string, string>) => {
      const data = new FormData();
      for (const [k, v] of Object.entries(fields)) data.set(k, v);
      return data;
    };
    const editForm = form({
      itemId: row.id,
      deckId: deck.documentId,
      checksum: row.checksum,
      prompt: row.prompt,
      topic: row.topic,
      answer: "2019",
      accepted: "",
    });
    const snapshot = async () => ({
      items: await db.item.findMany({ where: { documentId: deck.documentId }, orderBy: { id: "asc" } }),
      flags: await db.itemFlag.findMany({ where: { itemId: row.id } }),
    });
    const before = await snapshot();
    session = users.other.id;
    expect(await editItemAction(null, editForm)).toMatchObject({ ok: false });
    expect(
      await itemOwnerAction(null, form({ itemId: row.id, deckId: deck.documentId, action: "retire" })),
    ).toMatchObject({ ok: false });
    expect(
      await resolveFlagAction(null, form({ flagId: flag.id, deckId: deck.documentId, resolution: "fixed" })),
    ).toMatchObject({ ok: false });
    expect(await snapshot()).toEqual(before);

    session = users.owner.id;
    expect(await editItemAction(null, editForm)).toMatchObject({ ok: true });
    expect((await itemRow(row.id)).answer).toBe("2019");
    expect(
      await resolveFlagAction(null, form({ flagId: flag.id, deckId: deck.documentId, resolution: "fixed" })),
    ).toMatchObject({ ok: true });
    expect(await db.itemFlag.findUniqueOrThrow({ where: { id: flag.id } })).toMatchObject({
      resolvedById: users.owner.id,
      resolution: "fixed",
    });
    session = undefined;
  });
});

describe("flags", () => {
  it("a learner flags once per item; the owner's queue shows the source sentence and answer statistics", async () => {
    const deck = await ownedDeck();
    const id = deck.ids["date-1"]!;
    for (const [i, response] of ["July 2018", "1999", "2018-07"].entries())
      await answerItem({
        userId: i === 0 ? users.learner.id : users.admin.id,
        reviewId: crypto.randomUUID(),
        itemId: id,
        version: i === 0 ? 0 : i - 1,
        response,
        responseMs: 1000,
        now: new Date(NOW.getTime() + i * 60_000),
      });
    expect(await flagItem({ userId: users.learner.id, itemId: id, reason: "typo", note: "" }, NOW)).toBe(true);
    expect(await flagItem({ userId: users.learner.id, itemId: id, reason: "unclear", note: "Which event?" }, NOW)).toBe(
      true,
    );
    expect(await flagItem({ userId: users.learner.id, itemId: "no-such-item", reason: "typo", note: "" }, NOW)).toBe(
      false,
    );
    const queue = await flagQueue(users.owner, deck.documentId);
    expect(queue!.flags).toHaveLength(1);
    expect(queue!.flags[0]).toMatchObject({
      reason: "unclear",
      note: "Which event?",
      item: { id, sourceText: "Event 1 happened in July 2018." },
      stats: { attempts: 3, correct: 2 },
    });
    expect(
      await resolveFlag(
        users.owner,
        { deckId: deck.documentId, flagId: queue!.flags[0]!.id, resolution: "dismissed" },
        NOW,
      ),
    ).toBe(true);
    expect((await flagQueue(users.owner, deck.documentId))!.flags).toHaveLength(0);
    // Resolving twice is refused.
    expect(
      await resolveFlag(
        users.owner,
        { deckId: deck.documentId, flagId: queue!.flags[0]!.id, resolution: "fixed" },
        NOW,
      ),
    ).toBe(false);
  });

  it("the flag action refuses bad input and writes nothing", async () => {
    const deck = await ownedDeck([typed(1)]);
    const { flagItemAction } = await import("@/app/(app)/study/flag/actions");
    session = users.learner.id;
    const count = () => db.itemFlag.count();
    const before = await count();
    for (const input of [
      null,
      { itemId: deck.ids["date-1"], reason: "boring" },
      { itemId: deck.ids["date-1"], reason: "typo", note: "x".repeat(501) },
      { itemId: "../x", reason: "typo" },
    ])
      expect(await flagItemAction(input)).toMatchObject({ ok: false });
    expect(await count()).toBe(before);
    expect(await flagItemAction({ itemId: deck.ids["date-1"], reason: "typo" })).toMatchObject({ ok: true });
    expect(await count()).toBe(before + 1);
    session = undefined;
  });
});

describe("the item browser", () => {
  it("searches by text, filters by kind, topic, state and lapses, pages and sorts", async () => {
    const deck = await ownedDeck([typed(1), typed(2, "2004"), choice(3), matching()]);
    const browse = (raw: Record<string, string>, who = users.learner) =>
      browseItems(who, { deckId: deck.documentId }, parseBrowseParams(raw));
    const prompts = async (raw: Record<string, string>, who = users.learner) =>
      (await browse(raw, who)).rows.map((r) => r.prompt);

    expect(await prompts({ q: "EVENT 2" })).toEqual(["When did event 2 happen?"]);
    // Answers and source sentences are searched too; LIKE wildcards are plain characters.
    expect(await prompts({ q: "dany fortin" })).toEqual(["Who commanded unit 3?"]);
    expect(await prompts({ q: "2004" })).toEqual(["When did event 2 happen?"]);
    expect(await prompts({ q: "%" })).toEqual([]);
    expect(await prompts({ kind: "matching" })).toEqual(["Match each commander to the year they took command."]);
    expect((await prompts({ topic: "dates" })).length).toBe(2);
    // The two dated items tie on difficulty (then id decides): only the first two places are fixed.
    expect((await prompts({ sort: "difficulty", dir: "desc" })).slice(0, 2)).toEqual([
      "Who commanded unit 3?",
      "Match each commander to the year they took command.",
    ]);
    expect((await prompts({ sort: "difficulty" })).slice(2)).toEqual([
      "Match each commander to the year they took command.",
      "Who commanded unit 3?",
    ]);
    expect((await prompts({ difficulty: "hard" })).length).toBe(1);

    // The learner's own states: an answered (wrong) item is learning, the rest new; lapses need a review first.
    await answerItem({
      userId: users.learner.id,
      reviewId: crypto.randomUUID(),
      itemId: deck.ids["date-1"]!,
      version: 0,
      response: "1999",
      responseMs: 1000,
      now: NOW,
    });
    expect(await prompts({ state: "learning" })).toEqual(["When did event 1 happen?"]);
    expect((await prompts({ state: "new" })).length).toBe(3);
    expect(await prompts({ state: "learning" }, users.other)).toEqual([]);
    expect(await prompts({ lapses: "1" })).toEqual([]);

    await flagItem({ userId: users.learner.id, itemId: deck.ids["mc-3"]!, reason: "typo", note: "" }, NOW);
    expect(await prompts({ state: "flagged" })).toEqual(["Who commanded unit 3?"]);
    expect(await prompts({ state: "flagged" }, users.owner)).toEqual(["Who commanded unit 3?"]);
    expect(await prompts({ state: "flagged" }, users.other)).toEqual([]);
    const ownerView = await browse({ q: "unit 3" }, users.owner);
    expect(ownerView.rows[0]).toMatchObject({ canEdit: true, openFlags: 1 });
    expect((await browse({ q: "unit 3" })).rows[0]).toMatchObject({ canEdit: false, openFlags: 0 });

    await ownerItemAction(
      users.owner,
      { deckId: deck.documentId, itemId: deck.ids["date-2"]!, action: "suspend" },
      NOW,
    );
    expect(await prompts({ state: "suspended" })).toEqual(["When did event 2 happen?"]);

    // Malformed parameters are ignored; a page past the end is empty.
    expect((await prompts({ kind: "nonsense", sort: "evil", page: "-3", lapses: "x" })).length).toBe(4);
    expect(await browse({ page: "2" })).toMatchObject({ total: 4, pages: 1, rows: [] });
  });

  it("does not let a search reveal the answer of an item in the learner's unfinished quiz", async () => {
    const deck = await ownedDeck([typed(1, "1066")]);
    const learner = await makeUser({ role: "learner" });
    await createQuiz({ userId: learner.id, deckId: deck.documentId, count: 1, updatesSchedule: false });
    const found = await browseItems(learner, { deckId: deck.documentId }, parseBrowseParams({ q: "1066" }));
    expect(found.rows).toEqual([]);
    const listed = await browseItems(learner, { deckId: deck.documentId }, parseBrowseParams({}));
    expect(listed.rows[0]).toMatchObject({ prompt: "When did event 1 happen?", answer: null });
    // Someone else finds it by its answer.
    const other = await browseItems(users.other, { deckId: deck.documentId }, parseBrowseParams({ q: "1066" }));
    expect(other.rows.map((r) => r.answer)).toEqual(["1066"]);
  });
});
