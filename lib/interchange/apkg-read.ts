import Database from "better-sqlite3";
import { z } from "zod";
import { inflateEntries, listZipEntries } from "@/lib/documents/zip";
import { DocumentError } from "@/lib/documents/types";
import { fieldToText, hasMedia } from "./html";
import { IMPORT_LIMITS } from "./limits";
import type { Note, RowError } from "./notes";

export type ApkgRead =
  | { ok: true; notes: Note[]; errors: RowError[]; warnings: string[]; deckName?: string }
  | { ok: false; message: string };

const DAMAGED =
  "The file could not be read as an Anki package: it is damaged or not an .apkg. Export the deck from Anki again (File › Export, “Anki Deck Package”).";
const NEWER_FORMAT =
  "This package was exported by Anki 2.1.50 or later in its new format, which cannot be read here. Export it again with “Support older Anki versions” ticked.";
const TOO_LARGE = `The package unpacks to more than ${IMPORT_LIMITS.inflatedBytes / 1024 / 1024} MB, more than a deck of ${IMPORT_LIMITS.rows.toLocaleString("en")} notes needs. Export fewer notes, without media.`;

// What a note type looks like in the `col.models` JSON; anything else is a damaged collection.
const ModelsSchema = z.record(
  z.string(),
  z.object({
    name: z.string(),
    type: z.number().optional(),
    flds: z.array(z.object({ name: z.string() })).max(100),
    tmpls: z.array(z.object({ qfmt: z.string().optional() })).max(100),
  }),
);
const DecksSchema = z.record(z.string(), z.object({ name: z.string() }));
type Model = z.infer<typeof ModelsSchema>[string];

/**
 * Reads the notes of an Anki package. The zip is read with fflate: the collection ("collection.anki21", or the older
 * "collection.anki2") is the only entry inflated, its declared size checked first and its real bytes counted while
 * inflating (lib/documents/zip.ts), so a zip bomb stops at the limit; media files are never inflated. The collection
 * is opened in memory with better-sqlite3 and only its `col` and `notes` tables are read (both must be tables, not
 * views). Cloze notes (note type of kind 1) keep their `{{c1::…}}` text; other notes give front and back by field
 * name (Front/Back) or else position; a template with `{{type:…}}` makes them typed. The first tag is the topic.
 * @example readApkg(bytes) // { ok: true, notes: [{ row: 1, kind: "flashcard", front: "…", back: "…" }], … }
 */
export function readApkg(bytes: Uint8Array): ApkgRead {
  let entries;
  try {
    entries = listZipEntries(bytes);
  } catch {
    return { ok: false, message: DAMAGED };
  }
  const names = new Set(entries.map((e) => e.name));
  const name = ["collection.anki21", "collection.anki2"].find((n) => names.has(n));
  if (names.has("collection.anki21b") && name !== "collection.anki21") return { ok: false, message: NEWER_FORMAT };
  if (!name) return { ok: false, message: DAMAGED };
  if (entries.find((e) => e.name === name)!.originalSize > IMPORT_LIMITS.inflatedBytes)
    return { ok: false, message: TOO_LARGE };
  let collection: Uint8Array | undefined;
  try {
    collection = inflateEntries(bytes, (n) => n === name, { totalBytes: IMPORT_LIMITS.inflatedBytes }).get(name);
  } catch (error) {
    if (error instanceof DocumentError && error.reason === "too-large-inflated")
      return { ok: false, message: TOO_LARGE };
    return { ok: false, message: DAMAGED };
  }
  if (!collection || !startsWithSqliteHeader(collection)) return { ok: false, message: DAMAGED };
  let db: Database.Database | undefined;
  try {
    db = new Database(Buffer.from(collection.buffer, collection.byteOffset, collection.byteLength));
    return readCollection(db);
  } catch {
    // better-sqlite3 throws SqliteError ("file is not a database", "database disk image is malformed") on damage.
    return { ok: false, message: DAMAGED };
  } finally {
    db?.close();
  }
}

