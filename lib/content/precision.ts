/**
 * Precision before coverage: every candidate item is checked, scored and rationed before it is emitted.
 * - A failed check (unsupported answer, garbled prompt, broken answer span, bad options) drops the item.
 * - A low score keeps the item only for the instructor's review (`review` says why); it is never served unless kept.
 * - Each fact gets one item, the best-scoring one (at most one recognition item, multiple choice or true/false, and
 *   one recall item, cloze, typed or flashcard, when the caller allows two): more items on one fact teach nothing new
 *   (Heilman & Smith 2010: overgenerate, then rank and keep the best).
 */
import { answerIdentity, sameAnswer } from "./answer-identity";
import { COUNTRIES, INSTITUTION_HEADS, MONTH_NAMES } from "./lexicon";
import { normaliseText } from "./normalise";
import { numberInAnswer } from "./numbers";
import { parseDateAnswer } from "./parse-answer";
import { supported } from "./quality-checks";
import { tidy } from "./text";
import { analyse } from "./tokens";
import { YEAR_WORD } from "./dates";
import { GAP } from "./gap";
import { factCandidates, gateDefects, peopleIn } from "./defects";
import { itemReferences, loneDefinite, pluralNoun, vagueNoun } from "./references";
import { findPeople, isRoleNoun } from "./extract-people";
import { posTokens } from "./pos";
import { informativeDefects } from "./informative";
import { capAcronymDrills, drilledAcronym } from "./acronym-share";
import { standsFor } from "./acronyms";
import { generalWord, shortWord } from "./blank-worth";
import { shapeDefects, type ShapeContext } from "./item-shapes";
import { reviewShapes } from "./prompt-context-shapes";
import { answerDefects, isFragment, spanCut, looksLikeLostPassive, promptBody, promptDefects } from "./well-formed";
import type { AnswerType, GeneratedItem, ItemKind } from "./types";

/** Items scoring below this are kept only for review. */
export const REVIEW_BELOW = 0.6;
/** What one doubtful sign costs: enough on its own to put an item below the review line (decision 035). */
const DOUBT = 0.45;

export interface Assessment {
  /** Reasons to drop the item; empty when it passes every check. */
  defects: string[];
  /** 0 … 1; see `assessItem`. */
  quality: number;
  /** What lowered the score, for the instructor reviewing a low-scoring item. */
  concerns: string[];
}

const COMBINED: ReadonlySet<ItemKind> = new Set(["matching", "ordering"]);

/** A lower-case word (not a particle: "van", "de", "bin", "of") before the two capitalised words ending an answer. */
const DESCRIBED_NAME =
  /(?:^|\s)(?!(?:de|van|von|der|den|da|di|du|del|dos|das|bin|ibn|al|la|le|y|ter|ten|of|and|for|the|on|in|at|to|or)\s)\p{Ll}{3,}\s\p{Lu}[\p{L}'’-]+\s\p{Lu}[\p{L}'’-]+$/u;

