/**
 * References a prompt, a statement or a label keeps to what only an earlier sentence explains (decision 040): a
 * learner sees the item alone, so "Later surveys confirmed it.", "A single plate can carry both." or "The agency was
 * founded in 1975." (in a document naming several agencies) ask a riddle, and a true/false statement with such a
 * reference cannot be judged true. Pure: the sentence, and the document around it when there is one.
 *
 * Kinds:
 * - `set`: a bare "both"/"either"/"neither", "the former/latter", a count of a set the sentence does not list;
 * - `pronoun`: "it/its/they/them/their" with nothing of the right number before it in the sentence, and a
 *   demonstrative used as a pronoun ("This cut costs", "… confirmed this.");
 * - `demonstrative`: "this/that/these/those + noun" whose noun the sentence has not named;
 * - `definite`: "the + noun" whose noun stood for a named thing in the two sentences before and that this sentence
 *   does not name, or that the document uses for several named things ("the agency" among ESA and NASA).
 *
 * This module is the one place for "does this prompt point outside itself". Besides `unresolvedReferences` (read for
 * every item by precision.ts and defects.ts) it holds the narrower checks the gate and the ranker ask:
 * `strandedPronoun` (a quoted statement's he/she/they/it naming nothing: the item is dropped, item-shapes.ts),
 * `vagueNoun` ("the mission" in a question) and `loneDefinite` (a short sentence naming only "the X"), both sending
 * the item to review (precision.ts). precision.ts `unnamedPerson` reads "he"/"she" against the document's people.
 */
import { isExpletiveIt } from "./coreference";
import { YEAR_WORD } from "./dates";
import { GAP } from "./gap";
import { MONTH_NAMES, WEEKDAYS } from "./lexicon";
import { findPeople, isRoleNoun } from "./extract-people";
import { posTokens, type PosToken } from "./pos";
import { sentencesBefore } from "./split-sentences";
import { promptBody } from "./well-formed";
import type { GeneratedItem } from "./types";

export type ReferenceKind = "set" | "pronoun" | "demonstrative" | "definite";

export interface Reference {
  kind: ReferenceKind;
  /** The words as the sentence writes them ("the site", "both", "it"). */
  phrase: string;
  /** Offset of `phrase` in the sentence. */
  at: number;
  /** What the phrase can be replaced with, when exactly one named thing of its kind stands in the sentences before. */
  name?: string;
}

export interface ReferenceContext {
  /** The whole document; without it only what one sentence shows is read (sets, pronouns, demonstratives). */
  documentText?: string;
  /** Offset in `documentText` of the sentence the item was built from (-1: unknown). */
  start?: number;
  /** The document's title: its subject's noun ("the river" of "Danube") is known from the deck. */
  title?: string;
}

