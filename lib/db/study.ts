import type { GeneratedItem } from "@/lib/content/types";
import { createRng, seedFromText, shuffle } from "@/lib/prng";
import {
  buildQueue,
  LEARN_AHEAD_MINUTES,
  nextStudyDayStart,
  pickNewItems,
  studyDayStart,
  type QueueEntry,
  type QueueNewItem,
  type SrsSettings,
} from "@/lib/srs";
import type { NextStep, StudyCard } from "@/lib/study/types";
import { fromSqlCardState, type SqlCardStateRow } from "./cards";
import { openQuizItems } from "./open-quizzes";
import { readSettings } from "./settings";
import { fromSqlDate, query, readSnapshot, sqlDate } from "./sqlite";

export type StudyScope = { userId: string; deckId?: string };

/** A seeded shuffle: the same item shows its choices in the same order on reload. */
const seededShuffle = <T>(values: readonly T[], seedText: string) => shuffle(values, createRng(seedFromText(seedText)));

/** What the browser may see of an item: everything needed to answer it, never the answer. */
export function toStudyCard(
  item: { id: string; data: string; documentId: string; document: { title: string } },
  version: number,
  reason: StudyCard["reason"],
): StudyCard {
  const data = JSON.parse(item.data) as GeneratedItem;
  let shuffled: string[] | null = null;
  if (data.kind === "ordering" && data.sequence) {
    shuffled = seededShuffle(data.sequence, item.id);
    // A shuffle that happens to be the answer would give it away.
    if (shuffled.every((entry, i) => entry === data.sequence![i])) shuffled.reverse();
  }
  return {
    itemId: item.id,
    version,
    kind: data.kind,
    prompt: data.prompt,
    options: data.kind === "multiple_choice" || data.kind === "true_false" ? data.options : null,
    matchLeft: data.kind === "matching" && data.pairs ? data.pairs.map((p) => p.left) : null,
    matchRight:
      data.kind === "matching" && data.pairs
        ? seededShuffle(
            data.pairs.map((p) => p.right),
            item.id,
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
function siblingKeys(item: { factKey: string; documentId: string; sourceStart: number }): string[] {
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
// Suspended cards never enter the queue. Uses the Card(userId, suspended, due) index.
const CARDS_SQL = `SELECT c.itemId, c.state, c.due, c.stability, c.difficulty, c.scheduledDays, c.learningSteps, c.reps,
    c.lapses, c.lastReview, c.buriedUntil, i.factKey, i.documentId, i.sourceStart
  FROM Card c JOIN Item i ON i.id = c.itemId
  WHERE c.userId = @userId AND c.suspended = 0 AND c.due < @horizon AND c.state <> 'new'
    AND i.retiredAt IS NULL AND (@deckId IS NULL OR i.documentId = @deckId)`;
// The earliest card due after now (for "next card due at …"), walking the same index in due order.
const NEXT_DUE_SQL = `SELECT c.due FROM Card c JOIN Item i ON i.id = c.itemId
  WHERE c.userId = @userId AND c.suspended = 0 AND c.due > @now
    AND i.retiredAt IS NULL AND (@deckId IS NULL OR i.documentId = @deckId)
  ORDER BY c.due LIMIT 1`;
// Items of study assignments in the learner's classes come first among new items.
const ASSIGNED_SQL = `SELECT s.itemId FROM ClassMember m
  JOIN Assignment a ON a.classId = m.classId AND a.mode = 'study'
  JOIN ItemSetItem s ON s.setId = a.setId
  WHERE m.userId = @userId`;
// Unseen items in introduction order (lib/srs byIntroductionOrder), first those of the learner's study assignments,
// then the others: no card yet, or a card never answered (suspended or buried before its first answer) that is
// neither any more. Read through a cursor that stops once the day's new items are picked; the others walk the
// Item(position, id) index, so a learner with 20 new items a day reads about 20 rows, not the whole deck.
const unseenItemsSql = (assigned: "IN" | "NOT IN") => `SELECT i.id, i.position, i.factKey, i.documentId, i.sourceStart
  FROM Item i LEFT JOIN Card c ON c.userId = @userId AND c.itemId = i.id
  WHERE i.retiredAt IS NULL AND (@deckId IS NULL OR i.documentId = @deckId) AND i.id ${assigned} (${ASSIGNED_SQL})
    AND (c.id IS NULL OR (c.state = 'new' AND c.suspended = 0 AND (c.buriedUntil IS NULL OR c.buriedUntil <= @now)))
  ORDER BY i.position, i.id`;
const UNSEEN_SQL = { assigned: unseenItemsSql("IN"), others: unseenItemsSql("NOT IN") };
// Sibling keys are needed only for items introduced today: the join happens only for those rows.
const TODAY_SQL = `SELECT l.previousState, i.factKey, i.documentId, i.sourceStart
  FROM ReviewLog l LEFT JOIN Item i ON i.id = l.itemId AND l.previousState = 'new'
  WHERE l.userId = ? AND l.reviewedAt >= ?`;

/** What the learner did so far in the current study day, for the daily limits and sibling spreading. */
function today(userId: string, settings: SrsSettings, now: Date) {
  const since = studyDayStart(now, settings.timeZone, settings.dayStartHour);
  const logs = query<SiblingRow & { previousState: string }>(TODAY_SQL).all(userId, sqlDate(since));
  // A log whose item was deleted since has no sibling keys to spread (Prisma's inner join dropped it entirely).
  const introduced = logs.filter((log) => log.previousState === "new" && log.factKey !== null);
  return {
    doneToday: { newCount: introduced.length, reviewCount: logs.length - introduced.length },
    introducedSiblingKeys: [...new Set(introduced.flatMap((log) => siblingKeys(log)))],
  };
}

/** Unseen items in introduction order, read lazily: the assigned ones first (lib/srs byIntroductionOrder). */
function* unseenItems(
  scope: { userId: string; deckId: string | null },
  now: Date,
  inQuiz: Map<string, string>,
): Generator<QueueNewItem> {
  for (const [priority, sql] of [
    [1, UNSEEN_SQL.assigned],
    [0, UNSEEN_SQL.others],
  ] as const) {
    for (const row of query<NewItemRow>(sql).iterate({ ...scope, now: sqlDate(now) })) {
      if (inQuiz.has(row.id)) continue;
      yield { itemId: row.id, siblingKeys: siblingKeys(row), position: row.position, priority };
    }
  }
}

/**
 * The learner's queue for a deck (or every deck) at `now`: the entries in order, with how many of each kind. Items of
 * the learner's open quiz attempts are left out until the quiz is finished (their answers must stay hidden).
 */
export async function studyQueue({ userId, deckId }: StudyScope, now: Date) {
  const { settings, cards, nextDue, newItems, done } = readSnapshot(() => {
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
      // Only as many unseen items as today's new-item limit can still take.
      newItems: pickNewItems(
        unseenItems(scope, now, inQuiz),
        settings.newPerDay - done.doneToday.newCount,
        done.introducedSiblingKeys,
      ),
    };
  });
  const entries = buildQueue({ now, settings, cards, newItems, ...done });
  const counts = { learning: 0, review: 0, new: 0 };
  for (const entry of entries) counts[entry.reason] += 1;
  return { entries, counts, nextDue, settings };
}

const CARD_FOR_SQL = `SELECT i.id, i.data, i.documentId, d.title, c.version
  FROM Item i JOIN Document d ON d.id = i.documentId LEFT JOIN Card c ON c.itemId = i.id AND c.userId = ?
  WHERE i.id = ? AND i.retiredAt IS NULL`;

function cardFor(userId: string, entry: Pick<QueueEntry, "itemId" | "reason">): StudyCard | null {
  const item = query<{ id: string; data: string; documentId: string; title: string; version: number | null }>(
    CARD_FOR_SQL,
  ).get(userId, entry.itemId);
  if (!item) return null;
  return toStudyCard({ ...item, document: { title: item.title } }, item.version ?? 0, entry.reason);
}

/**
 * The next card to show and what is left. `first` puts one item in front (the card an undo brought back).
 * @example const { card, counts } = await nextStep({ userId }, new Date())
 */
export async function nextStep(scope: StudyScope, now: Date, first?: string): Promise<NextStep> {
  const { entries, counts, nextDue } = await studyQueue(scope, now);
  // An undone card that a quiz has asked since stays out of the study loop like the queue's own.
  if (first && openQuizItems(scope.userId).has(first)) first = undefined;
  const front = first
    ? { itemId: first, reason: entries.find((e) => e.itemId === first)?.reason ?? "review" }
    : entries[0];
  const card = front ? cardFor(scope.userId, front as QueueEntry) : null;
  return { card, counts, nextDue: nextDue?.toISOString() ?? null };
}

/** When "bury until tomorrow" ends for this learner. */
export function buryUntil(settings: SrsSettings, now: Date): Date {
  return nextStudyDayStart(now, settings.timeZone, settings.dayStartHour);
}
