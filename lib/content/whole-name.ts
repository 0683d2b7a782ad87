/**
 * Decision 039 (update): an option taken from a document must be written there at least once as a whole name, not
 * only inside a longer one. One predicate serves both the generator (every multiple-choice item drops such a
 * distractor, `multipleChoice` in item-kit.ts) and the `fragment-option` detector, so they see the same cases.
 */
import { COUNTRIES, INSTITUTION_HEADS } from "./lexicon";
import { normaliseText } from "./normalise";
import { CITY_POOL, COUNTRY_POOL, NATO_SUMMIT_CITIES, ORGANISATION_POOL, RANK_POOL } from "./pools";
import { splitSentences } from "./split-sentences";
import { TITLE_WORDS, spanCut } from "./well-formed";

/** "(SAR)" between the words of a name: "the Galileo Search and Rescue (SAR) Service" reads without it too. */
const INNER_ACRONYM = /\s\(\p{Lu}[\p{Lu}\p{N}&/.-]*\)(?=\s\p{Lu})/gu;

/** The document's sentences, each also without an inner acronym when it has one; and the answers given so far. */
let cache: { text: string; views: string[]; answers: Map<string, boolean> } | undefined;

function documentOf(text: string): { views: string[]; answers: Map<string, boolean> } {
  if (cache?.text !== text) {
    const views = text
      .split(/\n+/)
      .flatMap((line) => splitSentences(line).map((r) => line.slice(r.start, r.end).replace(/\s+/g, " ").trim()))
      .flatMap((s) => {
        const bare = s.replace(INNER_ACRONYM, "");
        return bare === s ? [s] : [s, bare];
      });
    cache = { text, views, answers: new Map() };
  }
  return cache;
}

/**
 * True when the document writes `option` (a capitalised name of two or more words, or a hyphenated one) and every
 * time only as part of a longer name: "Rescue Service" of "the Coastal Search and Rescue Service", of "the
 * Search-and-Rescue Service", or of "the Galileo Search and Rescue (SAR) Service". A long form its acronym follows
 * ("Stabilisation Force (SFOR)"), a name after a possessive ("the EU's Space Programme"), a rank and a country are
 * whole. An option the document never writes is not judged here (a pool's entry, a date, a number).
 *
 * @example partOfLongerName("It is run by the Search-and-Rescue Service.", "Rescue Service") // true
 * @example partOfLongerName("It is run by the Rescue Service.", "Rescue Service") // false
 */
export function partOfLongerName(documentText: string, option: string): boolean {
  // Asked for every option of every multiple-choice item: answered once per option and document.
  const { views, answers } = documentOf(documentText);
  let answer = answers.get(option);
  if (answer === undefined) {
    answer = wholeNameCut(views, option);
    answers.set(option, answer);
  }
  return answer;
}

function wholeNameCut(views: string[], option: string): boolean {
  const o = option.trim();
  if (!/^\p{Lu}/u.test(o) || !/[\s-]/.test(o) || COUNTRIES.includes(o)) return false;
  if (o.split(/[\s-]+/).every((w) => TITLE_WORDS.has(w))) return false;
  const escaped = o.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const at = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "u");
  const defined = new RegExp(
    `(?:['’]s |(?<![\\p{L}\\p{N}]))${escaped} \\(\\p{Lu}[\\p{Lu}\\p{N}&/-]+\\)(?!\\s\\p{Lu})|['’]s ${escaped}(?![\\p{L}])`,
    "u",
  );
  // "Allied Joint Force Command (JFC) Naples": the acronym spells the option, so the text names it whole.
  const words = o.split(/[\s-]+/);
  const initials = [words, words.filter((w) => /^\p{Lu}/u.test(w))].map((ws) =>
    ws.map((w) => w[0]!.toUpperCase()).join(""),
  );
  const spelt = (t: string) =>
    [...t.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped} \\((\\p{Lu}+)\\)`, "gu"))].some((m) =>
      initials.includes(m[1]!),
    );
  // `at` matches only where the option is written: `includes` skips the other sentences without running it.
  const holding = views.filter((t) => t.includes(o) && at.test(t));
  if (holding.length === 0 || holding.some(spelt)) return false;
  return holding.every((t) => (spanCut(t, o) || joinedByAnd(t, o, escaped)) && !defined.test(t));
}

/**
 * Every time the sentence writes `option` (a name with an institution's head noun), a capitalised word and "and"/"&"
 * stand before it, and that word ends no name of its own (no head noun, acronym or country): "Maritime Search and
 * Rescue Service" at a sentence's start or without "the" is one name, so "Rescue Service" is a piece of it. Two
 * people ("Robert Brout and François Englert") have no head noun and stay whole, and so does a name that opens with
 * an acronym ("… Operations and NATO Headquarters").
 */
function joinedByAnd(sentence: string, option: string, escaped: string): boolean {
  const words = option.split(/\s+/);
  // "… Allied Command Operations and NATO Headquarters": a name opening with an acronym is a name of its own.
  if (!INSTITUTION_HEADS.includes(words[words.length - 1]!) || /^\p{Lu}{2,}$/u.test(words[0]!)) return false;
  const hits = [...sentence.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "gu"))];
  return (
    hits.length > 0 &&
    hits.every((h) => {
      const prev = /(\p{Lu}[\p{L}'’-]*) (?:and|&) $/u.exec(sentence.slice(0, h.index))?.[1];
      return (
        !!prev &&
        !/^\p{Lu}+$/u.test(prev) &&
        !INSTITUTION_HEADS.includes(prev) &&
        !COUNTRIES.includes(prev) &&
        !TITLE_WORDS.has(prev)
      );
    })
  );
}

let written: { text: string; normal: string } | undefined;
const POOLED = new Set(
  [
    ...CITY_POOL,
    ...COUNTRY_POOL,
    ...ORGANISATION_POOL,
    ...RANK_POOL,
    ...NATO_SUMMIT_CITIES.map((c) => `${c} Summit`),
  ].map(normaliseText),
);

/**
 * True when the document writes `option` (case, accents, punctuation and a leading article aside) or a curated pool
 * holds it: the one source of a name or phrase option. An option built by the generator from pieces ("Camp Lake
 * Silver", a rank before a name the text never gives it) is neither, and is never offered (issue 13: "never
 * invented"). Dates and numbers are values and are not judged here.
 *
 * @example realOption("Ships call at Vardø and Kirkenes.", "Kirkenes") // true
 * @example realOption("Ships call at Vardø and Kirkenes.", "Kirkenes Vardø") // false
 */
export function realOption(documentText: string, option: string): boolean {
  if (written?.text !== documentText) written = { text: documentText, normal: ` ${normaliseText(documentText)} ` };
  const o = normaliseText(option);
  return !!o && (POOLED.has(o) || written.normal.includes(` ${o} `));
}
