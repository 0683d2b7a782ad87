/** One positioned run of text from pdf.js (`page.getTextContent()`), in PDF units (origin bottom-left). */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
  hasEOL: boolean;
}

interface Line {
  text: string;
  x: number;
  y: number;
  fontSize: number;
  page: number;
}

type Block =
  | { kind: "heading"; text: string; fontSize: number; page: number; y: number }
  | { kind: "paragraph"; text: string; x: number; page: number; y: number }
  | { kind: "item"; marker: string; text: string; x: number; page: number; y: number };

const BULLET = /^[•◦▪‣●○■□◆◇▸►✓✔–—*·-]\s*(?=\S)/u;
const ORDERED = /^(\d{1,3}|[a-z])[.)]\s+(?=\S)/;
const PAGE_NUMBER = /^(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$|^[-–]\s*\d{1,4}\s*[-–]$/i;
// A table-of-contents line: a title, dot leaders, a page number ("2.1 Naming . . . . . 3"); it repeats headings.
const TOC_ENTRY = /(?:\.\s*){4,}\s*(?:\d{1,4}|[ivxlc]{1,6})$/i;
const SENTENCE_END = /[.!?:;]["”’)\]]?$/;

/**
 * Rebuilds a PDF's text as Markdown from its positioned text runs: runs on one baseline form a line; lines form
 * paragraphs until the vertical gap grows past the usual line spacing; a word hyphenated at a line end is joined;
 * lines set larger than the body text are headings (the largest size `#`, the next `##`, then `###`); lines that
 * start with a bullet or a number are list items (an indented line below continues the item); page numbers and lines
 * repeated at the top or bottom of most pages (running headers and footers) are dropped, and so are table-of-contents
 * lines (dot leaders and a page number); a paragraph cut by a page
 * break continues on the next page. Multi-column layouts are read in the order the PDF stores them.
 *
 * @example
 * pdfItemsToMarkdown([[{ str: "Moon", x: 72, y: 700, width: 60, fontSize: 24, hasEOL: true },
 *   { str: "Apollo 11 landed in 1969.", x: 72, y: 660, width: 200, fontSize: 12, hasEOL: true }]])
 * // "# Moon\n\nApollo 11 landed in 1969."
 */
export function pdfItemsToMarkdown(pages: PdfTextItem[][]): string {
  const lines = dropFurniture(pages.map((items, page) => toLines(items, page)));
  if (lines.length === 0) return "";
  const body = bodyFontSize(lines);
  const headingSizes = [...new Set(lines.filter((l) => isHeading(l, body)).map((l) => round(l.fontSize)))].sort(
    (a, b) => b - a,
  );
  const spacing = lineSpacing(lines, body);
  const blocks: Block[] = [];
  let previous: Line | undefined;
  for (const line of lines) {
    const last = blocks[blocks.length - 1];
    const gap = previous && previous.page === line.page ? previous.y - line.y : undefined;
    const close = gap !== undefined && gap > 0 && gap <= spacing * 1.45;
    if (isHeading(line, body)) {
      if (last?.kind === "heading" && close && round(last.fontSize) === round(line.fontSize))
        last.text += ` ${line.text}`;
      else blocks.push({ kind: "heading", text: line.text, fontSize: line.fontSize, page: line.page, y: line.y });
      previous = line;
      continue;
    }
    const bullet = BULLET.exec(line.text);
    const ordered = ORDERED.exec(line.text);
    const startsBlock = !close || !last || last.kind !== "paragraph" || SENTENCE_END.test(last.text);
    if (bullet || (ordered && startsBlock)) {
      const marker = bullet ? "-" : `${ordered![1]}.`;
      const text = line.text.slice((bullet ?? ordered)![0].length);
      blocks.push({ kind: "item", marker, text, x: line.x, page: line.page, y: line.y });
    } else if (last?.kind === "item" && close && line.x > last.x + line.fontSize * 0.5) {
      last.text = joinLines(last.text, line.text);
    } else if (last?.kind === "paragraph" && (close || continuesAcrossPages(last, line))) {
      last.text = joinLines(last.text, line.text);
    } else {
      blocks.push({ kind: "paragraph", text: line.text, x: line.x, page: line.page, y: line.y });
    }
    previous = line;
  }
  return render(blocks, headingSizes);
}

function toLines(items: PdfTextItem[], page: number): Line[] {
  const lines: Line[] = [];
  let current: (Line & { end: number }) | undefined;
  const finish = () => {
    if (current && current.text.trim() !== "") {
      const { end: _end, ...line } = current;
      lines.push({ ...line, text: line.text.replace(/\s+/g, " ").trim() });
    }
    current = undefined;
  };
  for (const item of items) {
    const size = item.fontSize || 1;
    if (current && Math.abs(item.y - current.y) > Math.max(size, current.fontSize) * 0.5) finish();
    if (item.str !== "") {
      if (!current) current = { text: "", x: item.x, y: item.y, fontSize: 0, page, end: item.x };
      const gap = item.x - current.end;
      if (current.text !== "" && gap > size * 0.15 && !/\s$/.test(current.text) && !/^\s/.test(item.str))
        current.text += " ";
      current.text += item.str;
      current.end = item.x + item.width;
      if (/\S/.test(item.str)) current.fontSize = Math.max(current.fontSize, size);
      current.x = Math.min(current.x, item.x);
    }
    if (item.hasEOL) finish();
  }
  finish();
  return lines;
}

/** Page numbers, and lines that open or close most pages with the same words (digits aside): running headers. */
function dropFurniture(pages: Line[][]): Line[] {
  const key = (line: Line) => line.text.toLowerCase().replace(/\d+/g, "#");
  // Edges by position, not by order: a PDF may draw its header and page number before or after the body.
  const edgesOf = (lines: Line[]) => {
    if (lines.length === 0) return new Set<Line>();
    const top = Math.max(...lines.map((l) => l.y));
    const bottom = Math.min(...lines.map((l) => l.y));
    return new Set(lines.filter((l) => l.y === top || l.y === bottom));
  };
  const edges = pages.map(edgesOf);
  const counts = new Map<string, number>();
  for (const pageEdges of edges)
    for (const k of new Set([...pageEdges].map(key))) counts.set(k, (counts.get(k) ?? 0) + 1);
  const withText = pages.filter((lines) => lines.length > 0).length;
  const repeated = (line: Line) => withText >= 3 && (counts.get(key(line)) ?? 0) >= Math.max(3, withText * 0.5);
  return pages.flatMap((lines, page) =>
    lines.filter(
      (line) =>
        !TOC_ENTRY.test(line.text) && !(edges[page].has(line) && (PAGE_NUMBER.test(line.text) || repeated(line))),
    ),
  );
}

/** The font size most characters are set in. */
function bodyFontSize(lines: Line[]): number {
  const weight = new Map<number, number>();
  for (const line of lines)
    weight.set(round(line.fontSize), (weight.get(round(line.fontSize)) ?? 0) + line.text.length);
  return [...weight.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
}

/** The usual distance between consecutive body lines (the median), or 1.2 × the body size without any. */
function lineSpacing(lines: Line[], body: number): number {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1], lines[i]];
    const gap = a.y - b.y;
    if (a.page === b.page && round(a.fontSize) === body && round(b.fontSize) === body && gap > 0 && gap < body * 3)
      gaps.push(gap);
  }
  if (gaps.length === 0) return body * 1.2;
  gaps.sort((x, y) => x - y);
  return gaps[Math.floor(gaps.length / 2)];
}

