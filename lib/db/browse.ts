import { Prisma } from "@/generated/prisma/client";
import { can } from "@/lib/auth/can";
import { BROWSE_PAGE_SIZE, DIFFICULTY_BANDS, type BrowseParams } from "@/lib/validations/items";
import { db } from "./client";
import { studiableDeckRaw } from "./deck-access";
import { openQuizItems } from "./open-quizzes";
import type { UserSummary } from "./users";

type Num = number | bigint;
type Row = {
  id: string;
  documentId: string;
  deckTitle: string;
  ownerId: string | null;
  kind: string;
  topic: string;
  prompt: string;
  answer: string;
  difficulty: number;
  itemSuspended: string | Date | null;
  edited: string | Date | null;
  state: string | null;
  lapses: Num | null;
  due: string | Date | null;
  cardSuspended: Num | boolean | null;
};

export type BrowseRow = {
  id: string;
  deckId: string;
  deckTitle: string;
  kind: string;
  topic: string;
  prompt: string;
  /** Null while an unfinished quiz of the viewer asks the item (its answer stays hidden, docs/decisions/011). */
  answer: string | null;
  difficulty: number;
  /** The viewer's card: "new" without one. */
  state: string;
  lapses: number;
  due: Date | null;
  suspended: "everyone" | "you" | null;
  edited: boolean;
  openFlags: number;
  canEdit: boolean;
};

/** LIKE pattern for "contains `text`", lower-cased, with LIKE's own wildcards escaped. */
const containsPattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const SORTS: Record<BrowseParams["sort"], Prisma.Sql> = {
  position: Prisma.sql`d.title, i."documentId", i.position`,
  prompt: Prisma.sql`LOWER(i.prompt)`,
  difficulty: Prisma.sql`i.difficulty`,
  lapses: Prisma.sql`COALESCE(c.lapses, 0)`,
  // Items without a card (never answered) last either way.
  due: Prisma.sql`CASE WHEN c.due IS NULL THEN 1 ELSE 0 END, c.due`,
};

