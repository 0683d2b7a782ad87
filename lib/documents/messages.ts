import type { DocumentFormat, DocumentLimits, RefusalDetails, RefusalReason } from "./types";

/** How a format is named to the uploader. */
export const FORMAT_LABEL: Record<DocumentFormat, string> = {
  pdf: "a PDF",
  docx: "a Word document (.docx)",
  html: "a web page (HTML)",
  markdown: "a Markdown file",
  text: "a text file",
};

const ACCEPTED = "PDF, Word (.docx), HTML, Markdown or text";

/** Sizes as people read them: 10 MB, 512 KB (binary units, as upload limits usually are). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/**
 * The message for a refusal: what was wrong with this file and what the uploader can do about it.
 *
 * @example
 * refusalMessage("too-many-pages", { filename: "a.pdf", limits: DOCUMENT_LIMITS, details: { pages: 250 } })
 * // "a.pdf has 250 pages; at most 200 can be read. Split it into smaller PDFs …"
 */
export function refusalMessage(
  reason: RefusalReason,
  context: { filename: string; limits: DocumentLimits; details: RefusalDetails; size?: number },
): string {
  const { limits, details } = context;
  const name = displayName(context.filename);
  const what = details.format ? FORMAT_LABEL[details.format] : "the file";
  switch (reason) {
    case "empty":
      return `${name} is empty. Choose the file again, or another one.`;
    case "too-large":
      return `${name} is ${formatBytes(context.size ?? 0)}; files up to ${formatBytes(limits.bytes)} can be read. Split the document, or save it without images (in Word: File › Compress Pictures; for a PDF: "Reduce file size").`;
    case "unsupported-format":
      return `${name} is ${details.actual ?? "not a document Factdeck can read"}. ${details.advice ?? `Upload ${ACCEPTED}.`}`;
    case "extension-mismatch":
      return `${name} is named like ${details.claimed ?? "another format"}, but it is ${details.actual ?? "something else"}. ${details.advice ?? "Rename it with the right extension, or export it again from the program that made it."}`;
    case "corrupt":
      return `${name} could not be read: it looks like ${what} but it is damaged or incomplete. Open it in the program that made it, save it again, and upload the new file.`;
    case "encrypted":
      return `${name} is protected with a password. Remove the password (save an unprotected copy) and upload that.`;
    case "too-many-pages":
      return `${name} has ${details.pages} pages; at most ${limits.pages} can be read. Split it into smaller PDFs (for example one per chapter) and upload them one at a time.`;
    case "too-large-inflated":
      return `${name} unpacks to more than ${formatBytes(limits.inflatedBytes)} (or holds more than ${limits.zipEntries} parts), more than a document needs. If it is a real document, split it or remove embedded files, and save it again.`;
    case "no-text":
      return details.format === "pdf"
        ? `${name} has no text to read: its pages are images (a scan or a photo). Run text recognition (OCR) on it, for example "Recognize text" in Acrobat or "Open with Google Docs", or upload the original document.`
        : `${name} has no text to read. Check that it is the right file; a document of pictures only cannot be made into questions.`;
    case "too-complex":
      return `${name} is nested too deeply to read (elements inside elements, hundreds of levels down), which real documents are not. Save it again from the program that made it, or print it to PDF and upload that.`;
    case "too-much-text":
      return `${name} holds more than ${limits.characters.toLocaleString("en")} characters of text, more than one deck can take. Split it into smaller documents (for example one per chapter).`;
  }
}

/** The file name as typed by its owner, without any folder, shortened and stripped of control characters. */
function displayName(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? "";
  // Control and bidi characters would garble the message or disguise the name.
  const clean = base.replace(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, "").trim();
  if (clean === "") return "The file";
  return clean.length > 80 ? `“${clean.slice(0, 60)}…${clean.slice(-15)}”` : `“${clean}”`;
}
