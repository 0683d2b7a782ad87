/**
 * Automatic defect detectors for generated items (issue 13): the failure patterns a program can see without a
 * teacher. Each detector is a pure function of an item (and, where it needs them, the document's text and the
 * texts of the other documents); none reads the generator's internals, so the generator can be rewritten and
 * still be measured by the same yardstick. A detector errs on the side of silence: every defect it reports
 * should be one a teacher would also reject.
 */
import { standsFor } from "./acronyms";
import { generalWord } from "./blank-worth";
import { findPeople } from "./extract-people";
import { isExpletiveIt } from "./coreference";
import { INFORMATIVE_CHECKS, informativeDefects } from "./informative";
import { parseDocument } from "./parse";
import { posTokens } from "./pos";
import { itemReferences } from "./references";
import { splitSentences } from "./split-sentences";
import { SHAPE_CHECKS, shapeDefects } from "./item-shapes";
import { regionAfterPlace, thinRole } from "./prompt-context-shapes";
import { fold } from "./text";
import { unresolvedAnaphora } from "./well-formed";
import { partOfLongerName } from "./whole-name";
import { sameFormat } from "./distractors";
import { documentPlaceKinds, placeKindOf, sameKind } from "./place-kind";
import type { GeneratedItem } from "./types";

export const DETECTORS = [
  "subordinator-after-wh",
  "bare-pronoun-opening",
  "capital-mid-question",
  "split-token",
  "truncated-name",
  "answer-punctuation",
  "acronym-mismatch",
  "spelling-variant-options",
  "duplicate-options",
  "same-list-distractor",
  "invented-distractor",
  "option-type-mismatch",
  "caption-source",
  "pronoun-resolution",
  "tf-claim-unsupported",
  "prompt-unsupported",
  "answer-in-prompt",
  "blank-on-common-word",
  "malformed-prompt",
  "fronted-phrase-question",
  "coordinated-count",
  "lead-in-source",
  "it-antecedent",
  ...SHAPE_CHECKS,
  ...INFORMATIVE_CHECKS,
  "thin-role",
  "region-after-place",
  "unresolved-anaphora",
  "unresolved-reference",
  "fragment-option",
  "option-kind",
  "list-shows-members",
  "list-exploded",
  "items-per-sentence",
  "items-per-fact",
  "answer-asked-repeatedly",
] as const;

export type DetectorName = (typeof DETECTORS)[number];

export interface Defect {
  detector: DetectorName;
  itemKey: string;
  prompt: string;
  message: string;
}

export interface DefectContext {
  /** The whole document the items were generated from (offsets of `item.source` index it). */
  documentText?: string;
  /** Texts of every document of the library, this one included: an option found in none of them is invented. */
  knownTexts?: string[];
  /** Curated distractor pool entries; an option equal to one of them is not invented. */
  pool?: string[];
}

export interface DefectLimits {
  /** Items drawn from one source sentence (matching and ordering items excepted) beyond one per fact it states. */
  maxItemsPerSentence: number;
  /** Items asking one fact (one value of one fact record): one recognition and one recall item by default (issue 13). */
  maxItemsPerFact: number;
  /** Items whose answer is the same date or number. */
  maxAskedPerAnswer: number;
}

export const DEFAULT_LIMITS: DefectLimits = { maxItemsPerSentence: 3, maxItemsPerFact: 2, maxAskedPerAnswer: 2 };

// ---------------------------------------------------------------------------------------------------------------
// Text helpers

const BLANK = /_{3,}/;
const MONTHS =
  "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";
const MONTH = new RegExp(`^(?:${MONTHS})$`, "i");
const SUBORDINATORS =
  "although|though|after|before|when|whenever|while|whilst|because|if|since|whereas|unless|once|until|as|where|whether";
const AUX = "did|does|do|is|are|was|were|has|have|had|will|would|can|could|should|may|might|must";
const SUBJECT_PRONOUNS = "he|she|it|they|we|his|her|its|their|this|these|those|that|such";
/** Closed-class words: capitalised in the middle of a sentence they betray a botched transformation. */
const CLOSED_CLASS = new Set(
  (
    "there|the|a|an|it|its|they|their|he|his|she|her|this|these|those|that|we|our|you|although|though|after|" +
    "before|when|while|because|since|whereas|unless|once|until|if|in|on|at|by|for|from|with|of|to|and|but|or|" +
    "also|then|however|moreover|furthermore|thus|so|is|are|was|were|did|does|do|has|have|had|will|would|can"
  ).split("|"),
);
const STOPWORDS = new Set(
  (
    "a|an|the|of|and|or|for|in|on|at|to|by|with|from|as|de|del|la|le|du|des|di|von|van|der|und|et|y|e|i|" +
    "is|are|was|were|be|been|it|its|that|this|which|who|whom|what|when|where|how|why|not|no|into|than"
  ).split("|"),
);
/** Words too common to be worth a blank on their own. */
const COMMON_WORDS = new Set(
  (
    "a|an|the|of|and|or|for|in|on|at|to|by|with|from|as|is|are|was|were|be|been|being|has|have|had|do|does|did|" +
    "it|its|he|she|they|them|his|her|their|this|that|these|those|which|who|whom|what|there|here|not|no|yes|all|" +
    "some|any|each|every|more|most|many|much|other|such|only|also|very|so|than|then|now|new|old|first|last|one|" +
    "two|three|people|time|year|years|day|way|part|work|world|thing|things|man|men|woman|women|place|area|also|" +
    "well|long|large|small|great|good|high|low|main|major|same|own|still|just|about|over|under|after|before|" +
    "between|during|through|against|within|without|around|made|make|used|use|called|known|set|began|took|gave"
  ).split("|"),
);
const PERSON_TITLES = new Set(
  (
    "major|general|lieutenant|colonel|brigadier|captain|admiral|commander|sergeant|president|king|queen|prince|" +
    "princess|sir|dame|dr|mr|mrs|ms|professor|prof|secretary|director|chairman|minister|prime|saint|st|lord|lady|" +
    "rear|vice|air|marshal|com|pope|emperor|chief|senator|governor|judge|justice|bishop"
  ).split("|"),
);
const NON_PERSON_HEADS = new Set(
  (
    "forces|force|council|college|university|agency|union|office|ministry|treaty|treaties|canal|river|lake|" +
    "committee|headquarters|battalion|army|navy|corps|museum|center|centre|institute|library|society|commission|" +
    "organization|organisation|station|telescope|mission|summit|republic|kingdom|states|nations|assembly|court|" +
    "prize|award|cut|dam|locks|lock|bridge|palace|park|basin|spring|sea|ocean|mountains|school|academy|trust|" +
    "railroad|railway|war|agreement|convention|programme|program|collider|experiment|laboratory|department|" +
    "service|facility|policy|partnership|coalition|alliance|conference|festival|day|city|county|province|state"
  ).split("|"),
);

const containsFolded = (haystack: string, needle: string) => {
  const n = fold(needle);
  return n.length > 0 && ` ${fold(haystack)} `.includes(` ${n} `);
};

/** The sentence a prompt quotes or asks about, without its instruction ("Fill in the blank: "). */
export function promptBody(prompt: string): string {
  const instruction =
    /^(?:fill in the blank|fill in the gap|true or false|complete (?:the|this) sentence|which [^?:_]{1,40} fills the blank)\s*[:?]\s*/i;
  return prompt.replace(instruction, "");
}

function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/** British/American and similar spellings folded together: "Organisation" and "Organization" become equal. */
function foldSpelling(text: string): string {
  return fold(text)
    .replace(/^the /, "")
    .replace(/isation/g, "ization")
    .replace(/is(e|ed|es|ing)\b/g, "iz$1")
    .replace(/our\b/g, "or")
    .replace(/tre\b/g, "ter")
    .replace(/ence\b/g, "ense")
    .replace(/ae/g, "e")
    .replace(/ll/g, "l");
}

const hasDigit = (text: string) => /\d/.test(text);
const words = (text: string) => fold(text).split(" ").filter(Boolean);
const contentWords = (text: string) => words(text).filter((w) => !STOPWORDS.has(w));

const defect = (detector: DetectorName, item: GeneratedItem, message: string): Defect => ({
  detector,
  itemKey: item.key,
  prompt: item.prompt,
  message,
});

/** Items whose `answer` is a single value a learner gives (not a pairing, a sequence or True/False). */
const singleAnswer = (item: GeneratedItem) =>
  item.kind !== "matching" && item.kind !== "ordering" && item.kind !== "true_false";

// ---------------------------------------------------------------------------------------------------------------
// Prompt well-formedness

/**
 * "When did although the treaty …?", "When did in 2019, NATO …?": a wh-question whose auxiliary is followed by a
 * subordinator or a fronted adverbial, i.e. the clause was moved into a question without being parsed.
 *
 * @example
 * subordinatorAfterWh(item({ prompt: "When did although the treaty was signed, it enter into force?" })) // one defect
 */
export function subordinatorAfterWh(item: GeneratedItem): Defect[] {
  const body = promptBody(item.prompt);
  const wh = new RegExp(
    `^(?:when|where|who|whom|what|which|why|how(?: many| much| long)?)\\b[^?]{0,40}?\\b(?:${AUX})\\s+` +
      `(?:(?:${SUBORDINATORS})\\b|(?:in|on|at|by|from|during)\\s+(?:\\d{4}|(?:${MONTHS})\\b)[^,?]{0,30},)`,
    "i",
  );
  // "Although did …": a clause-opening subordinator followed straight by an auxiliary ("When did" is a question).
  const opening = new RegExp(
    `^(?:${SUBORDINATORS.replace(/\|?\b(?:when|where|whether)\b/g, "")})\\s+(?:${AUX})\\b`,
    "i",
  );
  return wh.test(body) || opening.test(body) ? [defect("subordinator-after-wh", item, body.slice(0, 80))] : [];
}

