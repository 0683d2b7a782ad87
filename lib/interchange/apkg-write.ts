import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import { strToU8, zipSync } from "fflate";
import type { GeneratedItem } from "@/lib/content/types";
import { fieldToText, textToField } from "./html";
import { itemToNote, type ImportedKind } from "./notes";

/**
 * The legacy Anki collection (schema 11, "collection.anki2"), which every Anki since 2.1 imports: the `col` row holds
 * the note types, decks and deck options as JSON; a note's fields are joined by U+001F. Written from Anki's
 * rslib/src/storage/schema11.sql and rslib/src/notetype/schema11.rs (read, not copied).
 */
const SCHEMA = `
CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL,
  ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL, conf text NOT NULL,
  models text NOT NULL, decks text NOT NULL, dconf text NOT NULL, tags text NOT NULL);
CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL,
  usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL, csum integer NOT NULL,
  flags integer NOT NULL, data text NOT NULL);
CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL,
  mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL, due integer NOT NULL,
  ivl integer NOT NULL, factor integer NOT NULL, reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL,
  odue integer NOT NULL, odid integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL,
  ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL, type integer NOT NULL);
CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
CREATE INDEX ix_notes_usn ON notes (usn);
CREATE INDEX ix_cards_usn ON cards (usn);
CREATE INDEX ix_revlog_usn ON revlog (usn);
CREATE INDEX ix_cards_nid ON cards (nid);
CREATE INDEX ix_cards_sched ON cards (did, queue, due);
CREATE INDEX ix_revlog_cid ON revlog (cid);
CREATE INDEX ix_notes_csum ON notes (csum);`;

/** Note types have fixed ids, so a second export of a deck reuses the note types the first one added to Anki. */
export const NOTE_TYPES: Record<ImportedKind, { id: number; name: string; fields: string[]; cloze: boolean }> = {
  flashcard: {
    id: 1764547200001,
    name: "Factdeck Basic",
    fields: ["Front", "Back", "Source", "Alternatives"],
    cloze: false,
  },
  typed: {
    id: 1764547200002,
    name: "Factdeck Basic (type in the answer)",
    fields: ["Front", "Back", "Source", "Alternatives"],
    cloze: false,
  },
  cloze: {
    id: 1764547200003,
    name: "Factdeck Cloze",
    fields: ["Text", "Back Extra", "Source", "Alternatives"],
    cloze: true,
  },
};

const EXTRA =
  "{{#Alternatives}}<div class=alternatives>Also accepted: {{Alternatives}}</div>{{/Alternatives}}\n{{#Source}}<div class=source>{{Source}}</div>{{/Source}}";
const TEMPLATES: Record<ImportedKind, { qfmt: string; afmt: string }> = {
  flashcard: { qfmt: "{{Front}}", afmt: `{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}\n${EXTRA}` },
  typed: { qfmt: "{{Front}}\n\n{{type:Back}}", afmt: `{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}\n${EXTRA}` },
  cloze: { qfmt: "{{cloze:Text}}", afmt: `{{cloze:Text}}<br>\n{{Back Extra}}\n${EXTRA}` },
};
const CSS =
  ".card { font-family: arial; font-size: 20px; text-align: center; color: black; background-color: white; }\n" +
  ".source, .alternatives { font-size: 14px; color: #555; margin-top: 1em; }\n.cloze { font-weight: bold; color: blue; }";

export interface ApkgInput {
  /** The deck's name in Anki. */
  title: string;
  items: readonly { id: string; item: GeneratedItem; sourceText: string }[];
  now: Date;
}

/**
 * Writes an Anki package (.apkg: a zip of "collection.anki2" and an empty "media" list) holding one deck named after
 * `title`, one note per item (a Factdeck Cloze note for a cloze item with one blank, else a Factdeck Basic note, "type
 * in the answer" for items that are graded here), tagged with the item's topic, each with one new card. The
 * collection is built in memory with better-sqlite3 and serialized. A note's guid is derived from the item id, so
 * Anki updates the notes of a second export of the same deck instead of adding them twice.
 * @example writeApkg({ title: "NATO", items, now: new Date() }) // Uint8Array (zip)
 */
