import { getResolvedPDFJS } from "unpdf";
import { pdfItemsToMarkdown, type PdfTextItem } from "./pdf-layout";
import { DocumentError, type DocumentLimits } from "./types";

/**
 * Reads a PDF's text as Markdown with pdf.js (unpdf's build for servers, no worker thread). The page count is checked
 * before any page is read; pages are read one at a time and released, and reading stops once the text passes
 * `limits.characters`. pdf.js is given the bytes only: no URL, no font, CMap or WebAssembly files to fetch, no XFA
 * forms, and fonts are never turned into code. A PDF whose pages are only images (a scan) has no text and is refused
 * as such; pages without text inside a PDF that has some are named in a warning.
 *
 * @example
 * const { markdown, pages } = await readPdf(bytes, DOCUMENT_LIMITS) // "# Apollo 11\n\n## The crew\n\n- Neil …", 3
 */
export async function readPdf(
  bytes: Uint8Array,
  limits: DocumentLimits,
  onProgress?: (done: number, total: number) => void,
): Promise<{ markdown: string; title?: string; warnings: string[]; pages: number }> {
  const { getDocument } = await getResolvedPDFJS();
  const task = getDocument({
    // A copy, as a plain Uint8Array: pdf.js takes ownership of (detaches) the buffer it is given, and refuses a Node
    // Buffer (what a caller reading a file or a request body often has).
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    disableFontFace: true,
    useWorkerFetch: false,
    useWasm: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    // Errors only: warnings about fonts would otherwise go to the server's console for every odd PDF.
    verbosity: 0,
  });
  try {
    const pdf = await task.promise.catch((error: unknown) => {
      const name = error instanceof Error ? error.name : "";
      throw new DocumentError(name === "PasswordException" ? "encrypted" : "corrupt", { format: "pdf" });
    });
    if (pdf.numPages > limits.pages) throw new DocumentError("too-many-pages", { format: "pdf", pages: pdf.numPages });
    const pages: PdfTextItem[][] = [];
    const empty: number[] = [];
    let characters = 0;
    for (let number = 1; number <= pdf.numPages; number++) {
      const items = await pageItems(pdf, number);
      characters += items.reduce((sum, item) => sum + item.str.length, 0);
      if (characters > limits.characters) throw new DocumentError("too-much-text", { format: "pdf" });
      if (!items.some((item) => /[\p{L}\p{N}]/u.test(item.str))) empty.push(number);
      pages.push(items);
      onProgress?.(number, pdf.numPages);
    }
    if (empty.length === pdf.numPages) throw new DocumentError("no-text", { format: "pdf", pages: pdf.numPages });
    // `<` that could open raw HTML is escaped, as in the HTML and Word readers' output.
    const markdown = pdfItemsToMarkdown(pages).replace(/<(?=[A-Za-z/!?])/g, "\\<");
    const warnings =
      empty.length > 0
        ? [
            `${empty.length === 1 ? "Page" : "Pages"} ${listPages(empty)} ${empty.length === 1 ? "has" : "have"} no text (scanned or pictures only) and ${empty.length === 1 ? "was" : "were"} skipped.`,
          ]
        : [];
    return { markdown, title: await infoTitle(pdf), warnings, pages: pdf.numPages };
  } finally {
    await task.destroy();
  }
}

type PdfDocument = Awaited<ReturnType<Awaited<ReturnType<typeof getResolvedPDFJS>>["getDocument"]>["promise"]>;

async function pageItems(pdf: PdfDocument, number: number): Promise<PdfTextItem[]> {
  const page = await pdf.getPage(number).catch(() => {
    throw new DocumentError("corrupt", { format: "pdf" });
  });
  try {
    const content = await page.getTextContent().catch(() => {
      throw new DocumentError("corrupt", { format: "pdf" });
    });
    const items: PdfTextItem[] = [];
    for (const item of content.items) {
      if (!("str" in item)) continue;
      const [, , c, d, e, f] = item.transform as number[];
      items.push({ str: item.str, x: e, y: f, width: item.width, fontSize: Math.hypot(c, d), hasEOL: item.hasEOL });
    }
    return items;
  } finally {
    page.cleanup();
  }
}

/** The Title in the PDF's properties, unless it is a file name a converter put there ("Microsoft Word - x.docx"). */
async function infoTitle(pdf: PdfDocument): Promise<string | undefined> {
  const meta = await pdf.getMetadata().catch(() => undefined);
  const title = (meta?.info as { Title?: unknown } | undefined)?.Title;
  if (typeof title !== "string") return undefined;
  const clean = title.replace(/\s+/g, " ").trim();
  if (clean === "" || /\.(?:docx?|pdf|pptx?|odt|rtf|txt)$/i.test(clean) || /^microsoft word/i.test(clean))
    return undefined;
  return clean.slice(0, 200);
}

/** "3", "3 and 5", "3, 5 and 9", or "3, 5, 9 and 12 others". */
function listPages(pages: number[]): string {
  if (pages.length === 1) return `${pages[0]}`;
  if (pages.length > 6) return `${pages.slice(0, 5).join(", ")} and ${pages.length - 5} others`;
  return `${pages.slice(0, -1).join(", ")} and ${pages[pages.length - 1]}`;
}
