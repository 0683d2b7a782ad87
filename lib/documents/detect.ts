import { FORMAT_LABEL } from "./messages";
import { DocumentError, type DocumentFormat } from "./types";
import { listZipEntries, type ZipEntry } from "./zip";

export interface Detection {
  format: DocumentFormat;
  /** The zip directory of a .docx, read once here and reused by the reader. */
  zipEntries?: ZipEntry[];
  warnings: string[];
}

const EXTENSIONS: Record<string, DocumentFormat> = {
  pdf: "pdf",
  docx: "docx",
  html: "html",
  htm: "html",
  xhtml: "html",
  shtml: "html",
  md: "markdown",
  markdown: "markdown",
  mdown: "markdown",
  mkd: "markdown",
  txt: "text",
  text: "text",
};

const MIME_TYPES: Record<string, DocumentFormat> = {
  "application/pdf": "pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "text/html": "html",
  "application/xhtml+xml": "html",
  "text/markdown": "markdown",
  "text/x-markdown": "markdown",
  "text/plain": "text",
};

type Family = "pdf" | "docx" | "textual";
const family = (format: DocumentFormat): Family => (format === "pdf" || format === "docx" ? format : "textual");

/**
 * Decides what a file is from its first bytes (and, for a zip, its directory), and compares that with what its name
 * and type claim. The content decides; a name that claims another binary format is refused, since either the name
 * lies or the file was damaged on the way.
 *
 * @example
 * detectFormat(pdfBytes, "notes.pdf").format          // "pdf"
 * detectFormat(docxBytes, "notes.pdf")                // throws DocumentError("extension-mismatch")
 * detectFormat(utf8("# Moon\n…"), "moon.txt").format  // "text"
 */
export function detectFormat(bytes: Uint8Array, filename: string, mimeType?: string): Detection {
  const claimed = claimedFormat(filename, mimeType);
  const sniffed = sniff(bytes);
  if (sniffed.kind === "other") {
    const details = { actual: sniffed.actual, advice: sniffed.advice };
    if (claimed) throw new DocumentError("extension-mismatch", { ...details, claimed: FORMAT_LABEL[claimed] });
    throw new DocumentError("unsupported-format", details);
  }
  if (sniffed.kind === "zip") {
    let entries: ZipEntry[];
    try {
      entries = listZipEntries(bytes);
    } catch (error) {
      // A zip named .docx that cannot be opened is a damaged Word file as far as its owner knows.
      if (error instanceof DocumentError && claimed === "docx") throw new DocumentError("corrupt", { format: "docx" });
      throw error;
    }
    const other = otherZip(entries);
    if (other) {
      if (claimed && claimed !== "docx")
        throw new DocumentError("extension-mismatch", { ...other, claimed: FORMAT_LABEL[claimed] });
      throw new DocumentError("unsupported-format", other);
    }
    return checked(claimed, { format: "docx", zipEntries: entries, warnings: [] });
  }
  if (sniffed.kind === "pdf") return checked(claimed, { format: "pdf", warnings: [] });
  // Text of some kind: markup that announces itself is HTML whatever the name; otherwise the name decides.
  if (sniffed.kind === "html") {
    const warnings =
      claimed && claimed !== "html"
        ? [`The file is named like ${FORMAT_LABEL[claimed]} but holds a web page; it was read as HTML.`]
        : [];
    return checked(claimed, { format: "html", warnings });
  }
  // Text the content cannot name: a name that says it is something else (photo.png, slides.key) is believed, since
  // a few bytes of a damaged picture read as text would only make nonsense items.
  const extension = fileExtension(filename);
  if (extension && !EXTENSIONS[extension])
    throw new DocumentError("unsupported-format", { actual: `a .${extension} file, not a document Factdeck reads` });
  const format = claimed && family(claimed) === "textual" ? claimed : looksLikeMarkdown(bytes) ? "markdown" : "text";
  return checked(claimed, { format, warnings: [] });
}

function checked(claimed: DocumentFormat | undefined, detection: Detection): Detection {
  if (claimed && family(claimed) !== family(detection.format)) {
    throw new DocumentError("extension-mismatch", {
      claimed: FORMAT_LABEL[claimed],
      actual: FORMAT_LABEL[detection.format],
    });
  }
  return detection;
}

/** The format the file's extension (or, without a known extension, its MIME type) claims. */
function fileExtension(filename: string): string | undefined {
  return /\.([A-Za-z0-9]{1,10})$/.exec(filename.trim())?.[1]?.toLowerCase();
}

function claimedFormat(filename: string, mimeType?: string): DocumentFormat | undefined {
  const extension = fileExtension(filename);
  if (extension && EXTENSIONS[extension]) return EXTENSIONS[extension];
  const type = mimeType?.split(";")[0].trim().toLowerCase();
  return type ? MIME_TYPES[type] : undefined;
}

