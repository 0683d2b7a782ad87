import { sql, type Compilable, type Kysely } from "kysely";
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
import { studiableDeckCondition } from "./deck-access";
import { toDate } from "./dialect";
import { loadOpenQuizItems } from "./open-quizzes";
import { compiledOnce, readSnapshot, type Reader } from "./query";
import type { DB } from "./tables";
import { readSettings } from "./settings";

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
type Scope = { userId: string; deckId: string | null };

// The queue is rebuilt after every answer, so each of its reads takes only the rows that can change what the learner
// sees next (docs/decisions/008-study-loop-performance.md), all in one lib/db/query.ts readSnapshot.

/** Items of study assignments in the learner's classes (they come first among new items), or only one deck's. */
const assignedItemIds = (r: Reader, userId: string, deckId: string | null = null) =>
  r
    .selectFrom("ClassMember as m")
    .innerJoin("Assignment as a", (join) => join.onRef("a.classId", "=", "m.classId").on("a.mode", "=", "study"))
    .innerJoin("ItemSetItem as s", "s.setId", "a.setId")
    .$if(deckId !== null, (query) =>
      query.innerJoin("Item as di", "di.id", "s.itemId").where("di.documentId", "=", deckId!),
    )
    .select("s.itemId")
    .where("m.userId", "=", userId);

/**
 * Which items a queue takes (issue 14): one deck the learner may see, or for "Study now" the decks they chose to study
 * (StudyDeck) and the items their classes assign; in both cases only decks they may study (lib/db/deck-access): a
 * draft, an archived deck or another class's deck never enters anyone else's queue. On the Item `i` and its Document `d`.
 */
function inScope(r: Reader, scope: Scope) {
  return sql<boolean>`${inDecks(r, scope)} AND ${studiableDeckCondition(scope.userId)}`;
}

/** inScope's choice of decks alone, on the Item `i`. */
function inDecks(r: Reader, { userId, deckId }: Scope) {
  return deckId !== null
    ? sql<boolean>`i."documentId" = ${deckId}`
    : sql<boolean>`(EXISTS (SELECT 1 FROM "StudyDeck" sd WHERE sd."userId" = ${userId} AND sd."documentId" = i."documentId")
          OR i."id" IN (${assignedItemIds(r, userId)}))`;
}

/**
 * The learner's live cards in scope, on Card `c`, Item `i`, Document `d`. Suspended cards never enter the queue, nor
 * items their deck's owner suspended for everyone (Item.suspendedAt). Walks the Card(userId, suspended, due) index.
 */
const scopedCards = (r: Reader, scope: Scope) =>
  r
    .selectFrom("Card as c")
    .innerJoin("Item as i", "i.id", "c.itemId")
    .innerJoin("Document as d", "d.id", "i.documentId")
    .where("c.userId", "=", scope.userId)
    .where("c.suspended", "=", false)
    .where("i.retiredAt", "is", null)
    .where("i.suspendedAt", "is", null)
    .where(inScope(r, scope));

type DueCardRow = SqlCardStateRow & {
  itemId: string;
  buriedUntil: Date | string | null;
  factKey: string;
  documentId: string;
  sourceStart: number;
};

/**
 * One compiledOnce (lib/db/query.ts) per shape of scope, one deck or "Study now"'s decks (their SQL differs): the
 * queue's reads run after every answer, and building them cost more than running them on SQLite.
 */
function perScope<Params extends Record<string, unknown>, Row>(
  build: (
    q: Kysely<DB>,
    param: <K extends keyof Params & string>(name: K) => Params[K],
    scope: Scope,
  ) => Compilable<Row>,
) {
  type Bound = Params & { userId: string; deckId: string };
  const shape = (oneDeck: boolean) =>
    compiledOnce<Bound, Row>((q, param) =>
      build(q, param as never, { userId: param("userId"), deckId: oneDeck ? param("deckId") : null }),
    );
  const oneDeck = shape(true);
  const allDecks = shape(false);
  return (r: Reader, scope: Scope, params: Params) => {
    const bound = { ...params, userId: scope.userId, deckId: scope.deckId ?? "" } as Bound;
    return scope.deckId === null ? allDecks(bound, r) : oneDeck(bound, r);
  };
}

/**
 * Answered cards the queue can show before `horizon` (the end of the study day, or the learn-ahead limit if later):
 * cards due later never enter it, and reading them was most of the work for a learner with a long history.
 */
const dueCards = perScope<{ horizon: Date }, DueCardRow>((q, param, scope) =>
  scopedCards(q, scope)
    .select([
      "c.itemId",
      "c.state",
      "c.due",
      "c.stability",
      "c.difficulty",
      "c.scheduledDays",
      "c.learningSteps",
      "c.reps",
      "c.lapses",
      "c.lastReview",
      "c.buriedUntil",
      "i.factKey",
      "i.documentId",
      "i.sourceStart",
    ])
    .where("c.due", "<", param("horizon"))
    .where("c.state", "<>", "new"),
);

