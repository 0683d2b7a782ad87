/**
 * Lists as one fact each (issue 13: "a list becomes one item, not one per member"): a bulleted or numbered list under
 * the sentence that introduces it ("The original canal has three sets of locks:"), and a list of noun phrases written
 * inside a sentence ("It contains enzymes, ribosomes and its own DNA", "six principal organs: the General Assembly,
 * …"). The members are read from the grammar (wink-nlp tags), never from a list of known words.
 */
import { describedMembers } from "./extract-described";
import { findOrganisations } from "./extract-names";
import { proseSteps } from "./extract-steps";
import { hash } from "./keys";
import { posTokens, type PosToken } from "./pos";
import { joinSources, tidy } from "./text";
import type { Block, ListFact, MatchPair, ParsedDocument, Sentence, SourceRef } from "./types";

const GAP = "_____";
const COUNT_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
/** A lead-in that refers back to something unnamed ("Three pieces of evidence support it:") reads alone nowhere. */
const UNNAMED = /\b(?:it|they|them|he|him|she|this|these|those)\b|^(?:its|their|his|her)\b/i;
/** A numbered list whose lead-in says the order matters. */
const ORDERED_LEAD = /\b(?:steps?|stages?|phases?|order|sequence|procedure|in turn|chronolog\w*)\b/i;
/** "Term: description" or "Term – description" with a short term. */
const PAIR = /^([^:–—]{1,40}?)\s*(?::|\s[–—]\s)\s*(\S.*)$/;

/** Number words and digits a lead-in may count its list with. */
function countOf(text: string, n: number): string | undefined {
  const word = COUNT_WORDS[n - 2];
  const m = new RegExp(`\\b(${word}|${n})\\b(?=(?:\\s[\\w-]+){1,4}\\s*(?::|,|$))`, "i").exec(text);
  return m?.[1];
}

function member(text: string): string {
  return tidy(text.replace(/\*\*|__/g, ""))
    .replace(/[;,.]$/, "")
    .replace(/[;,]?\s+(?:and|or)$/, "")
    .trim();
}

const sourceOf = (s: { text: string; start: number; end: number }): SourceRef => ({
  text: s.text,
  start: s.start,
  end: s.end,
});

/**
 * Every list of the document as one fact: bulleted and numbered lists that a sentence ending in ":" introduces,
 * then lists of three or more noun phrases written inside a sentence.
 *
 * @example
 * extractLists(parseDocument('The canal has three sets of locks:\n\n- Gatun\n- Pedro Miguel\n- Miraflores\n'))[0].members
 * // ['Gatun', 'Pedro Miguel', 'Miraflores']
 */
export function extractLists(doc: ParsedDocument): ListFact[] {
  return [
    ...blockLists(doc),
    ...doc.sentences.flatMap((s) => sentenceLists(s, doc.blocks[s.blockIndex], contextOf(doc, s))),
    ...proseSteps(doc),
  ];
}

/**
 * The sentence just before `s` in its paragraph, when it counts a set and has no pronoun of its own: the context a
 * lead-in that only refers back needs ("The Council has 15 members. Five of them are permanent members: …",
 * "More than 300 tributaries feed the river. The most important include …").
 */
function contextOf(doc: ParsedDocument, s: Sentence): Sentence | undefined {
  const before = doc.sentences[doc.sentences.indexOf(s) - 1];
  if (!before || before.blockIndex !== s.blockIndex || UNNAMED.test(before.text)) return undefined;
  if (!/[.!]$/.test(tidy(before.text))) return undefined;
  // It must count the set the list picks from ("15 members", "More than 300 tributaries"): a sentence that counts
  // nothing is no reliable antecedent of "them" or of "the most important".
  const tokens = posTokens(tidy(before.text));
  const counted = tokens.some(
    (t, i) => t.pos === "NUM" && tokens.slice(i + 1, i + 3).some((n) => n.pos === "NOUN" && /s$/.test(n.text)),
  );
  return counted ? before : undefined;
}

/**
 * Members' names without their descriptions ("the Gatun Locks, on the Atlantic side" → "the Gatun Locks") once a
 * long member shows the list describes its names, the short members' descriptions too.
 */
function headsOf(members: readonly string[]): string[] {
  const head = (m: string) => (m.includes(", ") ? m.slice(0, m.indexOf(", ")) : m);
  const short = (m: string) => head(m).split(/\s+/).length <= 6;
  const described = members.some((m) => m.split(/\s+/).length > 6 && head(m) !== m && short(m));
  return members.map((m) => (described && short(m) ? head(m) : m));
}

