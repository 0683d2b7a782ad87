import type { SourceRef } from "./types";

/** Small string helpers shared by the pipeline stages. */

/** What `tidy` changes: a typographic quote, whitespace other than a space, two spaces, a space at either end. */
const UNTIDY = /[’‘“”]|[^\S ]| {2}|^ | $/;

/**
 * Collapses whitespace and unifies typographic quotes, for display and comparison (not for offsets). A word broken
 * at its hyphen across a line ("non-\n  member states") is joined without a space.
 */
export function tidy(text: string): string {
  // Most texts are tidy already (a sentence is tidied by every stage that reads it): one scan says so.
  if (!UNTIDY.test(text)) return text;
  return text
    .replace(/(\p{L})-[ \t]*\r?\n\s*(?=\p{L})/gu, "$1-")
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, " ")
    .trim();
}

/** Lower case, no accents, letters and digits only: the form in which two spellings of a name compare. */
export function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Escapes a string for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const boundaryPatterns = new Map<string, RegExp>();
function boundaryPattern(source: string): RegExp {
  let re = boundaryPatterns.get(source);
  if (!re) boundaryPatterns.set(source, (re = new RegExp(source, "u")));
  return re;
}

/**
 * Where `target` occurs in `text`, left to right and not overlapping, with no code point of the class `notBefore`
 * right before it and nothing `notAfter` matches right after it: the `index` of each match of
 * `text.matchAll(new RegExp(\`(?<!${notBefore})${escapeRegExp(target)}(?!${notAfter})\`, "gu"))`, without compiling a
 * Unicode pattern per target (about 1 ms each: on a long document the largest cost of gapping sentences).
 * `notBefore` is one code point's class; `notAfter` reads at most three code units.
 *
 * @example boundedOccurrences('Al-Anbar and Anbar', 'Anbar', '[\\p{L}\\p{N}-]', '[\\p{L}\\p{N}]') // [13]
 */
export function boundedOccurrences(text: string, target: string, notBefore: string, notAfter: string): number[] {
  // An empty target, or one that starts or ends inside a surrogate pair, is left to the pattern itself.
  if (!target || /^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(target))
    return [...text.matchAll(new RegExp(`(?<!${notBefore})${escapeRegExp(target)}(?!${notAfter})`, "gu"))].map(
      (m) => m.index,
    );
  const before = boundaryPattern(`(?:${notBefore})$`);
  const after = boundaryPattern(`^(?:${notAfter})`);
  const out: number[] = [];
  for (let at = text.indexOf(target); at >= 0;) {
    const end = at + target.length;
    if (!before.test(text.slice(Math.max(0, at - 2), at)) && !after.test(text.slice(end, end + 3))) {
      out.push(at);
      at = text.indexOf(target, end);
    } else at = text.indexOf(target, at + 1);
  }
  return out;
}

export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Several sentences as one source: start of the first, end of the last, texts joined with " … ". */
export function joinSources(sources: (SourceRef | undefined)[]): SourceRef {
  const list = sources.filter((s): s is SourceRef => !!s).sort((a, b) => a.start - b.start);
  const unique = list.filter((s, i) => i === 0 || s.start !== list[i - 1].start);
  return { text: unique.map((s) => s.text).join(" … "), start: unique[0].start, end: unique[unique.length - 1].end };
}

/**
 * A sentence's subject pronoun, at its start ("It was established …") or after a fronted adverbial phrase
 * ("In April 2016, it began …", or a date without a comma: "In 1909 he married …", also when a blank stands for the
 * year: "In _____ he married …"): group 1 is the phrase before it (possibly empty), group 2 the pronoun.
 */
export const SUBJECT_PRONOUN =
  /^((?:(?:In|On|At|From|During|By|Since|After|Before|Until|Following|Under|With|Along|Across|Through|Despite|Within|Among|Like|Unlike|Together|Alongside)\b[^,]{0,160}, |(?:In|On|From|By|Since|After|Before|Until|During)(?: [A-Z]?[a-z]+| \d{1,2}){0,3} (?:\d{4}|_____) )?)(It|it|She|she|He|he|Its|its|His|his|Her|her|They|they|Their|their)\b/;

/** "Its" → "It", "His"/"Her" → "He"/"She", "Their" → "They": the subject pronoun a possessive one stands beside. */
export function subjectOfPossessive(pronoun: string): string {
  const p = pronoun.toLowerCase();
  return p === "its" ? "It" : p === "his" ? "He" : p === "her" ? "She" : p === "their" ? "They" : upperFirst(p);
}

/** "the Council" → "the Council's", "the United Nations (UN)" → "the United Nations'": an antecedent as a possessive. */
export function possessive(name: string): string {
  const bare = name.replace(/\s*\([^)]*\)/g, "");
  return /s$/.test(bare) ? `${bare}'` : `${bare}'s`;
}

/** A regnal numeral or a generational suffix: the end of a name, never a surname ("Valdemar IV", "John Smith Jr."). */
const NAME_SUFFIX = /^(?:[IVX]{1,5}|Jr\.?|Sr\.?)$/;

/**
 * The surname a name may be asked by alone, or undefined when its last word is no surname: a regnal numeral or a
 * generational suffix ("Count Adolf II" is not "II", "King Valdemar IV" not "King IV").
 * @example surnameOf("Jennie Carignan") // "Carignan"
 * @example surnameOf("Elizabeth II") // undefined
 */
export function surnameOf(name: string): string | undefined {
  const words = name.trim().split(/\s+/);
  const last = words[words.length - 1]!;
  return words.length > 1 && !NAME_SUFFIX.test(last) ? last : undefined;
}
