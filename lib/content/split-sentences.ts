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
export function splitSentences(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let start = skipSpace(text, 0);
  for (let i = 0; i < text.length; i++) {
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
