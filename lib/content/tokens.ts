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

// compromise tagging is the slow stage (~4 ms a sentence), so each sentence is tagged once and the
// clauses derived from it (dates cut out, adverbials dropped) reuse its words' tags instead of re-tagging.
// compromise's analyses are pure (one per distinct text) and kept across documents; the word tags and tokens derived
// from them are the current document's (see `startDocument`), so a document's items never depend on what the process
// built before it.
const docs = new Map<string, ReturnType<typeof nlp>>();
/** Texts analysed for the current document: only a text's first analysis in a document sets its words' tags. */
const analysed = new Set<string>();
const wordTags = new Map<string, Set<string>>();
const cache = new Map<string, Token[]>();

/**
 * Forgets the previous document's word tags and tokens: call before analysing a new document (`buildItems` does).
 * Each document then gets the tags a fresh process would give it, whatever was built before (decision 005,
 * "Determinism").
 */
export function startDocument(): void {
  analysed.clear();
  wordTags.clear();
  cache.clear();
}

/** compromise's analysis of a text, computed once per distinct text; also remembers each word's tags. */
export function analyse(text: string): ReturnType<typeof nlp> {
  let doc = docs.get(text);
  if (!doc) {
    if (docs.size > 10000) docs.clear();
    doc = nlp(text);
    docs.set(text, doc);
  }
  if (!analysed.has(text)) {
    if (wordTags.size > 50000) wordTags.clear();
    analysed.add(text);
    for (const sentence of doc.document) for (const term of sentence) wordTags.set(term.text, new Set(term.tags));
  }
  return doc;
}

/** A name compromise proposes, with its offset in the text. */
export interface Proposal {
  text: string;
  offset: { start: number };
}

const proposed = new Map<string, Proposal[]>();

/**
 * compromise's people, places or organisations in `text` (`analyse(text).people().json({ offset: true })`), computed
 * once per kind and distinct text: a query over a cached analysis is as pure as the analysis. The text is still
 * analysed on every call, so the order in which a document's texts set the word tags stays the same.
 */
export function proposals(text: string, kind: "people" | "places" | "organizations"): readonly Proposal[] {
  const doc = analyse(text);
  const key = `${kind}\u0000${text}`;
  let found = proposed.get(key);
  if (!found) {
    if (proposed.size > 30000) proposed.clear();
    found = doc[kind]().json({ offset: true }) as Proposal[];
    proposed.set(key, found);
  }
  return found;
}

const WORD = /[\p{L}\p{N}]+(?:[.'’][\p{L}\p{N}]+)*/gu;

/**
 * Words of a clause with part-of-speech tags. Tags come from the sentence the clause was cut from
 * (see `analyse`); a clause with unseen words is tagged by compromise itself.
 *
 * @example
 * analyse('NATO agreed.'); tokenize('NATO agreed').map((t) => t.text) // ['NATO', 'agreed']
 */
export function tokenize(clause: string): Token[] {
  const hit = cache.get(clause);
  if (hit) return hit;
  const words = [...clause.matchAll(WORD)];
  if (words.some((w) => !wordTags.has(w[0]))) analyse(clause);
  const tokens = words.map((w, i) => {
    const start = w.index;
    const end = start + w[0].length;
    const next = i + 1 < words.length ? words[i + 1].index : clause.length;
    const prev = i > 0 ? words[i - 1].index + words[i - 1][0].length : 0;
    return {
      text: w[0],
      tags: wordTags.get(w[0]) ?? new Set<string>(),
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
    if (t.tags.has("PastTense") || t.tags.has("PresentTense") || t.tags.has("Copula") || t.tags.has("Modal")) return i;
  }
  return -1;
}
