import { splitSentences } from "./split-sentences";
import { readTable, TABLE_LINE } from "./parse-tables";
import type { Block, BlockKind, FrontMatter, ParsedDocument, Section, Sentence, Table } from "./types";

/** One physical line of the input with its offsets. */
interface Line {
  raw: string;
  start: number;
  end: number;
}

const BULLET = /^(\s*)(?:[-*+•▪◦‣]|\d{1,3}[.)])\s+/;
const MD_HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const HTML_COMMENT = /^\s*<!--.*-->\s*$/;
/** A line that is only a Markdown picture, with or without a title. */
const MD_IMAGE = /^\s*!\[[^\]]*\]\([^)]*\)\s*$/;
/** A line wholly in emphasis (`*…*` or `_…_`, not `**bold**`): below a picture, its caption. */
const EMPHASIS_LINE = /^\s*([*_])(?!\1).*[^*_\s]\1\s*$/;
// Page furniture copied from websites: carries metadata, not content.
const LAST_UPDATED = /^\s*(?:[-*•]\s*)?(?:last updated|updated|published)\s*:\s*(.+)$/i;

/**
 * Splits a Markdown or plain-text document into front matter, sections, blocks and sentences.
 * All offsets index the original `text`: `text.slice(s.start, s.end) === s.text`.
 *
 * Plain text gets Markdown-like structure from layout: the first short line is the title, a short
 * unpunctuated line (or bullet) followed by a paragraph is a heading, a short line right above a list
 * is that list's caption (in Markdown: a short line or a **bold** line right above a list), and two blank lines or
 * an HTML comment end a list.
 *
 * @example
 * const doc = parseDocument('# Moon\n\nApollo 11 landed in July 1969. It returned safely.')
 * doc.sections[0].heading // 'Moon'
 * doc.sentences.map((s) => s.text) // ['Apollo 11 landed in July 1969.', 'It returned safely.']
 */
