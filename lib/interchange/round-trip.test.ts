import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { generateCandidates } from "@/lib/content/generate";
import { buildItems } from "@/lib/content/pipeline";
import type { GeneratedItem } from "@/lib/content/types";
import { fieldChecksum, NOTE_TYPES, writeApkg } from "./apkg-write";
import { itemsCsv } from "./csv";
import { readImport, type ImportPreview } from "./import";
import { exportedKind } from "./notes";

const NOW = new Date("2026-12-01T12:00:00Z");
// Two documents, a true/false and a multiple-choice candidate (a deck serves one item per fact, and a short answer is
// asked for recall on a tie: decisions 034 and 048), so that the deck holds every kind the generator makes.
const built = ["apollo-11", "marie-curie"].map((name) =>
  buildItems(readFileSync(`lib/content/fixtures/${name}.md`, "utf8")),
);
const served = built.flatMap((b) => b.items);
const candidates = generateCandidates(built[0]!.facts);
const apollo = [
  ...served,
  ...(["true_false", "multiple_choice"] as const).flatMap((kind) =>
    served.some((i) => i.kind === kind) ? [] : candidates.filter((i) => i.kind === kind).slice(0, 1),
  ),
];
const exportItems = (items: GeneratedItem[]) =>
  items.map((item, i) => ({ id: `item-${i}`, item, sourceText: item.source.text }));

/** What an item is after a round trip: kinds with options are asked as typed or flashcards (notes.ts). */
const expected = (item: GeneratedItem) => ({
  kind: exportedKind(item.kind),
  prompt: item.prompt,
  answer: item.answer,
  accepted: item.accepted.filter((a) => a !== item.answer),
  topic: item.topic,
});
const comparable = (item: GeneratedItem) => ({
  kind: item.kind,
  prompt: item.prompt,
  answer: item.answer,
  accepted: item.accepted,
  topic: item.topic,
});

function imported(bytes: Uint8Array, filename: string): ImportPreview {
  const read = readImport({ bytes, filename });
  if (!read.ok) throw new Error(read.message);
  return read;
}

describe("export → import round trip", () => {
  it("starts from a deck with every kind of generated item", () => {
    expect(new Set(apollo.map((i) => i.kind))).toEqual(
      new Set(["multiple_choice", "cloze", "true_false", "typed", "flashcard", "matching", "ordering"]),
    );
  });

  it("gives the same items back through .apkg", () => {
    const back = imported(writeApkg({ title: "Apollo 11", items: exportItems(apollo), now: NOW }), "Apollo 11.apkg");
    expect(back.errors).toEqual([]);
    expect(back.title).toBe("Apollo 11");
    expect(back.items.map(comparable)).toEqual(apollo.map(expected));
  });

  it("gives the same items back through CSV", () => {
    const csv = itemsCsv(exportItems(apollo));
    const back = imported(new TextEncoder().encode(csv), "apollo-11.csv");
    expect(back.errors).toEqual([]);
    expect(back.title).toBe("apollo-11");
    expect(back.items.map(comparable)).toEqual(apollo.map(expected));
  });

  it("keeps a second round trip identical to the first (typed, flashcard and cloze survive exactly)", () => {
    const once = imported(writeApkg({ title: "A", items: exportItems(apollo), now: NOW }), "a.apkg").items;
    const twice = imported(new TextEncoder().encode(itemsCsv(exportItems(once))), "a.csv").items;
    expect(twice.map(comparable)).toEqual(once.map(comparable));
  });

  it("keeps formula-like text through CSV (the export's apostrophe is removed again)", () => {
    const item: GeneratedItem = {
      ...apollo.find((i) => i.kind === "flashcard")!,
      prompt: "=1+1 in a spreadsheet?",
      answer: "-2",
    };
    const back = imported(new TextEncoder().encode(itemsCsv(exportItems([item]))), "f.csv");
    expect(back.items.map((i) => [i.prompt, i.answer])).toEqual([["=1+1 in a spreadsheet?", "-2"]]);
  });
});