function readCollection(db: Database.Database): ApkgRead {
  // A crafted file could make "notes" a view over an endless recursive query; only real tables are read.
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('col', 'notes')").all();
  if (tables.length !== 2) return { ok: false, message: DAMAGED };
  // Generated columns are computed while reading, by expressions the file chooses (zeroblob(1e9) …); Anki has none.
  const generated = db.prepare("SELECT count(*) AS n FROM pragma_table_xinfo('notes') WHERE hidden <> 0").get() as {
    n: number;
  };
  const generatedCol = db.prepare("SELECT count(*) AS n FROM pragma_table_xinfo('col') WHERE hidden <> 0").get() as {
    n: number;
  };
  if (generated.n + generatedCol.n > 0) return { ok: false, message: DAMAGED };
  const { count } = db.prepare("SELECT count(*) AS count FROM notes").get() as { count: number };
  if (count > IMPORT_LIMITS.rows)
    return {
      ok: false,
      message: `The package holds ${count.toLocaleString("en")} notes; at most ${IMPORT_LIMITS.rows.toLocaleString("en")} can be imported at once. Export a smaller deck from Anki.`,
    };
  const col = db.prepare("SELECT models, decks FROM col LIMIT 1").get() as
    { models: unknown; decks: unknown } | undefined;
  const models = ModelsSchema.safeParse(parseJson(col?.models));
  if (!models.success) return { ok: false, message: DAMAGED };
  const decks = DecksSchema.safeParse(parseJson(col?.decks));
  const rows = db.prepare("SELECT mid, tags, flds FROM notes ORDER BY id").all() as {
    mid: unknown;
    tags: unknown;
    flds: unknown;
  }[];
  const notes: Note[] = [];
  const errors: RowError[] = [];
  let withMedia = 0;
  rows.forEach((row, i) => {
    const number = i + 1;
    const model = Object.hasOwn(models.data, String(row.mid)) ? models.data[String(row.mid)] : undefined;
    if (!model || typeof row.flds !== "string") {
      errors.push({ row: number, message: `Note ${number}: its note type is missing from the package.` });
      return;
    }
    if (hasMedia(row.flds)) withMedia += 1;
    const note = toNote(number, model, row.flds.split("\u001f"), typeof row.tags === "string" ? row.tags : "");
    if (note.front === "" && hasMedia(row.flds.split("\u001f")[0] ?? ""))
      errors.push({
        row: number,
        message: `Note ${number}: its front is only a picture or sound, which are not imported.`,
      });
    else notes.push(note);
  });
  const warnings = withMedia > 0 ? [`${withMedia} notes hold pictures or sounds, which are not imported.`] : [];
  const deckNames = decks.success
    ? Object.values(decks.data)
        .map((d) => d.name)
        .filter((n) => n !== "Default")
    : [];
  return { ok: true, notes, errors, warnings, ...(deckNames.length === 1 ? { deckName: deckNames[0] } : {}) };
}

function toNote(row: number, model: Model, raw: string[], tags: string): Note {
  const fieldNames = model.flds.map((f) => f.name.toLowerCase());
  const field = (name: string, fallback?: number) => {
    const at = fieldNames.indexOf(name);
    const index = at >= 0 ? at : fallback;
    return index === undefined ? "" : fieldToText(raw[index] ?? "");
  };
  const topic = tags
    .split(/\s+/)
    .find((t) => t && !["leech", "marked"].includes(t.toLowerCase()))
    ?.replace(/_/g, " ");
  const alternatives = field("alternatives")
    .split(/[;|]/)
    .map((a) => a.trim())
    .filter(Boolean);
  const source = field("source");
  const common = { row, alternatives, ...(topic ? { topic } : {}), ...(source ? { source } : {}) };
  if (model.type === 1) return { ...common, kind: "cloze", front: field("text", 0), back: field("back extra", 1) };
  const typed = model.tmpls.some((t) => t.qfmt?.includes("{{type:"));
  return { ...common, kind: typed ? "typed" : "flashcard", front: field("front", 0), back: field("back", 1) };
}

function parseJson(text: unknown): unknown {
  if (typeof text !== "string") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const SQLITE_HEADER = "SQLite format 3\u0000";
function startsWithSqliteHeader(bytes: Uint8Array): boolean {
  return bytes.length >= 100 && [...SQLITE_HEADER].every((c, i) => bytes[i] === c.charCodeAt(0));
}