/**
 * A statement or question that leans on a previous sentence: "He will command …", "This campaign …",
 * "When did they …?", "In 1907, he resigned." (no name before the pronoun).
 *
 * @example
 * barePronounOpening(item({ prompt: "True or false: He will command the mission from May 2020." })) // one defect
 */
export function barePronounOpening(item: GeneratedItem): Defect[] {
  const body = promptBody(item.prompt);
  const found: string[] = [];
  const opening = new RegExp(`^(?:${SUBJECT_PRONOUNS})\\b`, "i");
  if (opening.test(body) && !/^(?:that|this|these|those)\s+_{3,}/i.test(body)) found.push("opens with a pronoun");
  const whSubject = new RegExp(
    `^(?:when|where|why|how|what|which|whom|who)\\b[^?]{0,20}?\\b(?:${AUX})\\s+(?:${SUBJECT_PRONOUNS})\\b`,
    "i",
  );
  if (whSubject.test(body)) found.push("question about a pronoun");
  // "In 1907, he …", and without the comma "In _____ he married …" / "Over the next five years he …".
  const afterIntro =
    /^([^,]{1,60}), (he|she|it|they)\b/i.exec(body) ??
    /^((?:in|on|at|by|after|before|during|since|over|from|until)\s+(?:\S+\s+){0,4}?)(he|she|they)\s/i.exec(body);
  // "In 1907, he resigned": nothing before the comma could be the pronoun's antecedent.
  if (afterIntro && !/\s[A-Z]/.test(afterIntro[1]!)) found.push(`"${afterIntro[2]}" after an opening phrase`);
  return [...new Set(found)].map((m) => defect("bare-pronoun-opening", item, `${m}: ${body.slice(0, 60)}`));
}

/**
 * "How many units are There?": a closed-class word left capitalised in the middle of a question or statement.
 *
 * @example
 * capitalMidQuestion(item({ prompt: "How many units are There in the brigade?" })) // one defect
 */
