/**
 * Re-uploading a changed document to an existing deck (issue 14): the preview lists the items added, changed and
 * retired, publishing keeps every learner's progress on the items that stay (same ids), and nobody but the deck's
 * owner can preview against or replace it. The real actions and generator run; only the session is stubbed.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { publishDeck } from "@/lib/db/deck-lifecycle";
import { recordReview } from "@/lib/db/reviews";
import { makeUser } from "@/tests/factories";
import { cookieStoreFor } from "@/tests/session-cookie";

let session: { user: { id: string } } | null = null;
vi.mock("next/headers", async (original) => ({
  ...(await original<object>()),
  cookies: () => cookieStoreFor(session?.user.id),
}));
vi.mock("next/server", async (original) => ({ ...(await original<object>()), connection: async () => {} }));

const { previewDocumentAction, publishDocumentAction } = await import("@/app/(app)/decks/new/actions");

const V1 = [
  "# Space firsts",
  "",
  "Apollo 11 landed on the Moon on 20 July 1969.",
  "",
  "The Apollo 11 crew was commanded by Neil Armstrong.",
  "",
  "Sputnik 1 was launched on 4 October 1957.",
  "",
  "Yuri Gagarin flew into space on 12 April 1961.",
].join("\n");
// Apollo unchanged, Sputnik's date changed, Gagarin gone, Vostok 6 new. A multiple choice on Apollo's date takes the
// other dates as options, so it changes with them; the crew's cloze does not.
const V2 = [
  "# Space firsts",
  "",
  "Apollo 11 landed on the Moon on 20 July 1969.",
  "",
  "The Apollo 11 crew was commanded by Neil Armstrong.",
  "",
  "Sputnik 1 was launched on 5 October 1957.",
  "",
  "Valentina Tereshkova flew Vostok 6 on 16 June 1963.",
].join("\n");

const redirected = (error: Error) => {
  const digest = String((error as { digest?: string }).digest);
  if (digest.startsWith("NEXT_REDIRECT")) return digest;
  throw error;
};

let instructor: { id: string };
beforeAll(async () => {
  instructor = await makeUser({ role: "instructor" });
});

async function uploadV1() {
  session = { user: { id: instructor.id } };
  const before = new Set((await db.document.findMany({ select: { id: true } })).map((d) => d.id));
  await publishDocumentAction({ text: V1, title: "", excludedKeys: [] }).catch(redirected);
  const deck = await db.document.findFirstOrThrow({ where: { ownerId: instructor.id, id: { notIn: [...before] } } });
  await publishDeck(instructor, { deckId: deck.id, visibility: "library", classIds: [] }, new Date());
  return deck;
}

describe("re-uploading a changed document", () => {
  it("previews added, changed and retired items, and keeps learners' progress on the items that stay", async () => {
    const deck = await uploadV1();
    expect(deck.status).toBe("draft");
    const items = await db.item.findMany({ where: { documentId: deck.id, retiredAt: null } });

    // A learner answers every item of the first version.
    const learner = await makeUser();
    for (const item of items) {
      const result = await recordReview({
        userId: learner.id,
        reviewId: crypto.randomUUID(),
        itemId: item.id,
        version: 0,
        response: null,
        rating: "good",
        responseMs: 1000,
        now: new Date("2026-06-01T09:00:00Z"),
      });
      expect(result.ok).toBe(true);
    }
    const cardsBefore = await db.card.findMany({ where: { userId: learner.id }, orderBy: { itemId: "asc" } });

    session = { user: { id: instructor.id } };
    const preview = await previewDocumentAction({ text: V2, deckId: deck.id });
    if (!preview.ok) throw new Error(preview.message);
    // Items of one fact can also draw on the others (distractors, orderings), so a sentence's items need not all stay
    // unchanged; what each item is, is decided by its key and content.
    const change = (text: string) => new Set(preview.items.filter((i) => i.source.includes(text)).map((i) => i.change));
    expect(change("Apollo")).toContain("unchanged");
    expect(change("Sputnik")).toContain("changed");
    expect([...change("Tereshkova")]).toEqual(["added"]);
    const unchangedKeys = preview.items.filter((i) => i.change === "unchanged").map((i) => i.key);
    expect(preview.reupload!.retired.length).toBeGreaterThan(0);
    expect(preview.reupload!.retired.every((r) => r.prompt.length > 0)).toBe(true);
    // The preview wrote nothing.
    expect(await db.item.count({ where: { documentId: deck.id, retiredAt: null } })).toBe(items.length);

    await publishDocumentAction({ text: V2, title: "", excludedKeys: [], deckId: deck.id }).catch(redirected);
    const after = await db.document.findUniqueOrThrow({ where: { id: deck.id } });
    expect(after).toMatchObject({ status: "published", visibility: "library", body: V2 });
    // The unchanged items keep their ids and stay live; every card of the learner (on unchanged, changed and retired
    // items alike) is exactly as it was.
    const unchanged = await db.item.findMany({ where: { documentId: deck.id, key: { in: unchangedKeys } } });
    expect(unchanged).toHaveLength(unchangedKeys.length);
    expect(unchanged.every((i) => i.retiredAt === null && items.some((before) => before.id === i.id))).toBe(true);
    const cardsAfter = await db.card.findMany({ where: { userId: learner.id }, orderBy: { itemId: "asc" } });
    expect(cardsAfter).toEqual(cardsBefore);
    // And the learner still studies them: their next reviews are of the same ids.
    expect(cardsAfter.filter((c) => unchanged.some((i) => i.id === c.itemId))).toHaveLength(unchanged.length);
    const live = await db.item.findMany({ where: { documentId: deck.id, retiredAt: null } });
    expect(live.some((i) => i.sourceText.includes("Tereshkova"))).toBe(true);
    expect(live.some((i) => i.sourceText.includes("Gagarin"))).toBe(false);
    expect(await db.reviewLog.count({ where: { userId: learner.id } })).toBe(items.length);
  }, 60_000);

  it("refuses a preview or a replacement of someone else's deck, writing nothing", async () => {
    const deck = await uploadV1();
    const other = await makeUser({ role: "instructor" });
    session = { user: { id: other.id } };
    const message = { ok: false, message: "That deck isn't available." };
    expect(await previewDocumentAction({ text: V2, deckId: deck.id })).toEqual(message);
    expect(await previewDocumentAction({ text: V2, deckId: "../../etc" })).toEqual(message);
    expect(await publishDocumentAction({ text: V2, title: "Mine", excludedKeys: [], deckId: deck.id })).toEqual(
      message,
    );
    expect(await db.document.findUniqueOrThrow({ where: { id: deck.id } })).toMatchObject({ body: V1 });
  }, 60_000);
});
