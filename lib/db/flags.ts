import { sql } from "kysely";
import type { FlagReason } from "@/lib/validations/items";
import { db } from "./client";
import { studiableDeckWhere } from "./deck-access";
import { ownedDecks } from "./items";
import { queryDb } from "./query";
import type { UserSummary } from "./users";

/**
 * A learner flags a live item ("wrong answer", "unclear", "typo", with an optional note). A learner has at most one
 * open flag per item: flagging again replaces its reason and note instead of piling up. Returns false when there is
 * no such live item in a deck the learner may study (nothing written).
 * @example await flagItem({ userId, itemId, reason: "typo", note: "" }, new Date())
 */
export async function flagItem(
  input: { userId: string; itemId: string; reason: FlagReason; note: string },
  now: Date,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    // Only an item of a deck the learner may study: a flag on a hidden deck's item finds nothing, as elsewhere.
    const item = await tx.item.findFirst({
      where: { id: input.itemId, retiredAt: null, document: studiableDeckWhere(input.userId) },
      select: { id: true },
    });
    if (!item) return false;
    const open = await tx.itemFlag.findFirst({
      where: { itemId: input.itemId, userId: input.userId, resolvedAt: null },
      select: { id: true },
    });
    if (open) await tx.itemFlag.update({ where: { id: open.id }, data: { reason: input.reason, note: input.note } });
    else
      await tx.itemFlag.create({
        data: { itemId: input.itemId, userId: input.userId, reason: input.reason, note: input.note, createdAt: now },
      });
    return true;
  });
}

export type AnswerStats = { attempts: number; correct: number; classAttempts: number; classCorrect: number };

/**
 * Graded answers to each item, by everyone and by learners of the owner's classes: study answers (a flashcard has
 * no verdict and is left out) plus quiz answers (a quiz answer that also updated the schedule is logged twice; its
 * ReviewLog copy, source "quiz", is not counted).
 */
async function answerStats(ownerId: string | null, itemIds: string[]): Promise<Map<string, AnswerStats>> {
  if (itemIds.length === 0) return new Map();
  const { q } = queryDb();
  const answers = q
    .selectFrom("ReviewLog as l")
    .select(["l.userId", "l.itemId", "l.correct"])
    .where("l.itemId", "in", itemIds)
    .where("l.correct", "is not", null)
    .where("l.source", "=", "study")
    .unionAll(
      q
        .selectFrom("QuizAnswer as x")
        .innerJoin("QuizAttempt as t", "t.id", "x.attemptId")
        .select(["t.userId", "x.itemId", "x.correct"])
        .where("x.itemId", "in", itemIds),
    );
  // Learners of the owner's classes (none for an ownerless deck: content/ decks and deleted owners).
  const members = q
    .selectFrom("ClassMember as cm")
    .innerJoin("Class as k", "k.id", "cm.classId")
    .select("cm.userId")
    .distinct()
    .where((eb) => (ownerId === null ? eb.lit(false) : eb("k.ownerId", "=", ownerId)));
  const inClass = sql`m."userId" IS NOT NULL`;
  const right = sql`a."correct" = ${true}`;
  const rows = await q
    .selectFrom(answers.as("a"))
    .leftJoin(members.as("m"), "m.userId", "a.userId")
    .select((eb) => [
      "a.itemId",
      eb.fn.countAll<number>().as("attempts"),
      sql<number>`SUM(CASE WHEN ${right} THEN 1 ELSE 0 END)`.as("correct"),
      sql<number>`SUM(CASE WHEN ${inClass} THEN 1 ELSE 0 END)`.as("ca"),
      sql<number>`SUM(CASE WHEN ${inClass} AND ${right} THEN 1 ELSE 0 END)`.as("cc"),
    ])
    .groupBy("a.itemId")
    .execute();
  return new Map(
    rows.map((r) => [
      r.itemId,
      {
        attempts: Number(r.attempts),
        correct: Number(r.correct ?? 0),
        classAttempts: Number(r.ca ?? 0),
        classCorrect: Number(r.cc ?? 0),
      },
    ]),
  );
}

/**
 * The owner's review queue for a deck: open flags, oldest first, each with its item (prompt, answer, source sentence)
 * and the item's answer statistics. Null when the deck is not one the user may change.
 * @example const queue = await flagQueue(user, deckId); queue?.flags[0].stats.attempts
 */
export async function flagQueue(user: UserSummary, deckId: string) {
  const deck = await db.document.findFirst({
    where: { id: deckId, ...ownedDecks(user) },
    select: { id: true, title: true, ownerId: true },
  });
  if (!deck) return null;
  const flags = await db.itemFlag.findMany({
    where: { resolvedAt: null, item: { documentId: deckId } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 500,
    select: {
      id: true,
      reason: true,
      note: true,
      createdAt: true,
      user: { select: { name: true } },
      item: {
        select: {
          id: true,
          kind: true,
          prompt: true,
          answer: true,
          sourceText: true,
          retiredAt: true,
          suspendedAt: true,
          editedAt: true,
        },
      },
    },
  });
  // Statistics per flagged item, for the deck owner's classes (an admin fixing a content/ deck sees all learners).
  const stats = await answerStats(deck.ownerId, [...new Set(flags.map((f) => f.item.id))]);
  const none: AnswerStats = { attempts: 0, correct: 0, classAttempts: 0, classCorrect: 0 };
  return { deck, flags: flags.map((flag) => ({ ...flag, stats: stats.get(flag.item.id) ?? none })) };
}

/**
 * The owner resolves an open flag of their deck as fixed or dismissed. Returns false when it is not an open flag of
 * an item of a deck the user may change (nothing written).
 * @example await resolveFlag(user, { deckId, flagId, resolution: "fixed" }, new Date())
 */
export async function resolveFlag(
  user: UserSummary,
  input: { deckId: string; flagId: string; resolution: "fixed" | "dismissed" },
  now: Date,
): Promise<boolean> {
  const { count } = await db.itemFlag.updateMany({
    where: { id: input.flagId, resolvedAt: null, item: { documentId: input.deckId, document: ownedDecks(user) } },
    data: { resolvedAt: now, resolvedById: user.id, resolution: input.resolution },
  });
  return count === 1;
}

/** How many open flags each deck the user may change has (for the deck page's link to the queue). */
export function openFlagCount(deckId: string) {
  return db.itemFlag.count({ where: { resolvedAt: null, item: { documentId: deckId } } });
}
