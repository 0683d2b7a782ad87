import type { GeneratedItem } from "@/lib/content/types";
import { createRng, seedFromText, shuffle } from "@/lib/prng";
import { formatDateTime } from "@/lib/progress/format";
import { pickAssignedItems, type AssignedNewItem } from "@/lib/srs/assignment-pace";
import {
  buildQueue,
  LEARN_AHEAD_MINUTES,
  nextStudyDayStart,
  pickNewItems,
  studyDayStart,
  studyDaysBetween,
  type QueueEntry,
  type QueueNewItem,
  type SrsSettings,
} from "@/lib/srs";
import type { NextStep, StudyCard } from "@/lib/study/types";
import { fromSqlCardState, type SqlCardStateRow } from "./cards";
import { studiableDeckSql } from "./deck-access";
import { openQuizItems } from "./open-quizzes";
import { readSettings } from "./settings";
import { fromSqlDate, query, readSnapshot, sqlDate } from "./sqlite";

export type StudyScope = { userId: string; deckId?: string };

/** A seeded shuffle: the same item shows its choices in the same order on reload. */
const seededShuffle = <T>(values: readonly T[], seedText: string) => shuffle(values, createRng(seedFromText(seedText)));

/**
 * What the browser may see of an item: everything needed to answer it, never the answer. `showing` seeds the order of
 * choices, pairs and entries: pass something stable for one showing and different across showings and learners
 * (lib/db/study passes learner, item and card version, so a reload or a retry shows the same order and the next
 * review another); without it the order is the item's own. Grading goes by value, never by position
 * (lib/content/grade.ts), so any order grades the same.
 * @example toStudyCard(item, card.version, "review", `${userId}:${card.version}`)
 */
export function toStudyCard(
  item: { id: string; data: string; documentId: string; document: { title: string } },
  version: number,
  reason: StudyCard["reason"],
  showing = "",
): StudyCard {
  const data = JSON.parse(item.data) as GeneratedItem;
  const seed = showing ? `${item.id}:${showing}` : item.id;
  let shuffled: string[] | null = null;
  if (data.kind === "ordering" && data.sequence) {
    shuffled = seededShuffle(data.sequence, seed);
    // A shuffle that happens to be the answer would give it away.
    if (shuffled.every((entry, i) => entry === data.sequence![i])) shuffled.reverse();
  }
  const choices = data.kind === "multiple_choice" || data.kind === "true_false";
  return {
    itemId: item.id,
    version,
    kind: data.kind,
    prompt: data.prompt,
    // True/false keeps True before False: a shuffled pair only slows the reader down and hides nothing.
    options: choices
      ? data.kind === "multiple_choice" && showing
        ? seededShuffle(data.options ?? [], seed)
        : data.options
      : null,
    matchLeft: data.kind === "matching" && data.pairs ? data.pairs.map((p) => p.left) : null,
    matchRight:
      data.kind === "matching" && data.pairs
        ? seededShuffle(
            data.pairs.map((p) => p.right),
            seed,
          )
        : null,
    shuffled,
    topic: data.topic,
    deckId: item.documentId,
    deckTitle: item.document.title,
    reason,
  };
}

/**
 * Items are siblings when they come from the same fact or quiz the same sentence (a cloze on "Australia" shows the
 * answer to the one on "Sweden"): siblings are introduced on different days.
 */
export function siblingKeys(item: { factKey: string; documentId: string; sourceStart: number }): string[] {
  return [`fact:${item.documentId}:${item.factKey}`, `sentence:${item.documentId}:${item.sourceStart}`];
}

type SiblingRow = { factKey: string; documentId: string; sourceStart: number };
type CardRow = SiblingRow &
  SqlCardStateRow & {
    itemId: string;
    buriedUntil: string | null;
  };
type NewItemRow = SiblingRow & { id: string; position: number };

// The queue is rebuilt after every answer, so its reads are prepared statements on the read connection (lib/db/sqlite)
// inside one read snapshot, and each reads only the rows that can change what the learner sees next
// (docs/decisions/008-study-loop-performance.md).
// `@deckId IS NULL OR documentId = @deckId`: one statement serves "every deck" and "one deck".
// Answered cards the queue can show before `@horizon` (the end of the study day, or the learn-ahead limit if later):
// cards due later never enter it, and reading them was most of the work for a learner with a long history.
// Suspended cards never enter the queue, nor items their deck's owner suspended for everyone (Item.suspendedAt).
// Uses the Card(userId, suspended, due) index.
// Items of study assignments in the learner's classes come first among new items.
const ASSIGNED_SQL = `SELECT s.itemId FROM ClassMember m
  JOIN Assignment a ON a.classId = m.classId AND a.mode = 'study'
  JOIN ItemSetItem s ON s.setId = a.setId
  WHERE m.userId = @userId`;
