import Database from "better-sqlite3";
import { strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { writeApkg } from "./apkg-write";
import { readImport } from "./import";
import { clozeDeletions } from "./notes";

const MB = 1024 * 1024;
const csv = (text: string, filename = "deck.csv") => readImport({ bytes: strToU8(text), filename });
const summary = (text: string, filename?: string) => {
  const read = csv(text, filename);
  if (!read.ok) return read;
  return { items: read.items.map((i) => [i.kind, i.prompt, i.answer, i.accepted, i.topic]), errors: read.errors };
};

const DAMAGED =
  "The file could not be read as an Anki package: it is damaged or not an .apkg. Export the deck from Anki again (File › Export, “Anki Deck Package”).";
const BOMB =
  "The package unpacks to more than 50 MB, more than a deck of 10,000 notes needs. Export fewer notes, without media.";

/** A zip whose entry `name` declares `declared` bytes (both headers rewritten), whatever it really holds. */
function lyingAbout(zip: Uint8Array, name: string, declared: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const bytes = strToU8(name);
  for (let i = 0; i < out.length - 46; i++) {
    const signature = view.getUint32(i, true);
    const [nameAt, sizeAt] = signature === 0x04034b50 ? [30, 22] : signature === 0x02014b50 ? [46, 24] : [0, 0];
    if (nameAt && bytes.every((b, j) => out[i + nameAt + j] === b)) view.setUint32(i + sizeAt, declared, true);
  }
  return out;
}

describe("CSV and TSV import", () => {
  it("reads a headerless CSV by position: front, back, alternatives (; or |), topic", () => {
    expect(
      summary('Capital of France?,Paris\n"Largest planet, by mass?",Jupiter,Jove|jupiter planet,astronomy\n'),
    ).toEqual({
      items: [
        ["flashcard", "Capital of France?", "Paris", [], "general"],
        ["typed", "Largest planet, by mass?", "Jupiter", ["Jove", "jupiter planet"], "astronomy"],
      ],
      errors: [],
    });
  });

  it("reads columns by header name, including kind and source", () => {
    expect(summary("topic,kind,front,back,alternatives\nmaths,typed,2+2?,4,four\n")).toEqual({
      items: [["typed", "2+2?", "4", ["four"], "maths"]],
      errors: [],
    });
  });

  it("reads Quizlet's export (term, tab, definition; one card a line)", () => {
    expect(summary("perro\tdog\ngato\tcat\n", "quizlet.txt")).toEqual({
      items: [
        ["flashcard", "perro", "dog", [], "general"],
        ["flashcard", "gato", "cat", [], "general"],
      ],
      errors: [],
    });
  });

  it("reads Anki's 'Notes in Plain Text' export: #separator, #html, #tags column, cloze text", () => {
    const text =
      "#separator:tab\n#html:true\n#tags column:3\nWhat is &lt;b&gt;?<br>(HTML)\t<b>bold</b>&nbsp;tag\thtml web\n{{c1::Paris}} is in {{c2::France::country}}\t\tgeo\n";
    expect(summary(text, "anki.txt")).toEqual({
      items: [
        ["flashcard", "What is <b>?\n(HTML)", "bold tag", [], "html"],
        ["cloze", "Fill in the blank: _____ is in France", "Paris", [], "geo"],
        ["cloze", "Fill in the blank: Paris is in _____ (country)", "France", [], "geo"],
      ],
      errors: [],
    });
  });

  it("lists each bad row with its number and a reason, and makes no item of it", () => {
    const read = csv("front,back\nQ1,A1\nQ2,\n,A3\nQ4,A4,,,\n{{c1::}} empty cloze\n" + `${"x".repeat(2001)},A6\n`);
    expect(read.ok && read.errors).toEqual([
      { row: 3, message: "Row 3: no back (answer)." },
      { row: 4, message: "Row 4: no front (question)." },
      { row: 6, message: "Row 6: a cloze note needs a deletion such as {{c1::Paris}}." },
      { row: 7, message: "Row 7: the front is longer than 2,000 characters." },
    ]);
    expect(read.ok && read.items.map((i) => i.prompt)).toEqual(["Q1", "Q4"]);
  });

  it("does not take a cell naming an Object property for a kind, column or separator", () => {
    expect(summary("#separator:constructor\nfront,constructor,back,kind\nQ,x,A,constructor\n")).toEqual({
      items: [],
      errors: [{ row: 3, message: 'Row 3: the kind "constructor" is not one of typed, flashcard, cloze.' }],
    });
  });

  it("refuses an unknown kind by row", () => {
    expect(csv("front,back,kind\nQ,A,essay\n").ok && csv("front,back,kind\nQ,A,essay\n")).toMatchObject({
      errors: [{ row: 2, message: 'Row 2: the kind "essay" is not one of typed, flashcard, cloze.' }],
      items: [],
    });
  });

  it("reports broken quoting with its row and imports nothing from the file", () => {
    expect(summary('front,back\nQ1,A1\nQ2,"never closed\nQ3,A3\n')).toEqual({
      items: [],
      errors: [
        {
          row: 3,
          message: 'Row 3: a quoted cell is never closed (a " without its closing "). Nothing after it can be read.',
        },
      ],
    });
    expect(summary('front,back\nQ1,"A "quoted" word"\n')).toMatchObject({
      items: [],
      errors: [{ row: 2, message: expect.stringContaining("a quote inside a quoted cell is not doubled") }],
    });
  });

  it("refuses more than 10,000 rows, an empty file, a binary file and a file over 10 MB", () => {
    expect(csv(Array.from({ length: 10_001 }, (_, i) => `Q${i},A${i}`).join("\n"))).toEqual({
      ok: false,
      message: "The file has more than 10,000 rows. Split it into smaller files and import them one at a time.",
    });
    expect(csv(Array.from({ length: 10_000 }, (_, i) => `Q${i},A${i}`).join("\n")).ok).toBe(true);
    expect(csv("")).toEqual({ ok: false, message: "The file is empty. Choose the file again, or another one." });
    expect(csv("\n\n  \n")).toEqual({
      ok: false,
      message: "The file has no rows to import: each row needs a front and a back.",
    });
    expect(readImport({ bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]), filename: "x.csv" })).toEqual({
      ok: false,
      message:
        "The file is not a CSV or TSV text file, nor an Anki package (.apkg). Export the deck as CSV, TSV or .apkg and import that.",
    });
    expect(readImport({ bytes: new Uint8Array(10 * MB + 1), filename: "big.csv" })).toEqual({
      ok: false,
      message: "The file is larger than 10 MB. Split the deck into smaller files.",
    });
  });
});

