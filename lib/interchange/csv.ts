import Papa from "papaparse";
import { toCsv } from "@/lib/csv";
import type { GeneratedItem } from "@/lib/content/types";
import { fieldToText } from "./html";
import { IMPORT_LIMITS } from "./limits";
import { itemToNote, type Note, type RowError } from "./notes";

type Column = "front" | "back" | "alternatives" | "topic" | "kind" | "source" | "tags" | "ignored";

/** Header names (lower case) of the shapes people export: Factdeck, Anki, Quizlet, spreadsheets. */
const HEADER_NAMES: Record<string, Column> = {
  front: "front",
  term: "front",
  question: "front",
  prompt: "front",
  text: "front",
  back: "back",
  definition: "back",
  answer: "back",
  "back extra": "back",
  alternatives: "alternatives",
  "accepted answers": "alternatives",
  accepted: "alternatives",
  topic: "topic",
  tags: "tags",
  kind: "kind",
  type: "kind",
  source: "source",
};
const POSITIONAL: Column[] = ["front", "back", "alternatives", "topic"];
const KINDS: Record<string, Note["kind"]> = {
  typed: "typed",
  flashcard: "flashcard",
  basic: "flashcard",
  cloze: "cloze",
};
const SEPARATORS: Record<string, string> = { tab: "\t", comma: ",", semicolon: ";", pipe: "|", colon: ":", space: " " };
// Tags Anki adds by itself; they are no topic.
const SYSTEM_TAGS = new Set(["leech", "marked"]);

export type CsvRead =
  { ok: true; notes: Note[]; errors: RowError[]; warnings: string[] } | { ok: false; message: string };

/**
 * Reads CSV or TSV notes with papaparse: with a header row (front/back/alternatives/topic/kind/source, or Quizlet's
 * and Anki's names: term, definition, text, tags …) columns are taken by name; without one, by position (front, back,
 * alternatives, topic). The separator is the one Anki's `#separator:` line names, a tab for .tsv files, else guessed
 * among comma, tab and semicolon; Anki's other `#…:` lines are honoured (`#html:true`, `#tags column:`, and the
 * guid/notetype/deck columns are skipped). Alternatives are separated by ";" or "|". A quote that is never closed or
 * not doubled is reported with its row, and no notes are returned: every row after it would be misread.
 * @example readCsv("front,back\nCapital of France?,Paris\n", "deck.csv")
 * // { ok: true, notes: [{ row: 2, front: "Capital of France?", back: "Paris", alternatives: [] }], … }
 */
export function readCsv(text: string, filename: string): CsvRead {
  const meta = readMetaLines(text);
  const delimiter = meta.separator ?? (/\.tsv$/i.test(filename) ? "\t" : undefined);
  const parsed = Papa.parse<string[]>(meta.body, {
    header: false,
    skipEmptyLines: "greedy",
    delimiter,
    delimitersToGuess: [",", "\t", ";"],
    // Stops reading past the limit (the header and one row more, to know it was passed).
    preview: IMPORT_LIMITS.rows + 2,
  });
  const firstRow = meta.lines + 1;
  // papaparse may report one bad quote twice; one message a row is enough.
  const quoteErrors = parsed.errors
    .filter((e) => e.type === "Quotes")
    .filter((e, i, all) => all.findIndex((o) => o.row === e.row) === i);
  if (quoteErrors.length > 0)
    return {
      ok: true,
      notes: [],
      warnings: [],
      errors: quoteErrors.slice(0, 20).map((e) => ({
        row: firstRow + (e.row ?? 0),
        message:
          e.code === "MissingQuotes"
            ? `Row ${firstRow + (e.row ?? 0)}: a quoted cell is never closed (a " without its closing "). Nothing after it can be read.`
            : `Row ${firstRow + (e.row ?? 0)}: a quote inside a quoted cell is not doubled (write "" for a quote inside quotes).`,
      })),
    };
  const rows = parsed.data;
  const header = headerColumns(rows[0] ?? []);
  const data = header ? rows.slice(1) : rows;
  if (data.length > IMPORT_LIMITS.rows)
    return {
      ok: false,
      message: `The file has more than ${IMPORT_LIMITS.rows.toLocaleString("en")} rows. Split it into smaller files and import them one at a time.`,
    };
  const columns = header ?? positional(meta);
  const warnings: string[] = [];
  const ignored = header ? (rows[0] ?? []).filter((_, i) => header[i] === "ignored") : [];
  if (ignored.length > 0)
    warnings.push(`Columns not imported: ${ignored.map((name) => `"${name.trim().slice(0, 40)}"`).join(", ")}.`);
  const notes = data.map((cells, i) => {
    const row = firstRow + i + (header ? 1 : 0);
    const cell = (column: Column) => {
      const at = columns.indexOf(column);
      const raw = at >= 0 ? (cells[at] ?? "") : "";
      return meta.html ? fieldToText(raw) : undefuse(raw).trim();
    };
    const kindText = cell("kind").toLowerCase();
    const kind = own(KINDS, kindText);
    const tags = cell("tags")
      .split(/\s+/)
      .filter((t) => t && !SYSTEM_TAGS.has(t.toLowerCase()));
    const note: Note = {
      row,
      front: cell("front"),
      back: cell("back"),
      alternatives: splitAlternatives(cell("alternatives")),
      ...(kind ? { kind } : {}),
    };
    const topic = cell("topic") || tags[0]?.replace(/_/g, " ");
    if (topic) note.topic = topic;
    const source = cell("source");
    if (source) note.source = source;
    return { note, badKind: kindText !== "" && !kind ? kindText : null };
  });
  const errors = notes
    .filter((n) => n.badKind !== null)
    .map(({ note, badKind }) => ({
      row: note.row,
      message: `Row ${note.row}: the kind "${badKind!.slice(0, 40)}" is not one of typed, flashcard, cloze.`,
    }));
  return { ok: true, notes: notes.filter((n) => n.badKind === null).map((n) => n.note), errors, warnings };
}

