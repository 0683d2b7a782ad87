const MB = 1024 * 1024;

/**
 * What one import may cost (README "Import and export"):
 * - 10 MB file, checked from the request's declared length before the body is read, and again on the bytes;
 * - 10,000 rows or notes: a large Anki deck; more is several decks, and the preview lists every item;
 * - 50 MB inflated: the collection inside an .apkg (10,000 notes take ~5 MB); declared sizes are checked first, then
 *   the real bytes are counted while inflating (lib/documents/zip.ts). Media files are never inflated;
 * - 2,000 characters per field: a question or an answer, not a document.
 */
export const IMPORT_LIMITS = Object.freeze({
  bytes: 10 * MB,
  rows: 10_000,
  inflatedBytes: 50 * MB,
  fieldCharacters: 2_000,
});

export type ImportLimits = typeof IMPORT_LIMITS;
