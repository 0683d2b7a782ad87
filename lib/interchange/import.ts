import type { GeneratedItem } from "@/lib/content/types";
import { decodeText } from "@/lib/documents/text";
import { readApkg } from "./apkg-read";
import { readCsv } from "./csv";
import { IMPORT_LIMITS } from "./limits";
import { notesToItems, type RowError } from "./notes";

export type ImportFormat = "apkg" | "csv";

/** What a file would import: the items and the deck text, and every row that cannot be imported. */
export interface ImportPreview {
  ok: true;
  format: ImportFormat;
  /** A title to suggest: the Anki deck's name, else the file name without its extension. */
  title: string;
  items: GeneratedItem[];
  /** The deck's text: one paragraph per note, which its items cite as their source. */
  body: string;
  /** Rows that cannot be imported, in file order; any of them blocks the import. */
  errors: RowError[];
  warnings: string[];
}

export type ImportRead = ImportPreview | { ok: false; message: string };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
// NUL and the other C0 controls but tab, newline and carriage return mean a binary file, not CSV.
const BINARY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/**
 * Reads an import file, deciding its format from the content (a zip is an Anki package; anything else must be CSV or
 * TSV text), and returns the items it would make, with row errors, without storing anything. Files over the size
 * limit, binaries that are no Anki package, and files with no rows are refused with a message saying what to do.
 * @example readImport({ bytes, filename: "spanish.csv" }) // { ok: true, format: "csv", items: […], errors: [] }
 */
export function readImport({ bytes, filename }: { bytes: Uint8Array; filename: string }): ImportRead {
  if (bytes.length > IMPORT_LIMITS.bytes)
    return {
      ok: false,
      message: `The file is larger than ${IMPORT_LIMITS.bytes / 1024 / 1024} MB. Split the deck into smaller files.`,
    };
  if (bytes.length === 0) return { ok: false, message: "The file is empty. Choose the file again, or another one." };
  const baseTitle =
    filename
      .replace(/^.*[\\/]/, "")
      .replace(/\.[^.]*$/, "")
      .trim()
      .slice(0, 200) || "Imported deck";
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b) || /\.(apkg|colpkg)$/i.test(filename)) {
    const read = readApkg(bytes);
    if (!read.ok) return read;
    return finish("apkg", read.deckName?.slice(0, 200) || baseTitle, read, "note");
  }
  const { text, warnings } = decodeText(bytes);
  if (BINARY.test(text))
    return {
      ok: false,
      message:
        "The file is not a CSV or TSV text file, nor an Anki package (.apkg). Export the deck as CSV, TSV or .apkg and import that.",
    };
  const read = readCsv(text.replace(/^\uFEFF/, ""), filename);
  if (!read.ok) return read;
  return finish("csv", baseTitle, { ...read, warnings: [...warnings, ...read.warnings] }, "row");
}

function finish(
  format: ImportFormat,
  title: string,
  read: { notes: Parameters<typeof notesToItems>[0]; errors: RowError[]; warnings: string[] },
  label: "row" | "note",
): ImportRead {
  if (read.notes.length === 0 && read.errors.length === 0)
    return { ok: false, message: "The file has no rows to import: each row needs a front and a back." };
  const made = notesToItems(read.notes, label);
  const errors = [...read.errors, ...made.errors].sort((a, b) => a.row - b.row);
  return { ok: true, format, title, items: made.items, body: made.body, errors, warnings: read.warnings };
}