export function parseDocument(text: string): ParsedDocument {
  const { frontMatter, bodyStart } = readFrontMatter(text);
  const lines = toLines(text, bodyStart);
  // Layout rules for headings (a bullet or short line followed by a paragraph) are only for plain text.
  const markdown = lines.some((l) => MD_HEADING.test(l.raw));
  const sections: Section[] = [];
  const blocks: Block[] = [];
  const tables: Table[] = [];
  const stack: Section[] = [];
  let listId = 0;
  let inList = false;
  let blankRun = 0;
  let pendingCaption: string | undefined;
  let caption: string | undefined;
  let leadIn: string | undefined;
  let para: Line[] = [];
  // Set by a picture line; the emphasised line right after a picture is its caption, not the document's text.
  let afterPicture = false;
  // The list item the next lines may continue (CommonMark: an indented line, or a lazy line while the item's
  // sentence is unfinished), with the column its text starts at.
  let openItem: { block: Block; column: number } | undefined;

  const path = () => stack.map((s) => s.heading);
  const openSection = (heading: string, level: number, start: number) => {
    while (stack.length > 0 && stack[stack.length - 1].level >= level) stack.pop();
    const section: Section = { heading, level, start, end: text.length, path: [...path(), heading] };
    for (const s of sections) if (s.end === text.length && s.level >= level && s.start < start) s.end = start;
    sections.push(section);
    stack.push(section);
    inList = false;
    leadIn = undefined;
  };
  const flushParagraph = () => {
    if (para.length === 0) return;
    const start = para[0].start + leading(para[0].raw);
    const last = para[para.length - 1];
    const end = last.start + last.raw.trimEnd().length;
    const block: Block = { kind: "paragraph", text: text.slice(start, end), start, end, sectionPath: path() };
    blocks.push(block);
    para = [];
    inList = false;
    const trimmed = block.text.trim();
    leadIn = trimmed.endsWith(":") ? lastSentence(trimmed) : undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const content = line.raw.trim();
    if (content === "" || HTML_COMMENT.test(line.raw)) {
      flushParagraph();
      if (HTML_COMMENT.test(line.raw)) openItem = undefined;
      blankRun++;
      // Two blank lines or an HTML comment separate lists that sit next to each other.
      if (blankRun >= 2 || HTML_COMMENT.test(line.raw)) inList = false;
      continue;
    }
    const blankBefore = blankRun > 0;
    blankRun = 0;
    // A picture (`![alt](file)`) carries no sentence to learn, and neither does its caption.
    if (MD_IMAGE.test(line.raw) || (afterPicture && EMPHASIS_LINE.test(line.raw))) {
      flushParagraph();
      afterPicture = MD_IMAGE.test(line.raw);
      continue;
    }
    afterPicture = false;
    const updated = LAST_UPDATED.exec(line.raw);
    if (updated) {
      flushParagraph();
      frontMatter.date ??= updated[1].trim();
      continue;
    }
    // A Markdown table is read by rows (parse-tables.ts), never as a paragraph of pipes.
    if (TABLE_LINE.test(line.raw)) {
      flushParagraph();
      openItem = undefined;
      const { table, next } = readTable(lines, i, path());
      if (table) tables.push(table);
      i = next - 1;
      continue;
    }
    const md = MD_HEADING.exec(line.raw);
    if (md) {
      flushParagraph();
      openSection(md[2], md[1].length, line.start + line.raw.indexOf(md[2]));
      continue;
    }
    const bullet = BULLET.exec(line.raw) ?? labelRunItem(lines, i);
    if (!bullet && openItem && continuesItem(openItem, line.raw, blankBefore)) {
      const { block } = openItem;
      block.end = line.start + line.raw.trimEnd().length;
      block.text = text.slice(block.start, block.end);
      continue;
    }
    openItem = undefined;
    const nextLine = nextContentLine(lines, i);
    if (bullet) {
      flushParagraph();
      const body = line.raw.slice(bullet[0].length).trim();
      const start = line.start + bullet[0].length;
      if (
        !markdown &&
        looksLikeHeading(body) &&
        nextLine !== undefined &&
        !BULLET.test(nextLine.raw) &&
        !looksLikeHeading(nextLine.raw.trim())
      ) {
        openSection(body, stack.length > 0 ? Math.min(stack[stack.length - 1].level + 1, 2) : 2, start);
        continue;
      }
      if (!inList) {
        listId++;
        inList = true;
        // A caption labels only the list directly below it, not the lists after it.
        caption = pendingCaption;
        pendingCaption = undefined;
      }
      const item: Block = {
        kind: "list_item" as BlockKind,
        text: body,
        start,
        end: start + body.length,
        sectionPath: path(),
        listId,
        listCaption: caption,
        listLeadIn: leadIn,
      };
      if (/^\s*\d/.test(bullet[0])) item.listOrdered = true;
      blocks.push(item);
      openItem = { block: item, column: bullet[0].length };
      continue;
    }
    const label = /^\*\*(.+)\*\*$/.exec(content)?.[1] ?? content;
    if (para.length === 0 && looksLikeHeading(label) && !label.endsWith(":") && !isContinuation(lines, i)) {
      const start = line.start + leading(line.raw);
      if (sections.length === 0 && blocks.length === 0 && !markdown) {
        openSection(content, 1, start);
        continue;
      }
      if (nextLine && BULLET.test(nextLine.raw)) {
        // A short line just above a list labels that list only, not the lists after it.
        pendingCaption = label;
        inList = false;
        continue;
      }
      if (!markdown && nextLine && !looksLikeHeading(nextLine.raw.trim())) {
        openSection(content, stack.length > 0 ? stack[stack.length - 1].level + 1 : 2, start);
        continue;
      }
    }
    inList = false;
    if (para.length === 0) pendingCaption = undefined;
    para.push(line);
  }
  flushParagraph();
  // A press release's dateline opens its first paragraph only ("GENEVA, 14 March 2025 – The agency …").
  const lead = blocks.findIndex((b) => b.kind === "paragraph");
  const sentences = blocks.flatMap((b, index) => toSentences(b, index, index === lead));
  const title = frontMatter.title ?? sections.find((s) => s.level === 1)?.heading;
  return { text, frontMatter, title, bodyStart, bodyEnd: text.length, sections, blocks, sentences, tables };
}

