import { sql, type Expression, type RawBuilder, type SqlBool } from "kysely";
import { can } from "@/lib/auth/can";
import { BROWSE_PAGE_SIZE, DIFFICULTY_BANDS, type BrowseParams } from "@/lib/validations/items";
import { db } from "./client";
import { studiableDeckCondition } from "./deck-access";
import { toBool, toDate } from "./dialect";
import { loadOpenQuizItems } from "./open-quizzes";
import { queryDb } from "./query";
import type { UserSummary } from "./users";

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

/** `LOWER(column) LIKE pattern` with a backslash escape, the same on both databases. */
const contains = (column: string, pattern: string) =>
  sql<SqlBool>`LOWER(${sql.ref(column)}) LIKE ${pattern} ESCAPE '\\'`;

// The browser's sorts: leading keys in a fixed order, then the key the chosen direction applies to (ties broken
// by the item id in that direction).
const SORTS: Record<BrowseParams["sort"], { fixed: RawBuilder<unknown>[]; key: RawBuilder<unknown> }> = {
  position: { fixed: [sql`d."title"`, sql`i."documentId"`], key: sql`i."position"` },
  prompt: { fixed: [], key: sql`LOWER(i."prompt")` },
  difficulty: { fixed: [], key: sql`i."difficulty"` },
  lapses: { fixed: [], key: sql`COALESCE(c."lapses", 0)` },
  // Items without a card (never answered) last either way.
  due: { fixed: [sql`CASE WHEN c."due" IS NULL THEN 1 ELSE 0 END`], key: sql`c."due"` },
};

// The FROM … WHERE of a browser query: the viewer's visible live items matching the filters, with their own card.
function browseFrom(viewer: UserSummary, scope: { deckId?: string }, params: BrowseParams, hidden: string[]) {
  const admin = can(viewer, "edit-any-deck");
  return queryDb()
    .q.selectFrom("Item as i")
    .innerJoin("Document as d", "d.id", "i.documentId")
    .leftJoin("Card as c", (join) => join.on("c.userId", "=", viewer.id).onRef("c.itemId", "=", "i.id"))
    .where((eb) => {
      // Only decks the viewer may see (lib/db/deck-access): their own in any state, others' as published to them.
      const conditions: Expression<SqlBool>[] = [
        eb("i.retiredAt", "is", null),
        eb.or([eb("d.ownerId", "=", viewer.id), studiableDeckCondition(viewer.id)]),
      ];
      if (scope.deckId) conditions.push(eb("i.documentId", "=", scope.deckId));
      if (params.q) {
        const like = containsPattern(params.q);
        const revealing = eb.or([contains("i.answer", like), contains("i.sourceText", like)]);
        conditions.push(
          eb.or([
            contains("i.prompt", like),
            hidden.length > 0 ? eb.and([eb("i.id", "not in", hidden), revealing]) : revealing,
          ]),
        );
      }
      if (params.kind) conditions.push(eb("i.kind", "=", params.kind));
      if (params.topic) conditions.push(eb("i.topic", "=", params.topic));
      if (params.difficulty) {
        const [lo, hi] = DIFFICULTY_BANDS[params.difficulty];
        conditions.push(eb("i.difficulty", ">=", lo), eb("i.difficulty", "<", hi));
      }
      if (params.lapses) conditions.push(eb(eb.fn.coalesce("c.lapses", eb.lit(0)), ">=", params.lapses));
      switch (params.state) {
        case "new":
          conditions.push(eb.or([eb("c.id", "is", null), eb("c.state", "=", "new")]));
          break;
        case "learning":
          conditions.push(eb("c.state", "in", ["learning", "relearning"]));
          break;
        case "review":
          conditions.push(eb("c.state", "=", "review"));
          break;
        case "suspended":
          conditions.push(eb.or([eb("c.suspended", "=", true), eb("i.suspendedAt", "is not", null)]));
          break;
        case "flagged": {
          let flags = eb
            .selectFrom("ItemFlag as f")
            .select("f.id")
            .whereRef("f.itemId", "=", "i.id")
            .where("f.resolvedAt", "is", null);
          if (!admin)
            flags = flags.where((fb) => fb.or([fb("f.userId", "=", viewer.id), fb("d.ownerId", "=", viewer.id)]));
          conditions.push(eb.exists(flags));
          break;
        }
      }
      return eb.and(conditions);
    });
}

