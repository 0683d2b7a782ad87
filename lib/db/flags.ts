import { Prisma } from "@/generated/prisma/client";
import type { FlagReason } from "@/lib/validations/items";
import { db } from "./client";
import { studiableDeckWhere } from "./deck-access";
import { ownedDecks } from "./items";
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

type Num = number | bigint;
export type AnswerStats = { attempts: number; correct: number; classAttempts: number; classCorrect: number };

/**
 * Graded answers to each item, by everyone and by learners of the owner's classes: study answers (a flashcard has
 * no verdict and is left out) plus quiz answers (a quiz answer that also updated the schedule is logged twice; its
 * ReviewLog copy, source "quiz", is not counted).
 */
async function answerStats(ownerId: string | null, itemIds: string[]): Promise<Map<string, AnswerStats>> {
  if (itemIds.length === 0) return new Map();
  const ids = Prisma.join(itemIds);
  const rows = await db.$queryRaw<{ itemId: string; attempts: Num; correct: Num; ca: Num; cc: Num }[]>`
    SELECT a."itemId", COUNT(*) AS attempts,
           SUM(CASE WHEN a.correct = ${true} THEN 1 ELSE 0 END) AS correct,
           SUM(CASE WHEN m."userId" IS NOT NULL THEN 1 ELSE 0 END) AS ca,
           SUM(CASE WHEN m."userId" IS NOT NULL AND a.correct = ${true} THEN 1 ELSE 0 END) AS cc
    FROM (
      SELECT l."userId", l."itemId", l.correct FROM "ReviewLog" l
        WHERE l."itemId" IN (${ids}) AND l.correct IS NOT NULL AND l.source = 'study'
      UNION ALL
      SELECT q."userId", x."itemId", x.correct FROM "QuizAnswer" x JOIN "QuizAttempt" q ON q.id = x."attemptId"
        WHERE x."itemId" IN (${ids})
    ) a
    LEFT JOIN (
      SELECT DISTINCT cm."userId" FROM "ClassMember" cm JOIN "Class" c ON c.id = cm."classId" WHERE c."ownerId" = ${ownerId}
    ) m ON m."userId" = a."userId"
    GROUP BY a."itemId"`;
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
