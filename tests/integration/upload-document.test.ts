/**
 * Uploading a document (app/(app)/decks/new/actions.ts) as an instructor: the metadata it carries is validated the
 * way every other path validates it (issue 12, finding 9), and the pipeline runs on a worker thread, one generation
 * at a time per user (finding 13). The session is the only thing stubbed.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { largeDocument } from "@/bench/lib/large-document";
import { db } from "@/lib/db/client";
import { BUSY_MESSAGE } from "@/lib/generation/pool";
import { makeUser } from "@/tests/factories";
import { cookieStoreFor } from "@/tests/session-cookie";

type Session = { user: { id: string } };
let session: Session | null = null;
// Calls running at the same time as different users each carry their own session.
const sessions = new AsyncLocalStorage<Session>();
// The session arrives as a real session cookie (a Session row and a JWT naming it).
vi.mock("next/headers", async (original) => ({
  ...(await original<object>()),
  cookies: () => cookieStoreFor((sessions.getStore() ?? session)?.user.id),
}));
vi.mock("next/server", async (original) => ({ ...(await original<object>()), connection: async () => {} }));

const { previewDocumentAction, publishDocumentAction } = await import("@/app/(app)/decks/new/actions");

const BODY = "Rome was founded in 753 BC by Romulus. Apollo 11 landed on the Moon on 20 July 1969.";
const withFrontMatter = (fields: string) => `---\n${fields}\n---\n\n# Facts\n\n${BODY}\n`;
/** The document of the finding: a 50,011-character title with a right-to-left override in it. */
const HOSTILE_PREFIX = "Safe deck \u202Etxt.exe";
const HOSTILE_TITLE = HOSTILE_PREFIX + "x".repeat(50_011 - HOSTILE_PREFIX.length);

let instructor: { id: string };
let other: { id: string };
beforeAll(async () => {
  instructor = await makeUser({ role: "instructor" });
  other = await makeUser({ role: "instructor" });
});
const as = (user: { id: string }) => (session = { user: { id: user.id } });

async function publish(text: string, title = "") {
  // On success the action redirects (Next throws NEXT_REDIRECT); a refusal is returned.
  return publishDocumentAction({ text, title, excludedKeys: [] }).catch((error: Error) => {
    if (String((error as { digest?: string }).digest).startsWith("NEXT_REDIRECT")) return "redirected";
    throw error;
  });
}

describe("document metadata on upload", () => {
  it("refuses the front-matter title of the finding in the preview and on publish, writing nothing", async () => {
    as(instructor);
    expect(HOSTILE_TITLE).toHaveLength(50_011);
    const text = withFrontMatter(`title: ${HOSTILE_TITLE}`);
    const documents = await db.document.count();
    await expect(previewDocumentAction({ text })).resolves.toEqual({
      ok: false,
      message: "The title must be at most 200 characters.",
    });
    await expect(publish(text)).resolves.toEqual({ ok: false, message: "The title must be at most 200 characters." });
    expect(await db.document.count()).toBe(documents);
  });

  it("refuses bidi controls and control characters in a short title, source or date, wherever they come from", async () => {
    as(instructor);
    const documents = await db.document.count();
    const refused = (field: string) => ({ ok: false, message: `${field} contains characters that are not allowed.` });
    for (const [text, field] of [
      [withFrontMatter("title: Deck \u202Egnp.exe"), "The title"],
      [withFrontMatter("title: Deck \u2067isolated\u2069"), "The title"],
      [withFrontMatter("title: Deck\u0085"), "The title"],
      [withFrontMatter("title: Deck\nsource: https://example.com/\u202E"), "The source"],
      [withFrontMatter("title: Deck\ndate: 2020\u202D-01-01"), "The date"],
      [`# Heading \u202Eevil\n\n${BODY}\n`, "The title"],
    ] as const) {
      await expect(previewDocumentAction({ text }), text).resolves.toEqual(refused(field));
      await expect(publish(text), text).resolves.toEqual(refused(field));
    }
    // The form's own title field gets the same rule.
    await expect(publish(withFrontMatter("title: Fine"), "Deck \u202Eevil")).resolves.toEqual(refused("The title"));
    expect(await db.document.count()).toBe(documents);
  });

  it("refuses an overlong first heading used as the title, and an overlong source", async () => {
    as(instructor);
    const documents = await db.document.count();
    await expect(previewDocumentAction({ text: `# ${"T".repeat(201)}\n\n${BODY}\n` })).resolves.toEqual({
      ok: false,
      message: "The title must be at most 200 characters.",
    });
    await expect(
      publish(withFrontMatter(`title: Deck\nsource: https://example.com/${"a".repeat(500)}`)),
    ).resolves.toEqual({
      ok: false,
      message: "The source must be at most 500 characters.",
    });
    expect(await db.document.count()).toBe(documents);
  });

  it("keeps right-to-left text and publishes valid metadata as written", async () => {
    as(instructor);
    const text = withFrontMatter(
      "title: \u05E2\u05D5\u05D1\u05D3\u05D5\u05EA \u200F(facts)\nsource: Encyclopedia\ndate: 2020-08-20",
    );
    await expect(previewDocumentAction({ text })).resolves.toMatchObject({ ok: true, title: "עובדות \u200F(facts)" });
    await expect(publish(text)).resolves.toBe("redirected");
    const stored = await db.document.findFirstOrThrow({
      where: { ownerId: instructor.id },
      orderBy: { createdAt: "desc" },
    });
    expect(stored).toMatchObject({ title: "עובדות \u200F(facts)", source: "Encyclopedia", textDate: "2020-08-20" });
  });
});

describe("generation off the request thread", () => {
  it("keeps the event loop turning while a 500 KB document is generated", async () => {
    as(instructor);
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 5);
    const started = performance.now();
    const result = await previewDocumentAction({ text: largeDocument(500 * 1024) });
    const elapsed = performance.now() - started;
    clearInterval(timer);
    expect(result).toMatchObject({ ok: true });
    // Generating takes seconds of CPU; on the request thread the timer could not fire at all meanwhile.
    expect(ticks).toBeGreaterThan(elapsed / 5 / 4);
  }, 120_000);

  it("refuses a second concurrent generation by the same user, not by another one", async () => {
    const text = largeDocument(100 * 1024);
    as(instructor);
    const first = previewDocumentAction({ text });
    const second = previewDocumentAction({ text });
    const someoneElse = sessions.run({ user: { id: other.id } }, () => previewDocumentAction({ text }));
    const results = await Promise.all([first, second, someoneElse]);
    // Exactly one of the same user's two runs; which one reaches the lock first is up to the scheduler.
    const mine = results.slice(0, 2);
    expect(mine.filter((r) => r.ok)).toHaveLength(1);
    expect(mine.find((r) => !r.ok)).toEqual({ ok: false, message: BUSY_MESSAGE });
    expect(results[2]).toMatchObject({ ok: true });
    // Publishing counts as a generation too; once the first is done the same user may go again.
    as(instructor);
    await expect(previewDocumentAction({ text: withFrontMatter("title: Again") })).resolves.toMatchObject({ ok: true });
  }, 120_000);
});
