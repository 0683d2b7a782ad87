/**
 * Shapes of an item that a teacher rejects at sight and a program can see (issue 13, third round; decision 024).
 * Each check reads only the item and, where it needs them, the document's title and text and the library's texts,
 * so it serves twice: as a gate in `selectItems` (a doubtful item is dropped, not served) and as a detector in
 * defects.ts (content:quality counts what the generator still lets through when the gate is bypassed).
 *
 * - unsafe-question: a transformed question whose wink-nlp tag sequence is not a known-safe shape: a number, comma or
 *   verb inside the counted phrase ("How many cm tall, 75.7 cm wide and 28.4 cm is the stone?", "How many
 *   low-floor trams built does …"), a pronoun right after the subject ("does the stone it weigh"), a participle
 *   stranded at the end after a second verb ("When was the idea championed … in a paper published?").
 * - dangling-pronoun: a quoted statement (true/false, cloze) with he/she/they/it that nothing in it names
 *   ("On 27 September 1821 he announced …", "As they move, protons …", "Three pieces of evidence support it."):
 *   references.ts `strandedPronoun`, beside the other checks of what a prompt leaves to an earlier sentence.
 * - topic-blank: the document's own topic as the answer ("The _____ is in Room 4" → the title's subject).
 * - cut-option: an option that every text of the library continues with another capitalised word ("James Webb
 *   Space" of "James Webb Space Telescope").
 * - blank-runs-on: a blank whose span runs into a comparative ("an _____ than 1.5 billion" → "ancestral cell
 *   more"), cuts a name ("the _____ in Physiology or Medicine" → "Nobel Prize"), or is the common-noun title of the
 *   name right after it ("the _____ Škoda Transportation" → "Czech manufacturer").
 *
 * Round 2 (shapes an outside reading found on untuned documents):
 * - unsafe-question also refuses "When was X a/an N …?" (the date belongs to the predicate: "When was the Act a
 *   law in the north in the spring, when …?"), a counted phrase that runs into "and" + more predicate ("How many
 *   members and usually has the council?"), a verb lost after "also"/"usually" ("does the agency also Warning
 *   Centre (FWC), which operate?") and a verb stranded after a relative clause.
 * - markup-left: Markdown emphasis (`**`, `__`, `*x*`, `_x_`) in a prompt, an option or the answer.
 * - list-member: a date or number answer that is one member of a coordinated list of values ("When did floods hit
 *   the valley, 1967, 1993 and 2011?" → 1951): a list becomes one item or none.
 * - absurd-variant: a true/false statement no reader needs the document to judge ("35 hours a day", "from 1990 to
 *   1985"): a false variant out of its unit's bounds or a range turned backwards.
 * - modifier-blank: a blank holding only the modifier of the noun right after it ("_____ birds migrate at night"
 *   → "Night-flying").
 */
import { GAP } from "./gap";
import { RANKS } from "./lexicon";
import { posTokens, type PosToken } from "./pos";
import { strandedPronoun } from "./references";
import { promptBody } from "./well-formed";
import { fold } from "./text";
import { PROMPT_CONTEXT_CHECKS, promptContextShapes } from "./prompt-context-shapes";
import type { GeneratedItem } from "./types";

export const SHAPE_CHECKS = [
  "unsafe-question",
  "dangling-pronoun",
  "topic-blank",
  "cut-option",
  "blank-runs-on",
  "markup-left",
  "list-member",
  "modifier-blank",
  "absurd-variant",
  // Round 3 (prompt-context-shapes.ts): bullet labels, a dangling "there", datelines, answers given away, quoted blanks,
  // options in another unit.
  ...PROMPT_CONTEXT_CHECKS,
] as const;
export type ShapeCheck = (typeof SHAPE_CHECKS)[number];

export interface ShapeDefect {
  check: ShapeCheck;
  message: string;
}

export interface ShapeContext {
  /** The document's title (front matter or first heading). */
  title?: string;
  /** Texts of every document of the library, this one included. */
  knownTexts?: readonly string[];
  /** The whole document (offsets of `item.source` index it), for the detectors the generator runs as its last gate. */
  documentText?: string;
}

const COMBINED = new Set(["matching", "ordering"]);
const QUESTION_LEAD =
  /^(?:About |Roughly |Approximately |More than |Fewer than )?(?:When|Where|Who|Whom|What|Which|Why|How)\b/i;
