import nlp from "compromise";

/** A word of a clause with compromise's part-of-speech tags and its offsets in the clause. */
export interface Token {
  text: string;
  tags: Set<string>;
  start: number;
  end: number;
  pre: string;
  post: string;
}

// compromise tagging is the slow stage (~4 ms a sentence). A clause is cut from a sentence of the document (dates cut
// out, adverbials dropped, a pronoun replaced by its antecedent), and its words are tagged as compromise tagged them
// in that sentence: the sentence is analysed once, when a clause first needs it, and its tags stay with it. Which
// sentence a clause comes from is found from the clause's words alone (`sourceOf`), so a clause's tags are a function
// of the clause and the document's sentences: they do not depend on what else was analysed, or in which order
// (decision 005, "Tags per sentence"). compromise's analyses are pure (one per distinct text) and kept across
// documents; the document's sentences and its tokens are the current document's (see `startDocument`).
const docs = new Map<string, ReturnType<typeof nlp>>();

/** compromise's analysis of a text, computed once per distinct text. Pure: it sets no state other calls read. */
export function analyse(text: string): ReturnType<typeof nlp> {
  let doc = docs.get(text);
  if (!doc) {
    if (docs.size > 10000) docs.clear();
    doc = nlp(text);
    docs.set(text, doc);
  }
  return doc;
}

