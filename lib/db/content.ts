import { createHash } from "node:crypto";
import type { GeneratedItem } from "@/lib/content/types";
import { checkDocumentMetadata } from "@/lib/validations/document";
import { db } from "./client";
import { studiableDeckWhere, visibleDeckWhere } from "./deck-access";
import { beginAsWriter } from "./sqlite";

// A large document's items take seconds to store; Prisma's default of 5 s would abort it half-way (rolled back).
const PUBLISH_TRANSACTION = { maxWait: 30_000, timeout: 120_000 };

export type DocumentInput = {
  slug: string;
  title: string;
  source?: string;
  textDate?: string;
  /** The whole text as written (front matter included): item offsets index into it. */
  body: string;
  ownerId?: string;
  /** Generated items the uploader removed before publishing. */
  excludedKeys?: string[];
  /** Status of a new deck: content/ documents are published to the library, uploads start as drafts. A rebuild of an
   * existing deck never changes its status or visibility (the owner's deck page does). */
  status?: "draft" | "published";
};

export type PublishResult = {
  documentId: string;
  document: "added" | "updated" | "unchanged";
  added: number;
  updated: number;
  retired: number;
  unchanged: number;
};

/** A document whose metadata (title, source, date) fails DocumentMetadataSchema; nothing was written. */
export class InvalidDocumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidDocumentError";
  }
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** Stable item id: the same document slug and item key give the same id on every rebuild and every machine. */
export function itemId(slug: string, key: string): string {
  return createHash("sha256").update(`${slug}\u0000${key}`).digest("base64url").slice(0, 22);
}

/**
 * Stores a document and its generated items in one transaction, idempotently: new items are added, changed ones
 * updated in place (same id, so learners keep their progress), items no longer generated are retired (kept for
 * history, no longer studied), and a second run with the same input writes nothing. Items the deck's owner edited or
 * deleted by hand (`editedAt`) are left exactly as they are (lib/db/items.ts). The title, source and date are
 * checked with DocumentMetadataSchema first, whoever calls: invalid ones throw InvalidDocumentError and write nothing.
 * @example await publishDocument({ slug: "nato-mission-iraq", title, body }, buildItems(body).items)
 */
export async function publishDocument(input: DocumentInput, generated: GeneratedItem[]): Promise<PublishResult> {
  const checked = checkDocumentMetadata({ title: input.title, source: input.source, textDate: input.textDate });
  if (!checked.ok) throw new InvalidDocumentError(checked.message);
  const { metadata } = checked;
  const excluded = new Set(input.excludedKeys ?? []);
  const items = generated.filter((item) => !excluded.has(item.key));
  const docData = {
    slug: input.slug,
    title: metadata.title,
    source: metadata.source ?? null,
    textDate: metadata.textDate ?? null,
    body: input.body,
    checksum: sha256(input.body),
    ownerId: input.ownerId ?? null,
    excludedKeys: JSON.stringify([...excluded].sort()),
  };

  return db.$transaction(async (tx) => {
    await beginAsWriter(tx);
    const existing = await tx.document.findUnique({ where: { slug: input.slug } });
    let documentOutcome: PublishResult["document"] = "unchanged";
    let documentId: string;
    if (!existing) {
      const status = input.status ?? "published";
      documentId = (
        await tx.document.create({
          data: { ...docData, status, publishedAt: status === "published" ? new Date() : null },
          select: { id: true },
        })
      ).id;
      documentOutcome = "added";
    } else {
      documentId = existing.id;
      const changed = (Object.keys(docData) as (keyof typeof docData)[]).some((k) => existing[k] !== docData[k]);
      if (changed) {
        await tx.document.update({ where: { id: documentId }, data: docData });
        documentOutcome = "updated";
      }
    }

    const stored = await tx.item.findMany({
      where: { documentId },
      select: { id: true, checksum: true, position: true, retiredAt: true, editedAt: true },
    });
    const storedById = new Map(stored.map((row) => [row.id, row]));
    const seen = new Set<string>();
    const toCreate = [];
    let updated = 0;
    let unchanged = 0;

    for (const [position, item] of items.entries()) {
      const id = itemId(input.slug, item.key);
      seen.add(id);
      const data = JSON.stringify(item);
      const row = {
        key: item.key,
        factKey: item.factKey,
        kind: item.kind,
        topic: item.topic,
        prompt: item.prompt,
        answer: item.answer,
        difficulty: item.difficulty,
        sourceText: item.source.text,
        sourceStart: item.source.start,
        sourceEnd: item.source.end,
        data,
        checksum: sha256(data),
        position,
      };
      const before = storedById.get(id);
      if (!before) {
        toCreate.push({ id, documentId, ...row });
      } else if (before.editedAt) {
        // Edited (or deleted) by the deck's owner: their version stands, whatever the generator makes now.
        unchanged += 1;
      } else if (before.checksum !== row.checksum || before.position !== position || before.retiredAt) {
        await tx.item.update({ where: { id }, data: { ...row, retiredAt: null } });
        updated += 1;
      } else {
        unchanged += 1;
      }
    }
    if (toCreate.length > 0) await tx.item.createMany({ data: toCreate });

    const retire = stored.filter((row) => !seen.has(row.id) && !row.retiredAt && !row.editedAt).map((row) => row.id);
    if (retire.length > 0) await tx.item.updateMany({ where: { id: { in: retire } }, data: { retiredAt: new Date() } });

    return {
      documentId,
      document: documentOutcome,
      added: toCreate.length,
      updated,
      retired: retire.length,
      unchanged,
    };
  }, PUBLISH_TRANSACTION);
}