/**
 * Items as CSV for a spreadsheet or another app (Anki, Quizlet import front and back): one row per item with a header
 * front, back, alternatives ("; "-separated), topic, kind, source. A cloze item's front is Anki cloze text. Cells a
 * spreadsheet would run as a formula get a leading apostrophe (lib/csv.ts), which an import here removes again.
 * @example itemsCsv([{ item, sourceText }]) // "front,back,alternatives,topic,kind,source\r\n…"
 */
export function itemsCsv(items: readonly { item: GeneratedItem; sourceText: string }[]): string {
  const rows = items.map(({ item, sourceText }) => {
    const note = itemToNote(item, sourceText);
    return [note.front, note.back, note.alternatives.join("; "), note.topic ?? "", note.kind, note.source ?? ""];
  });
  return toCsv([["front", "back", "alternatives", "topic", "kind", "source"], ...rows]);
}

/** A table's own entry: a cell saying "constructor" must not find Object.prototype's. */
function own<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

function splitAlternatives(text: string): string[] {
  return text
    .split(/[;|]/)
    .map((a) => a.trim())
    .filter(Boolean);
}

/** A cell lib/csv.ts defused ("'=A1") is read back as written ("=A1"). */
function undefuse(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

function headerColumns(first: readonly string[]): Column[] | null {
  const names = first.map((cell) => own(HEADER_NAMES, cell.trim().toLowerCase()));
  if (first.length < 2 || !names.includes("front") || names.filter(Boolean).length < 2) return null;
  return names.map((name) => name ?? "ignored");
}

type Meta = {
  body: string;
  lines: number;
  separator?: string;
  html: boolean;
  skipped: Map<number, Column | null>;
};

/** Anki's plain-text export starts with lines such as "#separator:tab", "#html:true", "#tags column:3". */
function readMetaLines(text: string): Meta {
  const meta: Meta = { body: text, lines: 0, html: false, skipped: new Map() };
  let rest = text;
  for (;;) {
    const match = /^#([a-z ]+):([^\r\n]*)(?:\r?\n|$)/i.exec(rest);
    if (!match) break;
    const [line, key, value] = [match[0], match[1]!.trim().toLowerCase(), match[2]!.trim()];
    if (key === "separator")
      meta.separator = own(SEPARATORS, value.toLowerCase()) ?? (value.length === 1 ? value : undefined);
    else if (key === "html") meta.html = value.toLowerCase() === "true";
    else if (key.endsWith(" column") && /^\d+$/.test(value))
      meta.skipped.set(Number(value) - 1, key === "tags column" ? "tags" : null);
    rest = rest.slice(line.length);
    meta.lines += 1;
  }
  meta.body = rest;
  return meta;
}

/** Positional columns around the ones Anki's header lines name (guid, note type, deck, tags). */
function positional(meta: Meta): Column[] {
  const columns: Column[] = [];
  let next = 0;
  for (let i = 0; columns.length < POSITIONAL.length + meta.skipped.size; i += 1) {
    if (meta.skipped.has(i)) columns.push(meta.skipped.get(i) ?? "ignored");
    else columns.push(POSITIONAL[next++] ?? "ignored");
  }
  return columns;
}