function isHeading(line: Line, body: number): boolean {
  return round(line.fontSize) >= body * 1.15 && line.text.length <= 150 && /\p{L}/u.test(line.text);
}

/** A paragraph that ends a page mid-sentence goes on with the first body line of the next. */
function continuesAcrossPages(last: Block & { kind: "paragraph" }, line: Line): boolean {
  return line.page === last.page + 1 && !SENTENCE_END.test(last.text) && /^[\p{Ll}\d,;(]/u.test(line.text);
}

/**
 * "mod-" + "ule" → "module" (a word broken at the line end); "Franco-" + "Prussian" → "Franco-Prussian" (a compound
 * broken at its hyphen). A lowercase compound ("well-" + "known") cannot be told from a broken word and loses its
 * hyphen: broken words are the far commoner case in justified text.
 */
function joinLines(before: string, after: string): string {
  if (/\u00AD$/.test(before)) return before.slice(0, -1) + after;
  if (/\p{L}-$/u.test(before) && /^\p{Ll}/u.test(after)) return before.slice(0, -1) + after;
  if (/\p{L}-$/u.test(before) && /^[\p{Lu}\d]/u.test(after)) return before + after;
  return `${before} ${after}`;
}

function render(blocks: Block[], headingSizes: number[]): string {
  const out: string[] = [];
  blocks.forEach((block, i) => {
    const previous = blocks[i - 1];
    if (i > 0) out.push(block.kind === "item" && previous?.kind === "item" ? "\n" : "\n\n");
    if (block.kind === "heading") {
      const level = Math.min(headingSizes.indexOf(round(block.fontSize)) + 1, 3);
      out.push(`${"#".repeat(level)} ${block.text}`);
    } else if (block.kind === "item") out.push(`${block.marker} ${block.text}`);
    else out.push(block.text);
  });
  return out.join("");
}

const round = (size: number) => Math.round(size * 2) / 2;
