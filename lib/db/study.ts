import type { GeneratedItem } from "@/lib/content/types";
import { buildQueue, nextStudyDayStart, studyDayStart, type QueueEntry, type SrsSettings } from "@/lib/srs";
import type { NextStep, StudyCard } from "@/lib/study/types";
import { assignedItemIds } from "./assignments";
import { cardStateSelect, toCardState } from "./cards";
import { db } from "./client";
import { loadSettings } from "./settings";

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

const siblingSelect = { factKey: true, documentId: true, sourceStart: true } as const;

/** What the learner did so far in the current study day, for the daily limits and sibling spreading. */
async function today(userId: string, settings: SrsSettings, now: Date) {
  const since = studyDayStart(now, settings.timeZone, settings.dayStartHour);
  const logs = await db.reviewLog.findMany({
    where: { userId, reviewedAt: { gte: since } },
    select: { previousState: true, item: { select: siblingSelect } },
  });
  const introduced = logs.filter((log) => log.previousState === "new");
  return {
    doneToday: { newCount: introduced.length, reviewCount: logs.length - introduced.length },
    introducedSiblingKeys: [...new Set(introduced.flatMap((log) => siblingKeys(log.item)))],
  };
}

/** The learner's queue for a deck (or every deck) at `now`: the entries in order, with how many of each kind. */
export async function studyQueue({ userId, deckId }: StudyScope, now: Date) {
  const settings = await loadSettings(userId);
  const itemScope = { retiredAt: null, ...(deckId ? { documentId: deckId } : {}) };
  const [cards, newItems, done, assigned] = await Promise.all([
    db.card.findMany({
      where: { userId, item: itemScope },
      select: {
        ...cardStateSelect,
        itemId: true,
        suspended: true,
        buriedUntil: true,
        item: { select: { ...siblingSelect, position: true } },
      },
    }),
    db.item.findMany({
      where: { ...itemScope, cards: { none: { userId } } },
      select: { id: true, position: true, ...siblingSelect },
      orderBy: [{ position: "asc" }, { id: "asc" }],
    }),
    today(userId, settings, now),
    assignedItemIds(userId),
  ]);
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
        factKey: c.item.factKey,
        card: toCardState(c),
        suspended: c.suspended,
        buriedUntil: c.buriedUntil,
      })),
    newItems: [
      ...unseen.map((c) => ({
        itemId: c.itemId,
        siblingKeys: siblingKeys(c.item),
        position: c.item.position,
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
  const upcoming = cards
    .filter((c) => !c.suspended && c.due > now)
    .reduce<Date | null>((min, c) => (min && min < c.due ? min : c.due), null);
  return { entries, counts, nextDue: upcoming, settings };
}

async function cardFor(userId: string, entry: Pick<QueueEntry, "itemId" | "reason">): Promise<StudyCard | null> {
  const item = await db.item.findFirst({
    where: { id: entry.itemId, retiredAt: null },
    select: {
      id: true,
      data: true,
      documentId: true,
      document: { select: { title: true } },
      cards: { where: { userId }, select: { version: true } },
    },
  });
  if (!item) return null;
  return toStudyCard(item, item.cards[0]?.version ?? 0, entry.reason);
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
  const card = front ? await cardFor(scope.userId, front as QueueEntry) : null;
  return { card, counts, nextDue: nextDue?.toISOString() ?? null };
}

/** When "bury until tomorrow" ends for this learner. */
export function buryUntil(settings: SrsSettings, now: Date): Date {
  return nextStudyDayStart(now, settings.timeZone, settings.dayStartHour);
}
