import type { SourceRef } from "./types";

/** Small string helpers shared by the pipeline stages. */

/**
 * Collapses whitespace and unifies typographic quotes, for display and comparison (not for offsets). A word broken
 * at its hyphen across a line ("non-\n  member states") is joined without a space.
 */
export function tidy(text: string): string {
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

/** Index of `needle` in `haystack` as a whole word (case-sensitive), or -1. */
export function wordIndex(haystack: string, needle: string, from = 0): number {
  const re = new RegExp(`(?<![\\w])${escapeRegExp(needle)}(?![\\w])`, "g");
  re.lastIndex = from;
  const m = re.exec(haystack);
  return m ? m.index : -1;
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
 * ("In April 2016, it began …", or a date without a comma: "In 1909 he married …"): group 1 is the phrase before it (possibly empty), group 2 the pronoun.
 */
export const SUBJECT_PRONOUN =
  /^((?:(?:In|On|At|From|During|By|Since|After|Before|Until|Following|Under|With|Along|Across|Through|Despite|Within|Among|Like|Unlike)\b[^,]{0,160}, |(?:In|On|From|By|Since|After|Before|Until|During)(?: [A-Z]?[a-z]+| \d{1,2}){0,3} \d{4} )?)(It|it|She|she|He|he|Its|its|His|his|Her|her)\b/;

/** "Its" → "It", "His"/"Her" → "He"/"She": the subject pronoun a possessive one stands beside. */
export function subjectOfPossessive(pronoun: string): string {
  const p = pronoun.toLowerCase();
  return p === "its" ? "It" : p === "his" ? "He" : p === "her" ? "She" : upperFirst(p);
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