export function writeApkg({ title, items, now }: ApkgInput): Uint8Array {
  const ms = now.getTime();
  const secs = Math.floor(ms / 1000);
  const deckId = ms;
  const db = new Database(":memory:");
  try {
    db.exec(SCHEMA);
    const models = Object.fromEntries(
      (Object.keys(NOTE_TYPES) as ImportedKind[]).map((kind) => [
        String(NOTE_TYPES[kind].id),
        noteType(kind, deckId, secs),
      ]),
    );
    const decks = {
      "1": deck(1, "Default", secs),
      [String(deckId)]: deck(deckId, title.replace(/::/g, ":"), secs),
    };
    const conf = {
      activeDecks: [deckId],
      curDeck: deckId,
      newSpread: 0,
      collapseTime: 1200,
      timeLim: 0,
      estTimes: true,
      dueCounts: true,
      curModel: String(NOTE_TYPES.flashcard.id),
      nextPos: items.length + 1,
      sortType: "noteFld",
      sortBackwards: false,
      addToCur: true,
    };
    db.prepare("INSERT INTO col VALUES (1, @crt, @mod, @mod, 11, 0, 0, 0, @conf, @models, @decks, @dconf, '{}')").run({
      crt: Math.floor(new Date(now).setUTCHours(0, 0, 0, 0) / 1000),
      mod: ms,
      conf: JSON.stringify(conf),
      models: JSON.stringify(models),
      decks: JSON.stringify(decks),
      dconf: JSON.stringify({ "1": deckOptions(secs) }),
    });
    const addNote = db.prepare(
      "INSERT INTO notes VALUES (@id, @guid, @mid, @mod, -1, @tags, @flds, @sfld, @csum, 0, '')",
    );
    const addCard = db.prepare(
      "INSERT INTO cards VALUES (@id, @nid, @did, 0, @mod, -1, 0, 0, @due, 0, 0, 0, 0, 0, 0, 0, 0, '')",
    );
    db.transaction(() => {
      items.forEach(({ id, item, sourceText }, i) => {
        const note = itemToNote(item, sourceText);
        const fields = [
          note.front,
          note.kind === "cloze" ? "" : note.back,
          note.source ?? "",
          note.alternatives.join("; "),
        ];
        const flds = fields.map(textToField);
        const sortText = fieldToText(flds[0]!);
        addNote.run({
          id: ms + i,
          guid: createHash("sha256").update(`factdeck:${id}`).digest("base64url").slice(0, 10),
          mid: NOTE_TYPES[note.kind].id,
          mod: secs,
          tags: note.topic ? ` ${note.topic.replace(/\s+/g, "_")} ` : "",
          flds: flds.join("\u001f"),
          sfld: sortText,
          csum: fieldChecksum(sortText),
        });
        addCard.run({ id: ms + i, nid: ms + i, did: deckId, mod: secs, due: i + 1 });
      });
    })();
    const collection = db.serialize();
    return zipSync({ "collection.anki2": new Uint8Array(collection), media: strToU8("{}") });
  } finally {
    db.close();
  }
}

/** Anki's duplicate check: the first 8 hex digits of the SHA-1 of the note's sort field (HTML removed), as a number. */
export function fieldChecksum(text: string): number {
  return parseInt(createHash("sha1").update(text).digest("hex").slice(0, 8), 16);
}

function noteType(kind: ImportedKind, deckId: number, secs: number) {
  const type = NOTE_TYPES[kind];
  return {
    id: type.id,
    name: type.name,
    type: type.cloze ? 1 : 0,
    mod: secs,
    usn: -1,
    sortf: 0,
    did: deckId,
    tmpls: [
      {
        name: type.cloze ? "Cloze" : "Card 1",
        ord: 0,
        ...TEMPLATES[kind],
        bqfmt: "",
        bafmt: "",
        did: null,
        bfont: "",
        bsize: 0,
      },
    ],
    flds: type.fields.map((name, ord) => ({
      name,
      ord,
      sticky: false,
      rtl: false,
      font: "Arial",
      size: 20,
      media: [],
    })),
    css: CSS,
    latexPre:
      "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
    latexPost: "\\end{document}",
    latexsvg: false,
    req: [[0, "any", [0]]],
    tags: [],
    vers: [],
  };
}

function deck(id: number, name: string, secs: number) {
  return {
    id,
    name,
    mod: secs,
    usn: -1,
    lrnToday: [0, 0],
    revToday: [0, 0],
    newToday: [0, 0],
    timeToday: [0, 0],
    collapsed: false,
    browserCollapsed: false,
    desc: "",
    dyn: 0,
    conf: 1,
    extendNew: 0,
    extendRev: 0,
  };
}

/** Anki's default deck options, so the collection opens as one Anki itself made. */
function deckOptions(secs: number) {
  return {
    id: 1,
    mod: secs,
    name: "Default",
    usn: 0,
    maxTaken: 60,
    autoplay: true,
    timer: 0,
    replayq: true,
    dyn: false,
    new: { bury: false, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 0], order: 1, perDay: 20 },
    rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 200, hardFactor: 1.2 },
    lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
  };
}
