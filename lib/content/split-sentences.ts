/**
 * Sentence boundaries inside one block of text, as offsets into that block.
 * Rule-based: a boundary is [.!?] (plus closing quotes/brackets) followed by whitespace and an
 * upper-case letter, digit or opening quote — unless the word before the period is an abbreviation.
 */

// Abbreviations that end with a period but rarely end a sentence. Lower-case, without the final period.
const ABBREVIATIONS = new Set([
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "sr",
  "jr",
  "st",
  "mt",
  "ft",
  "gen",
  "maj",
  "col",
  "lt",
  "capt",
  "cpt",
  "sgt",
  "cpl",
  "adm",
  "cmdr",
  "brig",
  "pvt",
  "rev",
  "gov",
  "sen",
  "rep",
  "pres",
  "no",
  "nos",
  "vol",
  "fig",
  "pp",
  "p",
  "ed",
  "eds",
  "approx",
  "ca",
  "cf",
  "vs",
  "v", // case names: "TYRER v. THE UNITED KINGDOM", "Brown v. Board of Education"
  "etc",
  "al",
  "inc",
  "ltd",
  "co",
  "corp",
  "dept",
  "est",
]);

const CLOSERS = `"'”’)]`;

/**
 * Splits `text` into sentence spans (trimmed, offsets relative to `text`).
 *
 * @example
 * splitSentences('Maj. Gen. Smith arrived on Aug. 5. He left.')
 * // → [{ start: 0, end: 34 }, { start: 35, end: 43 }]
 */
export function splitSentences(text: string, from = 0): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let start = skipSpace(text, from);
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch !== "." && ch !== "!" && ch !== "?") continue;
    let end = i + 1;
    while (end < text.length && CLOSERS.includes(text[end])) end++;
    if (end < text.length && !/\s/.test(text[end])) continue; // "U.S.", "3.5", "ISIS/Da'esh."
    const next = skipSpace(text, end);
    if (next >= text.length) break;
    if (!/[A-Z0-9"“‘'(\[]/.test(text[next])) continue;
    if (ch === "." && isAbbreviation(text, i, next)) continue;
    spans.push({ start, end });
    start = next;
    i = next - 1;
  }
  const last = trimEnd(text, text.length);
  if (last > start) spans.push({ start, end: last });
  return spans;
}

let whole: { text: string; spans: { start: number; end: number }[] } | undefined;

/**
 * The last `count` spans of `splitSentences(text.slice(0, end))`, without splitting the whole prefix again for every
 * `end` (a check asking for the sentences before each item's sentence made that quadratic in the document's length).
 * A boundary is decided by the text before it and at most three characters after the next sentence's start, so the
 * boundaries of the whole text whose next sentence starts three or more characters before `end` are the prefix's too;
 * the prefix is scanned from the last such sentence start only. `text` is split whole once, remembered for the next
 * call with the same text.
 *
 * @example
 * sentencesBefore('One. Two. Three.', 9, 2) // [{ start: 0, end: 4 }, { start: 5, end: 9 }]
 */
export function sentencesBefore(text: string, end: number, count: number): { start: number; end: number }[] {
  if (whole?.text !== text) whole = { text, spans: splitSentences(text) };
  const spans = whole.spans;
  // The last sentence of the whole text starting at least three characters before `end`: a binary search.
  let lo = 0;
  let hi = spans.length - 1;
  let restart = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start + 3 <= end) {
      restart = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const prefix = text.slice(0, end);
  if (restart < 0) return splitSentences(prefix).slice(-count);
  const tail = splitSentences(prefix, spans[restart]!.start);
  return [...spans.slice(Math.max(0, restart - count), restart), ...tail].slice(-count);
}

function isAbbreviation(text: string, dot: number, next: number): boolean {
  let w = dot;
  while (w > 0 && /[A-Za-z.]/.test(text[w - 1])) w--;
  const word = text.slice(w, dot);
  if (word.length === 0) return false;
  // An initial ("J. R. Smith", "the mathematician G. H. Hardy") follows a name or another initial, or comes before
  // one; a capital letter after a common word ending a sentence is a numeral ("… passes to photosystem I. Although …").
  if (/^[A-Z]$/.test(word)) {
    // A unit symbol after a number or a degree sign ends a sentence: "… above about 75 °C. Silicon …".
    if (/[\d°]$|\d\s$/.test(text.slice(Math.max(0, w - 2), w))) return false;
    const before = /(\S+)\s+$/.exec(text.slice(0, w))?.[1];
    return !before || /^[A-Z(“"]/.test(before) || /^[A-Z]\.\s/.test(text.slice(next, next + 3));
  }
  if (word.includes(".")) return true; // "U.S", "e.g", "i.e"
  const lower = word.toLowerCase();
  if (lower === "no" || lower === "nos") return /\d/.test(text[next]); // "No. 5" but "said no. Then"
  return ABBREVIATIONS.has(lower);
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}