/** The browser's order as (expression, direction) pairs. */
function sortOf(params: BrowseParams): (readonly [RawBuilder<unknown>, "asc" | "desc"])[] {
  const { fixed, key } = SORTS[params.sort];
  return [...fixed.map((e) => [e, "asc"] as const), [key, params.dir], [sql`i."id"`, params.dir]];
}

/**
 * One page of the item browser: live items of a deck (or of every deck the viewer can see) matching the filters,
 * with the viewer's own card state. One SQL query gives the page and the total; the text search is a
 * LIKE over prompt, answer and source sentence (a scan: 10,000 items take a few ms, bench/browse.ts), except that
 * items of the viewer's unfinished quizzes match on their prompt only, so a search cannot reveal their answers.
 * State filters read the viewer's cards: new (no card yet or never answered), learning (or relearning), review,
 * suspended (by the viewer or for everyone), flagged (an open flag by the viewer, or by anyone on a deck the viewer
 * may change). Built on the seam (lib/db/query.ts) with standard SQL (LOWER … LIKE … ESCAPE, CASE, COALESCE, a
 * window COUNT): the same query runs on SQLite and PostgreSQL.
 * @example const { rows, total } = await browseItems(user, { deckId }, parseBrowseParams({ q: "2018" }))
 */
export async function browseItems(viewer: UserSummary, scope: { deckId?: string }, params: BrowseParams) {
  const admin = can(viewer, "edit-any-deck");
  const hidden = [...(await loadOpenQuizItems(viewer.id)).keys()];
  const from = browseFrom(viewer, scope, params, hidden);
  const offset = (params.page - 1) * BROWSE_PAGE_SIZE;

  // With a text search, the total comes with the page (a window over the same scan) instead of a COUNT that would
  // search every item again (the LIKEs are most of the cost). Without one, a plain COUNT is cheaper than a window,
  // which makes the sort carry every matching row (bench/browse.ts measured both). A page past the end counts apart.
  const windowed = params.q !== undefined;
  let page = from
    .select([
      "i.id",
      "i.documentId",
      "d.title as deckTitle",
      "d.ownerId",
      "i.kind",
      "i.topic",
      "i.prompt",
      "i.answer",
      "i.difficulty",
      "i.suspendedAt as itemSuspended",
      "i.editedAt as edited",
      "c.state",
      "c.lapses",
      "c.due",
      "c.suspended as cardSuspended",
      (windowed ? sql<number | null>`COUNT(*) OVER ()` : sql<number | null>`NULL`).as("total"),
    ])
    .limit(BROWSE_PAGE_SIZE)
    .offset(offset);
  for (const [expression, direction] of sortOf(params)) page = page.orderBy(expression, direction);
  const rows = await page.execute();
  let total = windowed && rows.length > 0 ? Number(rows[0]!.total) : 0;
  if (!windowed || (rows.length === 0 && offset > 0)) {
    const count = await from.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirst();
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
      due: toDate(r.due),
      suspended: r.itemSuspended ? "everyone" : r.cardSuspended !== null && toBool(r.cardSuspended) ? "you" : null,
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
  const hidden = [...(await loadOpenQuizItems(viewer.id)).keys()];
  let query = browseFrom(viewer, scope, params, hidden)
    .select("i.id")
    .limit(limit + 1);
  for (const [expression, direction] of sortOf(params)) query = query.orderBy(expression, direction);
  const rows = await query.execute();
  return rows.map((row) => row.id);
}