/** The earliest card due after now (for "next card due at …"), walking the same index in due order. */
const nextDueCard = perScope<{ now: Date }, { due: Date | string }>((q, param, scope) =>
  scopedCards(q, scope).select("c.due").where("c.due", ">", param("now")).orderBy("c.due").limit(1),
);

type UnseenRow = { id: string; position: number; factKey: string; documentId: string; sourceStart: number };

/**
 * Unseen items in introduction order (lib/srs byIntroductionOrder), those of the learner's study assignments or the
 * others: no card yet, or a card never answered (suspended or buried before its first answer) that is neither any
 * more. The others are read a page at a time, walking the Item(position, id) index (one deck's queue:
 * Item(documentId, position, id)), until the day's new items are picked: a learner with 20 new items a day reads a few
 * dozen rows, not the whole deck.
 *
 * Item is the only table joined, the rest are EXISTS tests, so that both planners walk that index in order and stop
 * after the page (docs/decisions/031). Joined, PostgreSQL estimated that a handful of rows pass a LEFT JOIN Card's
 * `c.id IS NULL OR …` and sorted the whole deck instead (NOT EXISTS is an anti-join it estimates from Card's
 * statistics); SQLite with statistics (ANALYZE) put the Document join first and sorted as well.
 */
const unseenItems = (r: Reader, scope: Scope, now: Date, assigned: boolean) =>
  r
    .selectFrom("Item as i")
    .select(["i.id", "i.position", "i.factKey", "i.documentId", "i.sourceStart"])
    .where("i.retiredAt", "is", null)
    .where("i.suspendedAt", "is", null)
    // The assigned items are found by their ids, the few the learner's sets hold (one deck's among them): given
    // `i.documentId = ?`, SQLite without statistics walked the whole deck instead, testing each item against the sets.
    .$if(!assigned, (query) => query.where(inDecks(r, scope)))
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom("Document as d")
          .select(sql`1`.as("one"))
          .whereRef("d.id", "=", "i.documentId")
          .where(studiableDeckCondition(scope.userId)),
      ),
    )
    .where("i.id", assigned ? "in" : "not in", assignedItemIds(r, scope.userId, assigned ? scope.deckId : null))
    // A card that keeps the item from being new today: answered, suspended, or buried until later.
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("Card as c")
            .select(sql`1`.as("one"))
            .where("c.userId", "=", scope.userId)
            .whereRef("c.itemId", "=", "i.id")
            .where((card) =>
              card.or([card("c.state", "<>", "new"), card("c.suspended", "=", true), card("c.buriedUntil", ">", now)]),
            ),
        ),
      ),
    )
    .orderBy("i.position")
    .orderBy("i.id");
const unseenAssigned = perScope<{ now: Date }, UnseenRow>((q, param, scope) =>
  unseenItems(q, scope, param("now"), true),
);
// The page size as an expression, not a bare parameter: SQLite plans with a bound LIMIT's value and so would prepare
// this statement anew on every run (lib/db/query.ts literalLimits).
const unseenOthersPage = perScope<{ now: Date; limit: number; offset: number }, UnseenRow>((q, param, scope) =>
  unseenItems(q, scope, param("now"), false)
    .limit(sql<number>`CAST(${param("limit")} AS INTEGER)`)
    .offset(param("offset")),
);

/** The earliest upcoming due date of each assigned item (for pacing siblings within the time left). */
const assignedDueDates = compiledOnce<{ userId: string; now: Date }, { itemId: string; dueAt: Date | string }>(
  (q, param) =>
    q
      .selectFrom("ClassMember as m")
      .innerJoin("Assignment as a", (join) => join.onRef("a.classId", "=", "m.classId").on("a.mode", "=", "study"))
      .innerJoin("ItemSetItem as s", "s.setId", "a.setId")
      .select((eb) => ["s.itemId", eb.fn.min("a.dueAt").as("dueAt")])
      .where("m.userId", "=", param("userId"))
      .where("a.dueAt", ">", param("now"))
      .groupBy("s.itemId"),
);

/** Cards buried until later in the scope ("Unbury" on the study screen when nothing is left). */
const buriedCards = perScope<{ now: Date }, { n: number }>((q, param, { userId, deckId }) => {
  const counted = q
    .selectFrom("Card as c")
    .innerJoin("Item as i", "i.id", "c.itemId")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("c.userId", "=", userId)
    .where("c.buriedUntil", ">", param("now"))
    .where("c.suspended", "=", false)
    .where("i.retiredAt", "is", null);
  return deckId !== null ? counted.where("i.documentId", "=", deckId) : counted;
});
async function buriedCount(r: Reader, scope: Scope, now: Date): Promise<number> {
  return Number((await buriedCards(r, scope, { now }))[0]?.n ?? 0);
}

