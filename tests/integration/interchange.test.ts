/**
 * Import and export through their routes (app/api/imports, app/api/decks/[deckId]/export, app/api/reviews/export) on
 * a real database: only instructors and admins import and export decks, imports own their deck, bad files write
 * nothing, and a learner downloads only their own review history. Requests carry a real session cookie.
 */
import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import { strToU8, unzipSync, zipSync } from "fflate";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as importRoute } from "@/app/api/imports/route";
import { GET as exportRoute } from "@/app/api/decks/[deckId]/export/route";
import { GET as historyRoute } from "@/app/api/reviews/export/route";
import { GET as selectionRoute } from "@/app/api/items/export/route";
import { buildItems } from "@/lib/content/pipeline";
import { db } from "@/lib/db/client";
import { publishDocument } from "@/lib/db/content";
import { itemsForExport } from "@/lib/db/interchange";
import { recordReview } from "@/lib/db/reviews";
import { exportForUser, importForUser } from "@/lib/generation/pool";
import { makeUser } from "@/tests/factories";
import { sessionToken } from "@/tests/session-cookie";

type User = { id: string };
let instructor: User;
let otherInstructor: User;
let learner: User;
let otherLearner: User;
let deckId: string;
const MB = 1024 * 1024;

beforeAll(async () => {
  [instructor, otherInstructor, learner, otherLearner] = await Promise.all([
    makeUser({ role: "instructor" }),
    makeUser({ role: "instructor" }),
    makeUser({ role: "learner" }),
    makeUser({ role: "learner" }),
  ]);
  const body = readFileSync("lib/content/fixtures/apollo-11.md", "utf8");
  deckId = (await publishDocument({ slug: "apollo-io", title: "Apollo 11", body }, buildItems(body).items)).documentId;
});

async function cookie(user?: User): Promise<Record<string, string>> {
  return user ? { cookie: `next-auth.session-token=${await sessionToken(user.id)}` } : {};
}

