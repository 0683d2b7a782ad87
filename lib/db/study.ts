import type { GeneratedItem } from "@/lib/content/types";
import {
  buildQueue,
  LEARN_AHEAD_MINUTES,
  nextStudyDayStart,
  studyDayStart,
  type QueueEntry,
  type SrsSettings,
} from "@/lib/srs";
import type { NextStep, StudyCard } from "@/lib/study/types";
import { fromSqlCardState, type SqlCardStateRow } from "./cards";
import { readSettings } from "./settings";
import { fromSqlDate, query, readSnapshot, sqlDate } from "./sqlite";

export type StudyScope = { userId: string; deckId?: string };

/** A seeded shuffle (mulberry32 on a string hash): the same item shows its choices in the same order on reload. */
function seededShuffle<T>(values: readonly T[], seedText: string): T[] {
  let seed = 0;
  for (const char of seedText) seed = (Math.imul(seed, 31) + char.charCodeAt(0)) | 0;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...values];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

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
    suspended: number;
    buriedUntil: string | null;
    position: number;
  };
type NewItemRow = SiblingRow & { id: string; position: number };

// The queue is rebuilt after every answer, so its reads are prepared statements on the read connection (lib/db/sqlite)
// inside one read snapshot: five statements and a few hundred rows cost well under a millisecond, where the same reads
// through Prisma cost several (see docs/decisions/008-study-loop-performance.md).
// `@deckId IS NULL OR documentId = @deckId`: one statement serves "every deck" and "one deck".
// Only cards the queue can show before `@horizon` (the end of the study day, or the learn-ahead limit if later):
// cards due later never enter it, and reading them was most of the work for a learner with a long history. Unseen
// cards with a row (buried or suspended before their first answer) are created due at that moment, so they are
// included. Suspended cards never enter the queue. Uses the Card(userId, suspended, due) index.
const CARDS_SQL = `SELECT c.itemId, c.state, c.due, c.stability, c.difficulty, c.scheduledDays, c.learningSteps, c.reps,
    c.lapses, c.lastReview, c.suspended, c.buriedUntil, i.factKey, i.documentId, i.sourceStart, i.position
  FROM Card c JOIN Item i ON i.id = c.itemId
  WHERE c.userId = @userId AND c.suspended = 0 AND c.due < @horizon
    AND i.retiredAt IS NULL AND (@deckId IS NULL OR i.documentId = @deckId)`;
// The earliest card due after now (for "next card due at …"), walking the same index in due order.
const NEXT_DUE_SQL = `SELECT c.due FROM Card c JOIN Item i ON i.id = c.itemId
  WHERE c.userId = @userId AND c.suspended = 0 AND c.due > @now
    AND i.retiredAt IS NULL AND (@deckId IS NULL OR i.documentId = @deckId)
  ORDER BY c.due LIMIT 1`;
const NEW_ITEMS_SQL = `SELECT i.id, i.position, i.factKey, i.documentId, i.sourceStart FROM Item i
  WHERE i.retiredAt IS NULL AND (@deckId IS NULL OR i.documentId = @deckId)
    AND NOT EXISTS (SELECT 1 FROM Card c WHERE c.userId = @userId AND c.itemId = i.id)
  ORDER BY i.position, i.id`;
// Sibling keys are needed only for items introduced today: the join happens only for those rows.
const TODAY_SQL = `SELECT l.previousState, i.factKey, i.documentId, i.sourceStart
  FROM ReviewLog l LEFT JOIN Item i ON i.id = l.itemId AND l.previousState = 'new'
  WHERE l.userId = ? AND l.reviewedAt >= ?`;
// Items of study assignments in the learner's classes come first among new items.
const ASSIGNED_SQL = `SELECT DISTINCT s.itemId FROM ClassMember m
  JOIN Assignment a ON a.classId = m.classId AND a.mode = 'study'
  JOIN ItemSetItem s ON s.setId = a.setId
  WHERE m.userId = ?`;

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

/** The learner's queue for a deck (or every deck) at `now`: the entries in order, with how many of each kind. */
export async function studyQueue({ userId, deckId }: StudyScope, now: Date) {
  const { settings, cards, nextDue, newItems, done, assigned } = readSnapshot(() => {
    const settings = readSettings(userId);
    const dayEnd = nextStudyDayStart(now, settings.timeZone, settings.dayStartHour).getTime();
    const horizon = new Date(Math.max(dayEnd, now.getTime() + LEARN_AHEAD_MINUTES * 60_000 + 1));
    const scope = { userId, deckId: deckId ?? null };
    return {
      settings,
      cards: query<CardRow>(CARDS_SQL)
        .all({ ...scope, horizon: sqlDate(horizon) })
        .map((c) => ({ ...c, card: fromSqlCardState(c), buriedUntil: fromSqlDate(c.buriedUntil) })),
      nextDue: fromSqlDate(query<{ due: string }>(NEXT_DUE_SQL).get({ ...scope, now: sqlDate(now) })?.due ?? null),
      newItems: query<NewItemRow>(NEW_ITEMS_SQL).all({ userId, deckId: deckId ?? null }),
      done: today(userId, settings, now),
      assigned: new Set(
        query<{ itemId: string }>(ASSIGNED_SQL)
          .all(userId)
          .map((row) => row.itemId),
      ),
    };
  });
  // Items of the learner's study assignments come before other new items.
  const priority = (itemId: string) => (assigned.has(itemId) ? 1 : 0);
  // A never-answered item can still have a card row (the learner suspended or buried it): it is new again once
  // it is neither suspended nor buried.
  const unseen = cards.filter((c) => c.state === "new" && !c.suspended && !(c.buriedUntil && c.buriedUntil > now));
  const entries = buildQueue({
    now,
    settings,
    cards: cards
      .filter((c) => c.state !== "new")
      .map((c) => ({
        itemId: c.itemId,
        factKey: c.factKey,
        card: c.card,
        suspended: c.suspended === 1,
        buriedUntil: c.buriedUntil,
      })),
    newItems: [
      ...unseen.map((c) => ({
        itemId: c.itemId,
        siblingKeys: siblingKeys(c),
        position: c.position,
        priority: priority(c.itemId),
      })),
      ...newItems.map((i) => ({
        itemId: i.id,
        siblingKeys: siblingKeys(i),
        position: i.position,
        priority: priority(i.id),
      })),
    ],
    ...done,
  });
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