type TodayLog = {
  itemId: string;
  reviewedAt: Date | string;
  previousState: string;
  factKey: string | null;
  documentId: string | null;
  sourceStart: number | null;
};
// Sibling keys are needed only for items introduced today: the join happens only for those rows.
const logsSince = compiledOnce<{ userId: string; since: Date }, TodayLog>((q, param) =>
  q
    .selectFrom("ReviewLog as l")
    .leftJoin("Item as i", (join) => join.onRef("i.id", "=", "l.itemId").on("l.previousState", "=", "new"))
    .select(["l.itemId", "l.reviewedAt", "l.previousState", "i.factKey", "i.documentId", "i.sourceStart"])
    .where("l.userId", "=", param("userId"))
    .where("l.reviewedAt", ">=", param("since")),
);

/** What the learner did so far in the current study day, for the daily limits and sibling spreading. */
async function today(r: Reader, userId: string, settings: SrsSettings, now: Date) {
  const since = studyDayStart(now, settings.timeZone, settings.dayStartHour);
  const logs = await logsSince({ userId, since }, r);
  // The item answered last today: the queue won't show it again next if it can help it. Compared as read back,
  // without parsing (a day's logs can be thousands of rows): Dates on PostgreSQL, and on SQLite ISO text of one
  // fixed format (lib/db/dialect.ts), which sorts in time order as SQL compares it.
  let last: TodayLog | undefined;
  for (const log of logs) if (!last || log.reviewedAt > last.reviewedAt) last = log;
  // A log whose item was deleted since has no sibling keys to spread (Prisma's inner join dropped it entirely).
  const introduced = logs.filter(
    (log): log is typeof log & SiblingRow => log.previousState === "new" && log.factKey !== null,
  );
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
async function pickTodaysNewItems(
  r: Reader,
  scope: Scope,
  settings: SrsSettings,
  now: Date,
  inQuiz: Map<string, string>,
  done: Awaited<ReturnType<typeof today>>,
): Promise<QueueNewItem[]> {
  const limit = settings.newPerDay - done.doneToday.newCount;
  if (limit <= 0) return [];
  // Every unseen assigned item is read (a set is at most a few thousand items): pacing needs each group's size.
  const [dueDates, unseen] = await Promise.all([
    assignedDueDates({ userId: scope.userId, now }, r),
    unseenAssigned(r, scope, { now }),
  ]);
  const dueOf = new Map(dueDates.map((row) => [row.itemId, toDate(row.dueAt)]));
  const assigned: AssignedNewItem[] = [];
  for (const row of unseen) {
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
  const othersLimit = limit - pickedAssigned.length;
  let others: QueueNewItem[] = [];
  if (othersLimit > 0) {
    // Siblings and quiz items are skipped, so a page holds more than the limit: twice to begin with (each row read
    // costs time on the answer path, and usually most are picked). A short pick with a full page reads on, in larger
    // pages (pickNewItems is greedy in order, so picking again from the longer list extends the same picks).
    const candidates: QueueNewItem[] = [];
    for (let offset = 0, size = 2 * othersLimit; ; offset += size, size *= 4) {
      const page = await unseenOthersPage(r, scope, { now, limit: size, offset });
      for (const row of page) {
        if (inQuiz.has(row.id)) continue;
        candidates.push({ itemId: row.id, siblingKeys: siblingKeys(row), position: row.position, priority: 0 });
      }
      others = pickNewItems(candidates, othersLimit, used);
      if (others.length >= othersLimit || page.length < size) break;
    }
  }
  return [
    // Already paced: buildQueue would space them one a day again (it does so for every new item), so they reach it
    // without sibling keys; the others were picked apart from them above.
    ...pickedAssigned.map(({ itemId, position, priority }) => ({ itemId, position, priority, siblingKeys: [] })),
    ...others,
  ];
}

/**
 * The learner's queue for a deck (or every deck) at `now`: the entries in order, with how many of each kind. Items of
 * the learner's open quiz attempts are left out until the quiz is finished (their answers must stay hidden).
 */
export async function studyQueue({ userId, deckId }: StudyScope, now: Date) {
  const scope = { userId, deckId: deckId ?? null };
  const { settings, cards, nextDue, newItems, done, buried, inQuiz } = await readSnapshot(async (r) => {
    // One deck: its preset's daily limits; every deck: the default preset's.
    const [settings, inQuiz] = await Promise.all([readSettings(userId, scope.deckId, r), loadOpenQuizItems(userId, r)]);
    const dayEnd = nextStudyDayStart(now, settings.timeZone, settings.dayStartHour).getTime();
    const horizon = new Date(Math.max(dayEnd, now.getTime() + LEARN_AHEAD_MINUTES * 60_000 + 1));
    const done = await today(r, userId, settings, now);
    const [cards, nextDue, buried, newItems] = await Promise.all([
      dueCards(r, scope, { horizon }),
      nextDueCard(r, scope, { now }).then((rows) => rows[0]),
      buriedCount(r, scope, now),
      // Only as many unseen items as today's new-item limit can still take.
      pickTodaysNewItems(r, scope, settings, now, inQuiz, done),
    ]);
    return { settings, done, nextDue, buried, newItems, cards, inQuiz };
  });
  const entries = buildQueue({
    now,
    settings,
    cards: cards
      .filter((c) => !inQuiz.has(c.itemId))
      .map((c) => ({
        itemId: c.itemId,
        factKey: c.factKey,
        card: fromSqlCardState(c),
        suspended: false,
        buriedUntil: toDate(c.buriedUntil),
      })),
    newItems,
    doneToday: done.doneToday,
    introducedSiblingKeys: done.introducedSiblingKeys,
    lastItemId: done.lastItemId,
  });
  const counts = { learning: 0, review: 0, new: 0 };
  for (const entry of entries) counts[entry.reason] += 1;
  const doneToday = done.doneToday.newCount + done.doneToday.reviewCount;
  return { entries, counts, nextDue: nextDue ? toDate(nextDue.due) : null, settings, doneToday, buried, inQuiz };
}

/** The card to show for a queue entry; the deck condition again, as `first` (an undone card) comes from the client. */
async function cardFor(userId: string, entry: Pick<QueueEntry, "itemId" | "reason">): Promise<StudyCard | null> {
  const [item] = await itemToShow({ userId, itemId: entry.itemId });
  if (!item) return null;
  // One showing = this learner, this card version (every answer and undo bumps it): a reload shows the same order.
  const version = item.version ?? 0;
  return toStudyCard({ ...item, document: { title: item.title } }, version, entry.reason, `${userId}:${version}`);
}

const itemToShow = compiledOnce<
  { userId: string; itemId: string },
  { id: string; data: string; documentId: string; title: string; version: number | null }
>((q, param) =>
  q
    .selectFrom("Item as i")
    .innerJoin("Document as d", "d.id", "i.documentId")
    .leftJoin("Card as c", (join) => join.onRef("c.itemId", "=", "i.id").on("c.userId", "=", param("userId")))
    .select(["i.id", "i.data", "i.documentId", "d.title", "c.version"])
    .where("i.id", "=", param("itemId"))
    .where("i.retiredAt", "is", null)
    .where("i.suspendedAt", "is", null)
    .where(studiableDeckCondition(param("userId"))),
);

/**
 * The next card to show and what is left. `first` puts one item in front (the card an undo brought back).
 * @example const { card, counts } = await nextStep({ userId }, new Date())
 */
export async function nextStep(scope: StudyScope, now: Date, first?: string): Promise<NextStep> {
  const { entries, counts, nextDue, settings, doneToday, buried, inQuiz } = await studyQueue(scope, now);
  // An undone card that a quiz has asked since stays out of the study loop like the queue's own.
  if (first && inQuiz.has(first)) first = undefined;
  const front = first
    ? { itemId: first, reason: entries.find((e) => e.itemId === first)?.reason ?? "review" }
    : entries[0];
  const card = front ? await cardFor(scope.userId, front as QueueEntry) : null;
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

/**
 * How many answered cards are due today in each deck (new items not counted): deck id → count, decks with none
 * left out. Reviews and learning cards due before the end of the learner's study day, per deck, in one grouped
 * query (Home and /decks) walking the Card(userId, suspended, due) index. Items of an unfinished quiz are counted (the
 * queue leaves them out until the quiz is done).
 * @example await dueCountsByDeck(user.id, new Date()) // Map { "deck-a" => 12 }
 */
export async function dueCountsByDeck(userId: string, now: Date): Promise<Map<string, number>> {
  const rows = await readSnapshot(async (r) => {
    const settings = await readSettings(userId, null, r);
    const dayEnd = nextStudyDayStart(now, settings.timeZone, settings.dayStartHour);
    return r
      .selectFrom("Card as c")
      .innerJoin("Item as i", "i.id", "c.itemId")
      .select((eb) => ["i.documentId", eb.fn.countAll<number>().as("due")])
      .where("c.userId", "=", userId)
      .where("c.suspended", "=", false)
      .where("c.due", "<", dayEnd)
      .where("c.state", "<>", "new")
      .where((eb) => eb.or([eb("c.buriedUntil", "is", null), eb("c.buriedUntil", "<=", now)]))
      .where("i.retiredAt", "is", null)
      .groupBy("i.documentId")
      .execute();
  });
  return new Map(rows.map((row) => [row.documentId, Number(row.due)]));
}