// The FROM … WHERE of a browser query: the viewer's visible live items matching the filters, with their own card.
function browseFrom(viewer: UserSummary, scope: { deckId?: string }, params: BrowseParams, hidden: string[]) {
  const admin = can(viewer, "edit-any-deck");
  const conditions: Prisma.Sql[] = [Prisma.sql`i."retiredAt" IS NULL`];
  // Only decks the viewer may see (lib/db/deck-access): their own in any state, others' as published to them.
  conditions.push(Prisma.sql`(d."ownerId" = ${viewer.id} OR ${studiableDeckRaw(viewer.id)})`);
  if (scope.deckId) conditions.push(Prisma.sql`i."documentId" = ${scope.deckId}`);
  if (params.q) {
    const like = containsPattern(params.q);
    const revealing = Prisma.sql`(LOWER(i.answer) LIKE ${like} ESCAPE '\\' OR LOWER(i."sourceText") LIKE ${like} ESCAPE '\\')`;
    conditions.push(
      hidden.length > 0
        ? Prisma.sql`(LOWER(i.prompt) LIKE ${like} ESCAPE '\\' OR (i.id NOT IN (${Prisma.join(hidden)}) AND ${revealing}))`
        : Prisma.sql`(LOWER(i.prompt) LIKE ${like} ESCAPE '\\' OR ${revealing})`,
    );
  }
  if (params.kind) conditions.push(Prisma.sql`i.kind = ${params.kind}`);
  if (params.topic) conditions.push(Prisma.sql`i.topic = ${params.topic}`);
  if (params.difficulty) {
    const [lo, hi] = DIFFICULTY_BANDS[params.difficulty];
    conditions.push(Prisma.sql`i.difficulty >= ${lo} AND i.difficulty < ${hi}`);
  }
  if (params.lapses) conditions.push(Prisma.sql`COALESCE(c.lapses, 0) >= ${params.lapses}`);
  switch (params.state) {
    case "new":
      conditions.push(Prisma.sql`(c.id IS NULL OR c.state = 'new')`);
      break;
    case "learning":
      conditions.push(Prisma.sql`c.state IN ('learning', 'relearning')`);
      break;
    case "review":
      conditions.push(Prisma.sql`c.state = 'review'`);
      break;
    case "suspended":
      conditions.push(Prisma.sql`(c.suspended = ${true} OR i."suspendedAt" IS NOT NULL)`);
      break;
    case "flagged":
      conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "ItemFlag" f WHERE f."itemId" = i.id AND f."resolvedAt" IS NULL
        ${admin ? Prisma.empty : Prisma.sql`AND (f."userId" = ${viewer.id} OR d."ownerId" = ${viewer.id})`})`);
      break;
  }
  return Prisma.sql`FROM "Item" i JOIN "Document" d ON d.id = i."documentId"
    LEFT JOIN "Card" c ON c."userId" = ${viewer.id} AND c."itemId" = i.id
    WHERE ${Prisma.join(conditions, " AND ")}`;
}

const orderBy = (params: BrowseParams) => {
  const direction = params.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  return Prisma.sql`ORDER BY ${SORTS[params.sort]} ${direction}, i.id ${direction}`;
};

/**
 * One page of the item browser: live items of a deck (or of every deck the viewer can see) matching the filters,
 * with the viewer's own card state. One SQL query gives the page and the total; the text search is a
 * LIKE over prompt, answer and source sentence (a scan: 10,000 items take a few ms, bench/browse.ts), except that
 * items of the viewer's unfinished quizzes match on their prompt only, so a search cannot reveal their answers.
 * State filters read the viewer's cards: new (no card yet or never answered), learning (or relearning), review,
 * suspended (by the viewer or for everyone), flagged (an open flag by the viewer, or by anyone on a deck the viewer
 * may change). The SQL is standard (LOWER … LIKE … ESCAPE, CASE, COALESCE): it runs on PostgreSQL too.
 * @example const { rows, total } = await browseItems(user, { deckId }, parseBrowseParams({ q: "2018" }))
 */
export async function browseItems(viewer: UserSummary, scope: { deckId?: string }, params: BrowseParams) {
  const admin = can(viewer, "edit-any-deck");
  const hidden = [...openQuizItems(viewer.id).keys()];
  const from = browseFrom(viewer, scope, params, hidden);
  const offset = (params.page - 1) * BROWSE_PAGE_SIZE;

  // With a text search, the total comes with the page (a window over the same scan) instead of a COUNT that would
  // search every item again (the LIKEs are most of the cost). Without one, a plain COUNT is cheaper than a window,
  // which makes the sort carry every matching row (bench/browse.ts measured both). A page past the end counts apart.
  const windowed = params.q !== undefined;
  const rows = await db.$queryRaw<(Row & { total: Num | null })[]>`
    SELECT i.id, i."documentId", d.title AS "deckTitle", d."ownerId", i.kind, i.topic, i.prompt, i.answer,
           i.difficulty, i."suspendedAt" AS "itemSuspended", i."editedAt" AS edited, c.state, c.lapses, c.due,
           c.suspended AS "cardSuspended", ${windowed ? Prisma.sql`COUNT(*) OVER ()` : Prisma.sql`NULL`} AS total
    ${from}
    ${orderBy(params)}
    LIMIT ${BROWSE_PAGE_SIZE} OFFSET ${offset}`;
  let total = windowed && rows.length > 0 ? Number(rows[0]!.total) : 0;
  if (!windowed || (rows.length === 0 && offset > 0)) {
    const [count] = await db.$queryRaw<{ n: Num }[]>`SELECT COUNT(*) AS n ${from}`;
    total = Number(count?.n ?? 0);
  }

  const flagCounts = new Map<string, number>();
  if (rows.length > 0) {
    const counted = await db.itemFlag.groupBy({
      by: ["itemId"],
      where: { itemId: { in: rows.map((r) => r.id) }, resolvedAt: null },
      _count: { _all: true },
    });
    for (const c of counted) flagCounts.set(c.itemId, c._count._all);
  }
  const inQuiz = new Set(hidden);
  return {
    total,
    page: params.page,
    pages: Math.max(1, Math.ceil(total / BROWSE_PAGE_SIZE)),
    rows: rows.map((r): BrowseRow => ({
      id: r.id,
      deckId: r.documentId,
      deckTitle: r.deckTitle,
      kind: r.kind,
      topic: r.topic,
      prompt: r.prompt,
      answer: inQuiz.has(r.id) ? null : r.answer,
      difficulty: r.difficulty,
      state: r.state ?? "new",
      lapses: Number(r.lapses ?? 0),
      due: r.due ? new Date(r.due) : null,
      suspended: r.itemSuspended ? "everyone" : r.cardSuspended ? "you" : null,
      edited: !!r.edited,
      canEdit: admin || (r.ownerId !== null && r.ownerId === viewer.id),
      // Flags are the owner's business: a learner sees only that they flagged it themselves (not counted here).
      openFlags: admin || r.ownerId === viewer.id ? (flagCounts.get(r.id) ?? 0) : 0,
    })),
  };
}

/**
 * Every item the browser's filters select (all pages, in the browser's order), for "Export these": the same
 * visibility rules and filters as browseItems. At most `limit` + 1 ids, so the caller can tell "more than the limit".
 * @example const ids = await browseItemIds(user, { deckId }, parseBrowseParams({ topic: "dates" }), 10_000)
 */
export async function browseItemIds(
  viewer: UserSummary,
  scope: { deckId?: string },
  params: BrowseParams,
  limit: number,
): Promise<string[]> {
  const hidden = [...openQuizItems(viewer.id).keys()];
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT i.id ${browseFrom(viewer, scope, params, hidden)} ${orderBy(params)} LIMIT ${limit + 1}`;
  return rows.map((row) => row.id);
}