type Sniffed = { kind: "pdf" | "zip" | "html" | "text" } | { kind: "other"; actual: string; advice: string };

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) =>
  signature.every((byte, i) => bytes[at + i] === byte);
const ascii = (bytes: Uint8Array, length: number) => String.fromCharCode(...bytes.subarray(0, length));

const IMAGE_ADVICE =
  "Factdeck reads the text of documents, not pictures. Upload the document the picture came from, or a PDF with text in it.";
const SAVE_AS_DOCX = "Open it in Word (or LibreOffice) and save it as Word Document (.docx), then upload that.";

function sniff(bytes: Uint8Array): Sniffed {
  const head = ascii(bytes, Math.min(bytes.length, 1024));
  // PDF readers accept the header anywhere in the first 1024 bytes, so does pdf.js; away from the start it must also
  // end like a PDF, or a text file that mentions "%PDF-1.7" would be taken for one.
  const header = head.indexOf("%PDF-");
  if (header === 0 || (header > 0 && ascii(bytes.subarray(Math.max(0, bytes.length - 2048)), 2048).includes("%%EOF")))
    return { kind: "pdf" };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return { kind: "zip" };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return {
      kind: "other",
      actual: "an older Office file (.doc, .xls, .ppt) or a password-protected Word document",
      advice: `${SAVE_AS_DOCX} If it has a password, save a copy without one.`,
    };
  if (head.startsWith("{\\rtf")) return { kind: "other", actual: "a Rich Text (RTF) file", advice: SAVE_AS_DOCX };
  if (head.startsWith("%!PS"))
    return { kind: "other", actual: "a PostScript file", advice: "Print it to PDF, then upload the PDF." };
  if (
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(bytes, [0xff, 0xd8, 0xff]) ||
    head.startsWith("GIF8") ||
    (head.startsWith("RIFF") && head.slice(8, 12) === "WEBP") ||
    head.startsWith("II*\u0000") ||
    head.startsWith("MM\u0000*")
  )
    return { kind: "other", actual: "an image", advice: IMAGE_ADVICE };
  if (/^(?:MIME-Version:|From: <Saved by)/i.test(head))
    return {
      kind: "other",
      actual: "a web archive (.mht/.mhtml)",
      advice: 'Save the page again with "Webpage, HTML only" (or print it to PDF) and upload that.',
    };
  const utf16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  if (!utf16 && bytes.subarray(0, 8192).includes(0))
    return {
      kind: "other",
      actual: "not a document Factdeck can read (it holds binary data)",
      advice: "Upload PDF, Word (.docx), HTML, Markdown or text.",
    };
  const text = utf16
    ? new TextDecoder(bytes[0] === 0xff ? "utf-16le" : "utf-16be").decode(bytes.subarray(0, 2048))
    : head;
  return { kind: looksLikeHtml(text) ? "html" : "text" };
}

/** `<!doctype html>` or `<html` first (after a BOM, whitespace, an XML declaration or comments). */
function looksLikeHtml(head: string): boolean {
  const start = head
    .replace(/^\uFEFF/, "")
    .replace(/^(?:\s+|<\?xml[^>]*>|<!--[\s\S]*?-->)*/, "")
    .slice(0, 64)
    .toLowerCase();
  return start.startsWith("<!doctype html") || /^<html[\s>]/.test(start);
}

function looksLikeMarkdown(bytes: Uint8Array): boolean {
  return /^\s{0,3}#{1,6}\s+\S/m.test(new TextDecoder().decode(bytes.subarray(0, 64 * 1024)));
}

/** Zips that are not Word documents, named so the uploader knows what they chose. */
function otherZip(entries: ZipEntry[]): { actual: string; advice: string } | undefined {
  const names = new Set(entries.map((e) => e.name));
  if (names.has("word/document.xml")) return undefined;
  if (names.has("ppt/presentation.xml"))
    return {
      actual: "a PowerPoint presentation",
      advice: "Export it as PDF (File › Export › PDF) and upload the PDF.",
    };
  if (names.has("xl/workbook.xml"))
    return {
      actual: "an Excel workbook",
      advice: "Factdeck reads documents, not spreadsheets. Upload PDF, Word (.docx), HTML, Markdown or text.",
    };
  if (names.has("mimetype") && names.has("content.xml"))
    return { actual: "an OpenDocument file (.odt)", advice: SAVE_AS_DOCX };
  if (names.has("META-INF/container.xml"))
    return { actual: "an EPUB e-book", advice: "Convert it to PDF or save the chapter as HTML, then upload that." };
  return { actual: "a zip archive, not a Word document", advice: "Unzip it and upload the document inside." };
}