/**
 * The decks the viewer may see (lib/db/deck-access): the library, their classes' decks and their own (drafts and
 * archived ones included, which only they see), with how many live items each has.
 * @example const decks = await listDecks(user.id)
 */
export function listDecks(userId: string) {
  return db.document.findMany({
    where: visibleDeckWhere(userId),
    orderBy: { title: "asc" },
    select: {
      id: true,
      title: true,
      source: true,
      textDate: true,
      description: true,
      status: true,
      visibility: true,
      ownerId: true,
      _count: { select: { items: { where: { retiredAt: null } } } },
    },
  });
}

/**
 * A deck the viewer may see, with its live items in generated order; null when there is no such deck or it is
 * hidden from them (someone else's draft, private deck or other classes' deck is "not found").
 * @example const deck = await getDeck(deckId, user.id)
 */
/**
 * A deck's id and title, when the viewer may see it (lib/db/deck-access), for pages that show one of its parts.
 * @example const deck = await getDeckTitle(deckId, user.id); if (!deck) notFound();
 */
export function getDeckTitle(id: string, userId: string) {
  return db.document.findFirst({ where: { id, ...visibleDeckWhere(userId) }, select: { id: true, title: true } });
}

export function getDeck(id: string, userId: string) {
  return db.document.findFirst({
    where: { id, ...visibleDeckWhere(userId) },
    select: {
      id: true,
      title: true,
      source: true,
      textDate: true,
      description: true,
      status: true,
      visibility: true,
      ownerId: true,
      owner: { select: { name: true } },
      items: {
        where: { retiredAt: null },
        orderBy: { position: "asc" },
        select: { id: true, kind: true, topic: true, prompt: true, answer: true, difficulty: true, data: true },
      },
    },
  });
}

/** One live or retired item of a deck the viewer may see, with the document text, for the source view. */
export function getItemWithSource(documentId: string, itemId: string, userId: string) {
  return db.item.findFirst({
    where: { id: itemId, documentId, document: visibleDeckWhere(userId) },
    select: {
      id: true,
      kind: true,
      topic: true,
      prompt: true,
      answer: true,
      data: true,
      sourceText: true,
      sourceStart: true,
      sourceEnd: true,
      retiredAt: true,
      document: { select: { id: true, title: true, body: true } },
    },
  });
}

export function countDocuments(): Promise<number> {
  return db.document.count();
}

/** The title of a deck the viewer may study (visible, not archived), and whether it is one of their studied decks. */
export async function getStudyDeck(id: string, userId: string) {
  const deck = await db.document.findFirst({
    where: { id, ...studiableDeckWhere(userId) },
    select: { id: true, title: true, studiedBy: { where: { userId }, select: { userId: true } } },
  });
  return deck ? { id: deck.id, title: deck.title, studied: deck.studiedBy.length > 0 } : null;
}
