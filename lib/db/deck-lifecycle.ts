import type { DeckVisibility } from "@/lib/validations/decks";
import { db } from "./client";
import { studiableDeckWhere } from "./deck-access";
import type { UserSummary } from "./users";

// A deck's owner manages it: details, who sees it, archive and delete (issue 14). Every change names the owner in its
// query, so someone else's deck (and a content/ deck, which has no owner) is "not found". Learners add decks they may
// see to their studies. docs/decisions/018-deck-visibility.md.

export type DeckChange = { ok: true } | { ok: false; reason: "not_found" | "not_your_classes" | "in_assignments" };

const owned = (deckId: string, owner: Pick<UserSummary, "id">) => ({ id: deckId, ownerId: owner.id });

/**
 * The owner's deck with what its management forms need: status, visibility, the classes it is shared with, the
 * owner's classes to choose from, and the consequences of archiving or deleting it. Null for anyone else.
 * @example const deck = await getOwnedDeck(deckId, user)
 */
export async function getOwnedDeck(deckId: string, owner: Pick<UserSummary, "id">) {
  const deck = await db.document.findFirst({
    where: owned(deckId, owner),
    select: {
      id: true,
      slug: true,
      title: true,
      description: true,
      status: true,
      visibility: true,
      publishedAt: true,
      classes: { select: { classId: true } },
    },
  });
  if (!deck) return null;
  const [classes, consequences] = await Promise.all([
    db.class.findMany({ where: { ownerId: owner.id }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    deckConsequences(deckId, owner.id),
  ]);
  return { ...deck, classIds: deck.classes.map((c) => c.classId), ownerClasses: classes, consequences };
}

export type DeckConsequences = {
  /** Other people with progress on the deck (cards), and their answers. */
  learners: number;
  reviews: number;
  /** Learners who chose to study it. */
  studiedBy: number;
  /** Sets that hold its items, and assignments of those sets. */
  sets: number;
  assignments: number;
  quizAttempts: number;
};

/** Who and what a change to the deck affects, counted before the owner confirms. The owner's own progress aside. */
export async function deckConsequences(deckId: string, ownerId: string): Promise<DeckConsequences> {
  const others = { userId: { not: ownerId } };
  const [learners, reviews, studiedBy, sets, assignments, quizAttempts] = await Promise.all([
    db.card.groupBy({ by: ["userId"], where: { ...others, item: { documentId: deckId } } }),
    db.reviewLog.count({ where: { ...others, item: { documentId: deckId } } }),
    db.studyDeck.count({ where: { documentId: deckId, ...others } }),
    db.itemSet.count({ where: { items: { some: { item: { documentId: deckId } } } } }),
    db.assignment.count({ where: { set: { items: { some: { item: { documentId: deckId } } } } } }),
    db.quizAttempt.count({ where: { documentId: deckId } }),
  ]);
  return { learners: learners.length, reviews, studiedBy, sets, assignments, quizAttempts };
}

/**
 * Changes the title and description of the owner's deck (already validated by DeckDetailsSchema).
 * @example await updateDeckDetails(user, { deckId, title: "NATO", description: "" })
 */
export async function updateDeckDetails(
  owner: Pick<UserSummary, "id">,
  input: { deckId: string; title: string; description: string },
): Promise<DeckChange> {
  const updated = await db.document.updateMany({
    where: owned(input.deckId, owner),
    data: { title: input.title, description: input.description },
  });
  return updated.count === 1 ? { ok: true } : { ok: false, reason: "not_found" };
}

/**
 * Publishes the owner's deck (a draft or an archived one too) to the library, to some of the owner's classes, or
 * keeps it private; replaces the classes it is shared with. Classes that are not the owner's change nothing.
 * @example await publishDeck(user, { deckId, visibility: "classes", classIds: [classId] }, new Date())
 */
export async function publishDeck(
  owner: Pick<UserSummary, "id">,
  input: { deckId: string; visibility: DeckVisibility; classIds: string[] },
  now: Date,
): Promise<DeckChange> {
  const classIds = input.visibility === "classes" ? [...new Set(input.classIds)] : [];
  return db.$transaction(async (tx) => {
    const deck = await tx.document.findFirst({ where: owned(input.deckId, owner), select: { publishedAt: true } });
    if (!deck) return { ok: false, reason: "not_found" } as const;
    const mine = await tx.class.count({ where: { id: { in: classIds }, ownerId: owner.id } });
    if (mine !== classIds.length) return { ok: false, reason: "not_your_classes" } as const;
    await tx.document.update({
      where: { id: input.deckId },
      data: { status: "published", visibility: input.visibility, publishedAt: deck.publishedAt ?? now },
    });
    await tx.deckClass.deleteMany({ where: { documentId: input.deckId } });
    if (classIds.length > 0) {
      await tx.deckClass.createMany({ data: classIds.map((classId) => ({ documentId: input.deckId, classId })) });
    }
    return { ok: true } as const;
  });
}

/**
 * Moves the owner's deck to "draft" (unpublish) or "archived": either way only the owner sees it; learners keep
 * their cards and review history (their statistics), and get it back if it is published again.
 * @example await setDeckStatus(user, deckId, "archived")
 */
export async function setDeckStatus(
  owner: Pick<UserSummary, "id">,
  deckId: string,
  status: "draft" | "archived",
): Promise<DeckChange> {
  const updated = await db.document.updateMany({ where: owned(deckId, owner), data: { status } });
  return updated.count === 1 ? { ok: true } : { ok: false, reason: "not_found" };
}

/**
 * Deletes the owner's deck for everyone, keeping its learners' review history (their statistics and their revlog
 * export): the deck stays as an ownerless "deleted" row that no visibility rule matches (lib/db/deck-access), its
 * text and description are cleared, and only the items somebody has a card of stay, retired (never studied again),
 * with their cards and review logs. Everything else of it goes: items nobody answered, flags, sets' use of its items,
 * learners' "Study now" choices, classes it was shared with, its preset choice and its practice quizzes.
 * docs/decisions/018-deck-visibility.md. Refused while an assignment's set holds its items: the class's scores would
 * change under the instructor; archive it, or delete those assignments first.
 * @example await deleteDeck(user, deckId) // { ok: false, reason: "in_assignments" }
 */
export async function deleteDeck(
  owner: Pick<UserSummary, "id">,
  deckId: string,
  now = new Date(),
): Promise<DeckChange> {
  return db.$transaction(async (tx) => {
    const deck = await tx.document.findFirst({ where: owned(deckId, owner), select: { id: true } });
    if (!deck) return { ok: false, reason: "not_found" } as const;
    const assigned = await tx.assignment.count({
      where: { set: { items: { some: { item: { documentId: deckId } } } } },
    });
    if (assigned > 0) return { ok: false, reason: "in_assignments" } as const;
    const ofDeck = { item: { documentId: deckId } };
    await tx.quizAttempt.deleteMany({ where: { documentId: deckId } });
    await tx.itemFlag.deleteMany({ where: ofDeck });
    await tx.itemSetItem.deleteMany({ where: ofDeck });
    await tx.studyDeck.deleteMany({ where: { documentId: deckId } });
    await tx.deckClass.deleteMany({ where: { documentId: deckId } });
    await tx.deckPreset.deleteMany({ where: { documentId: deckId } });
    await tx.item.deleteMany({ where: { documentId: deckId, cards: { none: {} } } });
    await tx.item.updateMany({ where: { documentId: deckId, retiredAt: null }, data: { retiredAt: now } });
    await tx.document.update({
      where: { id: deckId },
      data: { status: "deleted", ownerId: null, visibility: "private", body: "", description: "", excludedKeys: "[]" },
    });
    return { ok: true } as const;
  });
}

/**
 * Adds a deck the learner may study to their studies ("Study now" takes its items); adding twice changes nothing.
 * @example await addStudyDeck(user.id, deckId) // { ok: false, reason: "not_found" } for a hidden deck
 */
export async function addStudyDeck(userId: string, deckId: string): Promise<DeckChange> {
  const visible = await db.document.count({ where: { id: deckId, ...studiableDeckWhere(userId) } });
  if (visible !== 1) return { ok: false, reason: "not_found" };
  await db.studyDeck.upsert({
    where: { userId_documentId: { userId, documentId: deckId } },
    create: { userId, documentId: deckId },
    update: {},
  });
  return { ok: true };
}

/** Takes a deck out of the learner's studies; their cards and history stay (adding it again resumes them). */
export async function removeStudyDeck(userId: string, deckId: string): Promise<DeckChange> {
  const removed = await db.studyDeck.deleteMany({ where: { userId, documentId: deckId } });
  return removed.count === 1 ? { ok: true } : { ok: false, reason: "not_found" };
}

/** How many decks the learner studies (Home says how to add one when there are none). */
export function countStudyDecks(userId: string): Promise<number> {
  return db.studyDeck.count({ where: { userId, document: studiableDeckWhere(userId) } });
}