describe("the Anki collection inside the .apkg", () => {
  it("holds the expected notes, note types, deck and cards when read back with SQLite", () => {
    const items = exportItems(apollo);
    const zip = unzipSync(writeApkg({ title: "Apollo 11", items, now: NOW }));
    expect(Object.keys(zip).sort()).toEqual(["collection.anki2", "media"]);
    expect(new TextDecoder().decode(zip.media)).toBe("{}");
    const db = new Database(Buffer.from(zip["collection.anki2"]!));
    try {
      const col = db.prepare("SELECT ver, models, decks, dconf FROM col").get() as Record<string, string | number>;
      expect(col.ver).toBe(11);
      const models = JSON.parse(col.models as string) as Record<
        string,
        { name: string; type: number; flds: { name: string }[]; tmpls: { qfmt: string }[] }
      >;
      expect(
        Object.values(models).map((m) => ({
          name: m.name,
          type: m.type,
          fields: m.flds.map((f) => f.name),
          qfmt: m.tmpls[0]!.qfmt,
        })),
      ).toEqual([
        { name: "Factdeck Basic", type: 0, fields: ["Front", "Back", "Source", "Alternatives"], qfmt: "{{Front}}" },
        {
          name: "Factdeck Basic (type in the answer)",
          type: 0,
          fields: ["Front", "Back", "Source", "Alternatives"],
          qfmt: "{{Front}}\n\n{{type:Back}}",
        },
        {
          name: "Factdeck Cloze",
          type: 1,
          fields: ["Text", "Back Extra", "Source", "Alternatives"],
          qfmt: "{{cloze:Text}}",
        },
      ]);
      const decks = Object.values(JSON.parse(col.decks as string) as Record<string, { id: number; name: string }>);
      expect(decks.map((d) => d.name)).toEqual(["Default", "Apollo 11"]);
      expect(Object.keys(JSON.parse(col.dconf as string) as object)).toEqual(["1"]);

      const notes = db.prepare("SELECT id, guid, mid, tags, flds, sfld, csum FROM notes ORDER BY id").all() as {
        id: number;
        guid: string;
        mid: number;
        tags: string;
        flds: string;
        sfld: string;
        csum: number;
      }[];
      expect(notes).toHaveLength(apollo.length);
      const cloze = apollo.findIndex((i) => i.kind === "cloze");
      const clozeNote = notes[cloze]!;
      expect(clozeNote.mid).toBe(NOTE_TYPES.cloze.id);
      expect(clozeNote.flds.split("\u001f")[0]).toBe(
        apollo[cloze]!.prompt.replace("Fill in the blank: ", "")
          .replace("_____", `{{c1::${apollo[cloze]!.answer}}}`)
          .replace(/&/g, "&amp;"),
      );
      const flash = apollo.findIndex((i) => i.kind === "flashcard");
      const [front, back, source] = notes[flash]!.flds.split("\u001f");
      expect({ front, back, source, tags: notes[flash]!.tags, mid: notes[flash]!.mid }).toEqual({
        front: apollo[flash]!.prompt,
        back: apollo[flash]!.answer,
        source: apollo[flash]!.source.text,
        tags: ` ${apollo[flash]!.topic} `,
        mid: NOTE_TYPES.flashcard.id,
      });
      expect(notes.every((n) => n.csum === fieldChecksum(String(n.sfld)))).toBe(true);
      expect(new Set(notes.map((n) => n.guid)).size).toBe(notes.length);

      const cards = db.prepare("SELECT nid, did, ord, type, queue, due FROM cards ORDER BY id").all() as Record<
        string,
        number
      >[];
      const deckId = decks.find((d) => d.name === "Apollo 11")!.id;
      expect(cards).toEqual(notes.map((n, i) => ({ nid: n.id, did: deckId, ord: 0, type: 0, queue: 0, due: i + 1 })));
      expect(db.prepare("SELECT count(*) AS n FROM revlog").get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  it("gives a note the same guid on every export of the same item, so Anki updates it instead of adding a copy", () => {
    const guids = (now: Date) => {
      const zip = unzipSync(writeApkg({ title: "A", items: exportItems(apollo.slice(0, 3)), now }));
      const db = new Database(Buffer.from(zip["collection.anki2"]!));
      const rows = db.prepare("SELECT guid FROM notes ORDER BY id").all();
      db.close();
      return rows;
    };
    expect(guids(NOW)).toEqual(guids(new Date("2027-01-01T00:00:00Z")));
  });
});