export function capitalMidQuestion(item: GeneratedItem): Defect[] {
  const body = promptBody(item.prompt);
  const tokens = body.split(/\s+/);
  const out: Defect[] = [];
  for (let i = 1; i < tokens.length; i += 1) {
    const raw = tokens[i]!;
    const word = raw.replace(/[^A-Za-z]/g, "");
    const previous = tokens[i - 1]!;
    if (!/^[A-Z][a-z]+$/.test(word) || !CLOSED_CLASS.has(word.toLowerCase())) continue;
    if (/[.:!?"“(]$/.test(previous) || /^["“(*_]/.test(raw)) continue; // a new sentence, quote or title
    const next = tokens[i + 1] ?? "";
    // "The Hague", "A Synopsis of …": a capitalised article before a capitalised word starts a name or a title.
    if (/^[A-Z]/.test(next) && /^(?:the|a|an|in|on|of|and|for|at)$/i.test(word)) continue;
    out.push(defect("capital-mid-question", item, `"${word}" capitalised mid-sentence`));
  }
  return out;
}

/**
 * A blank that cuts a token: "16:_____ GMT", "_____,000", "_____-based", or the day of a date asked apart from its
 * month ("_____ April" answered "16"), or a month apart from its year ("in _____ 2018" answered "October").
 *
 * @example
 * splitToken(item({ kind: "cloze", prompt: "The launch was at 16:_____ GMT.", answer: "00" })) // one defect
 */
export function splitToken(item: GeneratedItem): Defect[] {
  if (item.kind !== "cloze" && !BLANK.test(item.prompt)) return [];
  const prompt = item.prompt;
  const at = prompt.search(BLANK);
  if (at < 0) return [];
  const blank = BLANK.exec(prompt)![0];
  const before = prompt.slice(0, at);
  const after = prompt.slice(at + blank.length);
  const reasons: string[] = [];
  if (/[\p{L}\p{N}:/\-–]$/u.test(before)) reasons.push("glued to the word before");
  if (/(?:^|\s)\p{Lu}\.\s$/u.test(before)) reasons.push("cuts a name after its initial");
  if (/^[\p{L}\p{N}/\-–]/u.test(after) || /^[,.:]\d/.test(after)) reasons.push("glued to the word after");
  const answer = item.answer.trim();
  const nextWord =
    after
      .trim()
      .split(/\s+/)[0]
      ?.replace(/[^A-Za-z]/g, "") ?? "";
  const prevWord =
    before
      .trim()
      .split(/\s+/)
      .pop()
      ?.replace(/[^A-Za-z0-9]/g, "") ?? "";
  if (/^\d{1,2}(?:st|nd|rd|th)?$/.test(answer) && (MONTH.test(nextWord) || MONTH.test(prevWord)))
    reasons.push("day asked apart from its month");
  if (MONTH.test(answer) && /^\s*\d{4}\b/.test(after)) reasons.push("month asked apart from its year");
  if (/^\d{4}$/.test(answer) && MONTH.test(prevWord)) reasons.push("year asked apart from its month");
  return reasons.map((r) => defect("split-token", item, `${r}: …${before.slice(-15)}${blank}${after.slice(0, 15)}…`));
}

const NAME_TYPES = new Set(["person", "place", "organisation"]);

/**
 * An entity answer cut short or run on: every occurrence of the answer in its source continues with another
 * capitalised word ("Camp Silver" in "Camp Silver Lake", "Major General Pietro" before "ROSSI") or starts inside a
 * name ("Lake" of "Gatun Lake").
 *
 * @example
 * truncatedName(item({ answer: "Camp Silver", answerType: "place", source: { text: "It moved to Camp Silver Lake." } }))
 */
export function truncatedName(item: GeneratedItem): Defect[] {
  if (!singleAnswer(item) || !NAME_TYPES.has(item.answerType)) return [];
  // An expansion may sit inside a longer name ("Allied Joint Force Command Naples"); acronym-mismatch judges it.
  if (/\bstand for\?$/i.test(item.prompt)) return [];
  const source = item.source.text;
  const answer = item.answer.trim().replace(/[*_]+$/, "");
  if (answer.length < 2) return [];
  // "At the _____ Summit": one word blanked out of a name whose other words stay in the sentence is a fair cloze.
  if (BLANK.test(item.prompt) && !/\s/.test(answer)) return [];
  const escaped = answer.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const occurrences = [...source.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "giu"))];
  if (occurrences.length === 0) return [];
  const glued = occurrences.every((m) => {
    const after = source.slice(m.index! + m[0].length);
    const before = source.slice(0, m.index!);
    const next = /^ ((?:[A-Z][\p{L}'’-]*|[A-Z]{2,}))(?=[\s,.;:)]|$)/u.exec(after)?.[1];
    const prev = /((?:[A-Z][\p{L}'’-]*)) $/u.exec(before)?.[1];
    const nextGlued = next !== undefined && !CLOSED_CLASS.has(next.toLowerCase());
    // Before a person's name stand titles and roles ("CERN Director-General Rolf Heuer"): only the end can be cut.
    if (item.answerType === "person") return nextGlued || /(?:^|\s)\p{Lu}\.\s$/u.test(before);
    const prevGlued =
      prev !== undefined &&
      !/['’]s$/.test(prev) &&
      !prev
        .toLowerCase()
        .split("-")
        .every((w) => PERSON_TITLES.has(w)) &&
      !CLOSED_CLASS.has(prev.toLowerCase()) &&
      before.trim() !== prev;
    return nextGlued || prevGlued;
  });
  return glued ? [defect("truncated-name", item, `"${answer}" is part of a longer name in its source`)] : [];
}

/**
 * An answer that starts or ends with list debris ("Baghdad -", "EOD/", "(NMI") or has unbalanced brackets/quotes.
 *
 * @example
 * answerPunctuation(item({ answer: "Bomb Disposal (EOD/C-IED" })) // one defect
 */
export function answerPunctuation(item: GeneratedItem): Defect[] {
  if (!singleAnswer(item)) return [];
  const answer = item.answer.trim();
  const reasons: string[] = [];
  if (/[-–—/,;:(&*_]$/.test(answer) || /^[-–—/,;:)&.*_]/.test(answer)) reasons.push("dangling punctuation");
  const count = (re: RegExp) => (answer.match(re) ?? []).length;
  if (count(/\(/g) !== count(/\)/g) || count(/\[/g) !== count(/\]/g)) reasons.push("unbalanced brackets");
  if (count(/"/g) % 2 === 1 || count(/“/g) !== count(/”/g)) reasons.push("unbalanced quotes");
  return reasons.map((r) => defect("answer-punctuation", item, `${r}: "${answer}"`));
}

// ---------------------------------------------------------------------------------------------------------------
// Acronyms

const ACRONYM = /^[A-Z][A-Za-z0-9&.-]*[A-Z0-9][A-Za-z]?s?$/;

/**
 * "What does X stand for?" answered with words X's letters do not spell, its reverse ("What is the abbreviation
 * of …?"), and abbreviation → expansion pairs of matching items.
 *
 * @example
 * acronymMismatch(item({ prompt: "What does UNSC stand for?", answer: "Council" })) // one defect
 */
export function acronymMismatch(item: GeneratedItem): Defect[] {
  const pairs: [string, string][] = [];
  const standFor = /^what does (.+?) stand for\?$/i.exec(item.prompt.trim());
  if (standFor) pairs.push([standFor[1]!, item.answer]);
  const abbreviation = /^what is the (?:abbreviation|acronym) (?:of|for) (?:the )?(.+?)\?$/i.exec(item.prompt.trim());
  if (abbreviation) pairs.push([item.answer, abbreviation[1]!]);
  if (item.kind === "matching" && /abbreviation|acronym|stand/i.test(item.prompt))
    for (const p of item.pairs ?? []) pairs.push([p.left, p.right]);
  return pairs
    .filter(([acronym]) => ACRONYM.test(acronym.trim()))
    .filter(([acronym, expansion]) => !standsFor(acronym, expansion))
    .map(([acronym, expansion]) => defect("acronym-mismatch", item, `"${acronym}" does not spell "${expansion}"`));
}

// ---------------------------------------------------------------------------------------------------------------
// Options and distractors

/** Two option texts that a learner would read as the same entity, spelt differently. */
function spellingVariants(a: string, b: string, answerType?: string): boolean {
  if (hasDigit(a) || hasDigit(b)) return false;
  const fa = foldSpelling(a);
  const fb = foldSpelling(b);
  if (fa === fb) return fold(a) !== fold(b) || a !== b;
  const shorter = Math.min(fa.length, fb.length);
  const distance = levenshtein(fa, fb);
  if ((shorter >= 5 && distance <= 1) || (shorter >= 10 && distance <= 2)) return true;
  if (answerType === "person") {
    // "John Stevens" / "John F. Stevens" / "Stevens": one name's words inside the other's.
    const wa = words(a).filter((w) => w.length > 1);
    const wb = words(b).filter((w) => w.length > 1);
    const [small, big] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
    return small.length > 0 && small.every((w) => big.includes(w));
  }
  return false;
}

/**
 * Options that are spelling variants of each other or of the answer ("Organisation"/"Organization",
 * "John Stevens"/"John F. Stevens").
 *
 * @example
 * spellingVariantOptions(item({ options: ["World Health Organisation", "World Health Organization", "A", "B"] }))
 */
export function spellingVariantOptions(item: GeneratedItem): Defect[] {
  const options = item.options ?? [];
  if (item.kind !== "multiple_choice") return [];
  const out: Defect[] = [];
  for (let i = 0; i < options.length; i += 1)
    for (let j = i + 1; j < options.length; j += 1)
      if (fold(options[i]!) !== fold(options[j]!) && spellingVariants(options[i]!, options[j]!, item.answerType))
        out.push(defect("spelling-variant-options", item, `"${options[i]}" ~ "${options[j]}"`));
  return out;
}

/**
 * The same option twice, ignoring case, accents and punctuation.
 *
 * @example
 * duplicateOptions(item({ options: ["Baghdad", "baghdad", "Taji", "Besmaya"] })) // one defect
 */
export function duplicateOptions(item: GeneratedItem): Defect[] {
  const options = item.options ?? [];
  const seen = new Map<string, string>();
  const out: Defect[] = [];
  for (const o of options) {
    const key = fold(o);
    if (seen.has(key)) out.push(defect("duplicate-options", item, `"${seen.get(key)}" and "${o}"`));
    else seen.set(key, o);
  }
  return out;
}

// The last document's lists: the gates ask for them for every candidate item.
let listsCache: { text: string; lists: string[][] } | undefined;

/** The document's bulleted or numbered lists, each as its members' texts (do not change the arrays: they are cached). */
export function documentLists(documentText: string): string[][] {
  if (listsCache?.text === documentText) return listsCache.lists;
  const lists: string[][] = [];
  let current: string[] = [];
  for (const line of documentText.split(/\r?\n/)) {
    const bullet = /^\s*(?:[-*+•]|\d{1,3}[.)])\s+(.*)$/.exec(line);
    if (bullet) current.push(bullet[1]!);
    else if (line.trim() === "" && current.length > 0 && current.length < 2) continue;
    else {
      if (current.length >= 2) lists.push(current);
      current = [];
    }
  }
  if (current.length >= 2) lists.push(current);
  listsCache = { text: documentText, lists };
  return lists;
}

/** What a list member names: its text up to the first comma, bracket, colon or dash, without a leading article. */
function memberHead(member: string): string {
  return member
    .split(/[,;:(–—]|\s-\s/)[0]!
    .replace(/^(?:the|a|an)\s+/i, "")
    .trim();
}

// Folded member heads, once per member (every multiple-choice item is checked against every list of the document).
const foldedHeads = new Map<string, { head: string; words: number }>();
let lastEntity: { text: string; entity: string } | undefined;

function foldedHead(member: string): { head: string; words: number } {
  let hit = foldedHeads.get(member);
  if (!hit) {
    const head = fold(memberHead(member));
    hit = { head, words: head.split(" ").length };
    if (foldedHeads.size > 5000) foldedHeads.clear();
    foldedHeads.set(member, hit);
  }
  return hit;
}

/** Is `member` (a list entry) the entity `text`, give or take a word ("the Gatun Locks" is "Gatun Locks")? */
function isMember(member: string, text: string): boolean {
  const head = foldedHead(member);
  if (head.words > 6) return false;
  // Callers ask about one text against every member of a list: fold it once.
  if (lastEntity?.text !== text) lastEntity = { text, entity: fold(text).replace(/^(?:the|a|an) /, "") };
  const entity = lastEntity.entity;
  if (!entity) return false;
  return (
    head.head === entity || (` ${head.head} `.includes(` ${entity} `) && head.words <= entity.split(" ").length + 1)
  );
}

/** Are `a` and `b` members of one inline list in `sentence` ("Australia, Sweden and Finland")? */
function inlineListMates(sentence: string, a: string, b: string): boolean {
  const s = sentence.toLowerCase();
  const ia = s.indexOf(a.toLowerCase());
  const ib = s.indexOf(b.toLowerCase());
  if (ia < 0 || ib < 0) return false;
  const [first, second, firstLength] = ia < ib ? [ia, ib, a.length] : [ib, ia, b.length];
  const between = s.slice(first + firstLength, second);
  return between.length <= 60 && /^(?:,|;| and | or |, and |, or )/.test(between) && !/[.:]/.test(between);
}

/**
 * A single-answer multiple-choice item offering as "wrong" another true member of the list the answer comes from
 * (the same bulleted list, or the same "A, B and C" in the source sentence); for "Which … is NOT …?" items, an
 * answer that is itself a member of the list the other options come from.
 *
 * @example
 * sameListDistractor(item({ answer: "Sweden", options: ["Sweden", "Finland", "Chile", "Peru"],
 *   source: { text: "partners include Australia, Sweden and Finland." } })) // one defect
 */
export function sameListDistractor(item: GeneratedItem, context: DefectContext = {}): Defect[] {
  if (item.kind !== "multiple_choice" || !item.options) return [];
  if (item.answerType === "date" || item.answerType === "number") return [];
  const negative = /\bNOT\b|\bnot one of\b/.test(item.prompt);
  const distractors = item.options.filter((o) => fold(o) !== fold(item.answer));
  const lists = context.documentText ? documentLists(context.documentText) : [];
  const memberOf = (list: string[], text: string) => list.some((m) => isMember(m, text));
  const out: Defect[] = [];
  if (negative) {
    for (const list of lists)
      if (memberOf(list, item.answer) && distractors.filter((d) => memberOf(list, d)).length >= 2)
        out.push(defect("same-list-distractor", item, `"${item.answer}" belongs to the list it should be outside`));
    return out;
  }
  for (const d of distractors) {
    const inline = inlineListMates(item.source.text, item.answer, d);
    // Only an item about the list as a whole (its lead-in, or a span holding several entries) makes the other
    // members right answers too; a cloze on one entry ("_____, the capital of Slovakia") singles its member out.
    const aboutList = (list: string[]) =>
      /:\s*$/.test(item.source.text.trim()) ||
      list.filter((m) => containsFolded(item.source.text, memberHead(m))).length > Math.max(1, list.length / 2);
    const bulleted = lists.some((list) => {
      const a = list.findIndex((m) => isMember(m, item.answer));
      const b = list.findIndex((m) => isMember(m, d));
      return a >= 0 && b >= 0 && a !== b && aboutList(list);
    });
    if (inline || bulleted) out.push(defect("same-list-distractor", item, `"${d}" is another member of the list`));
  }
  return out;
}

/**
 * A distractor for a name or phrase answer that no document of the library states and the curated pool does not
 * hold: made up by the generator. Dates and numbers are exempt (nearby values are the usual distractors).
 *
 * @example
 * inventedDistractor(item({ options: ["Camp Taji", "Camp Fictional", …] }), { knownTexts: [doc], pool: [] })
 */
export function inventedDistractor(item: GeneratedItem, context: DefectContext = {}): Defect[] {
  if (item.kind !== "multiple_choice" || !item.options || !context.knownTexts) return [];
  if (item.answerType === "date" || item.answerType === "number" || item.answerType === "boolean") return [];
  const pool = new Set((context.pool ?? []).map(fold));
  const known = context.knownTexts.map((t) => ` ${fold(t)} `);
  const answerWords = words(item.answer);
  // The generator composes pool entries with the answer's rank or head noun ("Major General" + pool name,
  // pool city + "Summit"); such an option is as real as its pool entry.
  const core = (option: string) => {
    const ws = words(option);
    while (ws.length > 1 && PERSON_TITLES.has(ws[0]!) && answerWords.includes(ws[0]!)) ws.shift();
    if (ws.length > 1 && ws[ws.length - 1] === answerWords[answerWords.length - 1]) ws.pop();
    return ws.join(" ");
  };
  const isKnown = (o: string) =>
    [fold(o), core(o)].some((v) => pool.has(v) || known.some((t) => t.includes(` ${v} `))) ||
    known.some((t) => t.includes(` ${fold(o)} `));
  return item.options
    .filter((o) => fold(o) !== fold(item.answer))
    .filter((o) => !isKnown(o))
    .map((o) => defect("invented-distractor", item, `"${o}" is in no document and not in the pool`));
}

const DATE_LIKE = new RegExp(`\\b(?:\\d{3,4}|${MONTHS})\\b`, "i");
const NUMBER_LIKE =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen)\b/i;

/**
 * Options that cannot be of the answer's type: a non-date among dates, a wordless number among numbers, a date or
 * lower-case phrase among names.
 *
 * @example
 * optionTypeMismatch(item({ answerType: "date", options: ["July 2018", "Baghdad", "2016", "May 2019"] }))
 */
export function optionTypeMismatch(item: GeneratedItem): Defect[] {
  if (item.kind !== "multiple_choice" || !item.options) return [];
  const bad = item.options.filter((o) => {
    switch (item.answerType) {
      case "date":
        return !DATE_LIKE.test(o);
      case "number":
        return !NUMBER_LIKE.test(o);
      case "person":
        return hasDigit(o) || !/^\p{Lu}/u.test(o.trim());
      case "place":
      case "organisation":
        return DATE_LIKE.test(o) && /^\W*(?:\d|(?:in|on)\b)/i.test(o) ? true : !/^\p{Lu}|^\d/u.test(o.trim());
      default:
        return false;
    }
  });
  return bad.map((o) => defect("option-type-mismatch", item, `"${o}" is not a ${item.answerType}`));
}

// ---------------------------------------------------------------------------------------------------------------
// Sources

/**
 * Part-of-speech tags of `text` (universal tags: VERB, AUX, NOUN, …): pos.ts's, whose wink model and per-text cache
 * the whole pipeline shares (a second model here cost a second model load per process).
 */
function posTags(text: string): { word: string; pos: string }[] {
  return posTokens(text).map((t) => ({ word: t.text, pos: t.pos }));
}

/**
 * Does `sentence` have a finite verb? Verbs inside names ("Culebra Cut"), -ing forms and participles after a comma
 * or before "by" ("opened in 1849" in "The bridge, opened in 1849") do not count.
 */
export function hasFiniteVerb(sentence: string): boolean {
  const tags = posTags(sentence);
  return tags.some((t, i) => {
    if (t.pos === "AUX") return true;
    if (t.pos !== "VERB") return false;
    if (i > 0 && /^[A-Z]/.test(t.word)) return false;
    if (/ing$/i.test(t.word)) return false;
    const previous = tags[i - 1]?.word ?? "";
    const next = tags[i + 1]?.word.toLowerCase() ?? "";
    if (/(?:ed|en|wn|t)$/i.test(t.word) && (previous === "," || next === "by")) return false;
    return true;
  });
}

/** Captions are written in the present ("Stoltenberg views …, March 5, 2018"); a report of the past is prose. */
function hasPastOrAuxiliary(sentence: string): boolean {
  return posTags(sentence).some((t) => t.pos === "AUX" || (t.pos === "VERB" && /ed$/i.test(t.word)));
}

const CREDIT =
  /\b(?:photo(?:graph)?|image|credit|picture|source|courtesy)\s*(?::|by\b|\/|©)|©|\bphoto\s*\/|^figure\s+\d/i;
const TRAILING_DATELINE = new RegExp(
  `,\\s*(?:(?:${MONTHS})\\.?\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+(?:${MONTHS})\\s+\\d{4}|(?:c\\.\\s*)?\\d{4})\\.?$`,
  "i",
);

/** The paragraph (text between blank lines) of `documentText` that contains offset `at`, and what its line is. */
function paragraphAt(documentText: string, at: number): { text: string; isList: boolean; isHeading: boolean } {
  const breakBefore = documentText.lastIndexOf("\n\n", Math.max(0, at - 1));
  const breakAfter = documentText.indexOf("\n\n", at);
  const text = documentText.slice(breakBefore < 0 ? 0 : breakBefore + 2, breakAfter < 0 ? undefined : breakAfter);
  const lineEnd = documentText.indexOf("\n", at);
  const line = documentText.slice(
    documentText.lastIndexOf("\n", Math.max(0, at - 1)) + 1,
    lineEnd < 0 ? undefined : lineEnd,
  );
  return { text: text.trim(), isList: /^\s*(?:[-*+•]|\d{1,3}[.)])\s/.test(line), isHeading: /^\s*#/.test(line) };
}

/**
 * A photo caption or credit used as the source of an item: a credit or figure label, a standalone short
 * paragraph without a finite verb, or a present-tense photo line ending in a dateline (", March 5, 2018.").
 *
 * @example
 * captionSource(item({ source: { text: "Workers in the Culebra Cut, 1913." } }), { documentText }) // one defect
 */
export function captionSource(item: GeneratedItem, context: DefectContext = {}): Defect[] {
  if (item.kind === "matching" || item.kind === "ordering") return [];
  const sentence = item.source.text.trim();
  const reasons: string[] = [];
  if (CREDIT.test(sentence)) reasons.push("photo credit or figure label");
  const paragraph = context.documentText ? paragraphAt(context.documentText, item.source.start) : undefined;
  if (paragraph && !paragraph.isList && !paragraph.isHeading) {
    if (paragraph.text !== sentence && CREDIT.test(paragraph.text) && paragraph.text.length < 300)
      reasons.push("paragraph carries a photo credit");
    const wordCount = sentence.split(/\s+/).length;
    const standalone =
      paragraph.text === sentence || (paragraph.text.startsWith(sentence) && CREDIT.test(paragraph.text));
    if (standalone && wordCount <= 25 && !hasFiniteVerb(sentence)) reasons.push("standalone line without a verb");
  }
  if (TRAILING_DATELINE.test(sentence) && sentence.split(/\s+/).length <= 30 && !/^(?:on|in|at|by)\b/i.test(sentence))
    if ((!paragraph || !paragraph.isList) && !hasPastOrAuxiliary(sentence)) reasons.push("ends in a photo dateline");
  return reasons.length > 0 ? [defect("caption-source", item, `${reasons[0]}: "${sentence.slice(0, 60)}"`)] : [];
}

/** Candidate person names in `sentence`: runs of capitalised words (initials and ALL-CAPS surnames included). */
export function personCandidates(sentence: string): string[] {
  const runs: string[] =
    sentence.match(/(?:\b[A-Z]\.\s?|\b[A-Z][\p{L}'’-]+)(?:\s*(?:\b[A-Z]\.\s?|\b[A-Z][\p{L}'’-]+))*/gu) ?? [];
  return runs
    .map((r) => r.trim().replace(/['’]s$/, ""))
    .map((r) => {
      const ws = r.split(/\s+/);
      while (ws.length > 1 && (CLOSED_CLASS.has(ws[0]!.toLowerCase()) || MONTH.test(ws[0]!))) ws.shift();
      return ws.join(" ");
    })
    .map((r) =>
      r
        .split(/\s+/)
        .filter((w) => !PERSON_TITLES.has(w.toLowerCase().replace(/\./g, "")))
        .join(" "),
    )
    .filter((r) => r.length > 1)
    .filter((r) => {
      const ws = r.split(/\s+/);
      if (ws.some((w) => NON_PERSON_HEADS.has(w.toLowerCase()))) return false;
      if (ws.length === 1 && (CLOSED_CLASS.has(r.toLowerCase()) || COMMON_WORDS.has(r.toLowerCase()))) return false;
      if (ws.length === 1 && MONTH.test(r)) return false;
      return !(/^[A-Z]{2,}$/.test(r) && ws.length === 1); // an acronym, not a person
    })
    .filter((r, i, all) => all.indexOf(r) === i);
}

// The document's multi-word names, once per document: the gate asks for them for every candidate item.
let multiwordCache: { text: string; names: string[] } | undefined;
/** Names of people (and surnames given in full elsewhere in `documentText`) that `text` mentions. */
export function peopleIn(text: string, documentText: string): string[] {
  if (multiwordCache?.text !== documentText)
    multiwordCache = { text: documentText, names: personCandidates(documentText).filter((c) => c.includes(" ")) };
  const multiword = multiwordCache.names;
  return personCandidates(text).filter((c) => c.includes(" ") || multiword.some((m) => m.endsWith(` ${c}`)));
}

/** The document's title: front matter `title:` or its first heading. */
function documentTitle(documentText: string): string {
  // Once per document: the gates ask for it for every candidate item.
  if (titleCache?.text !== documentText)
    titleCache = {
      text: documentText,
      title: /^title:\s*(.+)$/m.exec(documentText)?.[1] ?? /^#\s+(.+)$/m.exec(documentText)?.[1] ?? "",
    };
  return titleCache.title;
}
let titleCache: { text: string; title: string } | undefined;

/**
 * An item that replaced a leading "He"/"She"/"They" of its source with a name, where the choice is a guess: the
 * sentence before names two or more people; or the name occurs before only as a possessive or inside a longer
 * name ("S. Carr" from "G. S. Carr's"); or it is in neither of the two sentences before nor the title. A wrong
 * guess states a falsehood, so the conservative rule is to skip such items (issue 13).
 *
 * @example
 * pronounResolution(item({ prompt: "Who thanked the soldiers?", answer: "László STICZ",
 *   source: { text: "He thanked the soldiers." } }), { documentText }) // one defect when two generals precede
 */
export function pronounResolution(item: GeneratedItem, context: DefectContext = {}): Defect[] {
  const doc = context.documentText;
  if (!doc || item.kind === "matching" || item.kind === "ordering") return [];
  // A source may join sentences with " … " (a name's sentence, then the deed): judge the pronoun's own sentence.
  const segments = item.source.text.split(/\s…\s/).map((x) => x.trim());
  const pronounSegments = segments.filter((x) => /^(?:[^,.]{0,40}, ){0,2}(?:he|she|they|his|her|their)\b/i.test(x));
  const title = documentTitle(doc);
  const itemText = `${item.prompt} ${item.answerType === "person" ? item.answer : ""}`;
  // The answer of a "Who …?" item is a person by the item's own account, whatever it looks like.
  const personAnswer = item.answerType === "person" ? [item.answer.trim()] : [];
  // A name the item only quotes as its source wrote it ("G. S. Carr's book") was not substituted for a pronoun.
  const quotedPossessive = (name: string) => {
    const uses = [...itemText.matchAll(new RegExp(`${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(['’]s)?`, "g"))];
    return uses.length > 0 && uses.every((u) => u[1]) && item.source.text.includes(`${name}'s`);
  };
  const named = [...new Set([...personAnswer, ...peopleIn(itemText, doc)])].filter((n) => !quotedPossessive(n));
  const out: Defect[] = [];
  for (const sentence of pronounSegments) {
    // What the reader has read before the pronoun is the document up to its sentence, not the joined source.
    const found = doc.indexOf(sentence, item.source.start);
    const sentenceStart = found >= 0 ? found : item.source.start;
    const before = doc.slice(Math.max(0, sentenceStart - 1500), sentenceStart);
    const sentences = before.split(/(?<=[.!?])\s+|\n+/).filter((x) => x.trim());
    const previous = sentences[sentences.length - 1] ?? "";
    const recent = sentences.slice(-2).join(" ");
    // Names after "of", "in", "from" … are places; "to" may precede a person ("gave the job to Goethals").
    const candidates = peopleIn(previous, doc).filter(
      (c) =>
        !new RegExp(`\\b(?:of|in|from|at|near)\\s+(?:the\\s+)?${c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`).test(
          previous,
        ),
    );
    const read = `${before} ${sentence}`;
    for (const name of named) {
      const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      const mentions = [...read.matchAll(new RegExp(`(?<![\\p{L}])${escaped}(?![\\p{L}])`, "gu"))];
      const onlyPossessiveOrCut =
        mentions.length > 0 &&
        mentions.every((m) => {
          const after = read.slice(m.index! + m[0].length, m.index! + m[0].length + 2);
          const prior = read.slice(Math.max(0, m.index! - 3), m.index!);
          return /^['’]s/.test(after) || /(?:^|\s)[A-Z]\.\s$|[A-Z][a-z]+\s$/.test(prior);
        });
      if (onlyPossessiveOrCut)
        out.push(defect("pronoun-resolution", item, `"${name}" occurs before only as a possessive or a cut name`));
      else if (containsFolded(sentence, name)) continue;
      else if (candidates.length >= 2 && candidates.some((c) => fold(c) === fold(name)))
        out.push(defect("pronoun-resolution", item, `"${name}" chosen among ${candidates.join(" / ")}`));
      else if (candidates.length > 0 && !candidates.some((c) => containsFolded(name, c) || containsFolded(c, name)))
        out.push(
          defect("pronoun-resolution", item, `the sentence before names ${candidates.join(" / ")}, not "${name}"`),
        );
      else if (!containsFolded(recent, name) && !containsFolded(title, name))
        out.push(defect("pronoun-resolution", item, `"${name}" is not in the two sentences before`));
    }
  }
  return out.slice(0, 1);
}

/**
 * A true/false statement keyed True whose claim its source does not make (a date, number or name the source lacks,
 * or words it does not contain), or keyed False while it repeats the source.
 *
 * @example
 * tfClaimUnsupported(item({ kind: "true_false", answer: "True", prompt: "True or false: X happened in 2019.",
 *   source: { text: "X happened in 2018." } })) // one defect
 */
export function tfClaimUnsupported(item: GeneratedItem, context: DefectContext = {}): Defect[] {
  if (item.kind !== "true_false") return [];
  const statement = promptBody(item.prompt).replace(/[.?!]$/, "");
  const source = item.source.text;
  const near = context.documentText
    ? context.documentText.slice(Math.max(0, item.source.start - 400), item.source.end)
    : source;
  if (item.answer === "False") {
    return containsFolded(source, statement) && words(statement).length >= 4
      ? [defect("tf-claim-unsupported", item, "keyed False but the source says exactly this")]
      : [];
  }
  const reasons: string[] = [];
  const numbers = statement.match(/\d[\d,.:]*\d|\d/g) ?? [];
  const sourceNumbers = (source.match(/\d[\d,.:]*\d|\d/g) ?? []).map((n) => n.replace(/,/g, ""));
  for (const n of numbers)
    if (!sourceNumbers.includes(n.replace(/,/g, ""))) reasons.push(`"${n}" is not in the source`);
  const fullMonths = MONTHS.split("|").filter((m) => m.length > 4 || ["may", "june", "july"].includes(m));
  for (const m of statement.match(new RegExp(`\\b(?:${fullMonths.join("|")})\\b`, "gi")) ?? [])
    if (!new RegExp(`\\b${m}\\b`, "i").test(source)) reasons.push(`"${m}" is not in the source`);
  const names = statement.match(/(?<=\s)[A-Z][\p{L}'’-]+/gu) ?? [];
  for (const name of names)
    if (!CLOSED_CLASS.has(name.toLowerCase()) && !containsFolded(near, name))
      reasons.push(`"${name}" is not in the source`);
  const content = contentWords(statement).filter((w) => w.length >= 4);
  const missing = content.filter((w) => !` ${fold(near)} `.includes(` ${w}`));
  if (content.length > 0 && missing.length / content.length > 0.2)
    reasons.push(`words not in the source: ${missing.slice(0, 4).join(", ")}`);
  return reasons.length > 0 ? [defect("tf-claim-unsupported", item, reasons.slice(0, 2).join("; "))] : [];
}

/** "Which of the following is listed among … together with X?": one item per member of a list. */
const LIST_MEMBER_PROMPT = /\blisted (?:among|under|in)\b.*\btogether with\b/i;

const QUESTION_WORDS = new Set(
  "what|which|when|where|who|whom|whose|why|how|many|much|long|does|did|stand|fills|blank|following|listed|among|true|false|fill".split(
    "|",
  ),
);

/**
 * The heading row of the Markdown table whose row starts at `start` in `doc`, or "" when `start` is not in a table:
 * a question made from a row ("How many judges does the chamber have?") takes its attribute from the column heading,
 * which the row's own text ("Chamber | 7 | …") does not repeat.
 *
 * @example
 * tableHeadings("| Formation | Judges |\n|---|---|\n| Chamber | 7 |", 33) // "| Formation | Judges |"
 */
export function tableHeadings(doc: string, start: number): string {
  const lineStart = doc.lastIndexOf("\n", start - 1) + 1;
  if (!/^\s*\|/.test(doc.slice(lineStart, lineStart + 10))) return "";
  const lines = doc.slice(0, lineStart).split("\n").slice(0, -1);
  let top = lines.length;
  while (top > 0 && /^\s*\|/.test(lines[top - 1]!)) top -= 1;
  const table = lines.slice(top);
  // A heading row is the one above the |---| rule.
  return table.length >= 2 && /^\s*\|?\s*:?-{3,}/.test(table[1]!) ? table[0]! : "";
}

/**
 * A question its cited source does not ask about: most of its content words, or a number in it, are absent from
 * the source ("Who returned to India in 1919?" citing a sentence about a book bought in 1903).
 *
 * @example
 * promptUnsupported(item({ prompt: "Who returned to India in 1919?", sourceText: "In 1903 he bought a book." }))
 */
export function promptUnsupported(item: GeneratedItem, context: DefectContext = {}): Defect[] {
  if (item.kind === "matching" || item.kind === "ordering" || item.kind === "true_false") return [];
  if (LIST_MEMBER_PROMPT.test(item.prompt)) return []; // counted by list-exploded
  const question = promptBody(item.prompt).replace(/_{3,}/g, " ");
  // A resolved pronoun brings words from the sentence before, and the document's subject may be named in full.
  const doc = context.documentText;
  const previous = doc
    ? (doc
        .slice(Math.max(0, item.source.start - 600), item.source.start)
        .split(/(?<=[.!?])\s+|\n+/)
        .filter((x) => x.trim())
        .pop() ?? "")
    : "";
  // A table row is read with its column headings.
  const headings = doc ? tableHeadings(doc, item.source.start) : "";
  const source = ` ${fold(`${item.source.text} ${previous} ${headings} ${doc ? documentTitle(doc) : ""}`)} `;
  const content = contentWords(question).filter((w) => w.length >= 4 && !QUESTION_WORDS.has(w));
  const missing = content.filter((w) => !source.includes(` ${w.slice(0, Math.max(4, w.length - 3))}`));
  const numbers = (question.match(/(?<![\p{L}\d])(?:\d[\d,.]*\d|\d)(?![\p{L}\d])/gu) ?? []).filter(
    (n) => !source.includes(` ${fold(n)} `),
  );
  if (numbers.length > 0) return [defect("prompt-unsupported", item, `"${numbers[0]}" is not in the source`)];
  return content.length >= 2 && missing.length / content.length > 0.5
    ? [defect("prompt-unsupported", item, `the source lacks ${missing.slice(0, 4).join(", ")}`)]
    : [];
}

// ---------------------------------------------------------------------------------------------------------------
// Worthless or malformed items

/**
 * The answer printed in its own question (a giveaway), ignoring case and punctuation.
 *
 * @example
 * answerInPrompt(item({ prompt: "Which city is Baghdad the capital of? _____", answer: "Baghdad" }))
 */
export function answerInPrompt(item: GeneratedItem): Defect[] {
  if (!singleAnswer(item) || fold(item.answer).length < 3) return [];
  const body = promptBody(item.prompt);
  return containsFolded(body, item.answer)
    ? [defect("answer-in-prompt", item, `"${item.answer}" is in the prompt`)]
    : [];
}

/**
 * A blank (or typed answer) on a word too common to teach anything: one or two letters ("a", "of"), or one everyday
 * word the document does not define ("people", "information"). The second is the generator's own doubt (blank-worth.ts
 * `generalWord`, word frequencies, decision 041), read here on every served item.
 *
 * @example
 * blankOnCommonWord(item({ kind: "cloze", answer: "people", answerType: "text" })) // one defect
 */
export function blankOnCommonWord(item: GeneratedItem, context: DefectContext = {}): Defect[] {
  if (item.kind !== "cloze" && item.kind !== "typed") return [];
  const answer = fold(item.answer);
  const { documentText } = context;
  const isCommon =
    (answer.length <= 2 && !/\d/.test(answer)) ||
    generalWord(item, { documentText, title: documentText ? titleOf(documentText) : "" }).length > 0;
  return isCommon ? [defect("blank-on-common-word", item, `blank on "${item.answer}"`)] : [];
}

/**
 * Structural faults: no blank (or several) in a cloze, a question without "?", a multiple choice without four
 * options or without its answer among them, a true/false item not keyed True or False, an empty answer.
 *
 * @example
 * malformedPrompt(item({ kind: "cloze", prompt: "Fill in the blank: NATO was founded in 1949." })) // one defect
 */
export function malformedPrompt(item: GeneratedItem): Defect[] {
  const reasons: string[] = [];
  const blanks = (item.prompt.match(/_{3,}/g) ?? []).length;
  if (!item.answer.trim()) reasons.push("empty answer");
  if (!/^[\p{Lu}\d"“]/u.test(item.prompt.trim())) reasons.push("does not start with a capital");
  if (item.kind === "cloze" && blanks !== 1) reasons.push(`${blanks} blanks in a cloze`);
  if ((item.kind === "typed" || item.kind === "multiple_choice") && blanks === 0 && !/\?\s*$/.test(item.prompt))
    reasons.push("question without a question mark");
  if (item.kind === "multiple_choice") {
    const options = item.options ?? [];
    if (options.length !== 4) reasons.push(`${options.length} options`);
    if (!options.includes(item.answer)) reasons.push("answer not among the options");
  }
  if (item.kind === "true_false" && !["True", "False"].includes(item.answer)) reasons.push("not keyed True/False");
  return reasons.map((r) => defect("malformed-prompt", item, r));
}

// ---------------------------------------------------------------------------------------------------------------
// Whole-document detectors

/** Items beyond `limit` in each group, in document order: the first `limit` are fine, the rest are redundant. */
function beyond(items: GeneratedItem[], groupOf: (i: GeneratedItem) => string | undefined, limit: number) {
  const groups = new Map<string, GeneratedItem[]>();
  for (const item of items) {
    const key = groupOf(item);
    if (key === undefined) continue;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.values()].flatMap((group) => group.slice(limit).map((item) => ({ item, size: group.length })));
}

const RECOGNITION_KINDS = new Set(["multiple_choice", "true_false"]);

/**
 * What an item asks a learner, as a group key: its fact record, the value it asks for and, for a question, the
 * relation it asks about. A fact record may hold several facts (a person's rank, country and post), and each is one
 * fact to a learner: two items asking one value of one record ask one fact, unless they are questions about two
 * relations ("Who became commander on …?" and "Who succeeded … as commander?" are two facts with one answer). A
 * blank asks what its sentence says of the value, so it joins the first question on that value from that sentence; a
 * true/false item asks the value its statement varies: the value whose wrong options it shows (a false statement),
 * else whose answer it shows, else the record's only value; when several remain, the claim as a whole.
 *
 * @example
 * askedFact(items)(rankItem) // "person:ada-brook|colonel|rank"
 */
export function askedFact(items: readonly GeneratedItem[]): (item: GeneratedItem) => string {
  const candidates = factCandidates(items);
  return (item) => {
    const keys = candidates(item);
    return item.answerType === "boolean" && keys.length > 1 ? `${item.factKey}|claim` : keys[0]!;
  };
}

/** The relation a question asks about (its key's variant), or "" for a prompt that quotes its sentence. */
function relationOf(item: GeneratedItem): string {
  return bodyOf(item.prompt).quoting ? "" : item.key.split("|").pop()!;
}

/**
 * The facts an item may ask (`askedFact`'s candidates before it picks one): one for a question, every relation
 * asked of its value for a blank, the values a true/false statement may vary. The ration (precision.ts) lets an item
 * stand for all of them, so it keeps what this yardstick counts whichever of its record's items are finally kept.
 */
export function factCandidates(items: readonly GeneratedItem[]): (item: GeneratedItem) => string[] {
  const values = new Map<string, GeneratedItem[]>();
  for (const i of items) if (i.answerType !== "boolean") values.set(i.factKey, [...(values.get(i.factKey) ?? []), i]);
  // The relations questions ask of each value, by the sentence they quote: a blank joins those of its own sentence.
  const relations = new Map<string, string[]>();
  for (const i of items) {
    const at = `${i.factKey}|${fold(i.answer)}@${i.source.start}`;
    const relation = relationOf(i);
    if (i.answerType !== "boolean" && relation && !relations.get(at)?.includes(relation))
      relations.set(at, [...(relations.get(at) ?? []), relation]);
  }
  const ofValue = (value: string, start: number) =>
    (relations.get(`${value}@${start}`) ?? [`@${start}`]).map((r) => `${value}|${r}`);
  return (item) => {
    const value = `${item.factKey}|${fold(item.answer)}`;
    if (item.answerType !== "boolean") {
      const relation = relationOf(item);
      return relation ? [`${value}|${relation}`] : ofValue(value, item.source.start);
    }
    const siblings = values.get(item.factKey) ?? [];
    const statement = ` ${fold(item.prompt)} `;
    const shows = (v: string) => fold(v) !== "" && statement.includes(` ${fold(v)} `);
    for (const tier of [
      siblings.filter((s) => (s.options ?? []).some((o) => o !== s.answer && shows(o))),
      siblings.filter((s) => shows(s.answer)),
      siblings,
    ])
      if (tier.length > 0)
        return [...new Set(tier.flatMap((s) => ofValue(`${item.factKey}|${fold(s.answer)}`, item.source.start)))];
    return [`${item.factKey}|claim`];
  };
}

/**
 * Redundancy across a document's items (issue 13: "at most one recognition item and one recall item per fact"):
 * - items-per-fact: more than one recognition (multiple choice, true/false) or one recall item (cloze, typed,
 *   flashcard) asking one fact, i.e. one value of one fact record (half of `maxItemsPerFact` per role);
 * - items-per-sentence: a sentence flooding the deck, i.e. giving more than `maxItemsPerSentence` items and more
 *   items than the distinct facts it is asked for (a sentence stating five facts may give five items, one each; a
 *   sentence stating one fact gives no fourth item on it);
 * - answer-asked-repeatedly: one date or number asked more than `maxAskedPerAnswer` times.
 * One defect per surplus item, so the count says how many items to drop.
 *
 * @example
 * redundancy(items, DEFAULT_LIMITS).filter((d) => d.detector === "items-per-sentence").length
 */
export function redundancy(
  items: GeneratedItem[],
  limits: DefectLimits = DEFAULT_LIMITS,
  documentText?: string,
): Defect[] {
  const single = items.filter((i) => i.kind !== "matching" && i.kind !== "ordering");
  const factOf = askedFact(single);
  const bySentence = new Map<string, GeneratedItem[]>();
  for (const i of single) {
    const at = `${i.source.start}:${i.source.end}`;
    bySentence.set(at, [...(bySentence.get(at) ?? []), i]);
  }
  const perSentence = [...bySentence.values()].flatMap((group) => {
    const facts = new Set<string>();
    const repeats: GeneratedItem[] = [];
    for (const i of group) {
      if (facts.has(factOf(i))) repeats.push(i);
      facts.add(factOf(i));
    }
    const surplus = group.length - Math.max(limits.maxItemsPerSentence, facts.size);
    return repeats
      .slice(Math.max(0, repeats.length - surplus))
      .map((item) => defect("items-per-sentence", item, `${group.length} items from one sentence`));
  });
  const role = (i: GeneratedItem) => (RECOGNITION_KINDS.has(i.kind) ? "recognition" : "recall");
  const perFact = beyond(single, (i) => `${factOf(i)}|${role(i)}`, Math.ceil(limits.maxItemsPerFact / 2)).map(
    ({ item, size }) => defect("items-per-fact", item, `${size} ${role(item)} items of one fact`),
  );
  const asked = beyond(
    single,
    (i) => (i.answerType === "date" || i.answerType === "number" ? `${i.answerType}:${fold(i.answer)}` : undefined),
    limits.maxAskedPerAnswer,
  ).map(({ item, size }) => defect("answer-asked-repeatedly", item, `"${item.answer}" asked ${size} times`));
  return [...perSentence, ...perFact, ...asked, ...listExploded(single, documentText)];
}

/**
 * A list turned into one item per member (issue 13: "a list becomes one item, not one per member"): items that ask
 * for a member of a bulleted list from that member's own line, or "listed … together with X?", beyond the first
 * member per list. Items from one member's line ("Belgrade, the capital of Serbia, where the Sava joins it.") ask
 * about one member, so they count once (the per-fact rule judges them among themselves).
 */
function listExploded(items: GeneratedItem[], documentText?: string): Defect[] {
  // A fact sheet's "Label: value" (or "Label – value") lines are separate facts, not members of one list.
  const keyValue = (list: string[]) => list.filter((m) => /^[^:]{1,30}(?::| [–—-])\s/.test(m)).length > list.length / 2;
  const lists = documentText ? documentLists(documentText).filter((l) => l.length >= 3 && !keyValue(l)) : [];
  const listOf = (item: GeneratedItem) => {
    if (LIST_MEMBER_PROMPT.test(item.prompt)) return `prompt:${item.prompt.replace(/together with.*$/, "")}`;
    const at = lists.findIndex((list) =>
      list.some((m) => item.source.text.trim() === m.trim() && isMember(m, item.answer)),
    );
    return at >= 0 ? `list:${at}` : undefined;
  };
  const lines = new Set<string>();
  const firstOfLine = items.filter((item) => {
    const list = listOf(item);
    if (!list?.startsWith("list:")) return true;
    const line = `${list}|${item.source.start}`;
    if (lines.has(line)) return false;
    lines.add(line);
    return true;
  });
  return beyond(firstOfLine, listOf, 1).map(({ item, size }) =>
    defect("list-exploded", item, `${size} members of one list asked one by one`),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Question shape and sentence reading (issue 13, second round)

/** The prompt's body and whether it quotes its source (a blank or a statement) rather than asking a question. */
function bodyOf(prompt: string): { body: string; quoting: boolean } {
  const body = promptBody(prompt);
  return { body, quoting: body !== prompt || BLANK.test(prompt) };
}

const QUESTION_LEAD = /^(?:About |Roughly |Approximately )?(?:When|Where|Who|Whom|What|Which|Why|How)\b/i;
// A verb may follow when the wh-phrase is the subject ("How many personnel were trained?").
const NOT_SUBJECT_START = new Set(["ADP", "ADV", "SCONJ", "CCONJ", "PUNCT", "PART"]);

/**
 * A fronted phrase the inversion left after the auxiliary: "How many wolves did Between 1995 and 1997, biologists
 * release?", "When did here the Iron Gate I complete?". After "When did" a subject follows, never a preposition,
 * an adverb or a subordinator.
 *
 * @example
 * frontedPhraseQuestion(item({ prompt: "How many wolves did Between 1995 and 1997, biologists release?" })) // one defect
 */
export function frontedPhraseQuestion(item: GeneratedItem): Defect[] {
  const { body, quoting } = bodyOf(item.prompt);
  if (quoting || !QUESTION_LEAD.test(body)) return [];
  const tags = posTags(body);
  const aux = tags.findIndex((t, i) => i > 0 && t.pos === "AUX");
  const next = aux > 0 ? tags[aux + 1] : undefined;
  if (!next || !NOT_SUBJECT_START.has(next.pos) || /^not$/i.test(next.word)) return [];
  if (/^there$/i.test(next.word) && tags[aux + 2]?.word === "?") return []; // "How many … are there?"
  return [defect("fronted-phrase-question", item, `"${tags[aux]!.word} ${next.word}": no subject after the auxiliary`)];
}

/**
 * A coordinated predicate swallowed by a count: "About how many kilometres long and freezes is Yellowstone Lake?" —
 * a verb joined by "and" before the question's auxiliary.
 *
 * @example
 * coordinatedCount(item({ prompt: "About how many kilometres long and freezes is Yellowstone Lake?" })) // one defect
 */
export function coordinatedCount(item: GeneratedItem): Defect[] {
  const { body, quoting } = bodyOf(item.prompt);
  if (quoting || !/^(?:About |Roughly |Approximately )?How (?:many|much)\b/i.test(body)) return [];
  const tags = posTags(body);
  const aux = tags.findIndex((t, i) => i > 0 && t.pos === "AUX");
  if (aux < 0) return [];
  const counted = tags.slice(0, aux);
  // "and supporting personnel" is one noun phrase: only a verb with no noun after it is a second predicate.
  const at = counted.findIndex(
    (t, i) => t.pos === "CCONJ" && counted[i + 1]?.pos === "VERB" && !/^(?:NOUN|PROPN)$/.test(tags[i + 2]?.pos ?? ""),
  );
  return at < 0 ? [] : [defect("coordinated-count", item, `"and ${counted[at + 1]!.word}" inside the counted phrase`)];
}

/**
 * A quoted source that is a list's lead-in ("Fill in the blank: The park has _____ entrances:"): it says nothing until
 * its list is read, and the list is not in the prompt.
 *
 * @example
 * leadInSource(item({ prompt: "Fill in the blank: The park has _____ entrances:" })) // one defect
 */
export function leadInSource(item: GeneratedItem): Defect[] {
  const { body, quoting } = bodyOf(item.prompt);
  return quoting && /:\s*$/.test(body) ? [defect("lead-in-source", item, "the quoted sentence ends in a colon")] : [];
}

/**
 * A leading "It"/"Its" of the source that the item replaced with a name that cannot be what "it" means: a person, or
 * a name the sentence before does not contain ("It is about 110 metres wide" asked of "the US Army", named three
 * sentences earlier, when the sentence before is about Grand Prismatic Spring). Either states a falsehood.
 *
 * @example
 * itAntecedent(item({ prompt: "About how many metres wide is the US Army?", source: { text: "It is about 110 metres wide." } }), { documentText })
 */
export function itAntecedent(item: GeneratedItem, context: DefectContext = {}): Defect[] {
  const doc = context.documentText;
  if (!doc || item.kind === "matching" || item.kind === "ordering") return [];
  const sentence = item.source.text.split(/\s…\s/).pop()!.trim();
  if (!/^(?:[^,.]{0,60}, )?(?:it|its)\b/i.test(sentence)) return [];
  // A statement keyed False says something else on purpose; an expletive "it" (coreference.ts) was never replaced.
  if ((item.kind === "true_false" && item.answer === "False") || isExpletiveIt(sentence)) return [];
  const { body } = bodyOf(item.prompt);
  if (/^(?:[^,.]{0,60}, )?(?:it|its)\b/i.test(body)) return [];
  // The substituted antecedent: a capitalised run of the prompt (or answer of a "What …" item) the sentence lacks.
  const inSentence = (name: string) => containsFolded(sentence, name);
  const names = [...(body.match(/(?:\b[A-Z][\p{L}\p{N}'’-]*)(?:\s(?:of\s(?:the\s)?)?[A-Z][\p{L}\p{N}'’-]*)*/gu) ?? [])]
    // "CERN's Member States": the possessor is what replaced "its".
    .map((n) => n.split(/['’]s?(?:\s|$)/)[0]!)
    .filter(
      (n) =>
        !/^(?:The|A|An|When|Where|Who|What|Which|Why|How|About|Fill|True|Name|In|On|At)$/.test(n) && !inSentence(n),
    );
  if (names.length === 0) return [];
  const found = doc.indexOf(sentence, Math.max(0, item.source.start - 5));
  const before = doc.slice(
    Math.max(0, (found >= 0 ? found : item.source.start) - 1500),
    found >= 0 ? found : item.source.start,
  );
  // A chain of "It …" sentences ("It is 110 metres wide. Its bands …") refers to the sentence before the chain. The
  // sentences are the generator's own (split-sentences.ts), so a line wrapped inside one does not cut it.
  const sentences = splitSentences(before).map((r) => before.slice(r.start, r.end).replace(/\s+/g, " ").trim());
  let back = sentences.length - 1;
  while (back > 0 && sentences.length - back < 4 && /^(?:[^,.]{0,60}, )?(?:it|its)\b/i.test(sentences[back]!)) back--;
  const previous = sentences.slice(Math.max(0, back), back + 1).join(" ");
  for (const name of names) {
    const bare = name.replace(/^The\s/, "");
    // A name the document writes after "the" ("the Rosetta Stone") is a thing, whatever first name it starts with.
    const thing = new RegExp(`\\bthe ${bare.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`).test(doc);
    if (!thing && findPeople(`${bare} said.`).some((p) => bare.includes(p.name) && p.name.includes(" ")))
      return [defect("it-antecedent", item, `"it" read as the person "${bare}"`)];
    // A list item's "It" continues the list's own subject (a lead-in or the item above), judged by the chain.
    // "the viaduct" in the sentence before names the Millau Viaduct: a definite description of the same head.
    const head = bare.split(/\s+/).pop()!;
    const described = new RegExp(`\\bthe ${head.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "i").test(previous);
    if (
      !containsFolded(previous, bare) &&
      !described &&
      !/^\s*[-*]\s/m.test(doc.slice(doc.lastIndexOf("\n", item.source.start) + 1, item.source.start + 2))
    )
      return [defect("it-antecedent", item, `"it" read as "${bare}", which the sentence before does not name`)];
  }
  return [];
}

/**
 * The shapes of lib/content/item-shapes.ts (garbled question, dangling pronoun, the topic as answer, a cut option, a
 * blank that runs on), each counted under its own name.
 */
function itemShapes(item: GeneratedItem, context: DefectContext = {}): Defect[] {
  const title = context.documentText ? documentTitle(context.documentText) : undefined;
  return shapeDefects(item, { title, knownTexts: context.knownTexts, documentText: context.documentText }).map((d) =>
    defect(d.check, item, d.message),
  );
}

/** The review-only shapes of prompt-context-shapes.ts (a bare occupation, the region after a place): never served. */
function reviewShapeDefects(item: GeneratedItem, context: DefectContext = {}): Defect[] {
  const title = context.documentText ? documentTitle(context.documentText) : undefined;
  return [
    ...thinRole(item, title).map((m) => defect("thin-role", item, m)),
    ...regionAfterPlace(item).map((m) => defect("region-after-place", item, m)),
  ];
}

/** The checks of lib/content/informative.ts (worthless items: logistics, the topic, a number given away, …). */
export function informative(item: GeneratedItem, context: DefectContext = {}): Defect[] {
  const title = context.documentText ? documentTitle(context.documentText) : undefined;
  return informativeDefects(item, { title, knownTexts: context.knownTexts, documentText: context.documentText }).map(
    (d) => defect(d.check, item, d.message),
  );
}

/**
 * A reference the prompt keeps to what only the sentence before said ("the same prize", "three years later" with no
 * date, "this time", a stray "its"): lib/content/well-formed.ts `unresolvedAnaphora`.
 *
 * @example
 * unresolvedAnaphoraDefects(item({ prompt: "True or false: Three years later she won the same prize." })) // two defects
 */
function unresolvedAnaphoraDefects(item: GeneratedItem): Defect[] {
  if (item.kind === "matching" || item.kind === "ordering") return [];
  return unresolvedAnaphora(item.prompt).map((m) => defect("unresolved-anaphora", item, m));
}

let titled: { text: string; title: string } | undefined;
/** The document's title as the generator reads it (front matter or first heading), parsed once per document. */
function titleOf(documentText: string): string {
  if (titled?.text !== documentText) titled = { text: documentText, title: parseDocument(documentText).title ?? "" };
  return titled.title;
}

/**
 * A served item whose prompt, statement, option or label keeps a reference only an earlier sentence explains:
 * a bare "both", "it" with nothing before it, "this approach", "the site" of a thing the sentence before named
 * (lib/content/references.ts, decision 040).
 *
 * @example
 * unresolvedReference(item({ kind: "cloze", prompt: "Fill in the blank: Later surveys confirmed it in _____.", answer: "1907" })) // one defect
 */
export function unresolvedReference(item: GeneratedItem, context: DefectContext = {}): Defect[] {
  const documentText = context.documentText;
  const found = itemReferences(item, {
    documentText,
    start: documentText ? item.source.start : -1,
    title: documentText ? titleOf(documentText) : "",
  });
  return found.map((r) =>
    defect("unresolved-reference", item, `"${r.phrase}" (${r.where}) refers to what only an earlier sentence says`),
  );
}

const ITEM_DETECTORS: ((item: GeneratedItem, context: DefectContext) => Defect[])[] = [
  subordinatorAfterWh,
  barePronounOpening,
  capitalMidQuestion,
  splitToken,
  truncatedName,
  answerPunctuation,
  acronymMismatch,
  spellingVariantOptions,
  duplicateOptions,
  sameListDistractor,
  inventedDistractor,
  optionTypeMismatch,
  captionSource,
  pronounResolution,
  tfClaimUnsupported,
  promptUnsupported,
  answerInPrompt,
  blankOnCommonWord,
  malformedPrompt,
  frontedPhraseQuestion,
  coordinatedCount,
  leadInSource,
  itAntecedent,
  itemShapes,
  informative,
  unresolvedAnaphoraDefects,
  unresolvedReference,
  fragmentOption,
  optionKind,
  listShowsMembers,
  reviewShapeDefects,
];

/**
 * The detectors the generator runs as its last gate on every candidate that passed its own checks: a guessed
 * pronoun antecedent, options that are spelling variants or a true statement with words its source lacks are
 * dropped; a caption source is kept for review only.
 * The others stay independent yardsticks (some read Markdown list markers a plain-text document does not have).
 *
 * @example
 * gateDefects(item, { documentText: text }).length // 0 for an item worth serving
 */
export function gateDefects(item: GeneratedItem, context: DefectContext = {}): Defect[] {
  return [pronounResolution, spellingVariantOptions, sameListDistractor, tfClaimUnsupported, captionSource].flatMap(
    (d) => d(item, context),
  );
}

/**
 * Every detector over a document's items.
 *
 * @example
 * const defects = detectDefects(items, { documentText: text, knownTexts: [text], pool: [] })
 * countByDetector(defects)["split-token"] // 0 when no blank cuts a token
 */
export function detectDefects(
  items: GeneratedItem[],
  context: DefectContext = {},
  limits: DefectLimits = DEFAULT_LIMITS,
): Defect[] {
  return [
    ...items.flatMap((item) => ITEM_DETECTORS.flatMap((d) => d(item, context))),
    ...redundancy(items, limits, context.documentText),
  ];
}

/**
 * Defects counted per detector, every detector present (0 when it found nothing).
 *
 * @example
 * countByDetector([]) // { "subordinator-after-wh": 0, … }
 */
export function countByDetector(defects: Defect[]): Record<DetectorName, number> {
  const counts = Object.fromEntries(DETECTORS.map((d) => [d, 0])) as Record<DetectorName, number>;
  for (const d of defects) counts[d.detector] += 1;
  return counts;
}

// ---------------------------------------------------------------------------------------------------------------
// Whole spans (decision 039)

/**
 * An option that names nothing: read with punctuation glued to an edge ("Vienna.*", "Oslo)"), or a piece of a
 * longer name wherever the document writes it ("Rescue Service" of "the Coastal Search and Rescue Service", "Space
 * Agency" of "European Space Agency"). Dates, numbers and true/false are values, not spans of the text.
 *
 * @example
 * fragmentOption(item({ kind: "multiple_choice", options: ["Oslo)", …] })) // one defect
 */
export function fragmentOption(item: GeneratedItem, context: DefectContext = {}): Defect[] {
  if (item.kind !== "multiple_choice" || !item.options) return [];
  if (item.answerType === "date" || item.answerType === "number" || item.answerType === "boolean") return [];
  const out: Defect[] = [];
  for (const option of item.options) {
    const o = option.trim();
    const count = (re: RegExp) => (o.match(re) ?? []).length;
    const ragged =
      !/^[\p{L}\p{N}"“‘(€$£¥]/u.test(o) ||
      (!/[\p{L}\p{N}%°"”’)]$/u.test(o) &&
        !/(?:^|\s)(?:\p{Lu}|Co|Jr|Sr|St|Inc|Ltd|Mt)\.$|(?<![\p{L}])\p{L}\.$/u.test(o)) ||
      count(/\(/g) !== count(/\)/g) ||
      count(/"/g) % 2 === 1;
    if (ragged) {
      out.push(defect("fragment-option", item, `"${option}" carries punctuation at its edge`));
      continue;
    }
    if (context.documentText && partOfLongerName(context.documentText, o))
      out.push(defect("fragment-option", item, `"${option}" is only ever part of a longer name in the document`));
  }
  return out;
}

/**
 * A list item that prints some of the members it asks for: "Name all three: The museum holds the Holk and two other
 * ships. Its ships are _____" shows the Holk. Members are compared as whole words, without a leading article.
 *
 * @example
 * listShowsMembers(item({ kind: "flashcard", prompt: "Name all three: Oslo and Bergen … are _____", answer: "Oslo, Bergen and Tromsø" }))
 */
export function listShowsMembers(item: GeneratedItem): Defect[] {
  if (item.kind !== "flashcard" || !/^Name (?:all \w+|both): /.test(item.prompt)) return [];
  const members = item.answer
    .split(/;\s*|,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+/)
    .map((m) => fold(m).replace(/^the /, ""))
    .filter((m) => m.length > 2);
  const shown = ` ${fold(item.prompt.replace(/^Name (?:all \w+|both): /, "").replace(BLANK, " "))} `;
  return members
    .filter((m) => shown.includes(` ${m} `))
    .map((m) => defect("list-shows-members", item, `the prompt already names "${m}", a member it asks for`));
}

/**
 * An option a learner rules out at sight by its kind or form (issue 13, decision 039): a place of another kind or
 * granularity than the answer (a continent or a river among towns, a region among countries, a name of unknown kind),
 * or a date or number written in another form ("1990s" among years). The generator applies the same predicates
 * (`sameKind`, `sameFormat`) in `multipleChoice`.
 *
 * @example
 * optionKind(item({ answerType: "place", answer: "Lyon", options: ["Lyon", "Europe", "Munich", "Porto"] })) // one defect
 */
export function optionKind(item: GeneratedItem, context: DefectContext = {}): Defect[] {
  if (item.kind !== "multiple_choice" || !item.options) return [];
  const others = item.options.filter((o) => fold(o) !== fold(item.answer));
  if (item.answerType === "date" || item.answerType === "number") {
    const type = item.answerType;
    return others
      .filter((o) => !sameFormat(item.answer, o, type))
      .map((o) => defect("option-kind", item, `"${o}" is written unlike the answer "${item.answer}"`));
  }
  if (item.answerType !== "place") return [];
  const cues = context.documentText ? documentPlaceKinds(context.documentText) : undefined;
  const kind = placeKindOf(item.answer, cues);
  return others
    .filter((o) => !sameKind(item.answer, o, cues))
    .map((o) =>
      defect("option-kind", item, `"${o}" is a place of kind ${placeKindOf(o, cues)}, the answer of kind ${kind}`),
    );
}