async function importFile(
  user: User | undefined,
  file: { bytes: Uint8Array; name: string } | null,
  fields: Record<string, string> = {},
) {
  const form = new FormData();
  if (file) form.set("file", new File([new Uint8Array(file.bytes)], file.name));
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  // Serialized as a browser would send it, with its length.
  const encoded = new Response(form);
  const body = new Uint8Array(await encoded.arrayBuffer());
  const request = new NextRequest("http://localhost/api/imports", {
    method: "POST",
    body,
    headers: {
      ...(await cookie(user)),
      "content-type": encoded.headers.get("content-type")!,
      "content-length": String(body.length),
    },
  });
  const response = await importRoute(request);
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function exportDeck(user: User | undefined, format: string, id = deckId) {
  const request = new NextRequest(`http://localhost/api/decks/${id}/export?format=${format}`, {
    headers: await cookie(user),
  });
  return exportRoute(request, { params: Promise.resolve({ deckId: id }) });
}

async function counts() {
  const [documents, items, cards, reviews] = await Promise.all([
    db.document.count(),
    db.item.count(),
    db.card.count(),
    db.reviewLog.count(),
  ]);
  return { documents, items, cards, reviews };
}

const csvFile = (text: string, name = "deck.csv") => ({ bytes: strToU8(text), name });

describe("who may import and export", () => {
  it("lets only instructors and admins import; learners get 404, visitors 401, and nothing is written", async () => {
    const before = await counts();
    const file = csvFile("front,back\nQ,A\n");
    expect((await importFile(undefined, file, { intent: "create" })).status).toBe(401);
    expect((await importFile(learner, file, { intent: "create" })).status).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it("lets only instructors and admins export a deck", async () => {
    expect((await exportDeck(undefined, "csv")).status).toBe(401);
    expect((await exportDeck(learner, "csv")).status).toBe(404);
    expect((await exportDeck(otherInstructor, "csv")).status).toBe(200);
    expect((await exportDeck(instructor, "zip")).status).toBe(400);
    expect((await exportDeck(instructor, "csv", "no-such-deck")).status).toBe(404);
  });

  it("holds back an export while the exporter's own unfinished quiz asks one of its items", async () => {
    const item = await db.item.findFirstOrThrow({ where: { documentId: deckId } });
    const attempt = await db.quizAttempt.create({
      data: { userId: otherInstructor.id, documentId: deckId, itemIds: JSON.stringify([item.id]), total: 1 },
    });
    const response = await exportDeck(otherInstructor, "apkg");
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      error: { code: "in_quiz", message: "Finish your quiz first: it asks items of this deck." },
    });
    expect((await exportDeck(instructor, "apkg")).status).toBe(200);
    await db.quizAttempt.update({ where: { id: attempt.id }, data: { finishedAt: new Date() } });
    expect((await exportDeck(otherInstructor, "apkg")).status).toBe(200);
  });
});

describe("importing", () => {
  it("previews without writing, then creates a deck the importer owns with the note as each item's source", async () => {
    const before = await counts();
    const file = csvFile(
      "front,back,alternatives,topic\nCapital of France?,Paris,,geography\nLargest planet?,Jupiter,Jove,astronomy\n",
    );
    const preview = await importFile(instructor, file, { intent: "preview" });
    expect(preview).toMatchObject({ status: 200, json: { title: "deck", errorCount: 0 } });
    expect(preview.json.items).toEqual([
      { kind: "flashcard", topic: "geography", prompt: "Capital of France?", answer: "Paris", accepted: [] },
      { kind: "typed", topic: "astronomy", prompt: "Largest planet?", answer: "Jupiter", accepted: ["Jove"] },
    ]);
    expect(await counts()).toEqual(before);

    const created = await importFile(instructor, file, { intent: "create", title: "Geography and planets" });
    expect(created.status).toBe(201);
    const deck = await db.document.findUniqueOrThrow({
      where: { id: created.json.deckId as string },
      include: { items: { orderBy: { position: "asc" } } },
    });
    expect(deck.ownerId).toBe(instructor.id);
    expect(deck.title).toBe("Geography and planets");
    expect(deck.items.map((i) => [i.kind, i.prompt, i.answer, i.topic, i.sourceText])).toEqual([
      ["flashcard", "Capital of France?", "Paris", "geography", "Capital of France? — Paris"],
      ["typed", "Largest planet?", "Jupiter", "astronomy", "Largest planet? — Jupiter"],
    ]);
    for (const item of deck.items) expect(deck.body.slice(item.sourceStart, item.sourceEnd)).toBe(item.sourceText);
  });

  it("writes nothing for a file with a bad row, broken quoting, a corrupt .apkg, a zip bomb, or a bad title", async () => {
    const before = await counts();
    const bad = await importFile(instructor, csvFile("front,back\nQ1,A1\nQ2,\nQ3,A3\n"), { intent: "create" });
    expect(bad.status).toBe(422);
    expect(bad.json).toMatchObject({
      error: { message: "Fix the row listed first; nothing was imported." },
      errors: [{ row: 3, message: "Row 3: no back (answer)." }],
    });
    const quotes = await importFile(instructor, csvFile('front,back\nQ1,"A1\nQ2,A2\n'), { intent: "create" });
    expect(quotes).toMatchObject({ status: 422, json: { errors: [{ row: 2 }] } });
    const corrupt = await importFile(
      instructor,
      { bytes: strToU8("PK\u0003\u0004 broken"), name: "d.apkg" },
      { intent: "create" },
    );
    expect(corrupt).toMatchObject({ status: 422, json: { error: { message: expect.stringContaining("damaged") } } });
    const bomb = zipSync({ "collection.anki2": new Uint8Array(60 * MB) }, { level: 1 });
    const bombed = await importFile(instructor, { bytes: bomb, name: "bomb.apkg" }, { intent: "create" });
    expect(bombed).toMatchObject({
      status: 422,
      json: { error: { message: expect.stringContaining("unpacks to more than 50 MB") } },
    });
    const title = await importFile(instructor, csvFile("Q,A\n"), { intent: "create", title: "x".repeat(201) });
    expect(title).toMatchObject({
      status: 422,
      json: { error: { message: "The title must be at most 200 characters." } },
    });
    expect((await importFile(instructor, null, { intent: "create" })).status).toBe(400);
    expect((await importFile(instructor, csvFile("Q,A\n"), { intent: "delete" })).status).toBe(400);
    expect(await counts()).toEqual(before);
  }, 60_000);

  it("refuses a 50 MB upload by its declared length, before reading the body", async () => {
    let read = false;
    const body = new ReadableStream(
      {
        pull() {
          read = true;
          throw new Error("the body must not be read");
        },
      },
      // Nothing is pulled until someone reads.
      { highWaterMark: 0 },
    );
    const request = new NextRequest("http://localhost/api/imports", {
      method: "POST",
      body,
      headers: {
        ...(await cookie(instructor)),
        "content-type": "multipart/form-data; boundary=x",
        "content-length": String(50 * MB),
      },
      // Node's fetch needs this for a streamed body; the DOM types do not know it.
      ...{ duplex: "half" },
    });
    const response = await importRoute(request);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: { code: "too_large", message: "The file is larger than 10 MB. Split the deck into smaller files." },
    });
    expect(read).toBe(false);
    const noLength = new NextRequest("http://localhost/api/imports", {
      method: "POST",
      headers: await cookie(instructor),
    });
    expect((await importRoute(noLength)).status).toBe(411);
  });
});

