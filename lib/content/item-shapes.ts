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
 *   ("On 27 September 1821 he announced …", "As they move, protons …", "Three pieces of evidence support it.").
 * - topic-blank: the document's own topic as the answer ("The _____ is in Room 4" → the title's subject).
 * - cut-option: an option that every text of the library continues with another capitalised word ("James Webb
 *   Space" of "James Webb Space Telescope").
 * - blank-runs-on: a blank whose span runs into a comparative ("an _____ than 1.5 billion" → "ancestral cell
 *   more"), cuts a name ("the _____ in Physiology or Medicine" → "Nobel Prize"), or is the common-noun title of the
 *   name right after it ("the _____ Škoda Transportation" → "Czech manufacturer").
 */
import { GAP } from "./item-kit";
import { RANKS } from "./lexicon";
import { posTokens } from "./pos";
import { promptBody } from "./well-formed";
import type { GeneratedItem } from "./types";

export const SHAPE_CHECKS = [
  "unsafe-question",
  "dangling-pronoun",
  "topic-blank",
  "cut-option",
  "blank-runs-on",
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
const MONTH_OR_DAY =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;
const SUBJECT_PRONOUN = /^(?:he|she|it|they|we)$/i;
const PERSONAL = /^(?:he|she|him|his|her|hers)$/i;
const PLURAL = /^(?:they|them|their|theirs)$/i;
/** Names that go on with "in/for <field>" ("Nobel Prize in Chemistry") or with "of <Name>" ("University of Oxford"). */
const PRIZE = /\b(?:Prize|Award|Medal)$/;
const NAME_HEADS =
  /\b(?:Prize|Award|Medal|University|Ministry|Bank|Museum|Department|Institute|Order|College|School|Academy|Society|Council|Court|Commission|Office|Agency|Church|Cathedral|Republic|Kingdom|Duke|Earl|Bishop)$/;

/** Lower case, no accents, letters and digits only. */
const fold = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/**
 * A transformed question whose tag sequence is not a known-safe shape (see the module comment), as reasons.
 *
 * @example
 * unsafeQuestion('About how many kg does the stone it weigh?') // ['pronoun "it" right after the subject']
 */
export function unsafeQuestion(prompt: string): string[] {
  const { body, quoting } = promptBody(prompt);
  if (quoting || !QUESTION_LEAD.test(body)) return [];
  const tags = posTokens(body);
  const reasons: string[] = [];
  const aux = tags.findIndex((t, i) => i > 0 && t.pos === "AUX");
  if (COUNT_LEAD.test(body) && aux > 0) {
    const lead = tags.findIndex((t) => /^(?:many|much)$/i.test(t.text));
    const counted = tags.slice(lead + 1, aux);
    // "trainers, advisors and supporting personnel" is one noun phrase; "cm tall, 75.7 cm wide" is a second fact.
    if (counted.some((t) => t.pos === "NUM")) reasons.push("a number inside the counted phrase");
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
  }
  return reasons;
}

/**
 * He/she/they/it in a quoted statement that nothing before it in the statement names, as reasons.
 *
 * @example
 * danglingPronoun('True or false: On 27 September 1821 he announced his results.') // ['"he" names nobody here']
 */
export function danglingPronoun(prompt: string, answerType?: string): string[] {
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
    if (PERSONAL.test(t.text) && !nameBefore && !blankName && !forward)
      return [`"${t.text}" names nobody in the statement`];
    if (PLURAL.test(t.text) && !nounBefore) return [`"${t.text}" names nothing in the statement`];
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
export function topicBlank(item: GeneratedItem, context: ShapeContext): string[] {
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
export function cutOptions(item: GeneratedItem, context: ShapeContext): string[] {
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
export function blankRunsOn(item: GeneratedItem): string[] {
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
  add("dangling-pronoun", danglingPronoun(item.prompt, item.answerType));
  add("topic-blank", topicBlank(item, context));
  add("cut-option", cutOptions(item, context));
  add("blank-runs-on", blankRunsOn(item));
  return out;
}