function toSentences(block: Block, blockIndex: number, lead = false): Sentence[] {
  return splitSentences(block.text).map(({ start, end }, i) => {
    // The dateline is metadata, not part of the claim: the sentence starts after it.
    const from = lead && i === 0 ? start + datelineLength(block.text.slice(start, end)) : start;
    return {
      text: block.text.slice(from, end),
      start: block.start + from,
      end: block.start + end,
      section: block.sectionPath,
      blockKind: block.kind,
      blockIndex,
    };
  });
}

const MONTH =
  "(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)";
const DATE = `(?:\\d{1,2}\\s+${MONTH}\\.?(?:,?\\s+\\d{4})?|${MONTH}\\.?\\s+\\d{1,2}(?:,?\\s+\\d{4})?|\\d{4}-\\d{2}-\\d{2})`;
const CAPS_WORD = "\\p{Lu}[\\p{Lu}.'’-]+";
const TITLE_WORD = "\\p{Lu}[\\p{L}.'’-]+";
const AGENCY = "\\s*\\([^()\\n]{2,30}\\)";
/**
 * A press release's dateline at the start of a sentence, in bold or not: "GENEVA, 14 March 2025 – ", "LONDON
 * (Reuters) — ", "WASHINGTON, D.C., May 2, 2024 -- ", "**Geneva, 25 November 2020.** " (a title-case place needs its
 * date, and a place in capitals alone needs a region, an agency or a date: "NATO – The alliance …" is no dateline).
 */
export const DATELINE = new RegExp(
  `^(?:\\*\\*|__)?(?:${CAPS_WORD}(?:[ -]${CAPS_WORD})*(?:(?:,\\s*(?:${CAPS_WORD}|${TITLE_WORD})(?:\\s${TITLE_WORD})*)?(?:${AGENCY})?(?:,\\s*${DATE})|(?:,\\s*(?:${CAPS_WORD}|${TITLE_WORD})(?:\\s${TITLE_WORD})*)?${AGENCY}|,\\s*(?:${CAPS_WORD}|${TITLE_WORD})(?:\\s${TITLE_WORD})*)` +
    `|${TITLE_WORD}(?:\\s${TITLE_WORD})*(?:,\\s*${TITLE_WORD}(?:\\s${TITLE_WORD})*)?(?:${AGENCY})?,\\s*${DATE})` +
    `(?:\\s*(?:[–—]|--?)(?:\\*\\*|__)?\\s+|\\.(?:\\*\\*|__)?\\s+|(?:\\*\\*|__)\\s*(?:[–—]|--?)\\s+)(?=[\\p{Lu}"“])`,
  "u",
);