// Which items a queue takes (issue 14): one deck the learner may see, or for "Study now" the decks they chose to
// study (StudyDeck) and the items their classes assign; in both cases only decks they may study (lib/db/deck-access):
// a draft, an archived deck or another class's deck never enters anyone else's queue. Needs `d` joined on the item.
const SCOPE_SQL = `(i.documentId = @deckId OR (@deckId IS NULL AND (
    EXISTS (SELECT 1 FROM StudyDeck sd WHERE sd.userId = @userId AND sd.documentId = i.documentId)
    OR i.id IN (${ASSIGNED_SQL})))) AND ${studiableDeckSql("userId")}`;
const CARDS_SQL = `SELECT c.itemId, c.state, c.due, c.stability, c.difficulty, c.scheduledDays, c.learningSteps, c.reps,
    c.lapses, c.lastReview, c.buriedUntil, i.factKey, i.documentId, i.sourceStart
  FROM Card c JOIN Item i ON i.id = c.itemId JOIN Document d ON d.id = i.documentId
  WHERE c.userId = @userId AND c.suspended = 0 AND c.due < @horizon AND c.state <> 'new'
    AND i.retiredAt IS NULL AND i.suspendedAt IS NULL AND ${SCOPE_SQL}`;
// The earliest card due after now (for "next card due at …"), walking the same index in due order.
const NEXT_DUE_SQL = `SELECT c.due FROM Card c JOIN Item i ON i.id = c.itemId JOIN Document d ON d.id = i.documentId
  WHERE c.userId = @userId AND c.suspended = 0 AND c.due > @now
    AND i.retiredAt IS NULL AND i.suspendedAt IS NULL AND ${SCOPE_SQL}
  ORDER BY c.due LIMIT 1`;
// Unseen items in introduction order (lib/srs byIntroductionOrder), first those of the learner's study assignments,
// then the others: no card yet, or a card never answered (suspended or buried before its first answer) that is
// neither any more. Read through a cursor that stops once the day's new items are picked; the others walk the
// Item(position, id) index, so a learner with 20 new items a day reads about 20 rows, not the whole deck.
const unseenItemsSql = (assigned: "IN" | "NOT IN") => `SELECT i.id, i.position, i.factKey, i.documentId, i.sourceStart
  FROM Item i JOIN Document d ON d.id = i.documentId LEFT JOIN Card c ON c.userId = @userId AND c.itemId = i.id
  WHERE i.retiredAt IS NULL AND i.suspendedAt IS NULL AND ${SCOPE_SQL} AND i.id ${assigned} (${ASSIGNED_SQL})
    AND (c.id IS NULL OR (c.state = 'new' AND c.suspended = 0 AND (c.buriedUntil IS NULL OR c.buriedUntil <= @now)))
  ORDER BY i.position, i.id`;
const UNSEEN_SQL = { assigned: unseenItemsSql("IN"), others: unseenItemsSql("NOT IN") };
// The earliest upcoming due date of each assigned item (for pacing siblings within the time left).
const ASSIGNED_DUE_SQL = `SELECT s.itemId, MIN(a.dueAt) AS dueAt FROM ClassMember m
  JOIN Assignment a ON a.classId = m.classId AND a.mode = 'study'
  JOIN ItemSetItem s ON s.setId = a.setId
  WHERE m.userId = @userId AND a.dueAt > @now
  GROUP BY s.itemId`;
// Sibling keys are needed only for items introduced today: the join happens only for those rows.
const TODAY_SQL = `SELECT l.itemId, l.reviewedAt, l.previousState, i.factKey, i.documentId, i.sourceStart
  FROM ReviewLog l LEFT JOIN Item i ON i.id = l.itemId AND l.previousState = 'new'
  WHERE l.userId = ? AND l.reviewedAt >= ?`;
// Cards buried until later in the scope ("Unbury" on the study screen when nothing is left).
// Identifiers quoted, booleans and dates as parameters: the same text runs on PostgreSQL.
const BURIED_SQL = `SELECT COUNT(*) AS "n" FROM "Card" c JOIN "Item" i ON i."id" = c."itemId"
  WHERE c."userId" = @userId AND c."buriedUntil" > @now AND c."suspended" = @suspended
    AND i."retiredAt" IS NULL AND (@deckId IS NULL OR i."documentId" = @deckId)`;