/** A noun that reads as plural ("ships", "Romans"), not "bus", "analysis", "glass". */
export const pluralNoun = (word: string) => /[^su's]s$|[^s]es$/i.test(word) && !/(?:ss|us|is)$/i.test(word);

const SET_COUNT = /\b(?:the (?:two|three|four)|both) ((?:[a-z-]+ ){0,2}?[a-z-]+s)(?![\p{L}'’])/iu;
const DEFINITE = /\b(?:the|this|these|that|those) ([a-z][a-z-]+)\b/gi;
/** Nouns a definite article does not tie to an antecedent ("the same", "the first", "the way"). */
const UNTIED =
  /^(?:same|other|first|last|following|next|previous|former|latter|way|time|end|rest|most|world|sun|moon)$/;
/** Demonstrative + noun read as a time the sentence dates itself ("this morning" with a year) or a manner. */
const DEICTIC_TIME = /^(?:morning|afternoon|evening|week|month|year|summer|winter|spring|autumn|day|decade|century)$/;
const BLANK = /_{3,}/g;
const ARTICLE = /^(?:The|A|An|In|On|At|This|These|That|Those|Its|Their|His|Her)$/;

/**
 * Every reference in `sentence` that only an earlier sentence explains, in order. `sentence` is one sentence or
 * question with any blank filled in.
 *
 * @example
 * unresolvedReferences('Later surveys confirmed it.')[0].phrase // 'it'
 * unresolvedReferences('A single plate can carry both, and it weighs little.')[0].phrase // 'both'
 * unresolvedReferences('The site was abandoned in 1620.', { documentText: 'Fort Vellum, a trading site, stood on the cape. The site was abandoned in 1620.', start: 50 })[0].name // 'Fort Vellum'
 */
export function unresolvedReferences(sentence: string, context: ReferenceContext = {}): Reference[] {
  // Same length, so offsets index `sentence` itself.
  const text = sentence.replace(BLANK, (gap) => "X".repeat(gap.length));
  const tokens = posTokens(text);
  const out: Reference[] = [];
  const set = countedSet(text);
  if (set) out.push(set);
  out.push(...bareSetWords(text, tokens), ...pronouns(text, tokens), ...demonstratives(text, tokens, context));
  const definite = definiteDescription(text, tokens, context);
  if (definite && !out.some((r) => r.at === definite.at)) out.push(definite);
  return out.sort((a, b) => a.at - b.at);
}

/** "the former/latter"; "the two cities" or "both cities" when the sentence does not say what it counts. */
function countedSet(sentence: string): Reference | null {
  const former = /\bthe (?:former|latter)\b/i.exec(sentence);
  if (former) return { kind: "set", phrase: former[0], at: former.index };
  const set = SET_COUNT.exec(sentence);
  if (!set || !pluralNoun(set[1]!.split(" ").pop()!)) return null;
  // "The brothers both sailed …": a "both" after its plural quantifies it.
  if (/^both/i.test(set[0]) && /\b(?:[a-z-]+s|they|we)\s+$/i.test(sentence.slice(0, set.index))) return null;
  // "the two cities, Lübeck and Hamburg", "both Lübeck and Hamburg": the sentence lists what it counts.
  const listed = /\p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*)*(?:,| and| or|,? and) (?:the )?\p{Lu}/u.test(sentence);
  const rest = sentence.slice(set.index + set[0].length);
  // "the three technologies on which …", "the two stages of photosynthesis", "the three factors are light, water
  // and heat": a phrase or a list after the count says what it counts.
  const defined =
    (/ and /.test(rest) && /^both\b/i.test(set[0])) ||
    /^(?::|,? (?:of|on which|in which|which|that|who|where|called|named)\b)/.test(rest) ||
    /[\w-]+, [\w -]+,? (?:and|or) [\w-]/.test(rest);
  return listed || defined ? null : { kind: "set", phrase: set[0], at: set.index };
}

/**
 * "both", "either", "neither" standing alone for two things of the sentence before: "A plate can carry both",
 * "Neither survived". Not a determiner ("either bank", "both cities" is `countedSet`'s), not with its pair in the
 * sentence ("both X and Y", "either … or …"), not after the plural it quantifies ("the two ships both sank").
 */
function bareSetWords(sentence: string, tokens: PosToken[]): Reference[] {
  const out: Reference[] = [];
  const pair: Record<string, RegExp> = { both: / and /, either: / or /, neither: / nor / };
  for (const [i, t] of tokens.entries()) {
    const word = t.text.toLowerCase();
    if (!(word in pair)) continue;
    const next = tokens[i + 1];
    const prev = tokens[i - 1];
    if (next && ["NOUN", "PROPN", "ADJ", "DET", "NUM"].includes(next.pos) && !/^(?:of)$/i.test(next.text)) continue;
    // Its pair within its own clause: "both the mill and the kiln", not "… carry both, and the rest …".
    if (pair[word]!.test(sentence.slice(t.end).split(/[,;:]/)[0]!)) continue;
    if (
      prev &&
      ((prev.pos === "NOUN" && pluralNoun(prev.text)) || prev.pos === "PROPN" || /^(?:we|they|you)$/i.test(prev.text))
    )
      continue;
    // "on either side": an idiom that names its own noun comes after a determiner-less preposition; covered above.
    out.push({ kind: "set", phrase: t.text, at: t.start });
  }
  return out;
}

const SINGULAR = /^(?:it|its)$/i;
const PLURAL = /^(?:they|them|their)$/i;
const DEMONSTRATIVE_PRONOUN = /^(?:this|these|those|that)$/i;

/**
 * "it"/"its" with no singular thing before it in the sentence, "they/them/their" with no plural, and a demonstrative
 * standing alone at the sentence's start ("This cut costs by half", "These include …") or as its last word ("…
 * confirmed this."). A pronoun inside a fronted phrase may point forward to the subject after the comma ("Before
 * it reaches the sea, the Danube …"); an extraposed or cleft "it" ("It is thought that …") refers to nothing.
 */
function pronouns(sentence: string, tokens: PosToken[]): Reference[] {
  const out: Reference[] = [];
  const comma = tokens.findIndex((t) => t.text === ",");
  for (const [k, t] of tokens.entries()) {
    const word = t.text;
    if (DEMONSTRATIVE_PRONOUN.test(word)) {
      const next = tokens[k + 1];
      const opening = k === 0 && next && ["VERB", "AUX", "ADV"].includes(next.pos) && !/^that$/i.test(next.text);
      // "… and confirmed this.", "… after that," but not "so that", "such that", "now that".
      const last =
        k > 0 &&
        (!next ||
          (next.pos === "PUNCT" && (/^[.;!?]$/.test(next.text) || (next.text === "," && !/^that$/i.test(word))))) &&
        !/^(?:so|such|now|than|like|and)$/i.test(tokens[k - 1]!.text) &&
        !(/^that$/i.test(word) && tokens[k - 1]!.pos !== "VERB" && tokens[k - 1]!.pos !== "ADP");
      if (opening || last) out.push({ kind: "pronoun", phrase: word, at: t.start });
      continue;
    }
    const singular = SINGULAR.test(word);
    if (!singular && !PLURAL.test(word)) continue;
    if (singular && /^it$/i.test(word) && isExpletiveIt(sentence.slice(t.start))) continue;
    // Pointing forward from a fronted phrase: the main clause's subject after its comma (the words up to its verb,
    // six at most) counts as before it; "…, helped by the navy diver …" has no subject to point to.
    const fronted = comma > k && k < comma && ["ADP", "SCONJ"].includes(tokens[0]?.pos ?? "");
    const after = tokens.slice(comma + 1, comma + 7);
    const verb = after.findIndex((a) => ["VERB", "AUX", "PUNCT"].includes(a.pos));
    const subject = verb < 0 ? after : after.slice(0, verb);
    const scope = fronted ? [...tokens.slice(0, k), ...subject] : tokens.slice(0, k);
    const nouns = scope.filter(
      (s, i) =>
        (s.pos === "NOUN" || s.pos === "PROPN" || (/^\p{Lu}/u.test(s.text) && i > 0 && s.pos !== "PRON")) &&
        !/^\d/.test(s.text) &&
        // "Ships that use it": a verb after a relative word that wink may tag as a noun.
        !/^(?:that|which|who)$/i.test(scope[i - 1]?.text ?? ""),
    );
    // A person is no "it" ("the amateur researcher Anders Franzén found it"): not a role noun, nor the words of a
    // person's name (looked up only when every candidate is capitalised); a ship's name is.
    const things = nouns.filter(
      (n) =>
        !isRoleNoun(n.text.toLowerCase()) &&
        // A plural opening the sentence is tagged a name for its capital ("Ships that use it …").
        ((n.pos === "PROPN" && (n !== tokens[0] || !pluralNoun(n.text))) || !pluralNoun(n.text)),
    );
    const fits = singular
      ? things.some((n) => !/^\p{Lu}/u.test(n.text)) || things.some((n) => !personWords(sentence).has(n.text))
      : nouns.some((n) => pluralNoun(n.text)) ||
        (nouns.length >= 2 && scope.some((s) => /^(?:and|or)$/.test(s.text))) ||
        // "Vogt married Otto Brandt in 1902; they had two sons": two people named apart are a "they".
        namesApart(scope) >= 2;
    if (!fits) out.push({ kind: "pronoun", phrase: word, at: t.start });
  }
  return out;
}

let people: { sentence: string; words: Set<string> } | undefined;
/** The words of the people `sentence` names (extract-people.ts), for the last sentence asked (items share one). */
function personWords(sentence: string): Set<string> {
  if (people?.sentence !== sentence)
    people = { sentence, words: new Set(findPeople(sentence).flatMap((p) => p.name.split(/\s+/))) };
  return people.words;
}

/** How many runs of capitalised names (not the sentence's first word alone) `tokens` hold. */
function namesApart(tokens: PosToken[]): number {
  let runs = 0;
  for (const [i, t] of tokens.entries()) {
    const name = t.pos === "PROPN" && /^\p{Lu}/u.test(t.text);
    if (name && !(i > 0 && tokens[i - 1]!.pos === "PROPN")) runs++;
  }
  return runs;
}

/**
 * "this/that/these/those + noun" whose noun the sentence has not written before: "This approach cut costs by half",
 * "At that time …". Not after a relative word ("…, who took this post"), not a dated "this year" in a sentence with
 * a year, not "this way/manner" (a manner still states a checkable fact, decision 035), not "those ships that …"
 * (a relative clause after it says which). One named thing of the noun's kind in the sentences before names it.
 */
function demonstratives(sentence: string, tokens: PosToken[], context: ReferenceContext): Reference[] {
  const out: Reference[] = [];
  for (const [k, t] of tokens.entries()) {
    if (!/^(?:this|that|these|those)$/i.test(t.text)) continue;
    const noun = tokens[k + 1];
    if (!noun || noun.pos !== "NOUN" || (/^that$/i.test(t.text) && t.pos !== "DET")) continue;
    // "Ships that use it": a relative "that" after its noun, with a verb wink may tag as a noun.
    if (/^that$/i.test(t.text) && ["NOUN", "PROPN", "PRON"].includes(tokens[k - 1]?.pos ?? "")) continue;
    const word = noun.text.toLowerCase();
    // Tagged a noun but a verb after a pronoun: "and this releases oxygen", "but these must include …".
    if (/^(?:must|can|may|will|would|should|could|might|shall)$/.test(word)) continue;
    if (/^(?:this|that)$/i.test(t.text) && /[^su]s$/.test(word)) continue;
    if (/^(?:way|manner|kind|sort|type|case)$/.test(word)) continue;
    const before = sentence.slice(0, t.start);
    if (new RegExp(`\\b${word}`, "i").test(before) || /\b(?:who|which|whose|where)\b/i.test(before)) continue;
    if (DEICTIC_TIME.test(word) && YEAR_WORD.test(sentence)) continue;
    const after = tokens.slice(k + 2, k + 5).map((x) => x.text.toLowerCase());
    if (/^those$/i.test(t.text) && after.some((w) => /^(?:who|that|which|whose|of|with|in)$/.test(w))) continue;
    const phrase = `${t.text} ${noun.text}`;
    const name = pluralNoun(word) ? undefined : oneCandidate(word, sentence, context);
    out.push({ kind: "demonstrative", phrase, at: t.start, ...(name ? { name } : {}) });
  }
  return out;
}

/**
 * "the + noun" (a singular noun heading its phrase) that points back: the two sentences before name a thing of
 * that kind that this sentence does not ("Liubice castle … A town grew by the castle", "Fort Vellum, a trading
 * site, … The site was abandoned"), or the document names several things of that kind and this sentence none
 * ("the agency" where ESA and NASA are both agencies). The document's own subject stays ("the river" of the
 * Danube's page: its title's noun, or the noun its opening sentence gives the title's first word), and so does a
 * noun the document uses for exactly one named thing that the sentences before did not name.
 */
function definiteDescription(sentence: string, tokens: PosToken[], context: ReferenceContext): Reference | null {
  const { documentText = "", start = -1, title = "" } = context;
  if (!documentText) return null;
  for (const m of sentence.matchAll(DEFINITE)) {
    if (!/^the$/i.test(m[0].split(" ")[0]!)) continue;
    const word = m[1]!.toLowerCase();
    if (pluralNoun(word) || UNTIED.test(word)) continue;
    // The noun heads its phrase ("the navy yard" is a yard).
    const at = tokens.findIndex((t) => t.start === m.index! + m[0].length - m[1]!.length);
    if (tokens[at]?.pos !== "NOUN" || ["NOUN", "PROPN"].includes(tokens[at + 1]?.pos ?? "")) continue;
    // This sentence pins it down: a name beside the noun, a relative clause, or the noun written earlier in it.
    const after = sentence.slice(m.index! + m[0].length);
    const lead = sentence.slice(0, m.index!);
    if (/^(?: of| at| in| on| for| called| named| known as|,)? (?:the )?\p{Lu}/u.test(after)) continue;
    if (/^,? (?:that|which|who|where|whose)\b/.test(after) || new RegExp(`\\b${word}\\b`, "i").test(lead)) continue;
    if (subjectNoun(word, documentText, title)) continue;
    const all = documentCandidates(word, documentText);
    if (all.some((c) => sentence.includes(c.name) || sentence.includes(c.core))) continue;
    // A thing of that kind is the document's subject, named in its title by name or abbreviation ("the force" of
    // "EUFOR Operation Althea", where "European Union Force … (EUFOR)"): the deck says which. It is still renamed
    // when the sentence before named it alone ("the delta" → "the Danube Delta" on the Danube's page).
    const titled = title ? all.filter((c) => titleNames(c, title, documentText)) : [];
    const near = start >= 0 ? candidates(word, previousSentences(documentText, start)) : [];
    const phrase = m[0];
    if (near.length > 0) {
      const name = oneCandidate(word, sentence, context);
      if (titled.length && !titled.some((c) => c.replacement === name)) continue;
      return { kind: "definite", phrase, at: m.index!, ...(name ? { name } : {}) };
    }
    if (titled.length) continue;
    if (new Set(all.map((c) => c.core)).size >= 2) return { kind: "definite", phrase, at: m.index! };
  }
  return null;
}

/** The noun of the document's own subject: in its title, or given to the title's first word by the opening. */
function subjectNoun(word: string, documentText: string, title: string): boolean {
  if (new RegExp(`\\b${word}\\b`, "i").test(title)) return true;
  const head = title.split(" ")[0]?.replace(/[^\p{L}-]/gu, "");
  // "The Danube is the second-longest river …": the title's word, a copula, then the noun, in one sentence.
  const copula = new RegExp(`\\b${head}\\b[^.\\n]*?\\b(?:is|was|are|were)\\b[^.\\n]*\\b${word}\\b`, "i");
  return !!head && copula.test(documentText.slice(0, 1000));
}

/** Does the title name this candidate: its distinctive words, or the abbreviation written after it? */
function titleNames(candidate: Candidate, title: string, documentText: string): boolean {
  if (title.includes(candidate.core)) return true;
  const abbreviation = new RegExp(`${escape(candidate.name)}[^().\\n]{0,40}\\((\\p{Lu}[\\p{L}-]+)\\)`, "u").exec(
    documentText,
  );
  return !!abbreviation && new RegExp(`\\b${escape(abbreviation[1]!)}\\b`).test(title);
}

/** The text of the (up to) `count` sentences before offset `start`. */
function previousSentences(documentText: string, start: number, count = 2): string {
  // Split once per document, not once per call (split-sentences.ts): a 300 KB document asks this per item.
  const spans = sentencesBefore(documentText, start, count);
  return spans.length ? documentText.slice(spans[0]!.start, start) : "";
}

interface Candidate {
  /** The name as written ("European Space Agency", "Fort Vellum"). */
  name: string;
  /** The part that tells it apart ("European Space", "Fort Vellum"). */
  core: string;
  /** What replaces "the <noun>" in a prompt ("the European Space Agency", "Fort Vellum"). */
  replacement: string;
}

const NAME = "\\p{Lu}[\\p{L}'’-]*(?: (?:of |de |von |van )?\\p{Lu}[\\p{L}'’-]*){0,3}";

/**
 * Named things of the noun's kind in `text`: a name headed by the noun ("Liubice castle", "European Space Agency"),
 * "the castle of Liubice", "a trading post called Peterhof", and a name the text calls one ("Fort Vellum, a trading
 * site", "Fort Vellum is a site").
 */
function candidates(word: string, text: string): Candidate[] {
  if (!text) return [];
  const out: Candidate[] = [];
  const clean = (n: string) =>
    n
      .split(" ")
      .filter((w, i) => i > 0 || !ARTICLE.test(w))
      .join(" ");
  // Case-blind on the noun only: an "i" flag would let \p{Lu} match lower case too.
  const noun = `[${word[0]!.toUpperCase()}${word[0]}]${word.slice(1)}`;
  for (const m of text.matchAll(new RegExp(`(${NAME}) (${noun})\\b`, "gu"))) {
    const core = clean(m[1]!);
    if (!core || !/^\p{Lu}/u.test(core) || !/^\p{Lu}/u.test(m[1]!)) continue;
    // A capitalised noun heads a name ("European Space Agency"); a lower-case one follows a name used as a modifier.
    out.push({ name: `${core} ${m[2]}`, core, replacement: `the ${core} ${m[2]}` });
  }
  for (const m of text.matchAll(new RegExp(`\\b(${noun}) of (?:the )?(${NAME})`, "gu"))) {
    const core = clean(m[2]!);
    if (core) out.push({ name: `${m[1]} of ${core}`, core, replacement: `the ${m[1]!.toLowerCase()} of ${core}` });
  }
  // "a trading post called Peterhof", "the fort, named Vellum,": the name after the noun.
  for (const m of text.matchAll(new RegExp(`\\b${noun},? (?:called|named|known as) (?:the )?(${NAME})`, "gu"))) {
    const core = clean(m[1]!);
    if (core && /^\p{Lu}/u.test(core)) out.push({ name: core, core, replacement: core });
  }
  const called = new RegExp(
    `(${NAME}),? (?:(?:is|was|became|remains) )?(?:a|an|the) (?:[a-z-]+ ){0,3}${word}\\b`,
    "gu",
  );
  for (const m of text.matchAll(called)) {
    const core = clean(m[1]!);
    if (core && /^\p{Lu}/u.test(core)) out.push({ name: core, core, replacement: core });
  }
  // A one-word "name" the text also writes in lower case opens a line, not a name ("- Primary mirror: 6.5 m").
  const named = out.filter(
    (c) =>
      c.core.length > 1 &&
      !/^(?:The|A|An|It|This|In|On|At)$/.test(c.core) &&
      (/\s/.test(c.core) || !new RegExp(`\\b${c.core.toLowerCase()}\\b`).test(text)),
  );
  // "the General Framework Agreement …, better known as the Dayton Peace Agreement": two names of one thing; the
  // one after "known as" is the name in use.
  const known = named.filter((c) => new RegExp(`known as (?:the )?${escape(c.name)}`).test(text));
  return known.length ? known : named;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

let cached: { text: string; byWord: Map<string, Candidate[]> } | undefined;
/** `candidates` over the whole document, once per noun (a document has thousands of candidate items). */
function documentCandidates(word: string, documentText: string): Candidate[] {
  if (cached?.text !== documentText) cached = { text: documentText, byWord: new Map() };
  let found = cached.byWord.get(word);
  if (!found) cached.byWord.set(word, (found = candidates(word, documentText)));
  return found;
}

/**
 * The one named thing of the noun's kind in the sentence before (else, when that one names none, in the one before
 * it), as a replacement; undefined if none or several: a reader takes "the agency" for the last agency named.
 */
function oneCandidate(word: string, sentence: string, context: ReferenceContext): string | undefined {
  const { documentText = "", start = -1 } = context;
  if (!documentText || start < 0) return undefined;
  for (const count of [1, 2]) {
    const near = [
      ...new Set(candidates(word, previousSentences(documentText, start, count)).map((c) => c.replacement)),
    ];
    if (near.length) return near.length === 1 && !sentence.includes(near[0]!) ? near[0] : undefined;
  }
  return undefined;
}

/** A reference the name it has stands in for: "the/this/that + noun" with its one candidate. */
const replaceable = (r: Reference) => !!r.name && /^(?:the|this|that) /i.test(r.phrase);

/** `sentence` with each of `references` replaced by its name, from the end so earlier offsets stay valid. */
function substitute(sentence: string, references: readonly Reference[]): string {
  let text = sentence;
  for (const r of [...references].sort((a, b) => b.at - a.at)) {
    const opening = r.at === 0 || /[.!?:]\s*$/.test(text.slice(0, r.at));
    const name = opening ? r.name!.replace(/^the /, "The ") : r.name!;
    text = text.slice(0, r.at) + name + text.slice(r.at + r.phrase.length);
  }
  return text;
}

/**
 * The sentence with every reference that has one candidate replaced by it ("The site was abandoned" → "Fort Vellum
 * was abandoned"), and the references left.
 *
 * @example
 * resolveReferences('The site was abandoned in 1620.', { documentText, start }).text // 'Fort Vellum was abandoned in 1620.'
 */
export function resolveReferences(
  sentence: string,
  context: ReferenceContext = {},
): { text: string; left: Reference[] } {
  const found = unresolvedReferences(sentence, context);
  return { text: substitute(sentence, found.filter(replaceable)), left: found.filter((r) => !replaceable(r)) };
}

/** Where in an item a reference stands: its prompt, or one of its option, pair or sequence labels. */
export interface ItemReference extends Reference {
  where: "prompt" | "option" | "label";
  /** The text it stands in (the prompt's sentence with its blank filled in, or the label). */
  text: string;
}

/** A multiple-choice option is a clause (worth reading for references) from this many words on. */
const CLAUSE_WORDS = 4;

/**
 * Every unresolved reference of an item: in its prompt's sentence (blank filled in with the answer, which may
 * be the name the reference needs), in options that are clauses, and in matching and ordering labels.
 *
 * @example
 * itemReferences({ kind: 'true_false', prompt: 'True or false: Later surveys confirmed it.', … })[0].phrase // 'it'
 */
export function itemReferences(item: GeneratedItem, context: ReferenceContext = {}): ItemReference[] {
  const out: ItemReference[] = [];
  const combined = item.kind === "matching" || item.kind === "ordering";
  if (!combined) {
    const { body } = promptBody(item.prompt);
    // A list item's prompt ("Name all three: …") quotes after its lead; the blank stands for the answer.
    const text = body.replace(/^Name (?:all \w+|both): /, "").replace(BLANK, item.answer);
    for (const r of unresolvedReferences(text, context)) out.push({ ...r, where: "prompt", text });
  }
  // Labels stand alone on the card: only what one sentence shows is read (no document, no neighbours).
  for (const option of item.kind === "multiple_choice" ? (item.options ?? []) : [])
    if (option.split(/\s+/).length >= CLAUSE_WORDS)
      for (const r of unresolvedReferences(option).filter((r) => r.kind !== "definite"))
        out.push({ ...r, where: "option", text: option });
  for (const label of [...(item.pairs ?? []).map((p) => p.left), ...(item.sequence ?? [])])
    for (const r of unresolvedReferences(label)) out.push({ ...r, where: "label", text: label });
  return out;
}

/**
 * The item with each reference of its prompt that has exactly one named candidate in the sentences before replaced
 * by that name ("The site was abandoned in _____." → "Fort Vellum was abandoned in _____."); else the item itself.
 * Never a name that holds the answer or that the answer holds (the prompt would give it away), never when the
 * answer filled into the blank already names the thing. The source sentence is kept as written.
 *
 * @example
 * pinReferences(item, { documentText, title }).prompt // 'True or false: Fort Vellum was abandoned in 1620.'
 */
export function pinReferences(item: GeneratedItem, context: ReferenceContext = {}): GeneratedItem {
  if (item.kind === "matching" || item.kind === "ordering" || !context.documentText) return item;
  const { body } = promptBody(item.prompt);
  const settings = { ...context, start: item.source.start };
  // Only what the sentence with its answer filled in also leaves open, and only a name apart from the answer.
  const filled = unresolvedReferences(body.replace(BLANK, item.answer), settings).filter(replaceable);
  if (!filled.length) return item;
  const answer = item.answer.toLowerCase();
  const found = unresolvedReferences(body, settings).filter(
    (r) =>
      replaceable(r) &&
      filled.some((f) => f.phrase === r.phrase && f.name === r.name) &&
      !r.name!.toLowerCase().includes(answer) &&
      !answer.includes(r.name!.toLowerCase().replace(/^the /, "")),
  );
  if (!found.length) return item;
  return { ...item, prompt: item.prompt.slice(0, item.prompt.length - body.length) + substitute(body, found) };
}

// What the gate and the ranker read in a prompt besides `unresolvedReferences`: a stranded pronoun (the item is
// dropped), a general noun in a question and a short sentence that names only "the X" (the item goes to review).

const PERSON_PRONOUN = /^(?:he|she|him|his|her|hers)$/i;
const GROUP_PRONOUN = /^(?:they|them|their|theirs)$/i;
const MONTH_OR_DAY = new RegExp(`^(?:${MONTH_NAMES}|${WEEKDAYS.join("|")})$`);

/**
 * He/she/they/it in a quoted statement that nothing before it in the statement names, as reasons: the item is
 * dropped (item-shapes.ts check "dangling-pronoun", decision 024). A coarse test of the statement alone;
 * `unresolvedReferences` reads "it" and "they" finely, precision.ts `unnamedPerson` reads "he" and "she" against the
 * document's people, and both send the item to review only.
 *
 * @example
 * strandedPronoun('True or false: On 27 September 1821 he announced his results.') // ['"he" names nobody in the statement']
 */
export function strandedPronoun(prompt: string, answerType?: string): string[] {
  const { body, quoting } = promptBody(prompt);
  // Tagging costs: only a statement holding one of the pronouns is tagged.
  if (!quoting || !/\b(?:he|she|him|his|her|hers|they|them|their|theirs|it)\b/i.test(body)) return [];
  const text = body.replace(new RegExp(GAP, "g"), "X");
  const tags = posTokens(text);
  const words = tags.filter((t) => t.pos !== "PUNCT");
  for (let i = 0; i < tags.length; i += 1) {
    const t = tags[i]!;
    if (t.pos !== "PRON" && t.pos !== "DET") continue;
    const before = tags.slice(0, i);
    // A person for "he"/"his": a full name before the pronoun, or a name as the statement's subject ("Hardy showed
    // the letter to his colleague"); a place or an institution ("Since 2012 India has celebrated his …") is none.
    const firstWord = tags[0];
    const nameBefore =
      personRun(text.slice(0, t.start)) ||
      (firstWord !== undefined && firstWord !== t && firstWord.pos === "PROPN" && tags[1]?.pos !== "PROPN");
    const nounBefore = before.some((b) => b.pos === "NOUN" || b.pos === "PROPN" || b.text === "X");
    // "After his success at Suez, the French diplomat Ferdinand de Lesseps …": a leading clause may point forward.
    const firstComma = tags.findIndex((b) => b.text === ",");
    const forward =
      firstComma > i && tags.slice(firstComma).some((b) => b.pos === "PROPN" && !MONTH_OR_DAY.test(b.text));
    const blankName = answerType === "person" && before.some((b) => b.text === "X");
    if (PERSON_PRONOUN.test(t.text) && !nameBefore && !blankName && !forward)
      return [`"${t.text}" names nobody in the statement`];
    if (GROUP_PRONOUN.test(t.text) && !nounBefore) return [`"${t.text}" names nothing in the statement`];
    // "Under it, non-nuclear-weapon States accept …": a fronted phrase whose object is the sentence before's subject.
    if (
      /^(?:it|them)$/i.test(t.text) &&
      i === 1 &&
      tags[0]!.pos === "ADP" &&
      /^(?:,|lies|lie|lay|is|are)$/.test(tags[2]?.text ?? "")
    )
      return [`"${tags[0]!.text} ${t.text}" refers to the sentence before`];
    // "Three pieces of evidence support it.": a short statement whose object is the sentence before's subject.
    if (/^(?:it|them)$/i.test(t.text) && words.length <= 9 && words[words.length - 1] === t)
      return [`"${t.text}" refers to the sentence before`];
  }
  return [];
}

const NOT_A_PERSON =
  /\b(?:Bridge|College|University|Library|Society|Museum|Station|Railway|Company|Council|Office|Prize|Award|Road|Street|River|Lake|Sea|Ocean|Park|Hall|House|Church|Abbey|Court|Trust|Presidency|India|Day|War|Nations|States|Union|Kingdom|Republic|Library|Institute|School|Army|Navy|Force|Group|Agency|Ministry|Times|Review|Britons)$/;

/** A person's name in `text`: two or more capitalised words ("G. H. Hardy", "Srinivasa Ramanujan") that no head
 * word marks as a thing ("Clifton Suspension Bridge") and that hold no month. */
function personRun(text: string): boolean {
  const runs = text.match(/(?:\b[A-Z]\.\s?)*\b[A-Z][\p{Ll}'’-]+(?:\s(?:[A-Z]\.\s?)*[A-Z][\p{L}'’-]+)+/gu) ?? [];
  return runs.some((r) => {
    const words = r.split(/\s+/).filter((w) => !/^(?:The|In|On|At|From|Since|After|Before|During|By)$/.test(w));
    return words.length >= 2 && !NOT_A_PERSON.test(r) && !words.some((w) => MONTH_OR_DAY.test(w));
  });
}

/** Nouns too general to say which thing a question means ("When did the mission begin?"). */
const VAGUE_NOUN = /\bthe (country|mission|organisation|organization|group|area|event|project|programme|program)\b/i;

/**
 * The general noun of "the mission", "the group" … in a question, unless it is the document's own subject ("Apollo
 * 11 was the first crewed mission …": `subjectNoun`); undefined when the question has none.
 *
 * @example
 * vagueNoun('When did the mission begin?') // 'mission'
 * vagueNoun('When did the mission begin?', { documentText: 'Apollo 11 was the first crewed mission …', title: 'Apollo 11' }) // undefined
 */
export function vagueNoun(question: string, context: ReferenceContext = {}): string | undefined {
  const vague = VAGUE_NOUN.exec(question)?.[1];
  if (!vague || subjectNoun(vague.toLowerCase(), context.documentText ?? "", context.title ?? "")) return undefined;
  return vague;
}

/** Units and counters: they name no thing ("used to be 12 months"). */
const UNIT =
  /^(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|century|times?|per|cent|percent|metres?|meters?|kilometres?|kilometers?|miles?|kilograms?|tonnes?|tons?|litres?|liters?)$/i;

/**
 * "The time limit used to be 12 months.": a sentence of eight words at most that names nothing but the definite
 * "the X" it opens with, which the deck's title does not name either (which time limit?), as "the X"; else
 * undefined. `sentence` has its blank filled in.
 *
 * @example
 * loneDefinite('The time limit used to be 12 months.') // 'the time limit'
 * loneDefinite('The time limit used to be 12 months.', 'Time limit rules') // undefined
 */
export function loneDefinite(sentence: string, title = ""): string | undefined {
  const lone = /^The ([a-z]+(?: [a-z]+)?) /.exec(sentence);
  const words = sentence.split(/\s+/);
  if (!lone || words.length > 8 || /\p{Lu}/u.test(sentence.slice(1)) || title.toLowerCase().includes(lone[1]!))
    return undefined;
  const rest = posTokens(sentence.slice(lone[0].length)).filter(
    (t) => (t.pos === "NOUN" || t.pos === "PROPN") && !UNIT.test(t.text),
  );
  return rest.length === 0 ? `the ${lone[1]}` : undefined;
}
