import { detectFormat } from "./detect";
import { readDocx } from "./docx";
import { readHtml } from "./html";
import { refusalMessage } from "./messages";
import { readPdf } from "./pdf";
import { DOCUMENT_LIMITS } from "./limits";
import { readPlainText } from "./text";
import {
  DocumentError,
  type DocumentLimits,
  type DocumentRead,
  type ReadDocumentInput,
  type ReadDocumentResult,
} from "./types";
export { DOCUMENT_LIMITS } from "./limits";

export type {
  DocumentFormat,
  DocumentLimits,
  DocumentRead,
  DocumentRefusal,
  ReadDocumentInput,
  ReadDocumentResult,
  RefusalReason,
} from "./types";

/** What each converter returns. */
type Converted = { markdown: string; title?: string; warnings: string[]; pages?: number };

/**
 * Turns an uploaded file into Markdown for the content pipeline, or says why it cannot, in words the uploader can act
 * on. The format is decided by the file's content (magic bytes, a zip's directory, `<!doctype html>`), not its name;
 * a name claiming another format is refused. Every format is untrusted: nothing is fetched or run, archives are
 * inflated under a hard cap, and size, page and text limits are checked before the work they bound.
 * Never throws for bad input; a thrown error is a bug.
 *
 * @example
 * const result = await readDocument({ bytes, filename: "apollo.pdf", mimeType: "application/pdf" })
 * if (!result.ok) return { ok: false, message: result.message } // e.g. "“scan.pdf” has no text to read: …"
 * buildItems(result.markdown)                                   // then preview as for a pasted document
 */
export async function readDocument(input: ReadDocumentInput): Promise<ReadDocumentResult> {
  const limits: DocumentLimits = { ...DOCUMENT_LIMITS, ...input.limits };
  const { bytes, filename } = input;
  try {
    // Size first: nothing is parsed or even sniffed beyond the limit.
    if (bytes.length > limits.bytes) throw new DocumentError("too-large");
    if (bytes.length === 0) throw new DocumentError("empty");
    const detection = detectFormat(bytes, filename, input.mimeType);
    const { format } = detection;
    const read: Converted = await (async () => {
      switch (format) {
        case "pdf":
          return readPdf(bytes, limits, input.onProgress);
        case "docx":
          return readDocx(bytes, limits, detection.zipEntries);
        case "html":
          return readHtml(bytes, limits);
        case "markdown":
        case "text":
          return readPlainText(bytes);
      }
    })();
    const markdown = read.markdown;
    if (markdown.length > limits.characters) throw new DocumentError("too-much-text", { format });
    if (!/[\p{L}\p{N}]/u.test(markdown)) throw new DocumentError(bytes.length > 0 ? "no-text" : "empty", { format });
    const heading = /^# +(.+)$/m.exec(markdown)?.[1]?.trim();
    const own = read.title;
    // A PDF's Title property is often left over from whatever made it; its first big heading is the better guess.
    const title = format === "pdf" ? (heading ?? own) : (own ?? heading);
    const result: DocumentRead = {
      ok: true,
      markdown,
      format,
      warnings: [...detection.warnings, ...read.warnings],
      ...(title ? { title } : {}),
      ...(read.pages !== undefined ? { pages: read.pages } : {}),
    };
    return result;
  } catch (thrown) {
    // A stack overflow inside a parser (pdf.js, mammoth, Readability) on deeply nested input is the input's fault.
    const error = thrown instanceof RangeError ? new DocumentError("too-complex") : thrown;
    if (!(error instanceof DocumentError)) throw error;
    return {
      ok: false,
      reason: error.reason,
      message: refusalMessage(error.reason, { filename, limits, details: error.details, size: bytes.length }),
    };
  }
}