async function exportSelection(user: User | undefined, query: string) {
  const request = new NextRequest(`http://localhost/api/items/export?${query}`, { headers: await cookie(user) });
  return selectionRoute(request);
}

describe("exporting the item browser's selection", () => {
  it("exports every item the browser's filters select, of decks the exporter may see, and nothing else", async () => {
    // Someone's draft: in its owner's export of the library, never in anyone else's.
    const curie = readFileSync("lib/content/fixtures/marie-curie.md", "utf8");
    const draft = await publishDocument(
      { slug: "draft-io", title: "Curie draft", body: curie, ownerId: instructor.id, status: "draft" },
      buildItems(curie).items,
    );
    // Earlier tests' imports are the instructor's drafts too.
    const draftItems = await db.item.count({
      where: { retiredAt: null, document: { ownerId: instructor.id, status: "draft" } },
    });
    expect(draftItems).toBeGreaterThan((await db.item.count({ where: { documentId: draft.documentId } })) - 1);
    const dated = await db.item.findMany({
      where: { documentId: deckId, retiredAt: null, topic: "dates" },
      orderBy: { position: "asc" },
      select: { prompt: true },
    });
    expect(dated.length).toBeGreaterThan(0);

    const response = await exportSelection(instructor, `format=csv&deckId=${deckId}&topic=dates&page=3`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("Apollo_11_selection.csv");
    const csv = new TextDecoder().decode(await response.arrayBuffer());
    const rows = csv.trim().split("\r\n").slice(1);
    expect(rows).toHaveLength(dated.length);
    for (const item of dated) expect(csv).toContain(item.prompt.replace(/"/g, '""'));

    const mine = await exportSelection(instructor, "format=csv");
    const theirs = await exportSelection(otherInstructor, "format=csv");
    const count = async (r: Response) =>
      new TextDecoder()
        .decode(await r.arrayBuffer())
        .trim()
        .split("\r\n").length;
    expect(await count(mine)).toBe((await count(theirs)) + draftItems);
    expect((await exportSelection(otherInstructor, `format=csv&deckId=${draft.documentId}`)).status).toBe(404);

    const apkg = await exportSelection(instructor, `format=apkg&deckId=${deckId}&topic=dates`);
    expect(Object.keys(unzipSync(new Uint8Array(await apkg.arrayBuffer()))).sort()).toEqual([
      "collection.anki2",
      "media",
    ]);
  }, 30_000);

  it("loads thousands of ids in the order given (more than one statement's parameters), leaving out unknown ones", async () => {
    const live = await db.item.findMany({ where: { documentId: deckId, retiredAt: null }, select: { id: true } });
    const ids = [...Array.from({ length: 2_500 }, (_, i) => `no-such-item-${i}`), ...live.map((i) => i.id).reverse()];
    const load = await itemsForExport(instructor as Parameters<typeof itemsForExport>[0], ids);
    expect(load.ok && load.items.map((i) => i.id)).toEqual(live.map((i) => i.id).reverse());
  });

  it("lets only instructors and admins export, and says so when nothing matches or the format is unknown", async () => {
    expect((await exportSelection(undefined, "format=csv")).status).toBe(401);
    expect((await exportSelection(learner, "format=csv")).status).toBe(404);
    expect((await exportSelection(instructor, "format=zip")).status).toBe(400);
    expect((await exportSelection(instructor, "format=csv&deckId=%00")).status).toBe(404);
    const none = await exportSelection(instructor, "format=csv&q=no-such-text-anywhere");
    expect(none.status).toBe(422);
    expect(await none.json()).toEqual({
      error: { code: "empty", message: "No items match: change the search, then export." },
    });
  });
});

describe("import and export run on worker threads, one file at a time per user", () => {
  it("refuses a user's second file while their first is being read, and lets another user through", async () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => `Question ${i},Answer ${i}`).join("\n");
    const first = importForUser(instructor.id, { bytes: strToU8(`front,back\n${rows}\n`), filename: "big.csv" });
    const request = { format: "csv" as const, title: "T", items: [], now: new Date() };
    expect(await exportForUser(instructor.id, request)).toEqual({ ok: false, reason: "busy" });
    expect(await exportForUser(otherInstructor.id, request)).toMatchObject({ ok: true });
    const read = await first;
    expect(read).toMatchObject({ ok: true, result: { ok: true, format: "csv", errors: [] } });
    expect(read.ok && read.result.ok && read.result.items).toHaveLength(5_000);
    expect(await exportForUser(instructor.id, request)).toMatchObject({ ok: true });
  }, 30_000);
});

describe("round trip through the routes", () => {
  it("exports a deck as .apkg and CSV, and importing either gives the same items", async () => {
    const original = await db.item.findMany({
      where: { documentId: deckId, retiredAt: null },
      orderBy: { position: "asc" },
    });
    for (const format of ["apkg", "csv"]) {
      const response = await exportDeck(instructor, format);
      expect(response.headers.get("content-disposition")).toContain(`Apollo_11.${format}`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (format === "apkg") expect(Object.keys(unzipSync(bytes)).sort()).toEqual(["collection.anki2", "media"]);
      const created = await importFile(instructor, { bytes, name: `Apollo 11.${format}` }, { intent: "create" });
      expect(created.status).toBe(201);
      const copy = await db.item.findMany({
        where: { documentId: created.json.deckId as string },
        orderBy: { position: "asc" },
      });
      const asked = (kind: string) =>
        ["multiple_choice", "true_false"].includes(kind)
          ? "typed"
          : ["matching", "ordering"].includes(kind)
            ? "flashcard"
            : kind;
      expect(copy.map((i) => [i.kind, i.prompt, i.answer, i.topic])).toEqual(
        original.map((i) => [asked(i.kind), i.prompt, i.answer, i.topic]),
      );
    }
  }, 30_000);
});

describe("review history", () => {
  it("gives each learner their own reviews with Anki's revlog columns", async () => {
    const items = await db.item.findMany({ where: { documentId: deckId }, orderBy: { position: "asc" }, take: 2 });
    const t0 = new Date("2026-11-20T10:00:00Z");
    await recordReview({
      userId: learner.id,
      reviewId: "io-r1",
      itemId: items[0]!.id,
      version: 0,
      response: null,
      rating: "good",
      responseMs: 4200,
      now: t0,
    });
    await recordReview({
      userId: learner.id,
      reviewId: "io-r2",
      itemId: items[0]!.id,
      version: 1,
      response: null,
      rating: "again",
      responseMs: 9000,
      now: new Date(t0.getTime() + 3 * 86_400_000),
    });
    await recordReview({
      userId: otherLearner.id,
      reviewId: "io-r3",
      itemId: items[1]!.id,
      version: 0,
      response: null,
      rating: "easy",
      responseMs: 1000,
      now: t0,
    });

    const response = await historyRoute(
      new NextRequest("http://localhost/api/reviews/export", { headers: await cookie(learner) }),
    );
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const rows = (await response.text())
      .trim()
      .split("\r\n")
      .map((line) => line.split(","));
    expect(rows[0]).toEqual([
      "id",
      "cid",
      "usn",
      "ease",
      "ivl",
      "lastIvl",
      "factor",
      "time",
      "type",
      "itemId",
      "deck",
      "prompt",
    ]);
    expect(rows).toHaveLength(3);
    const [first, second] = [rows[1]!, rows[2]!];
    expect(first.slice(0, 4)).toEqual([String(t0.getTime()), first[1], "0", "3"]);
    expect(second.slice(0, 4)).toEqual([String(t0.getTime() + 3 * 86_400_000), first[1], "0", "1"]);
    expect({ lastIvl: first[5], time: first[7], type: first[8] }).toEqual({ lastIvl: "0", time: "4200", type: "0" });
    // The second answer's last interval is the first one's interval.
    expect(second[5]).toBe(first[4]);
    expect(second[7]).toBe("9000");
    expect(first[9]).toBe(items[0]!.id);
    expect(Number(first[6])).toBeGreaterThanOrEqual(100);
    expect(Number(first[6])).toBeLessThanOrEqual(1100);
    expect((await historyRoute(new NextRequest("http://localhost/api/reviews/export"))).status).toBe(401);
  });
});

describe("the .apkg a route serves", () => {
  it("is an Anki collection SQLite reads", async () => {
    const bytes = new Uint8Array(await (await exportDeck(instructor, "apkg")).arrayBuffer());
    const sqlite = new Database(Buffer.from(unzipSync(bytes)["collection.anki2"]!));
    const total = await db.item.count({ where: { documentId: deckId, retiredAt: null } });
    expect(sqlite.prepare("SELECT count(*) AS n FROM notes").get()).toEqual({ n: total });
    expect(sqlite.prepare("SELECT count(*) AS n FROM cards").get()).toEqual({ n: total });
    sqlite.close();
  });
});
