/** The formats readDocument turns into Markdown. */
export type DocumentFormat = "pdf" | "docx" | "html" | "markdown" | "text";

/** Why a document was refused; each has a message the uploader can act on (messages.ts). */
export type RefusalReason =
  | "empty"
  | "too-large"
  | "unsupported-format"
  | "extension-mismatch"
  | "corrupt"
  | "encrypted"
  | "too-many-pages"
  | "too-large-inflated"
  | "no-text"
  | "too-much-text"
  | "too-complex";

/** Bounds on the work one upload may cause; every converter checks them before or while it works. */
export interface DocumentLimits {
  /** Size of the uploaded file. */
  bytes: number;
  /** Pages of a PDF, checked before any page is read. */
  pages: number;
  /** Bytes a .docx may inflate to (declared sizes checked first, then counted while inflating). */
  inflatedBytes: number;
  /** Entries in a .docx (zip) archive. */
  zipEntries: number;
  /** Characters of extracted text; extraction stops past this. */
  characters: number;
}

export interface ReadDocumentInput {
  bytes: Uint8Array;
  filename: string;
  /** The browser's type for the file, when it gave one; only a hint, like the extension. */
  mimeType?: string;
  /** Tighter (or, for a trusted caller, looser) limits than DOCUMENT_LIMITS. */
  limits?: Partial<DocumentLimits>;
  /** Called after each PDF page is read (`done` of `total`), for a progress display while a long PDF is read. */
  onProgress?: (done: number, total: number) => void;
}

export interface DocumentRead {
  ok: true;
  /** The text that was read, as Markdown the content pipeline parses (headings `#`, lists `-`/`1.`, paragraphs). */
  markdown: string;
  format: DocumentFormat;
  title?: string;
  /** Things the uploader should know about what was not read (skipped images, pages without text …). */
  warnings: string[];
  /** Pages of a PDF. */
  pages?: number;
}

export interface DocumentRefusal {
  ok: false;
  reason: RefusalReason;
  /** One or two sentences saying what was wrong and what to do about it. */
  message: string;
}

export type ReadDocumentResult = DocumentRead | DocumentRefusal;

/**
 * Thrown inside a converter to stop at once with a refusal; readDocument turns it into a DocumentRefusal value.
 * Converters never let it escape readDocument.
 */
export class DocumentError extends Error {
  constructor(
    readonly reason: RefusalReason,
    readonly details: RefusalDetails = {},
  ) {
    super(reason);
    this.name = "DocumentError";
  }
}

/** Facts a refusal message names (messages.ts); all optional. */
export interface RefusalDetails {
  /** What the file really is, e.g. "a PNG image", "an older Word document (.doc)". */
  actual?: string;
  /** What the file's name or type says it is, e.g. "a PDF". */
  claimed?: string;
  /** Advice specific to what the file is ("Save it as .docx in Word"). */
  advice?: string;
  /** Pages of a PDF. */
  pages?: number;
  /** The format being read when the refusal happened. */
  format?: DocumentFormat;
}
