import { can } from "@/lib/auth/can";
import { db } from "./client";
import { studiableDeckWhere } from "./deck-access";
import type { UserSummary } from "./users";

export type SetFilter = {
  deckIds: string[];
  topics: string[];
  kinds: string[];
  minDifficulty: number;
  maxDifficulty: number;
};

const ownedBy = (user: UserSummary) => (can(user, "see-all-classes") ? {} : { ownerId: user.id });

/**
 * The live items of the chosen decks that the instructor may see (not archived) and that match the filters (an empty
 * topic or kind list means any).
 */
export function findSetCandidates(filter: SetFilter, userId: string) {
  return db.item.findMany({
    where: {
      documentId: { in: filter.deckIds },
      document: studiableDeckWhere(userId),
      retiredAt: null,
      ...(filter.topics.length ? { topic: { in: filter.topics } } : {}),
      ...(filter.kinds.length ? { kind: { in: filter.kinds } } : {}),
      difficulty: { gte: filter.minDifficulty, lte: filter.maxDifficulty },
    },
    orderBy: [{ documentId: "asc" }, { position: "asc" }],
    select: {
      id: true,
      prompt: true,
      kind: true,
      topic: true,
      difficulty: true,
      document: { select: { title: true } },
    },
    take: 2000,
  });
}

/** Saves a set of live items of decks the owner may see; returns null when none of the ids is one. */
export async function createSet(owner: UserSummary, input: { name: string; itemIds: string[] }) {
  const live = await db.item.findMany({
    where: { id: { in: input.itemIds }, retiredAt: null, document: studiableDeckWhere(owner.id) },
    select: { id: true },
  });
  const liveIds = new Set(live.map((item) => item.id));
  const itemIds = input.itemIds.filter((id) => liveIds.has(id));
  if (itemIds.length === 0) return null;
  return db.itemSet.create({
    data: {
      name: input.name,
      ownerId: owner.id,
      items: { create: itemIds.map((itemId, position) => ({ itemId, position })) },
    },
    select: { id: true },
  });
}

export function listSets(user: UserSummary) {
  return db.itemSet.findMany({
    where: ownedBy(user),
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, createdAt: true, _count: { select: { items: true, assignments: true } } },
  });
}

export function getSet(setId: string, user: UserSummary) {
  return db.itemSet.findFirst({
    where: { id: setId, ...ownedBy(user) },
    select: {
      id: true,
      name: true,
      items: {
        orderBy: { position: "asc" },
        select: { item: { select: { id: true, prompt: true, kind: true, topic: true, documentId: true } } },
      },
    },
  });
}

/** True when the teacher may assign this set (their own, or any for an admin). */
export async function canUseSet(setId: string, user: UserSummary) {
  return (await db.itemSet.count({ where: { id: setId, ...ownedBy(user) } })) === 1;
}