const COUNT_LEAD = /^(?:About |Roughly |Approximately )?How (?:many|much)\b/i;
const SUBJECT_PRONOUN = /^(?:he|she|it|they|we)$/i;
const PRE_VERB_ADVERB = /^(?:also|usually|often|still|never|always|already|only|mostly|rarely|sometimes)$/i;
const RELATIVE = /^(?:which|who|whom|whose|where)$/i;
/** A verb that is not the capitalised head of a name ("the Harbour Act" tags "Act" as a verb). */
const isVerbNotName = (t: { text: string; pos: string }) => t.pos === "VERB" && !/^[A-Z]/.test(t.text);
/** Names that go on with "in/for <field>" ("Nobel Prize in Chemistry") or with "of <Name>" ("University of Oxford"). */
const PRIZE = /\b(?:Prize|Award|Medal)$/;
const NAME_HEADS =
  /\b(?:Prize|Award|Medal|University|Ministry|Bank|Museum|Department|Institute|Order|College|School|Academy|Society|Council|Court|Commission|Office|Agency|Church|Cathedral|Republic|Kingdom|Duke|Earl|Bishop)$/;

/**
 * A transformed question whose tag sequence is not a known-safe shape (see the module comment), as reasons.
 *
 * @example
 * unsafeQuestion('About how many kg does the stone it weigh?') // ['pronoun "it" right after the subject']
 */
function unsafeQuestion(prompt: string): string[] {
  const { body, quoting } = promptBody(prompt);
  if (quoting || !QUESTION_LEAD.test(body)) return [];
  const tags = posTokens(body);
  const reasons: string[] = [];
  // "How many eggs a day does Queen: lay?": a "Label: value" line turned into a question keeps the label's colon.
  // ("Which term means: …?" is a template whose colon introduces the definition.)
  if (/\p{L}: \p{L}/u.test(body.replace(/^Which term means: /, "")))
    reasons.push("a label's colon inside the question");
  const aux = tags.findIndex((t, i) => i > 0 && t.pos === "AUX");
  if (COUNT_LEAD.test(body) && aux > 0) {
    const lead = tags.findIndex((t) => /^(?:many|much)$/i.test(t.text));
    const counted = tags.slice(lead + 1, aux);
    // "trainers, advisors and supporting personnel" is one noun phrase; "cm tall, 75.7 cm wide" is a second fact.
    const conj = counted.findIndex((t) => t.pos === "CCONJ");
    if (counted.some((t) => t.pos === "NUM")) reasons.push("a number inside the counted phrase");
    // "How many members and usually has the council?": the count swallowed the start of a second predicate.
    else if (conj >= 0 && (conj === counted.length - 1 || /^(?:ADV|AUX|PART)$/.test(counted[conj + 1]!.pos)))
      reasons.push(`"${counted[conj]!.text}" + more predicate inside the counted phrase`);
    else if (counted.some((t, i) => i > 0 && t.pos === "VERB" && /(?:ed|en|wn|lt)$/.test(t.text)))
      reasons.push("a verb inside the counted phrase");
  }
  if (aux > 0) {
    const after = tags.slice(aux + 1);
    const stray = after.findIndex(
      (t, i) => i > 0 && SUBJECT_PRONOUN.test(t.text) && /^(?:NOUN|PROPN)$/.test(after[i - 1]!.pos),
    );
    if (stray > 0) reasons.push(`pronoun "${after[stray]!.text}" right after the subject`);
    // "… championed by X in a paper published?": the last verb belongs to a reduced clause, not to the question.
    const words = after.filter((t) => t.pos !== "PUNCT");
    const last = words[words.length - 1];
    const beforeLast = words[words.length - 2];
    const verbs = words.filter(
      (t, i) => t.pos === "VERB" && !/ing$/.test(t.text) && words[i - 1]?.text.toLowerCase() !== "to",
    );
    if (
      last &&
      beforeLast &&
      last.pos === "VERB" &&
      /(?:ed|en|wn)$/.test(last.text) &&
      /^(?:NOUN|PROPN)$/.test(beforeLast.pos) &&
      verbs.length > 1
    )
      reasons.push(`participle "${last.text}" stranded at the end`);
    // "… does the agency also Warning Centre (FWC), which operate?": the adverb's verb went missing.
    const adverb = after.findIndex((t, i) => i > 0 && PRE_VERB_ADVERB.test(t.text) && t.pos === "ADV");
    if (adverb > 0 && !/^(?:VERB|AUX|ADV|PART)$/.test(after[adverb + 1]?.pos ?? "VERB"))
      reasons.push(`no verb after "${after[adverb]!.text}"`);
    // "…, which operate?": the question's verb moved past a relative clause.
    const relative = after.findIndex((t, i) => RELATIVE.test(t.text) && after[i - 1]?.text === ",");
    if (relative > 0 && last?.pos === "VERB" && after.slice(relative + 1).every((t) => t.pos !== "AUX"))
      reasons.push("the question's verb crosses a relative clause");
  }
  // "When was the Harbour Act a law in … in the spring, …?": "X was a/an N in <date>" dates the predicate.
  if (/^When (?:was|were|is|are)\b/i.test(body) && aux > 0) {
    const after = tags.slice(aux + 1);
    const article = after.findIndex((t, i) => i > 0 && /^(?:a|an)$/i.test(t.text));
    const subject = article > 0 ? after.slice(0, article) : [];
    if (article > 0 && subject.some((t) => /^(?:NOUN|PROPN)$/.test(t.pos)) && !subject.some(isVerbNotName))
      reasons.push("a copular sentence's date asked as the subject's date");
  }
  return reasons;
}

