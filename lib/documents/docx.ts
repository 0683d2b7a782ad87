import { strFromU8, zipSync, type Zippable } from "fflate";
import mammoth from "mammoth";
import { htmlToMarkdown } from "./markdown";
import { DocumentError, type DocumentLimits } from "./types";
import { inflateEntries, listZipEntries, type ZipEntry } from "./zip";

/** Word's own styles for a title line, which mammoth's default map leaves as paragraphs. */
const TITLE_STYLES = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p:fresh"];

/**
 * With a Title paragraph, Heading 1 is a section, not a second title: headings move down a level so the deck's
 * title is the only `#` (the pipeline takes the first level-1 heading as the title).
 */
function styleMap(documentXml: string): string[] {
  if (!/<w:pStyle w:val="Title"\s*\/>/.test(documentXml)) return TITLE_STYLES;
  const shifted = [1, 2, 3, 4, 5].flatMap((level) =>
    ["Heading", "heading"].map((name) => `p[style-name='${name} ${level}'] => h${level + 1}:fresh`),
  );
  return [...TITLE_STYLES, ...shifted, ...[1, 2, 3, 4, 5].map((level) => `p.Heading${level} => h${level + 1}:fresh`)];
}

/** The parts mammoth reads; pictures (word/media/…) and embedded files are never inflated. */
const isMarkupPart = (name: string) => /\.(?:xml|rels)$/i.test(name);

/**
 * Reads a Word .docx as Markdown, with the archive treated as hostile: its directory is checked first (entry count,
 * declared sizes, compression methods), then only its XML parts are inflated while the real output is counted against
 * `limits.inflatedBytes` (a zip bomb can declare small sizes and inflate to gigabytes). Mammoth then reads a stored
 * (uncompressed) copy of exactly those verified parts, so it inflates nothing itself; it never follows links to
 * external files and pictures are skipped (counted in a warning). XML with a DTD is refused: Word never writes one,
 * and entity expansion is the XML form of a bomb.
 *
 * @example
 * const { markdown } = await readDocx(bytes, DOCUMENT_LIMITS) // "# Apollo 11\n\n## The crew\n\n-   Neil Armstrong"
 */
export async function readDocx(
  bytes: Uint8Array,
  limits: DocumentLimits,
  entries: ZipEntry[] = listZipEntries(bytes),
): Promise<{ markdown: string; title?: string; warnings: string[] }> {
  if (entries.length > limits.zipEntries) throw new DocumentError("too-large-inflated", { format: "docx" });
  let declared = 0;
  for (const entry of entries) {
    if (entry.compression !== 0 && entry.compression !== 8) throw new DocumentError("corrupt", { format: "docx" });
    declared += entry.originalSize;
  }
  if (declared > limits.inflatedBytes) throw new DocumentError("too-large-inflated", { format: "docx" });

  const parts = withFormat(() => inflateEntries(bytes, isMarkupPart, { totalBytes: limits.inflatedBytes }));
  const document = parts.get("word/document.xml");
  if (!document) throw new DocumentError("corrupt", { format: "docx" });
  const stored: Zippable = {};
  for (const [name, data] of parts) {
    // A DTD can only appear before the root element, so the first kilobyte is enough to look at.
    if (/<!DOCTYPE/i.test(strFromU8(data.subarray(0, 1024)))) throw new DocumentError("corrupt", { format: "docx" });
    stored[name] = [data, { level: 0 }];
  }

  // The text of the runs (<w:t>), counted on the XML: mammoth's cost follows the XML, so a document with far more text
  // than the limit is refused before mammoth reads it.
  if (runTextLength(strFromU8(document)) > limits.characters)
    throw new DocumentError("too-much-text", { format: "docx" });

  let images = 0;
  const result = await mammoth
    .convertToHtml(
      { buffer: Buffer.from(zipSync(stored, { level: 0 })) },
      {
        styleMap: styleMap(strFromU8(document)),
        externalFileAccess: false,
        ignoreEmptyParagraphs: true,
        convertImage: mammoth.images.imgElement(async () => {
          images++;
          return { src: "" };
        }),
      },
    )
    .catch(() => {
      throw new DocumentError("corrupt", { format: "docx" });
    });
  if (result.value.length > limits.characters * 4) throw new DocumentError("too-much-text", { format: "docx" });
  const markdown = htmlToMarkdown(result.value);
  if (!/[\p{L}\p{N}]/u.test(markdown)) throw new DocumentError("no-text", { format: "docx" });
  const warnings: string[] = [];
  if (images > 0)
    warnings.push(`${images === 1 ? "1 picture was" : `${images} pictures were`} skipped; only text is read.`);
  return { markdown, title: coreTitle(parts.get("docProps/core.xml")), warnings };
}

function runTextLength(xml: string): number {
  let length = 0;
  for (const match of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)) length += match[1].length;
  return length;
}

function withFormat<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof DocumentError) throw new DocumentError(error.reason, { ...error.details, format: "docx" });
    throw error;
  }
}

/** The title typed in File › Properties (docProps/core.xml `dc:title`), if there is one. */
function coreTitle(core: Uint8Array | undefined): string | undefined {
  if (!core) return undefined;
  const raw = /<dc:title>([^<]*)<\/dc:title>/.exec(strFromU8(core))?.[1];
  const title = raw
    ?.replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
  return title ? title.slice(0, 200) : undefined;
}