const WORD = /[\p{L}\p{N}]+(?:[.'’][\p{L}\p{N}]+)*/gu;

/** A text's words (WORD matches) and, once asked, compromise's tags of each word as tagged in that text. */
interface Tagged {
  text: string;
  words: string[];
  set: Set<string>;
  tags?: (Set<string> | undefined)[];
}

function taggedText(text: string): Tagged {
  const words = [...text.matchAll(WORD)].map((w) => w[0]);
  return { text, words, set: new Set(words), tags: undefined };
}

/**
 * Each word of the text with the tags compromise gave it there: the word's term, found in order (a word that is no
 * term of its own, such as "U.S" of "U.S.", has none).
 */
function tagsOf(t: Tagged): (Set<string> | undefined)[] {
  if (t.tags) return t.tags;
  const terms = analyse(t.text).document.flat();
  const out: (Set<string> | undefined)[] = [];
  let at = 0;
  for (const word of t.words) {
    let found = -1;
    for (let k = at; k < terms.length; k++)
      if (terms[k]!.text === word) {
        found = k;
        break;
      }
    if (found === -1) out.push(undefined);
    else {
      out.push(new Set(terms[found]!.tags));
      at = found + 1;
    }
  }
  t.tags = out;
  return out;
}

/** The current document's sentences, and for each word the sentences (by index) that contain it. */
let sentences: Tagged[] = [];
let index = new Map<string, number[]>();
const cache = new Map<string, Token[]>();

/**
 * Starts a document: its sentences are where `tokenize` finds the tags of the clauses cut from them. Call before
 * analysing a new document (`buildItems` and `extractFacts` do); without sentences, a clause is tagged on its own.
 * Each document then gets the tags a fresh process would give it, whatever was built before (decision 005,
 * "Determinism").
 */
export function startDocument(texts: readonly string[] = []): void {
  cache.clear();
  const seen = new Map<string, Tagged>();
  sentences = [];
  index = new Map();
  for (const text of texts) {
    if (seen.has(text)) continue; // a repeated sentence: the first stands for it
    const t = taggedText(text);
    seen.set(text, t);
    const i = sentences.push(t) - 1;
    for (const word of t.set) {
      const list = index.get(word);
      if (list) list.push(i);
      else index.set(word, [i]);
    }
  }
}

/**
 * Where each of the clause's words sits in `t` (-1: not there), matched in order where it can be: the clause's words
 * are mostly the sentence's, in the sentence's order.
 */
function align(words: readonly string[], t: Tagged): number[] {
  const out: number[] = [];
  let at = 0;
  for (const word of words) {
    let j = t.set.has(word) ? t.words.indexOf(word, at) : -1;
    if (j === -1 && t.set.has(word)) j = t.words.indexOf(word);
    else if (j !== -1) at = j + 1;
    out.push(j);
  }
  return out;
}

/**
 * The document sentence a clause was cut from, judged by its words alone: among the sentences holding one of the
 * clause's three rarest words, the one holding most of its words, then the one where they follow each other most
 * often as in the clause, then the first.
 */
function sourceOf(words: readonly string[]): { t: Tagged; at: number[] } | undefined {
  const lists = [...new Set(words)]
    .map((w) => index.get(w))
    .filter((l): l is number[] => l !== undefined)
    .sort((a, b) => a.length - b.length)
    .slice(0, 3);
  const candidates = [...new Set(lists.flat())].sort((a, b) => a - b);
  // A word is missing from a sentence exactly when `align` places it nowhere, so the count needs no alignment: only
  // the sentences missing fewest words are aligned (the near-copies of a sentence are many in a long document).
  const missingIn = candidates.map((i) => {
    const set = sentences[i]!.set;
    let missing = 0;
    for (const word of words) if (!set.has(word)) missing++;
    return missing;
  });
  const fewest = Math.min(...missingIn);
  let best: { t: Tagged; at: number[]; missing: number; breaks: number } | undefined;
  for (const [c, i] of candidates.entries()) {
    if (missingIn[c] !== fewest) continue;
    const t = sentences[i]!;
    const at = align(words, t);
    const missing = missingIn[c]!;
    let breaks = 0;
    for (let k = 1; k < at.length; k++) if (at[k] === -1 || at[k] !== at[k - 1]! + 1) breaks++;
    if (!best || missing < best.missing || (missing === best.missing && breaks < best.breaks))
      best = { t, at, missing, breaks };
  }
  return best;
}

/** A word's tags in the first sentence of the document that has it as a term of its own. */
function firstTags(word: string): Set<string> | undefined {
  const list = index.get(word);
  if (!list) return undefined;
  const t = sentences[list[0]!]!;
  return tagsOf(t)[t.words.indexOf(word)];
}

/** A name compromise proposes, with its offset in the text. */
export interface Proposal {
  text: string;
  offset: { start: number };
}

const proposed = new Map<string, Proposal[]>();

/**
 * compromise's people, places or organisations in `text` (`analyse(text).people().json({ offset: true })`), computed
 * once per kind and distinct text: a query over a cached analysis is as pure as the analysis.
 */
export function proposals(text: string, kind: "people" | "places" | "organizations"): readonly Proposal[] {
  const key = `${kind}\u0000${text}`;
  let found = proposed.get(key);
  if (!found) {
    if (proposed.size > 30000) proposed.clear();
    found = analyse(text)[kind]().json({ offset: true }) as Proposal[];
    proposed.set(key, found);
  }
  return found;
}

/**
 * Words of a clause with part-of-speech tags. Each word has the tags compromise gave it in the document sentence the
 * clause was cut from (see `startDocument`); a word that sentence lacks ("It" replaced by "NATO") has its tags in the
 * first sentence of the document that has it; a word of no sentence of the document (or one compromise reads as part
 * of a longer term there, such as "U.S" of "U.S.") is tagged as compromise tags the clause itself.
 *
 * @example
 * startDocument(['NATO agreed.']); tokenize('NATO agreed').map((t) => t.text) // ['NATO', 'agreed']
 */
export function tokenize(clause: string): Token[] {
  const hit = cache.get(clause);
  if (hit) return hit;
  const words = [...clause.matchAll(WORD)];
  const texts = words.map((w) => w[0]);
  const source = sourceOf(texts);
  const sourceTags = source && tagsOf(source.t);
  let own: (Set<string> | undefined)[] | undefined;
  const tokens = words.map((w, i) => {
    const start = w.index;
    const end = start + w[0].length;
    const next = i + 1 < words.length ? words[i + 1].index : clause.length;
    const prev = i > 0 ? words[i - 1].index + words[i - 1][0].length : 0;
    const j = source ? source.at[i]! : -1;
    let tags = j >= 0 ? sourceTags![j] : undefined;
    // A word the sentence lacks ("It" replaced by "NATO"): its tags in the first sentence of the document that has it.
    if (!tags && j < 0) tags = firstTags(w[0]);
    if (!tags) {
      own ??= tagsOf(taggedText(clause));
      tags = own[i];
    }
    return {
      text: w[0],
      tags: tags ?? new Set<string>(),
      start,
      end,
      pre: clause.slice(prev, start),
      post: clause.slice(end, next),
    };
  });
  if (cache.size > 5000) cache.clear();
  cache.set(clause, tokens);
  return tokens;
}

const infinitives = new Map<string, string>();

/**
 * Base form of a verb: "began" → "begin", "involves" → "involve".
 *
 * @example
 * toInfinitive('transferred') // 'transfer'
 */
export function toInfinitive(verb: string): string {
  const hit = infinitives.get(verb);
  if (hit) return hit;
  const inf = nlp(`they ${verb}`).verbs().toInfinitive().text() || verb;
  infinitives.set(verb, inf);
  return inf;
}

const AUX = new Set([
  "is",
  "are",
  "was",
  "were",
  "has",
  "have",
  "had",
  "will",
  "would",
  "can",
  "could",
  "shall",
  "should",
  "may",
  "might",
  "must",
]);

export function isAuxiliary(word: string): boolean {
  return AUX.has(word.toLowerCase());
}

/** Index of the first finite verb (the main verb of a simple clause), or -1. */
export function findMainVerb(tokens: Token[]): number {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (i > 0 && tokens[i - 1].post.endsWith("-")) continue; // "Jordan-based": part of a compound adjective
    if (isAuxiliary(t.text)) return i;
    if (!t.tags.has("Verb")) continue;
    if (t.tags.has("Gerund") || (t.tags.has("Infinitive") && i > 0 && tokens[i - 1].text.toLowerCase() === "to"))
      continue;
    if (i === 0 && t.tags.has("Noun")) continue;
    // "cost about 190 marks": a plural right after a number is what it counts, not a verb.
    if (i > 0 && tokens[i - 1].tags.has("Value") && /s$/i.test(t.text)) continue;
    if (t.tags.has("PastTense") || t.tags.has("PresentTense") || t.tags.has("Copula") || t.tags.has("Modal")) return i;
  }
  return -1;
}