/** The subject a title names: "The Rosetta Stone – Collection highlight" → "rosetta stone". */
export function titleTopic(title: string | undefined): string {
  const main = (title ?? "").split(/\s+[–—|:-]\s+|:\s|,\s|\s\(/)[0] ?? "";
  return fold(main).replace(/^(?:the|a|an) /, "");
}

/**
 * The document's own topic as an answer: everything in the document is about it, so the item tests nothing.
 * An acronym's expansion ("What does JWST stand for?") is a fact of its own and stays.
 *
 * @example
 * topicBlank(item({ prompt: 'Fill in the blank: The _____ is in Room 4.', answer: 'Rosetta Stone' }), { title: 'The Rosetta Stone' })
 */
function topicBlank(item: GeneratedItem, context: ShapeContext): string[] {
  if (COMBINED.has(item.kind) || item.kind === "true_false" || item.kind === "flashcard") return [];
  if (item.members || /\bstand for\?$|\babbreviation\b/.test(item.prompt)) return [];
  // "_____ is the process by which …": recalling the topic from its definition is worth learning.
  const { body } = promptBody(item.prompt);
  if (/^(?:What|Who) (?:is|was|are|were) (?:a|an|the)\b/.test(body)) return [];
  if (new RegExp(`^(?:The )?${GAP}(?: \\([^)]*\\))? (?:is|was|are|were) (?:a|an|the|one)\\b`).test(body)) return [];
  const topic = titleTopic(context.title);
  if (!topic) return [];
  return fold(item.answer).replace(/^(?:the|a|an) /, "") === topic ? ["the answer is the document's own topic"] : [];
}

const continuations = new WeakMap<readonly string[], Map<string, string>>();

/**
 * Options that are a cut name: wherever the library writes them, another capitalised word of the name follows.
 *
 * @example
 * cutOptions(item({ options: ['James Webb Space', …] }), { knownTexts: ['… the James Webb Space Telescope …'] })
 */
function cutOptions(item: GeneratedItem, context: ShapeContext): string[] {
  if (item.kind !== "multiple_choice" || !context.knownTexts) return [];
  const out: string[] = [];
  // One scan of the library per option text: a long document offers the same names in many items.
  let cache = continuations.get(context.knownTexts);
  if (!cache) continuations.set(context.knownTexts, (cache = new Map()));
  for (const option of item.options ?? []) {
    const known = cache.get(option);
    if (known !== undefined) {
      if (known) out.push(known);
      continue;
    }
    const before = out.length;
    if (!/^[A-Z]\S*(?: \S+)+$/.test(option) || /\d/.test(option)) continue;
    const escaped = option.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const at = new RegExp(`(?<![\\p{L}])${escaped}(?![\\p{L}])( ?)(\\S*)`, "gu");
    // A rank or title ("Major General") is followed by a name and is still whole.
    if (RANKS.includes(option)) continue;
    let seen = 0;
    const next = new Set<string>();
    for (const text of context.knownTexts) {
      for (const m of text.matchAll(at)) {
        seen += 1;
        next.add(m[1] === " " && /^[A-Z][\p{Ll}]/u.test(m[2] ?? "") ? m[2]!.replace(/[^\p{L}]+$/u, "") : "");
      }
    }
    // Cut when every occurrence goes on with the same capitalised word ("… Space" + "Telescope").
    if (seen > 0 && next.size === 1 && !next.has(""))
      out.push(`option "${option}" is always followed by "${[...next][0]}"`);
    cache.set(option, out.length > before ? out[out.length - 1]! : "");
  }
  return out;
}

/**
 * A blank whose span runs into the words around it: a comparative cut at "than", a name that goes on after the
 * blank, or a common-noun title of the name right after the blank.
 *
 * @example
 * blankRunsOn(item({ prompt: 'Fill in the blank: … engulfed by an _____ than 1.5 billion years ago.', answer: 'ancestral cell more' }))
 */
function blankRunsOn(item: GeneratedItem): string[] {
  const { body, quoting } = promptBody(item.prompt);
  // "Who was X? → a strict vegetarian and found it hard to …": a definition that runs into a second predicate.
  if (!quoting && /^(?:What|Who) (?:is|was|are|were) /.test(body) && item.answerType === "text") {
    const tags = posTokens(item.answer);
    if (tags.some((t, i) => t.pos === "CCONJ" && tags[i + 1]?.pos === "VERB"))
      return ["the answer runs into a second predicate"];
  }
  const gap = new RegExp(GAP).exec(body);
  if (!quoting || !gap || item.answerType === "number" || item.answerType === "date") return [];
  const after = body.slice(gap.index + gap[0].length);
  const answer = item.answer.trim();
  // "the Arabic _____', …": a word or name goes on right after the blank (its last letter or apostrophe left out).
  // A possessive stays ("_____'s headquarters", "the _____' homes").
  const possessive = /^['’]s\b/.test(after) || (/^['’](?:\s|$)/.test(after) && /s$/.test(answer));
  if (/^[\p{L}\d'’]/u.test(after) && !possessive) return ["the blank cuts a word"];
  if (/^ than\b/.test(after) || /\b(?:more|less|fewer|rather|other)$/i.test(answer))
    return ["the blank runs into a comparative"];
  const titleCase = /^(?:[A-Z][\p{L}'’.-]*)(?: (?:of|de|la|du|the|and|[A-Z][\p{L}'’.-]*))*$/u.test(answer);
  if (titleCase) {
    if (/^ (?:in|for|of) (?:the )?[A-Z][\p{L}]+ (?:or|and) [A-Z]/u.test(after))
      return ["the name goes on after the blank"];
    if (PRIZE.test(answer) && /^ (?:in|for) (?:the )?[A-Z]/.test(after)) return ["the name goes on after the blank"];
    if (NAME_HEADS.test(answer) && /^ of (?:the )?[A-Z]/.test(after)) return ["the name goes on after the blank"];
  }
  if (/^ \p{Lu}\p{Ll}/u.test(after) && /(?:^| )[a-z][\p{L}-]*$/u.test(answer) && !/^ (?:I|I'm)\b/.test(after))
    return ["the blank holds the title of the name after it"];
  return [];
}

/** Markdown emphasis: `**x**`, `__x__`, `*x*`, `_x_` (the blank `_____` is not emphasis, but may sit inside it). */
const EMPHASIS = new RegExp(
  `(\\*\\*|__)(?=[^\\s*_]|${GAP})((?:[^*_]|${GAP})+?)(?<=[^\\s*_]|${GAP})\\1|(?<![\\p{L}\\d*_])([*_])(?=[^\\s*_]|${GAP})((?:[^*_]|${GAP})+?)(?<=[^\\s*_]|${GAP})\\3(?![\\p{L}\\d*_])`,
  "gu",
);

/**
 * The text without Markdown emphasis markers. Italics that start with a capital are a work's title ("the waltz *On
 * the Beautiful Blue Danube*") and keep their bounds as quotation marks; bold and other italics become plain text.
 *
 * @example
 * plainText('When was the **Harbour Act** passed?') // 'When was the Harbour Act passed?'
 */
export function plainText(text: string): string {
  return text.replace(EMPHASIS, (_m, _d, bold: string | undefined, _s, italic: string | undefined) =>
    bold !== undefined
      ? bold
      : /^\p{Lu}/u.test(italic ?? "") && /\s/.test(italic ?? "")
        ? `“${italic}”`
        : (italic ?? ""),
  );
}

/** The item with Markdown emphasis taken out of its prompt, answer, accepted answers and options. */
export function withoutMarkup(item: GeneratedItem): GeneratedItem {
  const fields = [item.prompt, item.answer, ...item.accepted, ...(item.options ?? []), ...(item.members ?? [])];
  if (!fields.some((f) => /[*_]/.test(f))) return item;
  return {
    ...item,
    prompt: plainText(item.prompt),
    answer: plainText(item.answer),
    accepted: item.accepted.map(plainText),
    options: item.options ? item.options.map(plainText) : item.options,
    ...(item.members ? { members: item.members.map(plainText) } : {}),
    ...(item.sequence ? { sequence: item.sequence.map(plainText) } : {}),
  };
}

/**
 * Markdown emphasis that reached what a learner reads.
 *
 * @example
 * markupLeft(item({ prompt: 'When was the **Harbour Act** passed?' })) // ['emphasis markup in the prompt']
 */
function markupLeft(item: GeneratedItem): string[] {
  const out: string[] = [];
  const fields: [string, string[]][] = [
    ["prompt", [item.prompt.split(GAP).join(" ")]],
    ["answer", [item.answer]],
    ["options", item.options ?? []],
  ];
  for (const [name, texts] of fields)
    if (texts.some((t) => /\*\*|__|(?<=\p{L})\*|\*(?=\p{L})/u.test(t) || plainText(t) !== t))
      out.push(`emphasis markup in the ${name}`);
  return out;
}

/** A value of a list: a number, a year, or the blank. */
const VALUE = `(?<![\\d.,])(?:\\d[\\d.,]*\\d|\\d|${GAP})(?:\\s?%)?`;
const VALUE_LIST = new RegExp(
  `${VALUE}(?:\\s*,\\s*${VALUE})+,?\\s+(?:and|or)\\s+${VALUE}|,\\s*${VALUE},?\\s+(?:and|or)\\s+${VALUE}\\b`,
);
// "between 1990 and _____" is a range, not a list.
const GAP_PAIR = new RegExp(
  `(?<!\\b(?:between|from)\\s)(?:${GAP}\\s+(?:and|or)\\s+${VALUE}|${VALUE}\\s+(?:and|or)\\s+${GAP})`,
);

/**
 * A date or number answer that is one member of a coordinated list of values: asking for one member of "1951,
 * 1967, 1993 and 2011" either garbles the question or tests a fraction of the fact.
 *
 * @example
 * listMember(item({ prompt: 'When did floods hit the valley, 1967, 1993 and 2011?', answer: '1951', answerType: 'date' }))
 */
function listMember(item: GeneratedItem): string[] {
  if (item.members || (item.answerType !== "date" && item.answerType !== "number")) return [];
  const { body } = promptBody(item.prompt);
  return VALUE_LIST.test(body) || GAP_PAIR.test(body) ? ["the answer is one member of a list of values"] : [];
}

/**
 * A blank that holds only the modifier of the noun right after it ("_____ birds migrate" → "Night-flying"): the
 * answer names no thing and any adjective would do.
 *
 * @example
 * modifierBlank(item({ prompt: 'Fill in the blank: _____ birds migrate at night.', answer: 'Night-flying' }))
 */
function modifierBlank(item: GeneratedItem): string[] {
  const { body } = promptBody(item.prompt);
  const gap = body.indexOf(GAP);
  const answer = item.answer.trim();
  const words = answer.split(/\s+/).length;
  if (gap < 0 || words > 2 || item.answerType === "number" || item.answerType === "date") return [];
  const after = body.slice(gap + GAP.length);
  if (!/^ \p{Ll}/u.test(after)) return [];
  // "NMI is a _____ mission" → "non-combat": after a copula the modifier is the claim itself.
  if (/\b(?:is|was|are|were|be|been|remains|became)(?: (?:a|an|the))?(?: \p{Ll}+ly)? $/iu.test(body.slice(0, gap)))
    return [];
  const filled = body.slice(0, gap) + answer + after;
  const tags = posTokens(filled);
  const at = tags.findIndex((t) => t.start >= gap);
  const end = tags.findIndex((t) => t.start >= gap + answer.length);
  if (at < 0 || end < 0) return [];
  const own = tags.slice(at, end);
  const next = tags[end]!;
  // A part of a hyphenated word ("reef-building") is a modifier whatever its parts are tagged.
  const hyphenPart = (t: PosToken) => t.text === "-" || filled[t.start - 1] === "-" || filled[t.end] === "-";
  const modifier =
    (words === 1 && /-/.test(answer)) ||
    own.every(
      (t) => t.pos === "ADJ" || (t.pos === "VERB" && /(?:ing|ed)$/.test(t.text)) || (words > 1 && hyphenPart(t)),
    );
  return modifier && next.pos === "NOUN" && !own.some((t) => t.pos === "PROPN" && !/-/.test(answer))
    ? [`the blank holds only the modifier of "${next.text}"`]
    : [];
}

/** Largest count a unit holds per period ("hours a day"): beyond it a statement is absurd. */
const PER_PERIOD: [RegExp, number][] = [
  [/^hours? (?:a|per|each) day$/i, 24],
  [/^days? (?:a|per|each) week$/i, 7],
  [/^months? (?:a|per|each) year$/i, 12],
  [/^minutes? (?:an|per|each) hour$/i, 60],
  [/^(?:per ?cent|%)/i, 100],
];

const value = (text: string) => Number(text.replace(/,/g, ""));

/**
 * A true/false statement a reader judges without the document: a count out of its unit's bounds ("operates 35 hours
 * a day", "120 per cent") or a range turned backwards ("from 1990 to 1985", "between 400 and 204 metres") — the
 * false variant of a number swapped in where it cannot stand.
 *
 * @example
 * absurdVariant(item({ kind: "true_false", answer: "False", prompt: "True or false: It runs 35 hours a day." })) // one reason
 */
export function absurdVariant(item: GeneratedItem): string[] {
  // A true statement is the source's own claim ("fell from 5,000 to 3,000"): only a false variant can be absurd.
  if (item.kind !== "true_false" || item.answer !== "False") return [];
  const { body } = promptBody(item.prompt);
  for (const m of body.matchAll(/(\d[\d,]*(?:\.\d+)?)\s*((?:per ?cent|%)|[a-z]+ (?:a|an|per|each) [a-z]+)/gi))
    for (const [unit, most] of PER_PERIOD) if (unit.test(m[2]!) && value(m[1]!) > most) return [`"${m[0]}" cannot be`];
  const range = /\b(?:from|between)\s+(\d[\d,]*(?:\.\d+)?)\s*(\p{L}*)\s+(?:to|and)\s+(\d[\d,]*(?:\.\d+)?)\b/iu.exec(
    body,
  );
  if (range && value(range[1]!) > value(range[3]!)) return [`the range "${range[0]}" runs backwards`];
  // "type 5 diabetes", "Rule 93": a number the source writes as part of a name (right after a noun: a label, not a
  // count) varied into a name that does not exist (decision 042).
  const source = item.source.text;
  const tags = posTokens(body);
  for (const [i, t] of tags.entries()) {
    if (t.pos !== "NUM" || !/^\d{1,3}$/.test(t.text) || new RegExp(`(?<![\\d,.])${t.text}(?![\\d,])`).test(source))
      continue;
    const prev = tags[i - 1];
    if (prev && (prev.pos === "NOUN" || prev.pos === "PROPN") && /^\p{L}+$/u.test(prev.text) && !MONTH.test(prev.text))
      return [`"${prev.text} ${t.text}" varies a number inside a name`];
  }
  return [];
}

const MONTH = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

/**
 * Every shape defect of one item.
 *
 * @example
 * shapeDefects(item, { title: doc.title, knownTexts: [text] }).map((d) => d.check)
 */
export function shapeDefects(item: GeneratedItem, context: ShapeContext = {}): ShapeDefect[] {
  if (COMBINED.has(item.kind)) return [];
  const out: ShapeDefect[] = [];
  const add = (check: ShapeCheck, reasons: string[]) => {
    for (const message of reasons) out.push({ check, message });
  };
  add("unsafe-question", unsafeQuestion(item.prompt));
  add("dangling-pronoun", strandedPronoun(item.prompt, item.answerType));
  add("topic-blank", topicBlank(item, context));
  add("cut-option", cutOptions(item, context));
  add("blank-runs-on", blankRunsOn(item));
  add("markup-left", markupLeft(item));
  add("list-member", listMember(item));
  add("modifier-blank", modifierBlank(item));
  add("absurd-variant", absurdVariant(item));
  for (const [check, reasons] of promptContextShapes(item, context.documentText)) add(check, reasons);
  return out;
}