/** A time the claim gives only relative to the dateline: "opened this morning", "announced today". */
export const DATELINE_DEIXIS =
  /\b(?:today|tonight|yesterday|this (?:morning|afternoon|evening|week)|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b/i;

/**
 * Characters of the dateline `sentence` opens with (0 when none). A dateline whose claim says "today" or "this
 * morning" stays: its date is what the claim's time refers to.
 */
export function datelineLength(sentence: string): number {
  const m = DATELINE.exec(sentence);
  return m && !DATELINE_DEIXIS.test(sentence.slice(m[0].length)) ? m[0].length : 0;
}

function readFrontMatter(text: string): { frontMatter: FrontMatter; bodyStart: number } {
  const frontMatter: FrontMatter = {};
  const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return { frontMatter, bodyStart: 0 };
  for (const line of m[1].split(/\r?\n/)) {
    const kv = /^\s*(title|source|date)\s*:\s*(.*?)\s*$/i.exec(line);
    if (kv) frontMatter[kv[1].toLowerCase() as keyof FrontMatter] = kv[2].replace(/^(["'])(.*)\1$/, "$2");
  }
  return { frontMatter, bodyStart: m[0].length };
}

function toLines(text: string, from: number): Line[] {
  const lines: Line[] = [];
  let start = from;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    const raw = text.slice(start, end).replace(/\r$/, "");
    lines.push({ raw, start, end: start + raw.length });
    if (end === text.length) break;
    start = end + 1;
  }
  return lines;
}

/**
 * A line that belongs to the list item above it (CommonMark's continuation rules, kept to what is unambiguous in
 * plain text too): a line indented to the item's text (after a blank line only once the item's sentence is finished),
 * or an unindented line right below that starts in lower case or follows a word that needs more ("… is the" /
 * "Outer Orbital off Kent, …"); a short label below a label ("- Baghdad" / "Baghdad area") stays apart.
 */
function continuesItem(item: { block: Block; column: number }, raw: string, blankBefore: boolean): boolean {
  if (MD_HEADING.test(raw) || MD_IMAGE.test(raw)) return false;
  const indented = leading(raw) >= item.column;
  if (indented) return !blankBefore || /[.!?:;]["'”’)]*$/.test(item.block.text.trimEnd());
  // Unindented, only what cannot start a line of its own: a lower-case word, or after a word that needs one.
  const text = item.block.text.trimEnd();
  return (
    !blankBefore &&
    (/^\s*\p{Ll}/u.test(raw) ||
      /(?:[,-]|\b(?:the|a|an|of|in|on|at|to|and|or|by|for|with|from|is|was|are|were))$/i.test(text))
  );
}

function nextContentLine(lines: Line[], i: number): Line | undefined {
  for (let j = i + 1; j < lines.length; j++)
    if (lines[j].raw.trim() !== "" && !HTML_COMMENT.test(lines[j].raw)) return lines[j];
  return undefined;
}

const LABEL_VALUE =
  /^(?:\*\*|__)?(\p{Lu}[^\s:.*_]*(?: [^\s:.*_]+){0,4})(?:\*\*|__)?\s*:(?:\*\*|__)?\s+(?:\*\*|__)?(\S.*)$/u;

/**
 * A "Label: value" line: a capitalised label of one to five words (no full stop or colon in it, bold or not), a
 * colon, a space, a value. Read by the parser (a run of such lines is a list) and by extract-attributes.ts (a list
 * item's label and value).
 *
 * @example
 * labelValue("**Staff:** about 1,450") // { label: "Staff", value: "about 1,450" }
 * labelValue("The bridge opened in 1990.") // null
 */
export function labelValue(line: string): { label: string; value: string } | null {
  const m = LABEL_VALUE.exec(line);
  return m ? { label: m[1]!, value: m[2]! } : null;
}

/**
 * Two or more "Label: value" lines in a row, without bullets, are a list of key figures: each line is read as a
 * bullet (its indentation as the marker), never as one run-on sentence.
 */
function labelRunItem(lines: Line[], i: number): [string] | null {
  // A value that ends in a colon leads into what follows: the line is a lead-in, not a figure.
  const labelled = (k: number) =>
    lines[k] !== undefined && !!labelValue(lines[k]!.raw.trim()) && !/:$/.test(lines[k]!.raw.trim());
  if (!labelled(i) || (!labelled(i - 1) && !labelled(i + 1))) return null;
  return [lines[i]!.raw.slice(0, leading(lines[i]!.raw))];
}

/** A line that continues the paragraph above (no blank line between) is never a heading. */
function isContinuation(lines: Line[], i: number): boolean {
  return (
    i > 0 && lines[i - 1].raw.trim() !== "" && !BULLET.test(lines[i - 1].raw) && !MD_HEADING.test(lines[i - 1].raw)
  );
}

/** Short, starts upper-case, no sentence-final punctuation (a trailing ":" is allowed). */
function looksLikeHeading(content: string): boolean {
  const words = content.split(/\s+/).filter(Boolean);
  return (
    words.length > 0 &&
    words.length <= 10 &&
    content.length <= 80 &&
    /^[A-Z0-9]/.test(content) &&
    !/[.!?;,]$/.test(content)
  );
}

function leading(raw: string): number {
  return raw.length - raw.trimStart().length;
}

function lastSentence(paragraph: string): string {
  const spans = splitSentences(paragraph);
  const last = spans[spans.length - 1];
  return last ? paragraph.slice(last.start, last.end) : paragraph;
}