function blockLists(doc: ParsedDocument): ListFact[] {
  const byList = new Map<number, Block[]>();
  for (const b of doc.blocks)
    if (b.kind === "list_item" && b.listId !== undefined && b.listLeadIn)
      byList.set(b.listId, [...(byList.get(b.listId) ?? []), b]);
  const out: ListFact[] = [];
  // Each sentence tidied once, not once per list.
  const tidied = new Map<Sentence, string>();
  const tidyOnce = (s: Sentence) => tidied.get(s) ?? tidied.set(s, tidy(s.text)).get(s)!;
  for (const blocks of byList.values()) {
    const ownLeadIn = tidy(blocks[0]!.listLeadIn!);
    const members = blocks.map((b) => member(b.text));
    const leadSentence = doc.sentences.filter((s) => s.end <= blocks[0]!.start && tidyOnce(s) === ownLeadIn).pop();
    // A lead-in that refers back to a plural ("Five of them are …") reads with the sentence before it, when that one
    // counts a plural ("The Council has 15 members."); "it" could mean anything the document spoke of before.
    const context =
      UNNAMED.test(ownLeadIn) && !UNNAMED.test(ownLeadIn.replace(/\b(?:they|them|their)\b/gi, "")) && leadSentence
        ? contextOf(doc, leadSentence)
        : undefined;
    const leadIn = context ? `${tidy(context.text)} ${ownLeadIn}` : ownLeadIn;
    // A member that is a paragraph of its own (two sentences, or a long one) is no list member to recall.
    if (members.length < 2 || members.length > 8 || (UNNAMED.test(ownLeadIn) && !context)) continue;
    if (members.some((m) => !m || m.split(/\s+/).length > 25 || /[.!?]\s+[A-Z]/.test(m))) continue;
    const pairs = members.map((m) => PAIR.exec(m)).filter((m): m is RegExpExecArray => m !== null);
    // "Queen: lays …" members are pairs, whole; other long members are names with descriptions.
    const shown = pairs.length === members.length ? members : headsOf(members);
    // An exact slice of the document, lead-in (and its context) to last member, as every fact's source is.
    const start = context?.start ?? leadSentence?.start ?? blocks[0]!.start;
    const end = blocks[blocks.length - 1]!.end;
    const source = { text: doc.text.slice(start, end), start, end };
    const fact: ListFact = {
      type: "list",
      key: `list:${hash(members.join("|"))}`,
      gapped: `${leadIn.replace(/:$/, "")}: ${GAP}`,
      answer: shown.join("; "),
      members: shown,
      source,
    };
    const count = countOf(ownLeadIn.replace(/:$/, ""), members.length);
    if (count) fact.count = count;
    if (blocks[0]!.listOrdered && ORDERED_LEAD.test(leadIn)) fact.sequence = true;
    if (context) fact.context = true;
    if (pairs.length === members.length) fact.pairs = pairs.map((m): MatchPair => ({ left: m[1]!, right: m[2]! }));
    // "Name, description" members: what each one is or does is a fact of its own (extract-described.ts).
    const described =
      fact.pairs || context
        ? []
        : describedMembers(
            members,
            ownLeadIn,
            blocks.map((b) => joinSources([leadSentence && sourceOf(leadSentence), sourceOf(b)])),
          );
    if (described.length > 0) fact.described = described;
    out.push(fact);
  }
  return out;
}

// Tags a member of a noun-phrase list may hold; "of" only inside a name ("the International Court of Justice").
const NP = new Set(["DET", "ADJ", "NOUN", "PROPN", "NUM", "PART"]);
const POSSESSIVE = /^(?:its|their|his|her|our|own)$/i;
const WH = /^(?:which|what|whose|whatever|whichever)$/i;

/** A word of a member: a noun-phrase word, a hyphen inside a word, "of" or "and" inside a name ("Court of Justice",
 * "Economic and Social Council"). */
function inPhrase(tokens: readonly PosToken[], k: number): boolean {
  const t = tokens[k];
  if (!t || WH.test(t.text)) return false;
  const prev = tokens[k - 1];
  const next = tokens[k + 1];
  if (NP.has(t.pos) || POSSESSIVE.test(t.text)) return true;
  // A hyphenated word ("record-breaking") is one word whatever its parts are tagged.
  if (t.text === "-" || (prev?.text === "-" && prev.end === t.start)) return true;
  const capital = (x: PosToken | undefined) => !!x && /^[A-Z]/.test(x.text);
  if (t.text === "of") return capital(next);
  return t.text === "and" && capital(prev) && capital(next) && prev!.pos !== "DET" && next!.pos !== "DET";
}