/** A name of two or more capitalised words ("Global Action Plan"), which a blank may cut like any name. */
const capitalisedName = (answer: string) =>
  /^\p{Lu}[\p{L}'’-]*(?: (?:of|and|for|the|on|de|\p{Lu}[\p{L}'’-]*))* \p{Lu}[\p{L}'’-]*$/u.test(answer.trim());

/**
 * A blank any reader fills without the document (shape J of report-corpus2): the number of a fixed term ("type
 * _____ diabetes", "stage _____ cancer"). (The country after its city, "Strasbourg, _____", is not dropped: "Mons,
 * _____" was judged sound, and how well known a city is needs a list; prompt-context-shapes.ts sends it to review.)
 *
 * @example
 * obviousFill({ ...item, prompt: 'Fill in the blank: Most cases are type _____ diabetes.', answerType: 'number' }) // 'obvious fill: …'
 */
export function obviousFill(item: GeneratedItem): string | undefined {
  const { body } = promptBody(item.prompt);
  if (!body.includes(GAP)) return undefined;
  if (
    item.answerType === "number" &&
    new RegExp(
      `\\b(?:type|stage|phase|grade|class) ${GAP} (?!(?:in|of|on|at|by|for|and|or|to|with|from|is|was|are|were)\\b)[a-z]`,
    ).test(body)
  )
    return "obvious fill: the number of a fixed term";
  return undefined;
}

/**
 * Checks and scores one candidate. The score starts at 1 and loses what Heilman & Smith's ranker found most tied to
 * unacceptable questions: length, pronouns and vague noun phrases left in, negation, a leading subordinate clause
 * in the source, long free-text answers, a blank on a common word.
 *
 * @example
 * assessItem({ ...item, prompt: 'When did although the treaty …?' }).defects // ['leading subordinator']
 */
export function assessItem(item: GeneratedItem, document: ShapeContext = {}): Assessment {
  const defects: string[] = [];
  // A doubtful shape (garbled question, dangling pronoun, the topic as answer, a cut name) is dropped, not ranked.
  defects.push(...shapeDefects(item, document).map((d) => `${d.check}: ${d.message}`));
  // Right and well formed but worthless (logistics, the topic as answer, a number the prompt gives away): decision 035.
  defects.push(...informativeDefects(item, document).map((d) => `${d.check}: ${d.message}`));
  const concerns: string[] = [];
  const prompt = normaliseText(item.prompt);
  const answer = normaliseText(item.answer);
  if (!answer) defects.push("empty answer");
  if (!COMBINED.has(item.kind) && item.kind !== "true_false" && item.kind !== "flashcard") {
    if (` ${prompt} `.includes(` ${answer} `)) defects.push("the prompt gives the answer away");
  }
  const obvious = obviousFill(item);
  if (obvious) defects.push(obvious);
  if (!COMBINED.has(item.kind) && item.answerType !== "boolean") defects.push(...answerDefects(item.answer));
  if (
    (["person", "place", "organisation"].includes(item.answerType) ||
      (capitalisedName(item.answer) && promptBody(item.prompt).body.includes(GAP))) &&
    !item.members &&
    // An acronym's expansion is checked by its letters (extract-names.ts), and may sit inside a longer name.
    !/^What does \S+ stand for\?$/.test(item.prompt) &&
    spanCut(item.source.text.split(" … ").pop()!, item.answer)
  )
    defects.push("answer is part of a longer name in its sentence");
  // "led by the _____ → Dutch shipbuilder Henrik Hybertsson": a person's blank that takes a description with the name.
  if (["person", "text"].includes(item.answerType) && !item.members && DESCRIBED_NAME.test(item.answer))
    defects.push("answer takes a description with the name");
  defects.push(...promptDefects(item.prompt, item.kind, { answer: item.answer, source: item.source.text }));
  // Captions and list debris read as fragments; the source sentence is tagged once for all its items.
  if (promptBody(item.prompt).quoting && isFragment(item.source.text))
    defects.push("source is a fragment (no finite verb)");
  if (!COMBINED.has(item.kind) && !item.members) defects.push(...captionDefects(item.source.text));
  if (!supported(item)) defects.push("answer not stated by the source");
  if (item.kind === "multiple_choice") defects.push(...optionDefects(item));
  if (item.pairs) for (const p of item.pairs) defects.push(...answerDefects(p.right).map((d) => `match: ${d}`));
  // Matching and ordering show rephrased clauses: each must read as a statement of its own.
  for (const clause of [...(item.pairs ?? []).map((p) => p.left), ...(item.sequence ?? [])])
    defects.push(...promptDefects(`True or false: ${clause}.`, "true_false").map((d) => `clause: ${d}`));

  let quality = 1;
  const lower = (by: number, why: string) => {
    quality -= by;
    concerns.push(why);
  };
  const { body, quoting } = promptBody(item.prompt);
  const source = item.source.text;
  if (!quoting && item.answerType === "date" && frontedDateAskedOfMain(body, source, item.answer))
    defects.push("the date was the fronted clause's");
  if (!COMBINED.has(item.kind) && isDatelineCaption(source)) lower(0.45, "source is a photo caption");
  // A question (not a quoted sentence) this long was built from a run-on sentence: Heilman & Smith's top signal.
  // Weights below were set against the judged set (decision 038): a sign seen as often on sound items as on bad ones
  // costs little, so that it does not send a sound item to review on its own or with one other small sign.
  if (!quoting && !COMBINED.has(item.kind) && body.length > 180) lower(0.3, "very long question");
  if (item.prompt.length > 260) lower(0.2, "very long prompt");
  // Neutral on the judged set, but between two kinds of one blank it prefers the shorter prompt.
  else if (item.prompt.length > 200) lower(0.1, "long prompt");
  const answerWords = item.answer.split(/\s+/).length;
  if ((item.kind === "typed" || item.kind === "cloze") && item.answerType === "text" && answerWords > 6)
    lower(0.5, "long free-text answer");
  if (item.kind === "cloze" && answerWords > 8) lower(0.4, "blank longer than eight words");
  // "the mission" in a question, unless the document is about one (references.ts `vagueNoun`).
  if (!quoting && !COMBINED.has(item.kind) && vagueNoun(body, document))
    lower(DOUBT, "vague noun phrase in the question");
  const dangling = quoting && !COMBINED.has(item.kind) ? unnamedPerson(fill(body, item), document.documentText) : null;
  if (dangling) lower(DOUBT, `"${dangling}" refers to nothing in the sentence`);
  else if (
    /\b(?:it|they|them|this|these|those|he|she|his|her|its|their)\b/.test(body.replace(/^[^,]*, /, "")) &&
    quoting
  )
    lower(0.1, "pronoun left in the quoted sentence");
  // Every reference only an earlier sentence explains (references.ts): a statement with one cannot be judged true,
  // anything else goes to review; once, when the pronoun check above has not already sent it there.
  const references = itemReferences(item, {
    documentText: document.documentText,
    start: document.documentText ? item.source.start : -1,
    title: document.title,
  });
  if (references.length && item.kind === "true_false")
    defects.push(`unresolved reference: "${references[0]!.phrase}" refers to what only an earlier sentence says`);
  if (references.length && item.kind !== "true_false" && !dangling)
    lower(DOUBT, `"${references[0]!.phrase}" refers to what only an earlier sentence says`);
  for (const why of doubts(item, body, quoting)) lower(DOUBT, why);
  for (const why of scopeDoubts(item, body, quoting, document.documentText, document.title)) lower(DOUBT, why);
  // A bare occupation as a person's card, the region after a place's name (prompt-context-shapes.ts, decision 045).
  for (const why of reviewShapes(item, document.title)) lower(DOUBT, why);
  // A blank on a common word (blank-worth.ts, decision 041): a short one, or an everyday one the document does not
  // define; one doubt however many readings find it.
  const common = [...shortWord(item), ...generalWord(item, document)];
  if (common.length) lower(DOUBT, common.join("; "));
  if (!quoting && /\b(?:not|never|no longer|neither|nor)\b/i.test(source) && !COMBINED.has(item.kind))
    lower(0.15, "source sentence has a negation the question may lose");
  // Heilman & Smith: a question from a sentence opening with a subordinate clause often asks about the wrong event.
  if (!quoting && /^(?:Although|Though|While|Whilst|Whereas|Because|If|Unless|Since|As|Once|When)\b/.test(source))
    lower(0.45, "source opens with a subordinate clause");
  if (item.kind === "cloze" && item.answer.length > 0.5 * body.replace(GAP, "").length)
    lower(0.15, "blank covers most of the sentence");
  if (!quoting && looksLikeLostPassive(body)) lower(0.45, "a passive sentence may have been turned the wrong way");
  if (
    item.kind === "true_false" &&
    item.answer === "True" &&
    tidy(body).replace(/\.$/, "") !== tidy(source).replace(/\.$/, "")
  ) {
    // A rephrased statement (clause + date appended) may move the date into the wrong clause ("… had eleven
    // members; an amendment raised the number in 1965"): only a single simple clause is safe.
    if (/[,;]|\b(?:which|who|whom|whose|that|while|after|before|when|and then)\b/.test(body))
      defects.push("rephrased true statement with several clauses");
    // "Since the canal was opened in 1992, barges can travel …" → "Barges can travel … in 1992": the date was the
    // fronted clause's, and the statement now says something else.
    const fronted = /^(?:Since|When|After|Before|Until|Once|While|As soon as|By the time)\b([^,]*),/.exec(source);
    const date = YEAR_WORD.exec(body)?.[0];
    if (fronted && date && fronted[1]!.includes(date) && !source.slice(fronted[0].length).includes(date))
      defects.push("the date was the fronted clause's");
  }
  return { defects: [...new Set(defects)], quality: Math.max(0, Math.round(quality * 100) / 100), concerns };
}

/** Lower-case letters and digits only, British spellings folded to American: spelling variants compare equal. */
export function spellingKey(text: string): string {
  return normaliseText(text)
    .replace(/ise\b|ize\b/g, "ize")
    .replace(/isation\b|ization\b/g, "ization")
    .replace(/our\b/g, "or")
    .replace(/tre\b/g, "ter")
    .replace(/ence\b/g, "ense")
    .replace(/[^a-z0-9]/g, "");
}

/** Multiple-choice options: four, distinct beyond spelling, the answer among them, all in the answer's format. */
function optionDefects(item: GeneratedItem): string[] {
  const options = item.options ?? [];
  const defects: string[] = [];
  if (options.length !== 4) defects.push("not four options");
  if (!options.includes(item.answer)) defects.push("answer not among the options");
  if (new Set(options.map(spellingKey)).size !== options.length) defects.push("two options differ only in spelling");
  // "Thames" beside "River Thames", "Haber" beside "Fritz Haber": a variant of the key offered as wrong.
  if (options.some((o) => o !== item.answer && sameAnswer(o, item.answer, item.answerType)))
    defects.push("an option is a variant of the answer");
  if (item.answerType === "date") {
    const precision = (o: string) => parseDateAnswer(o)?.start.precision ?? "none";
    if (options.some((o) => precision(o) !== precision(item.answer))) defects.push("options in another date format");
  }
  if (item.answerType === "number" && options.some((o) => numberInAnswer(o) === null))
    defects.push("an option is not a number");
  if (/^[A-Z]/.test(item.answer) && options.some((o) => !/^[A-Z0-9]/.test(o))) defects.push("options in another case");
  for (const o of options) if (o !== item.answer) defects.push(...answerDefects(o).map((d) => `option: ${d}`));
  return defects;
}

/** Items one sentence may give (defects.ts counts more than 3 as redundant): one per fact first, then a second role. */
const PER_SENTENCE = 3;
/** Items sharing one extracted fact record (defects.ts `items-per-fact`). */
const PER_FACT_KEY = 2;
/** A sentence with this many items already gets no statement item (defects.ts counts more than 3 as redundant). */
const STATEMENT_ROOM = 3;
/** Items with one and the same date or number as answer in a whole document (a name may answer many facts). */
const PER_ANSWER = 2;
/**
 * Blanks cut into one sentence (cloze items, decision 041). A third blank in one sentence makes the learner read the
 * same sentence a third time with a different hole ("From _____ the Danube flows …", "… borders of _____ and
 * Ukraine", "… Moldova and _____"): the sentence becomes a drill of its own words. Two blanks keep the sentence's two
 * best values (ranked as every item is); its other facts stay askable by a question or a recognition item. More
 * blanks (up to BLANK_LIMIT) are allowed only while no kind of value has two: a sentence giving a date, a person, a
 * body and a number states four facts, each its own blank (one item per fact, decision 034 addendum); a third place
 * or a third name in one sentence is one list read over and over.
 */
const BLANKS_PER_SENTENCE = 2;
/** Blanks one sentence may give at most, each on a distinct fact and no kind of value more than twice. */
const BLANK_LIMIT = 4;

/** May a sentence that already has `kept` blanks (their answer types) get one more of `type`? */
function roomForBlank(kept: readonly AnswerType[] = [], type: AnswerType): boolean {
  return (
    kept.length < BLANKS_PER_SENTENCE ||
    (kept.length < BLANK_LIMIT && kept.filter((t) => t === type).length < BLANKS_PER_SENTENCE)
  );
}

/**
 * The facts an item tests, as group keys: its fact in its sentence; its answer in its sentence (a date two facts
 * share is one fact to a learner); and, when the answer is one member of a list written in the sentence
 * ("including Australia, Sweden and Finland"), the list, so a list gives one item and not one per member.
 */
function factGroups(
  item: GeneratedItem,
  lists: ReadonlyMap<number, ReadonlySet<string>[]> = new Map(),
  asked: (item: GeneratedItem) => string[] = (i) => [`${i.factKey}|${i.answer}`],
): string[] {
  const at = `${item.source.start}-${item.source.end}`;
  // "What does ESA stand for?" and "What is the abbreviation of the European Space Agency?" ask one pairing, in either
  // direction: one fact to a learner (acronym-share.ts `drilledAcronym` names the abbreviation both ask).
  const drilled = drilledAcronym(item);
  // A blank on the long form or on the abbreviation in the sentence that defines it asks the same pairing.
  if (drilled)
    return [
      `acronym|${normaliseText(drilled)}`,
      `answer|${at}|${normaliseText(item.answer)}`,
      `answer|${at}|${normaliseText(drilled)}`,
      ...asked(item).map((v) => `value|${v}`),
    ];
  if (item.members) return [`list|${item.source.start}|${memberKey(item.members[0]!)}`];
  // One value of one fact record is one fact however it is asked (defects.ts `askedFact`, the yardstick's own key):
  // "Who became commander on …?" and "Who succeeded … as commander?" both ask for the one commander.
  const values = asked(item).map((v) => `value|${v}`);
  // A true/false statement stands for its fact's claim in the sentence, and for every value it may vary.
  if (item.answerType === "boolean") return [`claim|${item.factKey}|${item.source.start}`, ...values];
  const quoting = promptBody(item.prompt).quoting;
  // "Mayor Anna KOWALSKA" and "Anna KOWALSKA" are one answer: a title or rank before a name is not another fact.
  // "more than 300" asked by a question and "300" by a blank in the same sentence are one number (decision 041).
  // "River Thames" and "Thames", "Dr Fritz Haber" and "Haber" are one answer too (answer-identity.ts).
  const answer = answerIdentity(item.answer, item.answerType);
  const variant = item.key.split("|").pop()!;
  // A blank in a sentence is its answer there; a question is its relation ("who succeeded …", "who became …"),
  // except that a date or number in one sentence is one fact however it is asked.
  const groups = [quoting ? `answer|${at}|${answer}` : `question|${item.factKey}|${variant}`, ...values];
  if (!quoting && (item.answerType === "date" || item.answerType === "number")) groups.push(`answer|${at}|${answer}`);
  const list = listContaining(item.source.text, item.answer);
  if (list !== undefined) groups.push(`list|${item.source.start}|${list}`);
  // One member of a list that a list item of the same sentence asks whole: that list item stands for it. What a
  // described list says each member does is another fact (items-lists.ts `describedItems`).
  const member = memberKey(item.answer);
  if (variant === "described-member") return groups;
  for (const members of lists.get(item.source.start) ?? [])
    if (members.has(member)) groups.push(`list|${item.source.start}|${[...members][0]}`);
  return groups;
}

/** A member as the ration compares it: normalised, without a leading article. */
const memberKey = (member: string) => normaliseText(member).replace(/^the /, "");

/**
 * The lists that list items ask whole ("Name all three: …", "Which of these is NOT …"), by the sentence they quote:
 * each list's members in order, the first one naming the list.
 */
function listsBySentence(items: readonly GeneratedItem[]): Map<number, Set<string>[]> {
  const out = new Map<number, Set<string>[]>();
  for (const item of items)
    if (item.members && item.kind === "flashcard")
      out.set(item.source.start, [...(out.get(item.source.start) ?? []), new Set(item.members.map(memberKey))]);
  return out;
}

// One member of a list: capitalised words, with linking words inside ("Economic and Social Council", "Court of Justice").
const MEMBER =
  "(?:the )?[A-Z][\\p{L}'’.-]*(?: (?:of|for|and|of the|and the|de|du|von|van|in) [A-Z][\\p{L}'’.-]*| [A-Z][\\p{L}'’.-]*)*";
const COORDINATION = new RegExp(`${MEMBER}(?:, ${MEMBER})+`, "gu");

/** A list of three or more names written in a sentence: its span and its members (leading "the" dropped). */
export interface CoordinatedList {
  start: number;
  end: number;
  members: string[];
}

/**
 * Lists of three or more coordinated names in a sentence ("Australia, Sweden and Finland"). Members are split at
 * commas; only the last one is split at its last "and"/"or", so "the Economic and Social Council" stays whole in
 * mid-list.
 * @example coordinatedLists('… including Australia, Sweden and Finland.')[0].members // ['Australia', 'Sweden', 'Finland']
 */
export function coordinatedLists(sentence: string): CoordinatedList[] {
  const out: CoordinatedList[] = [];
  for (const m of sentence.matchAll(COORDINATION)) {
    const span = m[0].replace(/[.,;:]+$/, "");
    const parts = span.split(", ");
    const last = parts.pop()!;
    const cut = /^(.*) (?:and|or) ((?:the )?[A-Z].*)$/.exec(last.replace(/^(?:and|or) /, ""));
    if (!cut && !/^(?:and|or) /.test(last)) continue; // no coordinator: a run of names, not a list
    const members = [...parts, ...(cut ? [cut[1], cut[2]] : [last.replace(/^(?:and|or) /, "")])].map((x) =>
      x.replace(/^the /, "").replace(/[.,;:]+$/, ""),
    );
    if (members.length >= 3 && members.every((x) => /^[A-Z]/.test(x)))
      out.push({ start: m.index, end: m.index + span.length, members });
  }
  return out;
}

/**
 * Offset of the coordinated list that `answer` is a member of in `sentence`, or undefined.
 * @example listContaining('… including Australia, Sweden and Finland.', 'Sweden') // offset of "Australia"
 */
function listContaining(sentence: string, answer: string): number | undefined {
  const name = answer.replace(/^the /, "");
  return coordinatedLists(sentence).find((l) => l.members.includes(name))?.start;
}

/**
 * Facts only a sentence's own wording marks (a place after "born in", a numbered part of a text: extract-names.ts,
 * extract-references.ts) wait for room in a sentence already asked PER_SENTENCE times, like a second item: such a
 * sentence ("returned to India in 1919 and died in Kumbakonam on …") already gives a card per clause.
 */
const roomOnly = (item: GeneratedItem) => /^(?:located-place|reference):/.test(item.factKey);

/** How many items one fact may give: per role, and in all (`total`, default the two roles' sum). */
export interface PerFact {
  recognition: number;
  recall: number;
  total?: number;
}

/**
 * The default ration: one item per fact, its best (decision 034, addendum). A second item on a fact the first
 * already asked (the typed form of a multiple choice, a cloze on the number a true/false showed, an abbreviation
 * asked after its expansion) repeats what the learner just saw: the first item's options or statement give the
 * second's answer away, and an outside reader judged such repeats worthless. Spaced review already brings a fact
 * back; a second item on it only doubles its weight in the deck. Each role may hold one item when `total` is raised.
 */
export const ONE_ITEM_PER_FACT: PerFact = { recognition: 1, recall: 1, total: 1 };
/** The ration before decision 034's addendum: a recognition and a recall item per fact (tests that read both forms). */
export const ONE_ITEM_PER_ROLE: PerFact = { recognition: 1, recall: 1, total: 2 };

const RECOGNITION: ReadonlySet<ItemKind> = new Set(["multiple_choice", "true_false"]);
/**
 * Preference between kinds when scores tie: a real question before a quote, four options before two (decision 048).
 * With one item per fact the tie decides the fact's only item, so it follows the answer: a short name, a number or
 * a date is what a learner should produce (typed, then a blank, before a multiple choice); a long answer or one with
 * spelling traps (a long word, letters outside English's alphabet) is recognised among options first. A true/false
 * comes last either way.
 */
const RECOGNISED_FIRST: Record<ItemKind, number> = {
  multiple_choice: 0,
  true_false: 3,
  typed: 1,
  cloze: 2,
  flashcard: 2,
  matching: 0,
  ordering: 0,
};
const RECALLED_FIRST: Record<ItemKind, number> = { ...RECOGNISED_FIRST, multiple_choice: 2, typed: 0, cloze: 1 };

/**
 * Is `item`'s answer one a learner should produce rather than pick? A date, a number of at most two significant
 * digits, a name or term of at most two words and 18 characters whose words are short (at most 10 letters) and in
 * English's alphabet.
 * @example recallAnswer({ answer: 'Danubius', answerType: 'text' }) // true
 * @example recallAnswer({ answer: 'Dnieper–Bug estuary of Ochakiv', answerType: 'place' }) // false
 */
export function recallAnswer(item: Pick<GeneratedItem, "answer" | "answerType">): boolean {
  if (item.answerType === "date") return true;
  // "46", "7,000 troops", "98 percent" are produced; "8,991" or "2,850" is recognised (three or more significant
  // digits are a spelling trap of their own).
  if (item.answerType === "number") {
    const value = numberInAnswer(item.answer);
    return value !== null && significantDigits(value) <= 2;
  }
  if (item.answerType === "boolean") return false;
  const words = item.answer.replace(/^the /i, "").split(/\s+/);
  return (
    words.length <= 2 &&
    item.answer.length <= 18 &&
    words.every((w) => w.length <= 10) &&
    /^[A-Za-z0-9 .'’-]+$/.test(item.answer)
  );
}

/** Significant digits of a number: 7000 → 1, 46 → 2, 2850 → 3, 0.25 → 2. */
const significantDigits = (value: number) =>
  String(Math.abs(value)).replace(".", "").replace(/^0+/, "").replace(/0+$/, "").length || 1;

/**
 * Between the items of one fact that tie (one answer in one sentence, equal score, both quoting it or both asking),
 * the kind follows the answer (`recallAnswer`): the group's items swap places among the positions they hold, so the
 * order between facts (which member of a list comes first) stays the fixed one. A blank is preferred only where the
 * sentence has no more blank candidates than the blanks it keeps (BLANKS_PER_SENTENCE): where blanks are scarce, a
 * "Which … fills the blank?" leaves the blank to another fact. Reorders `ranked` in place.
 */
function preferKinds(ranked: { item: GeneratedItem; a: Assessment }[]): void {
  const blanks = new Map<number, Set<string>>();
  for (const { item } of ranked)
    if (item.kind === "cloze")
      blanks.set(item.source.start, (blanks.get(item.source.start) ?? new Set()).add(normaliseText(item.answer)));
  const groups = new Map<string, number[]>();
  ranked.forEach(({ item, a }, at) => {
    if (item.kind === "true_false" || item.members || COMBINED.has(item.kind)) return;
    // "Which service guides …?" among the list's own members is a choice by design (items-lists.ts describedItems).
    if (item.key.endsWith("|described-member")) return;
    const quoting = promptBody(item.prompt).quoting;
    const key = [item.source.start, item.factKey, answerIdentity(item.answer, item.answerType), a.quality, quoting];
    groups.set(key.join("|"), [...(groups.get(key.join("|")) ?? []), at]);
  });
  for (const at of groups.values()) {
    if (at.length < 2) continue;
    const first = ranked[at[0]!]!.item;
    if (!recallAnswer(first)) continue;
    const scarce = (blanks.get(first.source.start)?.size ?? 0) > BLANKS_PER_SENTENCE;
    const rank = (item: GeneratedItem) => (scarce && item.kind === "cloze" ? 3 : RECALLED_FIRST[item.kind]);
    const entries = at.map((p) => ranked[p]!).sort((x, y) => rank(x.item) - rank(y.item));
    at.forEach((p, i) => (ranked[p] = entries[i]!));
  }
}

/**
 * Applies the checks and the per-fact ration to overgenerated candidates, in their original order. Kept items carry
 * `quality`; low-scoring ones also `review` (why). A "fact" is one fact's claim in one sentence, and also one answer
 * in one sentence (a date that two facts share is one fact to a learner).
 *
 * @example
 * selectItems(candidates).filter((i) => !i.review) // what learners are served by default
 */
export function selectItems(
  candidates: readonly GeneratedItem[],
  perFact: PerFact = ONE_ITEM_PER_FACT,
  document: ShapeContext = {},
): GeneratedItem[] {
  const total = perFact.total ?? perFact.recognition + perFact.recall;
  const context = { documentText: document.documentText, knownTexts: document.knownTexts as string[] | undefined };
  const assessed = candidates
    .map((item, index) => ({ item, index, a: assessItem(item, document) }))
    .filter(({ a }) => a.defects.length === 0);
  // The yardstick's detectors that need the whole document (a pronoun guess, a caption) are the last gate. They read
  // the document around the item, so they run only on an item about to be kept (a long document has thousands of
  // candidates): a guess drops it, a caption keeps it for review only.
  const gated = new Map<number, "drop" | "review" | "pass">();
  const gate = (item: GeneratedItem, index: number) => {
    if (!document.documentText) return "pass";
    let verdict = gated.get(index);
    if (!verdict) {
      const found = gateDefects(item, context);
      verdict = found.some((d) => d.detector !== "caption-source") ? "drop" : found.length > 0 ? "review" : "pass";
      gated.set(index, verdict);
    }
    return verdict;
  };
  const lists = listsBySentence(assessed.map(({ item }) => item));
  const asked = factCandidates(assessed.map(({ item }) => item));
  const ranked = [...assessed].sort(
    (x, y) =>
      Number(x.a.quality < REVIEW_BELOW) - Number(y.a.quality < REVIEW_BELOW) ||
      Number(roomOnly(x.item)) - Number(roomOnly(y.item)) ||
      // A list item stands for the whole list: it goes before any one member's item.
      Number(!!y.item.members) - Number(!!x.item.members) ||
      // A true/false item is the weakest test of a fact (a guess is right half the time) and it stands for every
      // value its statement shows: it comes after the items that ask one value, and fills a role they leave.
      Number(x.item.kind === "true_false") - Number(y.item.kind === "true_false") ||
      y.a.quality - x.a.quality ||
      // A question names the relation it asks; a blank on the same value stands for all of them (defects.ts
      // `factCandidates`), so it goes after the questions and only where none was kept.
      Number(promptBody(x.item.prompt).quoting) - Number(promptBody(y.item.prompt).quoting) ||
      RECOGNISED_FIRST[x.item.kind] - RECOGNISED_FIRST[y.item.kind] ||
      x.index - y.index,
  );
  preferKinds(ranked);
  spreadBlanks(ranked);
  // Two passes: first the best item of every fact (coverage), then a second role per fact while the sentence has
  // fewer than PER_SENTENCE items (a long sentence with many facts still reads as one card after another); a third
  // for statement items.
  const used = new Map<string, number>();
  const perSentence = new Map<number, number>();
  const keep = new Set<number>();
  const judged = new Set<string>();
  const perAnswer = new Map<string, number>();
  const perFactKey = new Map<string, number>();
  const blanks = new Map<number, AnswerType[]>();
  const questioned = new Set<string>();
  const blanked = new Set<string>();
  const asksRecord = new Set<string>();
  for (const pass of [1, 2, 3]) {
    for (const { item, index } of ranked) {
      if (keep.has(index)) continue;
      // A statement item (extract-statements.ts) is the fallback reading of a sentence: it comes after every
      // specific item, and only while its sentence has fewer than STATEMENT_ROOM items.
      // Fallback readings fill a sentence only after its name, date and number items: a statement, a term glossed by
      // an appositive or a material (extract-terms.ts), a role ("Who was Alfred Wegener?", items-people.ts) and a
      // reason ("Why …?", items-causes.ts).
      const statement =
        /^(?:statement|role|cause):/.test(item.factKey) || /\|term-(?:appositive|material)$/.test(item.key);
      if (statement !== (pass === 3)) continue;
      if (statement && (perSentence.get(item.source.start) ?? 0) >= STATEMENT_ROOM) continue;
      if (COMBINED.has(item.kind)) {
        keep.add(index);
        continue;
      }
      const role = RECOGNITION.has(item.kind) ? "recognition" : "recall";
      const facts = factGroups(item, lists, asked);
      const claim = `recognition|claim|${item.factKey}|${item.source.start}`;
      if (pass === 1 && facts.some((g) => used.has(`recognition|${g}`) || used.has(`recall|${g}`))) continue;
      // The first pass gives every fact its one item, however many facts a sentence states (coverage first).
      if ((pass > 1 || roomOnly(item)) && (perSentence.get(item.source.start) ?? 0) >= PER_SENTENCE) continue;
      if (pass > 1 && (perFactKey.get(item.factKey) ?? 0) >= PER_FACT_KEY) continue;
      const blank = item.kind === "cloze";
      if (blank && !roomForBlank(blanks.get(item.source.start), item.answerType)) continue;
      // One answer asked all over the document ("2", one date) teaches little more each time.
      const answerKey = answerIdentity(item.answer, item.answerType);
      const counted = item.answerType === "date" || item.answerType === "number";
      if (counted && (perAnswer.get(answerKey) ?? 0) >= PER_ANSWER) continue;
      const groups = facts.map((g) => `${role}|${g}`);
      if (groups.some((g) => (used.get(g) ?? 0) >= perFact[role])) continue;
      // Items on one fact in either role: by default the fact's best item only (ONE_ITEM_PER_FACT). A list is a set
      // of values: a recognition item and a recall item on two of its members ask two things, neither giving the
      // other away, so a list keeps one item per role.
      const single = facts.filter((g) => !g.startsWith("list|"));
      if (single.some((g) => (used.get(`recognition|${g}`) ?? 0) + (used.get(`recall|${g}`) ?? 0) >= total)) continue;
      if (item.kind === "multiple_choice" && judged.has(claim)) continue; // a true/false already asks this claim
      // A blank on a value a question of the same sentence asks (or the other way round) shows the learner the same
      // sentence with the same answer: one fact, whichever record each came from. Two questions on one value may
      // still ask two relations ("Who became commander on …?", "Who succeeded … as commander?").
      const quoting = promptBody(item.prompt).quoting;
      const value = `${item.source.start}|${answerIdentity(item.answer, item.answerType)}`;
      if (item.answerType !== "boolean" && (quoting ? questioned : blanked).has(value)) continue;
      // A true/false restates its record's claim in its sentence: beside another item on that record there, it shows
      // again what that item asks ("… of _____ → Ireland", then "O'Leary is from Russia: false").
      const record = `${item.factKey}|${item.source.start}`;
      if (item.kind === "true_false" && total < 2 && asksRecord.has(record)) continue;
      if (gate(item, index) === "drop") continue;
      for (const g of groups) used.set(g, (used.get(g) ?? 0) + 1);
      if (item.answerType !== "boolean") (quoting ? blanked : questioned).add(value);
      asksRecord.add(record);
      // Multiple choice on a fact makes a true/false on the same claim redundant (and is the stronger item).
      if (item.kind === "multiple_choice") used.set(claim, perFact.recognition);
      if (item.kind === "true_false") judged.add(claim);
      perSentence.set(item.source.start, (perSentence.get(item.source.start) ?? 0) + 1);
      if (blank) blanks.set(item.source.start, [...(blanks.get(item.source.start) ?? []), item.answerType]);
      perFactKey.set(item.factKey, (perFactKey.get(item.factKey) ?? 0) + 1);
      if (counted) perAnswer.set(answerKey, (perAnswer.get(answerKey) ?? 0) + 1);
      keep.add(index);
    }
  }
  const selected = assessed
    .filter(({ index }) => keep.has(index))
    .map(({ item, index, a }) => {
      const caption = gated.get(index) === "review";
      const quality = caption ? Math.min(a.quality, REVIEW_BELOW - 0.05) : a.quality;
      const concerns = caption ? [...a.concerns, "source is a photo caption"] : a.concerns;
      const out: GeneratedItem = { ...item, quality: Math.round(quality * 100) / 100 };
      if (quality < REVIEW_BELOW) out.review = concerns.join("; ");
      return out;
    });
  // Acronym drills keep a share of the document's items (acronym-share.ts).
  return capAcronymDrills(selected, document.documentText);
}

/**
 * The two blanks a sentence keeps (BLANKS_PER_SENTENCE) ask different kinds of value where it has them: after its
 * best blank, its best blank of another answer type moves up ("proposed in _____ by Robert Brout" before a second
 * name of the same list). Reorders `ranked` in place, touching only the positions of each sentence's blanks.
 */
function spreadBlanks(ranked: { item: GeneratedItem; a: Assessment }[]): void {
  const doubtful = (e: { a: Assessment }) => e.a.quality < REVIEW_BELOW;
  const positions = new Map<number, number[]>();
  ranked.forEach(({ item }, at) => {
    if (item.kind === "cloze") positions.set(item.source.start, [...(positions.get(item.source.start) ?? []), at]);
  });
  for (const at of positions.values()) {
    if (at.length <= BLANKS_PER_SENTENCE) continue;
    const entries = at.map((p) => ranked[p]!);
    const first = entries[0]!;
    const other = entries.findIndex(
      (e, i) => i > 0 && e.item.answerType !== first.item.answerType && doubtful(e) === doubtful(first),
    );
    if (other <= 1) continue;
    const [moved] = entries.splice(other, 1);
    entries.splice(1, 0, moved!);
    at.forEach((p, i) => (ranked[p] = entries[i]!));
  }
}

const PHOTO_CREDIT = /\b(?:photo(?:graph)?|image|credit|picture|courtesy)\s*(?::|by\b|\/|©)|©|^figure\s+\d/i;
const DATELINE = new RegExp(
  `,\\s*(?:(?:${MONTH_NAMES})\\.?\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+(?:${MONTH_NAMES})\\s+\\d{4})\\.?$`,
);

/**
 * Photo captions and credits are not prose to learn from: a credit line, a line that ends without a full stop
 * (unless it is a fact sheet's "Label: value"), or a present-tense photo line ending in a dateline
 * ("Stoltenberg views … at Camp Besmaya, Iraq, March 5, 2018.").
 */
function captionDefects(source: string): string[] {
  const pieces = source.split(" … ");
  const text = tidy(pieces.pop()!);
  if (PHOTO_CREDIT.test(text)) return ["source is a photo credit"];
  // A bullet of a list quoted with its lead-in ("… the three technologies on which the Web rests: … HTTP, which lets
  // …;") ends as the list's punctuation has it.
  if (pieces.length > 0 && /:$/.test(tidy(pieces.pop()!)) && /(?:;|,|;? (?:and|or))$/.test(text)) return [];
  // A fact sheet's "Label: value" (or "Label – value") line and a table's row ("Vacuum vessel | 5,200 tonnes") are values, not captions.
  if (
    !/[.!?:"”)]$/.test(text) &&
    !/^[A-Z][\w ()'’-]{1,40}(?::| [–—-]) \S/.test(text) &&
    !/^[^|]+(?: \| [^|]*)+$/.test(text)
  )
    return ["source is a caption or list debris"];
  return [];
}

/** A present-tense photo line ending in a dateline: true, often, but a caption, so only for the instructor to keep. */
function isDatelineCaption(source: string): boolean {
  const text = tidy(source.split(" … ").pop()!);
  return DATELINE.test(text) && text.split(/\s+/).length <= 30 && !/\b(?:was|were|had|did)\b|\b[a-z]+ed\b/.test(text);
}

/**
 * "Since the canal was opened in 1992, barges can travel …" asked as "When can barges travel …? → 1992": the date
 * is the fronted clause's, the question the main clause's, and the answer says something the sentence does not.
 *
 * @example
 * frontedDateAskedOfMain('When can barges travel to the sea?', 'Since the canal opened in 1992, barges can travel to the sea.', '1992') // true
 */
export function frontedDateAskedOfMain(question: string, source: string, answer: string): boolean {
  const fronted = /^(?:Since|When|After|Before|Until|Once|While|As soon as|By the time)\b([^,]*),/.exec(source);
  if (!fronted || !fronted[1]!.includes(answer) || source.slice(fronted[0].length).includes(answer)) return false;
  const words = fronted[1]!
    .replace(answer, "")
    .split(/[\s–-]+/)
    .filter((w) => w.length > 3 && !/^(?:was|were|been|have|has|had|with|from|into)$/i.test(w));
  const asked = words.filter((w) => ` ${question} `.includes(` ${w} `) || question.includes(w));
  return asked.length * 2 < words.length;
}

/** The prompt's sentence with its blank filled in by the answer: what the learner reads once it is answered. */
const fill = (body: string, item: GeneratedItem) => body.replace(GAP, item.answer);

const PERSONAL = /^(?:he|him|his|she|her)$/i;

const COUNTRY = new Set(COUNTRIES);
/** Heads of names that are bodies, not people ("the Northern Lights Board gave her …"). */
const INSTITUTION = new Set([
  ...INSTITUTION_HEADS.map((h) => h.toLowerCase()),
  ..."board authority company firm group government congress senate church trust party club".split(" "),
]);

/**
 * A personal pronoun of a quoted sentence that no person before it in the sentence can stand for, or null: "he",
 * "her" with no person or role named before, and a sentence that opens with "Both" + verb or "The two" + verb. Such
 * a card reads as a riddle out of its document ("In 1921 the Board gave her a gold medal"). A pronoun in a fronted
 * phrase may point forward ("After his success at Suez, Ferdinand de Lesseps …"). "it", "they" and the rest are
 * references.ts's (`unresolvedReferences`), read for every item.
 *
 * @example
 * unnamedPerson('In 1850 the city council asked him to design a new hall.') // 'him'
 * unnamedPerson('Hardy showed the letter to his colleague J. E. Littlewood.', doc) // null (doc names G. H. Hardy)
 */
export function unnamedPerson(sentence: string, documentText = ""): string | null {
  const tokens = posTokens(sentence);
  if (/^Both$/.test(tokens[0]?.text ?? "") && ["VERB", "AUX"].includes(tokens[1]?.pos ?? "")) return "Both";
  // "The two work differently: …": a bare numeral standing for things named before.
  if (
    /^The$/.test(tokens[0]?.text ?? "") &&
    tokens[1]?.pos === "NUM" &&
    // A count needs a plural after it: "The two work" reads "work" as the verb of a bare "The two".
    (["VERB", "AUX"].includes(tokens[2]?.pos ?? "") || (tokens[2]?.pos === "NOUN" && !pluralNoun(tokens[2].text)))
  )
    return `The ${tokens[1].text}`;
  // A fronted adverbial ("Before it reaches the sea, …", "After his success at Suez, …") may point forward.
  const fronted = ["ADP", "SCONJ"].includes(tokens[0]?.pos ?? "") ? sentence.indexOf(",") : -1;
  for (const [k, token] of tokens.entries()) {
    if (!PERSONAL.test(token.text) || token.pos === "PROPN") continue;
    // Pointing forward, the pronoun stands for the main clause's subject, the words right after the comma.
    const after = tokens.filter((t) => t.start > fronted);
    const stop = after.findIndex((t) => ["VERB", "AUX", "PUNCT"].includes(t.pos));
    const subject = after.slice(0, stop < 0 ? 6 : Math.min(stop, 6));
    const scope =
      fronted > 0 && token.start < fronted
        ? `${sentence.slice(0, token.start)} ${subject.length ? sentence.slice(subject[0]!.start, subject.at(-1)!.end) : ""}`
        : sentence.slice(0, token.start);
    // A full name, or a surname of one the document writes in full ("Hardy" of "G. H. Hardy"), but no country.
    const people = peopleIn(scope, documentText).filter(
      (c) => !INSTITUTION.has(c.split(" ").pop()!.toLowerCase()) && (c.includes(" ") || !COUNTRY.has(c)),
    );
    const before = tokens.filter((t, i) => i < k || (fronted > 0 && token.start < fronted && subject.includes(t)));
    // A noun heads a noun phrase: a name, or a word after a determiner, adjective, number or noun ("the river",
    // "amateur researcher"); "that use it" has a verb wink may tag as a noun after a relative "that".
    const nouns = before.filter((t) => {
      if (/^\d/.test(t.text)) return false;
      // A name wink tags as adjectives ("The Great Eastern") is a name all the same.
      if (t.pos === "PROPN" || (/^\p{Lu}/u.test(t.text) && t !== tokens[0] && t.pos !== "PRON")) return true;
      const prev = tokens[tokens.indexOf(t) - 1];
      return (
        t.pos === "NOUN" &&
        (!prev ||
          ["ADJ", "NUM", "NOUN", "PROPN", "PRON", "ADP"].includes(prev.pos) ||
          (prev.pos === "DET" && !/^(?:that|which)$/i.test(prev.text)))
      );
    });
    // extract-people.ts reads names personCandidates drops ("Jan Ingenhousz": "Jan" is also a month).
    const named = people.length > 0 || findPeople(scope).length > 0;
    if (!named && !nouns.some((t) => isRoleNoun(t.text))) return token.text;
  }
  return null;
}

const NUMBER_WORDS = "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";
/** Adjectives that say little of their noun: a blank they open tests common phrasing, not the document. */
const GENERIC_ADJECTIVES = new Set(
  (
    "new old full whole entire complete total short long brief precise exact suitable appropriate proper lasting " +
    "long-term short-term general overall various different certain particular special real true final initial " +
    "further additional significant important major main key great good large small big high low simple clear"
  ).split(" "),
);
const CLOCK_IN_TEXT = /\b\d{1,2}:\d{2}\b|\b\d{1,2}\s?(?:a\.m\.|p\.m\.)/i;
const CLOCK_ANSWER = /^\d{1,2}[:.]\d{2}\b|^\d{1,2}\s?(?:a\.m\.|p\.m\.|am|pm)$/i;

/**
 * Doubtful signs the judged set (decision 038) found on items that pass every check: each puts an item below the
 * review line on its own, for the instructor to keep or not.
 */
function doubts(item: GeneratedItem, body: string, quoting: boolean): string[] {
  const out: string[] = [];
  if (COMBINED.has(item.kind)) return out;
  const source = item.source.text.split(" … ").pop()!.trim();
  // "the _____ countries signed …", "ATLAS and CMS are the _____ experiments": a set the reader already knows.
  if (item.answerType === "number" && new RegExp(`\\bthe ${GAP} `, "i").test(body)) {
    const n = Number(item.answer);
    if ((n >= 2 && n <= 12) || new RegExp(`^(?:${NUMBER_WORDS})$`, "i").test(item.answer))
      out.push("the count of a set the sentence already names");
  }
  // "The seminar began at 09:00 CEST": a time of day is a schedule, rarely what a document teaches.
  // Two times of day in one sentence are a schedule; one alone may be the fact ("the line opens at 06:00").
  const times = source.match(new RegExp(CLOCK_IN_TEXT, "gi"))?.length ?? 0;
  if ((CLOCK_ANSWER.test(item.answer.trim()) || item.kind === "true_false") && times >= 2)
    out.push("a schedule of times of day (logistics)");
  // "The two main limiting factors are …" keyed False: a count varied where the sentence lists what it counts.
  const count = new RegExp(`\\bthe (?:${NUMBER_WORDS}|\\d{1,2}) `, "i").exec(body)?.[0];
  if (item.kind === "true_false" && item.answer === "False" && count && !source.includes(count))
    out.push("the count of a set the sentence already names");
  // "Who fell ill?": a question too short to name its context.
  // "Who fell ill?", "How many keepers served there?": nothing in the question says who, where or when.
  const words = body.split(/\s+/);
  if (
    !quoting &&
    item.kind !== "flashcard" &&
    (words.length <= 4 || /\b(?:there|then|here)\?$/.test(body)) &&
    !words.slice(1).some((w) => /^[A-Z0-9]/.test(w)) &&
    !/\bthe\b/i.test(body)
  )
    out.push("a question that names nothing");
  // "What was Joe Biden's position? → President": a bare title written before the name, known with it.
  if (/^What was .+['’]s position\?$/.test(item.prompt) && !/\s/.test(item.answer.trim()))
    out.push("a one-word title the name is always written with");
  // "to determine the _____ of the particle → precise nature": a generic adjective opens the blank.
  if (quoting && /^[a-z-]+ [a-z]/.test(item.answer) && GENERIC_ADJECTIVES.has(item.answer.split(" ")[0]!))
    out.push("blank opens with a generic adjective");
  // "The Tisza is the _____ tributary": a lone adjective blanked; another one fits as well ("largest").
  if (quoting && item.kind !== "true_false" && /^[a-z]+$/.test(item.answer)) {
    const filled = fill(body, item);
    const at = filled.indexOf(item.answer, body.indexOf(GAP));
    const tag = posTokens(filled).find((t) => t.start === at)?.pos;
    if (tag === "ADJ") out.push("blank on a lone adjective");
  }
  if (quoting) {
    // A list item that continues a lead-in ("provide liaison with …", "explain how …") is not a sentence.
    if (/^[a-z]/.test(source)) out.push("the source is a list item, not a sentence");
    // "Belgrade, the capital of Serbia, where the Sava joins it.": a verb only inside a relative clause. Only a clause
    // set off by a comma: "People who are active live longer" has its main verb after a restrictive clause.
    const main = source.replace(/, (?:where|which|who|whom|whose|when) [^,]*(?=,|[.;]?$)/g, "");
    if (main !== source && isFragment(main)) out.push("no main verb (list debris)");
    // "Eight years later …": a time counted from a date the card does not show.
    if (
      new RegExp(`^(?:\\d+|${NUMBER_WORDS}|a few|several|some) (?:years|months|weeks|days|decades) later\\b`, "i").test(
        source,
      )
    )
      out.push("a time counted from a date the card does not show");
    // "At least 30 people died.": too short to say who or what (no name, no "the" thing).
    // A general truth ("A mitochondrion is surrounded by two membranes.") needs no name; an event does.
    const filled = fill(body, item);
    const words = filled.split(/\s+/);
    if (
      words.length < 8 &&
      !words.slice(1).some((w) => /^[A-Z]/.test(w)) &&
      !/\bthe\b/i.test(filled) &&
      analyse(filled).has("#PastTense") &&
      !analyse(filled).has("#PresentTense")
    )
      out.push("a short sentence that names nothing");
  }
  return out;
}

/** Words naming a group of people a heading can set as the scope of the rules under it. */
const GROUP =
  /\b(?:children|adolescents|adults|infants|toddlers|babies|teenagers|youth|women|men|girls|boys|mothers|parents|pregnan\w*|elderly|seniors|patients|people|persons|pupils|students|workers|employees|staff|members|applicants|visitors|drivers|passengers|residents|citizens|travellers|travelers)\b/gi;
const RECOMMENDATION =
  /\b(?:should|must|ought to|need to|needs to|is recommended|are recommended|are advised|is advised)\b/i;
const NEGATION = /\b(?:not|never|no longer|neither|nor|cannot)\b|n['’]t\b/i;
// "including" is left out: the judges took "countries, including _____" as the list the sentence names.
const OPEN_LIST = /\b(?:such as|e\.g\.,?|for example,?|for instance,?|like)\s*$/i;

/**
 * Doubts about what the item says rather than how (decision 042): each sends the item to review.
 * - A rule ("should", "must") under a heading naming a group of people ("### Children and adolescents") that the
 *   sentence itself does not name: alone, the card states it of everyone.
 * - A blank inside a negation ("… is not an institution of the _____"): every option but the true one fits.
 * - "Name all N" for a list the sentence leaves open ("such as _____", "including _____").
 * - "What does ACR stand for?" with another option the letters also spell (the Court beside the Convention).
 */
function scopeDoubts(item: GeneratedItem, body: string, quoting: boolean, documentText = "", title = ""): string[] {
  const out: string[] = [];
  if (COMBINED.has(item.kind)) return out;
  const source = item.source.text.split(" … ").pop()!.trim();
  const heading = documentText && item.source.start >= 0 ? headingAbove(documentText, item.source.start) : "";
  const groups = heading.match(GROUP) ?? [];
  if (groups.length && RECOMMENDATION.test(source)) {
    const filled = fill(body, item).toLowerCase();
    if (!groups.some((g) => new RegExp(`\\b${g.toLowerCase().replace(/s$/, "")}`).test(filled)))
      out.push(`the heading "${heading}" sets who the rule is for, and the card does not say`);
  }
  const gap = body.indexOf(GAP);
  if (gap >= 0 && item.kind !== "true_false") {
    // The clause the blank stands in: from the last comma, colon or semicolon before it.
    const clause = body.slice(0, gap).split(/[,;:]/).pop()!;
    // Only a negation governing the blank itself ("is not an institution of the _____", "did not sign the _____"):
    // with a second verb between ("do not meet the conditions laid down in _____") the blank is a positive fact.
    const negation = NEGATION.exec(clause);
    const verbs = negation
      ? posTokens(clause.slice(negation.index + negation[0].length)).filter((t) => t.pos === "VERB").length
      : 0;
    if (negation && verbs <= 1) out.push("the blank is inside a negation: every other option fits");
    if (/^Name (?:all|both)\b/.test(item.prompt) && OPEN_LIST.test(body.slice(0, gap)))
      out.push("an open list (such as, including) asked as a closed one");
  }
  // "The time limit used to be _____ months.": a short sentence naming nothing but "the X" (references.ts).
  const lone = quoting ? loneDefinite(fill(body, item).trim(), title) : undefined;
  if (lone) out.push(`"${lone}" is all the sentence names: which one?`);
  const acronym = /^What does (\S+) stand for\?$/.exec(item.prompt)?.[1];
  // Typed and flashcard forms too: another name of the document the letters spell is a right answer marked wrong.
  const readings = acronym
    ? [...(item.options ?? []), ...(documentText.match(CAPITALISED_NAME) ?? [])].filter(
        (o) => spellingKey(o) !== spellingKey(item.answer) && standsFor(acronym, o, { initialsOnly: true }),
      )
    : [];
  if (readings.length) out.push(`"${readings[0]}" is also a reading of ${acronym}`);
  return out;
}

/** The nearest Markdown heading above `offset` (its text without the #s), or "". */
const HEADING = /^#{2,6}[ \t]+(.+)$/gm;
let headings: { text: string; found: { at: number; end: number; title: string }[] } | undefined;

/**
 * The last "## heading" of `text.slice(0, offset)`. The document's headings are found once (a 300 KB document asks
 * for every item); a heading line the offset cuts counts as far as it goes, as it does in the slice.
 */
export function headingAbove(text: string, offset: number): string {
  if (headings?.text !== text)
    headings = {
      text,
      found: [...text.matchAll(HEADING)].map((m) => ({ at: m.index, end: m.index + m[0].length, title: m[1]! })),
    };
  const found = headings.found;
  let lo = 0;
  let hi = found.length - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (found[mid]!.at < offset) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (last < 0) return "";
  const h = found[last]!;
  if (h.end <= offset) return h.title.trim();
  const cut = /^#{2,6}[ \t]+(.+)$/.exec(text.slice(h.at, offset));
  if (cut) return cut[1]!.trim();
  return last > 0 ? found[last - 1]!.title.trim() : "";
}

const CAPITALISED_NAME = /\p{Lu}[\p{L}'’-]+(?: (?:(?:of|the|and|for|on|in) )*\p{Lu}[\p{L}'’-]+)+/gu;
