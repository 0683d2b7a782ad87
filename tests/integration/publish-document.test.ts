import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { buildItems } from "@/lib/content/pipeline";
import type { GeneratedItem } from "@/lib/content/types";
import { db } from "@/lib/db/client";
import { getDeck, InvalidDocumentError, itemId, publishDocument } from "@/lib/db/content";
import { ContentRefusedError, loadContentDirectory } from "@/scripts/load-content";

function item(key: string, answer: string): GeneratedItem {
  return {
    key,
    factKey: `fact:${key}`,
    kind: "typed",
    prompt: `Question ${key}?`,
    answer,
    accepted: [],
    options: null,
    answerType: "text",
    topic: "history",
    difficulty: 0.5,
    source: { text: `Sentence about ${answer}.`, start: 0, end: 10 },
  };
}

const doc = (slug: string) => ({ slug, title: "Doc", body: "Some body text." });

describe("publishDocument", () => {
  it("adds, then changes nothing on a second run", async () => {
    const items = [item("a", "one"), item("b", "two")];
    await expect(publishDocument(doc("idem"), items)).resolves.toMatchObject({
      document: "added",
      added: 2,
      updated: 0,
      retired: 0,
      unchanged: 0,
    });
    const before = await db.item.findMany({ orderBy: { id: "asc" } });
    await expect(publishDocument(doc("idem"), items)).resolves.toMatchObject({
      document: "unchanged",
      added: 0,
      updated: 0,
      retired: 0,
      unchanged: 2,
    });
    expect(await db.item.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  it("updates changed items in place, retires removed ones and brings them back", async () => {
    const first = await publishDocument(doc("edit"), [item("a", "one"), item("b", "two"), item("c", "three")]);
    const second = await publishDocument({ ...doc("edit"), body: "Edited body." }, [
      item("a", "one"),
      item("b", "TWO"),
      item("d", "four"),
    ]);
    expect(second).toMatchObject({
      documentId: first.documentId,
      document: "updated",
      added: 1,
      updated: 1,
      retired: 1,
      unchanged: 1,
    });

    const rows = await db.item.findMany({ where: { documentId: first.documentId }, orderBy: { key: "asc" } });
    expect(rows.map((r) => [r.key, r.answer, r.retiredAt !== null])).toEqual([
      ["a", "one", false],
      ["b", "TWO", false],
      ["c", "three", true],
      ["d", "four", false],
    ]);
    // Same key, same id: a learner's progress on "b" stays attached to it.
    expect(rows.find((r) => r.key === "b")!.id).toBe(itemId("edit", "b"));

    const deck = await getDeck(first.documentId, "any-viewer");
    expect(deck!.items.map((i) => i.answer)).toEqual(["one", "TWO", "four"]);

    await expect(publishDocument(doc("edit"), [item("a", "one"), item("c", "three")])).resolves.toMatchObject({
      updated: 1, // c comes back
      retired: 2, // b and d go
    });
  });

  it("leaves out the items an uploader removed, on every rebuild", async () => {
    const items = [item("a", "one"), item("b", "two")];
    const result = await publishDocument({ ...doc("excl"), excludedKeys: ["b"] }, items);
    expect(result.added).toBe(1);
    const deck = await getDeck(result.documentId, "any-viewer");
    expect(deck!.items.map((i) => i.answer)).toEqual(["one"]);
  });

  it("builds the NATO page twice: the second run changes nothing", async () => {
    const body = readFileSync("content/nato-mission-iraq.md", "utf8");
    const input = { slug: "nato", title: "NATO Mission Iraq", body };
    const first = await publishDocument(input, buildItems(body).items);
    expect(first.added).toBeGreaterThan(40);
    const second = await publishDocument(input, buildItems(body).items);
    expect(second).toMatchObject({ document: "unchanged", added: 0, updated: 0, retired: 0, unchanged: first.added });
  });
});

describe("publishDocument validates the document's metadata, whoever calls it", () => {
  const hostile = `Safe deck \u202Etxt.exe${"x".repeat(50_000)}`;

  it("refuses a bad title, source or date with a clear message and writes nothing", async () => {
    const before = await db.document.count();
    for (const [input, message] of [
      [{ title: hostile }, "The title must be at most 200 characters."],
      [{ title: "Deck \u202Eevil" }, "The title contains characters that are not allowed."],
      [{ title: "   " }, "The document needs a title."],
      [{ title: "Deck", source: "x".repeat(501) }, "The source must be at most 500 characters."],
      [{ title: "Deck", textDate: "2020\u0007" }, "The date contains characters that are not allowed."],
    ] as const) {
      const publishing = publishDocument({ slug: `bad-${crypto.randomUUID()}`, body: "Body.", ...input }, [
        item("a", "x"),
      ]);
      await expect(publishing).rejects.toThrow(new InvalidDocumentError(message));
    }
    expect(await db.document.count()).toBe(before);
    expect(await db.item.count({ where: { document: { slug: { startsWith: "bad-" } } } })).toBe(0);
  });

  it("content:build leaves out a document whose front matter is refused, builds the others, and says which", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "factdeck-content-"));
    writeFileSync(path.join(dir, "good.md"), "---\ntitle: Good\n---\n\nRome was founded in 753 BC by Romulus.\n");
    writeFileSync(path.join(dir, "hostile.md"), `---\ntitle: ${hostile}\n---\n\nParis was founded in 52 BC.\n`);
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    vi.spyOn(console, "log").mockImplementation(() => {});
    const building = loadContentDirectory(dir);
    await expect(building).rejects.toThrow(ContentRefusedError);
    vi.restoreAllMocks();
    expect(error).toHaveBeenCalledWith(
      "content: hostile.md: The title must be at most 200 characters. Nothing of it was written.",
    );
    expect(await db.document.findUnique({ where: { slug: "hostile" } })).toBeNull();
    expect(await db.document.findUnique({ where: { slug: "good" } })).toMatchObject({ title: "Good" });
  });
});