const endsPhrase = (t: PosToken) => t.pos === "NOUN" || t.pos === "PROPN" || (t.pos === "ADJ" && /^[A-Z]/.test(t.text));

/**
 * Lists of three or more noun phrases in one sentence: "A, B and C" / "A, B, and C", each member a noun phrase
 * ending in a noun or a name, none a number alone (a list of values is the numbers' business). The first member
 * stops at a preposition ("the maintenance of peace, security and order" lists peace, security and order).
 */
function sentenceLists(s: Sentence, block: Block | undefined, context?: Sentence): ListFact[] {
  const text = tidy(s.text);
  // A bullet that is a bare name, not a sentence, is one member of its block's list.
  if (block?.kind === "list_item" && !/[.!?]$/.test(text)) return [];
  // Three members need a comma before a coordinator: other sentences are not tagged (tagging costs).
  if (!/,[^.;]*\b(?:and|or)\b/.test(text)) return [];
  const typed = typeList(s, text);
  if (typed) return [typed];
  const tokens = posTokens(text);
  const out: ListFact[] = [];
  let insideNames: number[] | undefined;
  const namePunctuation = () =>
    (insideNames ??= findOrganisations(text).flatMap((n) =>
      [...n.name.matchAll(/,|(?<=\s)(?:and|&)(?=\s)/g)].map((m) => n.start + m.index),
    ));
  for (let i = 0; i < tokens.length; i++) {
    const and = tokens[i]!;
    if (and.pos !== "CCONJ" || !/^(?:and|or)$/.test(and.text)) continue;
    // The last member: noun-phrase words after the coordinator, ending in a noun or a name.
    let j = i + 1;
    while (inPhrase(tokens, j)) j++;
    let last = j - 1;
    while (last > i && !endsPhrase(tokens[last]!)) last--;
    if (last <= i) continue;
    // Earlier members, each between commas (an Oxford comma before the coordinator is allowed).
    const starts: number[] = [i + 1];
    let k = tokens[i - 1]?.text === "," ? i - 2 : i - 1;
    let ok = true;
    for (;;) {
      const end = k;
      while (k >= 0 && inPhrase(tokens, k)) k--;
      if (k === end || !endsPhrase(tokens[end]!)) {
        ok = starts.length >= 3;
        break;
      }
      starts.unshift(k + 1);
      if (tokens[k]?.text !== ",") break;
      k--;
    }
    if (!ok || starts.length < 3) continue;
    // A determiner or pronoun right after the last member: a verb was read as a noun ("temperature limit the rate").
    if (["DET", "PRON"].includes(tokens[last + 1]?.pos ?? "")) continue;
    // "…, and training and education": a second coordinator leaves the last member's end unknown.
    if (tokens[last + 1]?.pos === "CCONJ") continue;
    // "In Melbourne, the ATLAS and CMS …": a fronted phrase is no member.
    const firstComma = tokens.findIndex((t) => t.text === ",");
    if (tokens[0]?.pos === "ADP" && firstComma > starts[0]! && firstComma < i) continue;
    const first = tokens[starts[0]!]!;
    const spanStart = first.start;
    const spanEnd = tokens[last]!.end;
    // Another comma-separated phrase after the last member means the coordinator sits inside a member ("the
    // Economic and Social Council, the Trusteeship Council and …").
    if (/^,\s+(?:the\s+)?[\w'’-]+(?:\s[\w'’-]+){0,4}\s*(?:,|\band\b)/.test(text.slice(spanEnd))) continue;
    // "the Ministry of Education, Culture and Science": a comma or "and" inside one name separates no members.
    const separators = starts.slice(1).map((at) => tokens[at - 1]!.start);
    if (separators.some((at) => namePunctuation().includes(at))) continue;
    let members = starts.map((at, n) =>
      text
        .slice(tokens[at]!.start, n + 1 < starts.length ? tokens[starts[n + 1]! - 1]!.start : spanEnd)
        .replace(/[\s,]+(?:and|or)?\s*$/, "")
        .trim(),
    );
    let before = text.slice(0, spanStart);
    let answerStart = spanStart;
    // "three main branches, the Chilia, the Sulina and …": the first member counts the others.
    const counted = new RegExp(`^(?:${COUNT_WORDS.join("|")}|\\d+)\\b`, "i").exec(members[0]!);
    if (counted && countOf(members[0]!, members.length - 1) && members.length >= 3) {
      before = `${before}${members[0]}, `;
      answerStart = tokens[starts[1]!]!.start;
      members = members.slice(1);
    }
    if (members.length < 2 || members.length > 8) continue;
    // "First, flour, water, yeast and salt are mixed": a step's marker is no member, and the list is misread.
    if (/^(?:First|Firstly|Second|Secondly|Third|Thirdly|Next|Then|Finally|Lastly)$/.test(members[0]!)) continue;
    // "the ATLAS and CMS experiments", "the Women, Peace and Security agenda": the last member's head noun is shared by
    // the names before it, so the coordinator joins modifiers, not members.
    const onlyNames = (m: string) => /^(?:the\s+)?(?:[A-Z][\w'’-]*\s?)+$/.test(m);
    const namedHead = (m: string) => /^(?:the\s+)?(?:[A-Z][\w'’-]*\s)+\p{Ll}[\p{L}-]*$/u.test(m);
    if (namedHead(members[members.length - 1]!) && onlyNames(members[members.length - 2]!)) continue;
    if (members.some((m) => m.split(/\s+/).length > 6 || /^\d[\d,.]*$/.test(m))) continue;
    if (!oneType(members)) continue;
    // The words before the blank must say what is listed: "The most important include _____" does not, unless the
    // sentence before it does ("More than 300 tributaries feed the Danube."), which the item then quotes too.
    const named = (t: string) => posTokens(t).some((x) => x.pos === "NOUN" || x.pos === "PROPN");
    const lead = named(before) ? undefined : context && named(context.text) ? context : null;
    if (lead === null) continue;
    const fact: ListFact = {
      type: "list",
      key: `list:${hash(members.join("|"))}`,
      gapped: `${lead ? `${tidy(lead.text)} ` : ""}${text.slice(0, answerStart)}${GAP}${text.slice(spanEnd)}`,
      answer: text.slice(answerStart, spanEnd),
      members,
      source: joinSources([lead ? sourceOf(lead) : undefined, sourceOf(s)]),
    };
    const count = countOf(before.replace(/[\s:,]+$/, ""), members.length);
    if (counted) fact.count = counted[0];
    else if (count && new RegExp(`\\b${count}(?:\\s[\\w-]+){1,4}\\s*[:,]?\\s*$`, "i").test(before)) fact.count = count;
    out.push(fact);
    i = last;
  }
  return out;
}

/**
 * Members of one type: names among names, common noun phrases among common noun phrases. A common noun phrase among
 * names is an appositive on the name before it ("Markus Rex, the expedition leader, Anja Sommerfeld and …", "Vienna,
 * the capital of Austria, Budapest and Belgrade"): the sentence lists fewer things than its commas say (decision 048).
 * @example oneType(['Vienna', 'the capital of Austria', 'Budapest', 'Belgrade']) // false
 * @example oneType(['the Chilia', 'the Sulina', 'the St George']) // true
 */
export function oneType(members: readonly string[]): boolean {
  const name = (m: string) => /^(?:the\s+)?\p{Lu}/u.test(m);
  const names = members.filter(name).length;
  return names < 2 || names === members.length;
}

/** "There are three types of muscle tissue: skeletal, cardiac and smooth": a kind named before a colon. */
const TYPE_LEAD = /^(.*\b(?:types|kinds|forms|classes|categories|sorts)\s+of\s+[^:;,]{2,60}):\s+(.+?)\.?$/i;

/**
 * A list of the types of something that a sentence names after a colon ("There are three main types of
 * unemployment: frictional, structural and cyclical."): one fact, asked whole. The members may be bare adjectives,
 * which the noun-phrase reading (`sentenceLists`) does not take; each must be a short phrase without a verb.
 */
function typeList(s: Sentence, text: string): ListFact | undefined {
  const m = TYPE_LEAD.exec(text);
  if (!m || UNNAMED.test(m[1]!)) return undefined;
  const list = m[2]!;
  const members = list
    .split(/,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+/)
    .map((x) => x.trim())
    .filter(Boolean);
  if (members.length < 2 || members.length > 8) return undefined;
  const wordsOk = (x: string) => /^[\p{L}][\p{L}'’ -]*$/u.test(x) && x.split(/\s+/).length <= 4;
  if (!members.every(wordsOk)) return undefined;
  if (posTokens(list).some((t) => t.pos === "VERB" || t.pos === "AUX" || t.pos === "PRON")) return undefined;
  const lead = m[1]!;
  const count = countOf(lead, members.length);
  const fact: ListFact = {
    type: "list",
    key: `list:${hash(members.join("|"))}`,
    gapped: `${lead}: ${GAP}`,
    answer: list,
    members,
    source: sourceOf(s),
  };
  if (count) fact.count = count;
  return fact;
}