/** What the learner did so far in the current study day, for the daily limits and sibling spreading. */
function today(userId: string, settings: SrsSettings, now: Date) {
  const since = studyDayStart(now, settings.timeZone, settings.dayStartHour);
  const logs = query<SiblingRow & { itemId: string; reviewedAt: string; previousState: string }>(TODAY_SQL).all(
    userId,
    sqlDate(since),
  );
  // The item answered last today (stored dates sort as text): the queue won't show it again next if it can help it.
  let last: (typeof logs)[number] | undefined;
  for (const log of logs) if (!last || log.reviewedAt > last.reviewedAt) last = log;
  // A log whose item was deleted since has no sibling keys to spread (Prisma's inner join dropped it entirely).
  const introduced = logs.filter((log) => log.previousState === "new" && log.factKey !== null);
  const keyCounts = new Map<string, number>();
  for (const key of introduced.flatMap((log) => siblingKeys(log))) keyCounts.set(key, (keyCounts.get(key) ?? 0) + 1);
  return {
    doneToday: { newCount: introduced.length, reviewCount: logs.length - introduced.length },
    introducedSiblingKeys: [...keyCounts.keys()],
    introducedKeyCounts: keyCounts,
    lastItemId: last?.itemId ?? null,
  };
}

/**
 * Today's new items: first the assigned ones, paced so that each assignment's items are introduced by its due date
 * (lib/srs/assignment-pace.ts: siblings spread over the days left instead of one a day), then the others in
 * introduction order, never a sibling of anything introduced today or picked before.
 */
function pickTodaysNewItems(
  scope: { userId: string; deckId: string | null },
  settings: SrsSettings,
  now: Date,
  inQuiz: Map<string, string>,
  done: ReturnType<typeof today>,
): QueueNewItem[] {
  const limit = settings.newPerDay - done.doneToday.newCount;
  if (limit <= 0) return [];
  const dueOf = new Map(
    query<{ itemId: string; dueAt: string }>(ASSIGNED_DUE_SQL)
      .all({ userId: scope.userId, now: sqlDate(now) })
      .map((row) => [row.itemId, fromSqlDate(row.dueAt)!]),
  );
  // Every unseen assigned item is read (a set is at most a few thousand items): pacing needs each group's size.
  const assigned: AssignedNewItem[] = [];
  for (const row of query<NewItemRow>(UNSEEN_SQL.assigned).all({ ...scope, now: sqlDate(now) })) {
    if (inQuiz.has(row.id)) continue;
    const due = dueOf.get(row.id);
    assigned.push({
      itemId: row.id,
      siblingKeys: siblingKeys(row),
      position: row.position,
      priority: 1,
      // Study days left, today included: due later today leaves 1.
      daysLeft: due ? studyDaysBetween(now, due, settings.timeZone, settings.dayStartHour) + 1 : null,
    });
  }
  const pickedAssigned = pickAssignedItems(assigned, limit, done.introducedKeyCounts);
  const used = [...done.introducedSiblingKeys, ...pickedAssigned.flatMap((item) => item.siblingKeys)];
  const others = pickNewItems(unseenOthers(scope, now, inQuiz), limit - pickedAssigned.length, used);
  return [
    // Already paced: buildQueue would space them one a day again (it does so for every new item), so they reach it
    // without sibling keys; the others were picked apart from them above.
    ...pickedAssigned.map(({ itemId, position, priority }) => ({ itemId, position, priority, siblingKeys: [] })),
    ...others,
  ];
}

/** Unseen items outside the learner's study assignments in introduction order, read lazily. */
function* unseenOthers(
  scope: { userId: string; deckId: string | null },
  now: Date,
  inQuiz: Map<string, string>,
): Generator<QueueNewItem> {
  for (const row of query<NewItemRow>(UNSEEN_SQL.others).iterate({ ...scope, now: sqlDate(now) })) {
    if (inQuiz.has(row.id)) continue;
    yield { itemId: row.id, siblingKeys: siblingKeys(row), position: row.position, priority: 0 };
  }
}

/**
 * The learner's queue for a deck (or every deck) at `now`: the entries in order, with how many of each kind. Items of
 * the learner's open quiz attempts are left out until the quiz is finished (their answers must stay hidden).
 */
export async function studyQueue({ userId, deckId }: StudyScope, now: Date) {
  const { settings, cards, nextDue, newItems, done, buried } = readSnapshot(() => {
    // One deck: its preset's daily limits; every deck: the default preset's.
    const settings = readSettings(userId, deckId ?? null);
    const dayEnd = nextStudyDayStart(now, settings.timeZone, settings.dayStartHour).getTime();
    const horizon = new Date(Math.max(dayEnd, now.getTime() + LEARN_AHEAD_MINUTES * 60_000 + 1));
    const scope = { userId, deckId: deckId ?? null };
    const done = today(userId, settings, now);
    const inQuiz = openQuizItems(userId);
    return {
      settings,
      done,
      cards: query<CardRow>(CARDS_SQL)
        .all({ ...scope, horizon: sqlDate(horizon) })
        .filter((c) => !inQuiz.has(c.itemId))
        .map((c) => ({
          itemId: c.itemId,
          factKey: c.factKey,
          card: fromSqlCardState(c),
          suspended: false,
          buriedUntil: fromSqlDate(c.buriedUntil),
        })),
      nextDue: fromSqlDate(query<{ due: string }>(NEXT_DUE_SQL).get({ ...scope, now: sqlDate(now) })?.due ?? null),
      buried: query<{ n: number }>(BURIED_SQL).get({ ...scope, now: sqlDate(now), suspended: 0 })?.n ?? 0,
      // Only as many unseen items as today's new-item limit can still take.
      newItems: pickTodaysNewItems(scope, settings, now, inQuiz, done),
    };
  });
  const entries = buildQueue({
    now,
    settings,
    cards,
    newItems,
    doneToday: done.doneToday,
    introducedSiblingKeys: done.introducedSiblingKeys,
    lastItemId: done.lastItemId,
  });
  const counts = { learning: 0, review: 0, new: 0 };
  for (const entry of entries) counts[entry.reason] += 1;
  const doneToday = done.doneToday.newCount + done.doneToday.reviewCount;
  return { entries, counts, nextDue, settings, doneToday, buried };
}

