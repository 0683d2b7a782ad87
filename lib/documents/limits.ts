import type { DocumentLimits } from "./types";

const MB = 1024 * 1024;

/**
 * What one upload may cost. Chosen in docs/decisions/015-document-formats.md:
 * - 10 MB file: text-heavy documents are far smaller (a 200-page PDF of text is ~1–3 MB); more is pictures, which
 *   are not read. Uploads go to POST /api/documents/read, which checks the length before reading the body.
 * - 200 PDF pages: a long handbook; ~1–2 s to read on this machine's shared cores.
 * - 50 MB inflated .docx, 1,000 zip entries: a Word file's XML is rarely over 5 MB; pictures are never inflated.
 * - 1,000,000 characters: a bound on the converters' own work, about twice what the pipeline takes today
 *   (512 KB in lib/validations/document.ts), so the pipeline's message, not this one, decides the usual case.
 */
export const DOCUMENT_LIMITS: DocumentLimits = Object.freeze({
  bytes: 10 * MB,
  pages: 200,
  inflatedBytes: 50 * MB,
  zipEntries: 1000,
  characters: 1_000_000,
});
