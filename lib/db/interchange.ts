import type { GeneratedItem } from "@/lib/content/types";
import type { ImportPreview } from "@/lib/interchange/import";
import type { CardInterval, RevlogEntry } from "@/lib/interchange/revlog";
import { db } from "./client";
import { InvalidDocumentError, publishDocument } from "./content";
import { visibleDeckWhere } from "./deck-access";
import { parseSnapshot } from "./cards";
import { loadOpenQuizItems } from "./open-quizzes";
import type { UserSummary } from "./users";

/** An item as an export writes it: its stored id, the generated item, its source sentence. */
export type ExportItem = { id: string; item: GeneratedItem; sourceText: string };
export type ExportLoad = { ok: true; items: ExportItem[] } | { ok: false; reason: "in_quiz" };

const EXPORT_SELECT = { id: true, data: true, sourceText: true } as const;
const ID_CHUNK = 500;

/**
 * The live items of a deck for export, in the deck's order; null when there is no such deck or the user may not see
 * it (someone else's draft, private deck or other classes' deck: lib/db/deck-access).
 * @example const load = await deckItemsForExport(user, deckId); if (load?.ok) writeApkg({ title, items: load.items, now })
 */
export async function deckItemsForExport(
  user: UserSummary,
  deckId: string,
): Promise<(ExportLoad & { title: string }) | null> {
  const deck = await db.document.findFirst({
    where: { id: deckId, ...visibleDeckWhere(user.id) },
    select: { title: true, items: { where: { retiredAt: null }, orderBy: { position: "asc" }, select: EXPORT_SELECT } },
  });
  if (!deck) return null;
  return { ...(await guard(user, deck.items)), title: deck.title };
}

/**
 * Live items by id for exporting a selection (the item browser's "Export"), in the order given; ids of retired or
 * unknown items, and items of decks the user may not see, are left out.
 * @example const load = await itemsForExport(user, selectedIds)
 */
export async function itemsForExport(user: UserSummary, itemIds: readonly string[]): Promise<ExportLoad> {
  // In chunks: a statement takes a limited number of parameters (Prisma refuses ~1,000 ids in one IN list here).
  const rows: { id: string; data: string; sourceText: string }[] = [];
  for (let start = 0; start < itemIds.length; start += ID_CHUNK) {
    rows.push(
      ...(await db.item.findMany({
        where: {
          id: { in: itemIds.slice(start, start + ID_CHUNK) },
          retiredAt: null,
          document: visibleDeckWhere(user.id),
        },
        select: EXPORT_SELECT,
      })),
    );
  }
  const byId = new Map(rows.map((row) => [row.id, row]));
  return guard(
    user,
    itemIds.flatMap((id) => byId.get(id) ?? []),
  );
}

// An export holds every answer; while the user's own quiz asks one of the items, nothing may show it to them
// (docs/decisions/011-answers-are-committed.md), so the export waits until the quiz is finished.
async function guard(user: UserSummary, rows: { id: string; data: string; sourceText: string }[]): Promise<ExportLoad> {
  const inQuiz = await loadOpenQuizItems(user.id);
  if (rows.some((row) => inQuiz.has(row.id))) return { ok: false, reason: "in_quiz" };
  return {
    ok: true,
    items: rows.map((row) => ({ id: row.id, item: JSON.parse(row.data) as GeneratedItem, sourceText: row.sourceText })),
  };
}

export type ImportResult = { ok: true; documentId: string; items: number } | { ok: false; message: string };

/**
 * Creates the deck an import makes, owned by the importer, in one transaction (lib/db/content.ts publishDocument):
 * its text is the notes, its items the preview's. A preview with row errors, or without items, writes nothing.
 * Like an upload, it starts as a draft only its owner sees, published from its deck page (docs/decisions/018).
 * @example await createImportedDeck({ owner: user, title: "Spanish", preview })
 */
export async function createImportedDeck(input: {
  owner: UserSummary;
  title: string;
  preview: ImportPreview;
}): Promise<ImportResult> {
  const { preview } = input;
  if (preview.errors.length > 0)
    return {
      ok: false,
      message: `Fix the ${preview.errors.length === 1 ? "row" : "rows"} listed first; nothing was imported.`,
    };
  if (preview.items.length === 0) return { ok: false, message: "The file has no items to import." };
  try {
    const result = await publishDocument(
      {
        slug: `import-${crypto.randomUUID()}`,
        title: input.title,
        body: preview.body,
        ownerId: input.owner.id,
        status: "draft",
      },
      preview.items,
    );
    return { ok: true, documentId: result.documentId, items: result.added };
  } catch (error) {
    if (error instanceof InvalidDocumentError) return { ok: false, message: error.message };
    throw error;
  }
}

/**
 * The user's own review log, oldest first, with the card states around each answer, for the revlog CSV.
 * @example revlogCsv(await reviewHistory(user.id))
 */
export async function reviewHistory(userId: string): Promise<RevlogEntry[]> {
  const logs = await db.reviewLog.findMany({
    where: { userId },
    orderBy: [{ reviewedAt: "asc" }, { id: "asc" }],
    select: {
      reviewedAt: true,
      cardId: true,
      itemId: true,
      rating: true,
      responseMs: true,
      previousState: true,
      stateBefore: true,
      stateAfter: true,
      card: { select: { createdAt: true } },
      item: { select: { prompt: true, document: { select: { title: true } } } },
    },
  });
  return logs.map((log) => {
    const before = parseSnapshot(log.stateBefore);
    const after = parseSnapshot(log.stateAfter);
    return {
      reviewedAt: log.reviewedAt,
      cardId: log.cardId,
      cardCreatedAt: log.card.createdAt,
      itemId: log.itemId,
      deck: log.item.document.title,
      prompt: log.item.prompt,
      rating: log.rating as RevlogEntry["rating"],
      responseMs: log.responseMs,
      previousState: log.previousState,
      before: { ...pick(before.card), existed: before.existed },
      after: pick(after.card),
    };
  });
}

const pick = (card: CardInterval) => ({
  due: card.due,
  lastReview: card.lastReview,
  scheduledDays: card.scheduledDays,
  difficulty: card.difficulty,
});