// The deck condition again: `first` (an undone card) comes from the client's side of the loop, not from the queue.
const CARD_FOR_SQL = `SELECT i.id, i.data, i.documentId, d.title, c.version
  FROM Item i JOIN Document d ON d.id = i.documentId LEFT JOIN Card c ON c.itemId = i.id AND c.userId = @userId
  WHERE i.id = @itemId AND i.retiredAt IS NULL AND i.suspendedAt IS NULL AND ${studiableDeckSql("userId")}`;

function cardFor(userId: string, entry: Pick<QueueEntry, "itemId" | "reason">): StudyCard | null {
  const item = query<{ id: string; data: string; documentId: string; title: string; version: number | null }>(
    CARD_FOR_SQL,
  ).get({ userId, itemId: entry.itemId });
  if (!item) return null;
  // One showing = this learner, this card version (every answer and undo bumps it): a reload shows the same order.
  const version = item.version ?? 0;
  return toStudyCard({ ...item, document: { title: item.title } }, version, entry.reason, `${userId}:${version}`);
}

/**
 * The next card to show and what is left. `first` puts one item in front (the card an undo brought back).
 * @example const { card, counts } = await nextStep({ userId }, new Date())
 */
export async function nextStep(scope: StudyScope, now: Date, first?: string): Promise<NextStep> {
  const { entries, counts, nextDue, settings, doneToday, buried } = await studyQueue(scope, now);
  // An undone card that a quiz has asked since stays out of the study loop like the queue's own.
  if (first && openQuizItems(scope.userId).has(first)) first = undefined;
  const front = first
    ? { itemId: first, reason: entries.find((e) => e.itemId === first)?.reason ?? "review" }
    : entries[0];
  const card = front ? cardFor(scope.userId, front as QueueEntry) : null;
  return {
    card,
    counts,
    nextDue: nextDue?.toISOString() ?? null,
    nextDueLabel: nextDue ? formatDateTime(nextDue, settings.timeZone) : null,
    doneToday,
    buried,
  };
}

/** When "bury until tomorrow" ends for this learner. */
export function buryUntil(settings: SrsSettings, now: Date): Date {
  return nextStudyDayStart(now, settings.timeZone, settings.dayStartHour);
}

// Reviews and learning cards due before the end of the learner's study day, per deck, in one grouped query (Home and
// /decks). Identifiers quoted, booleans and dates as parameters, a standard GROUP BY: the same text runs on PostgreSQL.
// Walks the Card(userId, suspended, due) index.
const DUE_BY_DECK_SQL = `SELECT i."documentId" AS "deckId", COUNT(*) AS "due"
  FROM "Card" c JOIN "Item" i ON i."id" = c."itemId"
  WHERE c."userId" = @userId AND c."suspended" = @suspended AND c."due" < @dayEnd AND c."state" <> @newState
    AND (c."buriedUntil" IS NULL OR c."buriedUntil" <= @now) AND i."retiredAt" IS NULL
  GROUP BY i."documentId"`;

/**
 * How many answered cards are due today in each deck (new items not counted): deck id → count, decks with none
 * left out. Items of an unfinished quiz are counted (the queue leaves them out until the quiz is done).
 * @example dueCountsByDeck(user.id, new Date()) // Map { "deck-a" => 12 }
 */
export function dueCountsByDeck(userId: string, now: Date): Map<string, number> {
  const rows = readSnapshot(() => {
    const settings = readSettings(userId);
    const dayEnd = nextStudyDayStart(now, settings.timeZone, settings.dayStartHour);
    return query<{ deckId: string; due: number }>(DUE_BY_DECK_SQL).all({
      userId,
      suspended: 0,
      newState: "new",
      dayEnd: sqlDate(dayEnd),
      now: sqlDate(now),
    });
  });
  return new Map(rows.map((row) => [row.deckId, Number(row.due)]));
}