describe(".apkg import", () => {
  const good = () => ({ id: "i1", item: itemOf("What is 2+2?", "4"), sourceText: "Arithmetic." });

  it("refuses a corrupt package: not a zip, a truncated zip, a zip without a collection, a collection that is no database", () => {
    const apkg = writeApkg({ title: "T", items: [good()], now: new Date(0) });
    for (const bytes of [
      strToU8("this is not a zip"),
      apkg.subarray(0, apkg.length - 30),
      zipSync({ "readme.txt": strToU8("hi") }),
      zipSync({ "collection.anki2": strToU8("SQLite format 3\u0000" + "garbage".repeat(100)) }),
      zipSync({ "collection.anki2": new Uint8Array(4096).fill(7) }),
    ])
      expect(readImport({ bytes, filename: "deck.apkg" })).toEqual({ ok: false, message: DAMAGED });
  });

  it("refuses a collection with notes as a view (a crafted file could make it an endless query)", () => {
    const db = new Database(":memory:");
    db.exec(
      "CREATE TABLE col (models text, decks text); CREATE VIEW notes AS SELECT 1 AS mid, '' AS tags, '' AS flds;",
    );
    const bytes = zipSync({ "collection.anki2": new Uint8Array(db.serialize()) });
    db.close();
    expect(readImport({ bytes, filename: "deck.apkg" })).toEqual({ ok: false, message: DAMAGED });
  });

  it("refuses a collection whose notes have a generated column (computed on read by the file's own expression)", () => {
    const db = new Database(":memory:");
    db.exec(`CREATE TABLE col (models text, decks text); INSERT INTO col VALUES ('{}', '{}');
      CREATE TABLE notes (id integer, mid integer, tags text, flds text GENERATED ALWAYS AS (zeroblob(1000)) VIRTUAL);
      INSERT INTO notes (id, mid, tags) VALUES (1, 1, '');`);
    const bytes = zipSync({ "collection.anki2": new Uint8Array(db.serialize()) });
    db.close();
    expect(readImport({ bytes, filename: "deck.apkg" })).toEqual({ ok: false, message: DAMAGED });
  });

  it("reads fields as text: control characters dropped, a field far over the limit refused by row", () => {
    const apkg = writeApkg({
      title: "T",
      items: [
        { id: "a", item: itemOf("Q\u0000 one\u000c?", "A"), sourceText: "" },
        { id: "b", item: itemOf(`<b>${"x".repeat(60_000)}</b>`, "A"), sourceText: "" },
      ],
      now: new Date(0),
    });
    const read = readImport({ bytes: apkg, filename: "deck.apkg" });
    expect(read.ok && read.items.map((i) => i.prompt)).toEqual(["Q one?"]);
    expect(read.ok && read.errors).toEqual([{ row: 2, message: "Note 2: the front is longer than 2,000 characters." }]);
  });

  it("stops a zip bomb, whether it declares its size honestly or lies about it", () => {
    const bomb = zipSync({ "collection.anki2": new Uint8Array(51 * MB) }, { level: 1 });
    expect(bomb.length).toBeLessThan(MB);
    expect(readImport({ bytes: bomb, filename: "bomb.apkg" })).toEqual({ ok: false, message: BOMB });
    expect(readImport({ bytes: lyingAbout(bomb, "collection.anki2", 1024), filename: "bomb.apkg" })).toEqual({
      ok: false,
      message: BOMB,
    });
  }, 60_000);

  it("never inflates media files, however large", () => {
    const apkg = zipSync({
      ...unzipSync(writeApkg({ title: "T", items: [good()], now: new Date(0) })),
      "0": new Uint8Array(60 * MB),
    });
    const read = readImport({ bytes: apkg, filename: "deck.apkg" });
    expect(read.ok && read.items.map((i) => i.prompt)).toEqual(["What is 2+2?"]);
  }, 60_000);

  it("explains a package in Anki's newer format, which it cannot read", () => {
    const bytes = zipSync({ "collection.anki21b": new Uint8Array(10), "collection.anki2": new Uint8Array(10) });
    expect(readImport({ bytes, filename: "new.apkg" })).toEqual({
      ok: false,
      message:
        "This package was exported by Anki 2.1.50 or later in its new format, which cannot be read here. Export it again with “Support older Anki versions” ticked.",
    });
  });
});

describe("cloze deletions", () => {
  it("makes one card per cloze number, blanking that number and filling in the others", () => {
    expect(clozeDeletions("{{c1::Paris}} and {{c1::Lyon}} are in {{c2::France}}")).toEqual([
      { n: 1, prompt: "_____ and _____ are in France", answer: "Paris, Lyon" },
      { n: 2, prompt: "Paris and Lyon are in _____", answer: "France" },
    ]);
  });
});

function itemOf(prompt: string, answer: string) {
  return {
    key: "k",
    factKey: "f",
    kind: "typed" as const,
    prompt,
    answer,
    accepted: [],
    options: null,
    answerType: "text" as const,
    topic: "figures" as const,
    difficulty: 0.5,
    source: { text: "Arithmetic.", start: 0, end: 11 },
  };
}
