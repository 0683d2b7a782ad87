/**
 * Well-formedness of prompts and answers, checked on every candidate item before it is emitted. Each check names a
 * defect a reader would see at once ("When did although …?", "16:_____ GMT", an answer ending in "/"), so an item
 * with any of them is dropped, not merely ranked lower: a teacher cannot fix a garbled prompt in Factdeck.
 */
import { YEAR_WORD } from "./dates";
import { GAP } from "./gap";
import { INSTITUTION_HEADS, MILITARY_RANKS, MONTH_OR_ABBREVIATION, RANKS } from "./lexicon";
import { boundedOccurrences, tidy } from "./text";
import { nameGender } from "./coreference";
import { posTokens } from "./pos";
import { analyse } from "./tokens";
import type { GeneratedItem } from "./types";

/** Prompts that quote their source sentence, and the quoted body after the lead. */
const QUOTING_LEAD =
  /^(?:Fill in the blank: |True or false: |Which \w+ fills the blank\? |Which of these is NOT in the list that fills the blank\? |Name all \w+: |Name both: )/;

/** The part of a prompt that is prose from the document or a transformed question. */
export function promptBody(prompt: string): { body: string; quoting: boolean } {
  const lead = QUOTING_LEAD.exec(prompt)?.[0];
  return lead ? { body: prompt.slice(lead.length), quoting: true } : { body: prompt, quoting: false };
}

const SUBORDINATORS =
  "although|though|because|while|whilst|whereas|if|unless|since|after|before|once|until|when|where|as|so that|even though";
const AUX = "did|does|do|was|were|is|are|has|have|had|will|can|could|would";

const LEADING_SUBORDINATOR = new RegExp(
  `^(?:When|Where|Who|Whom|What|Which(?: [\\w-]+)?|How (?:many|much)(?: [\\w-]+){0,4}|Why) (?:${AUX}) (?:${SUBORDINATORS})\\b`,
  "i",
);
// A function word written with a capital in mid-sentence is debris of a transformation ("How many units are There?").
const CAPITAL_FUNCTION_WORD =
  /(?<=[a-z,] )(?:There|Are|Is|Was|Were|Did|Does|Do|It|They|He|She|His|Her|Its|Their|This|These|Those|And|Or|But|Of|In|On|At|To|For|With|By|From|A|An|Although|Though|Because|While|Whereas|Unless|If)\b/;
const OPENING_PRONOUN = /^(?:It|He|She|They|Them|His|Her|Its|Their|This|These|Those|Such|That)\b(?! is (?:a|an|the) )/;
const QUESTION_PRONOUN = new RegExp(`\\b(?:${AUX}) (?:it|he|she|they|this|these|those|his|her|its|their)\\b`, "i");
// In a question, "it"/"them" or a personal pronoun has nothing to refer to ("… find it at a depth of 32 metres?",
// "When has India celebrated his birthday?"); "its"/"their" after a named subject are bound by it and stay.
const STRAY_PRONOUN = /\b(?:it|them|they|he|she|him|his|her|hers|this|(?<!of )these|(?<!of )those)\b/;
const SPLIT_AROUND_GAP = new RegExp(
  [
    `[\\p{L}\\p{N}]${GAP}|${GAP}[\\p{L}\\p{N}]`, // "16:_____" is caught below, "_____s" here
    // Times, ranges and numeric dates cut in two; a digit ending a word ("the P5: _____") is no number.
    `(?<!\\p{L})\\d\\s?[:./–-]\\s?${GAP}|${GAP}\\s?[:./–-]\\s?\\d`,
    `\\b(?:${MONTH_OR_ABBREVIATION})\\.? ${GAP}|${GAP} (?:${MONTH_OR_ABBREVIATION})\\b`, // "_____ April", "April _____"
    `\\b\\d{1,4} ${GAP}|${GAP} \\d{1,4}\\b`, // "5 _____ 2018", "_____ 000"
  ].join("|"),
  "u",
);

/**
 * Defects of a prompt a reader would notice, as short reasons (empty when the prompt is well formed).
 *
 * @example
 * promptDefects('When did although the treaty was signed?') // ['leading subordinator']
 * promptDefects('Fill in the blank: The eclipse began at 16:_____ GMT.') // ['split token around the blank']
 */
export function promptDefects(
  prompt: string,
  kind: GeneratedItem["kind"],
  item: { answer?: string; source?: string } = {},
): string[] {
  const defects: string[] = [];
  const { body, quoting } = promptBody(prompt);
  // "When did Jan Ingenhousz publish his results?": a possessive the question's own person binds is no stray pronoun.
  const unbound = quoting ? body : withoutBoundPossessives(body, item.answer, item.source);
  if (!/^(?:[A-Z"“]|_____)/.test(body)) defects.push("does not start with a capital");
  if (LEADING_SUBORDINATOR.test(body)) defects.push("leading subordinator");
  if (CAPITAL_FUNCTION_WORD.test(body)) defects.push("capitalised function word mid-sentence");
  if (OPENING_PRONOUN.test(body)) defects.push("bare pronoun or demonstrative opening the prompt");
  // "With more than 300 species of birds, it is …": the subject pronoun after an opening phrase, unresolved.
  // (Bound when the opening phrase names it: "When the Council first met, it had eleven members" is fine.)
  // Without the comma too: "In _____ he was elected …", "Over the next _____ years he and Hardy wrote …".
  const fronted =
    /^([^,]{0,160}), (?:it|he|she|they)\b/.exec(body) ??
    /^((?:In|On|At|By|After|Before|During|Since|Over|From|Until)\s+(?:\S+\s+){0,4}?)(?:he|she|they)\s/.exec(body);
  if (quoting && fronted && !/\s(?:the\s)?[A-Z][\p{L}-]+/u.test(fronted[1]!.slice(1)))
    defects.push("bare pronoun after an opening phrase");
  if (!quoting && /\b(?:was|were|is|are|did|does|do|has|have|What|When|Where|Who|How) The\b/.test(body))
    defects.push("capitalised function word mid-sentence");
  if (
    !quoting &&
    (QUESTION_PRONOUN.test(unbound) ||
      (/^(?:When|Where|Who|Whom|What|Which|How|Why)\b/.test(body) && STRAY_PRONOUN.test(unbound.slice(1))))
  )
    defects.push("pronoun in the question");
  if (quoting && /[;,]\s*$/.test(body)) defects.push("list debris: the source ends mid-list");
  // "Fill in the blank: The park has _____ entrances:": a list's lead-in says nothing until its list is read.
  if (quoting && /:\s*$/.test(body)) defects.push("source is a list lead-in");
  if (!quoting) defects.push(...questionShape(body));
  // "How many days did the Hubble Deep Field, take?": a participle phrase turned into a question keeps its comma.
  if (!quoting && /,\s+[\p{L}-]+\?$/u.test(body)) defects.push("comma before the question's last word");
  if (body.includes(GAP)) {
    if (SPLIT_AROUND_GAP.test(body)) defects.push("split token around the blank");
    if (body.split(GAP).length > 2) defects.push("more than one blank");
  }
  if (kind === "cloze" && !body.includes(GAP)) defects.push("cloze without a blank");
  if (!quoting && (kind === "typed" || kind === "multiple_choice") && !/\?$/.test(body))
    defects.push("question without a question mark");
  // "When did divers dig six tunnels …, and, after 333 years, Vasa broke the surface?": two clauses joined, and the
  // date may belong to either — a question about the wrong event.
  if (
    !quoting &&
    /^(?:When|Where|How many|How much)\b/.test(body) &&
    /,? and,|, and (?:then )?(?:(?:the |a |an )?[a-z]+ (?:was|were|is|are|had|has|[a-z]+ed)\b|(?:the )?[A-Z])/.test(
      body,
    )
  )
    defects.push("question spans two clauses");
  // "When did the keepers leave, when the light was automated?": the clause the question asks about, kept behind it.
  if (!quoting && /^(When|Where)\b[^?]*, (?:when|where)\b/i.test(body))
    defects.push("question keeps a clause of its own wh-word");
  if (!quoting && /^(?:When|Where|Why|How|What|Which|Who|Whom)\b/.test(body)) {
    const grammar = questionGrammar(body);
    if (grammar) defects.push(grammar);
  }
  if (/\(\s*\)|\[\s*\]|\s[,;:.]\s*[?.]$/.test(body)) defects.push("list or bracket debris");
  // "When has Geneva,. The World Health Organization issued …?": a comma before a full stop is what is left when a
  // transformation cut the words between them (a dateline's date).
  if (/,\s*\.(?!\d)/.test(body)) defects.push("comma before a full stop");
  // "the one technologies": a number variant or a cut left "one" before a plural noun.
  if (onePlural(body)) defects.push('"one" before a plural noun');
  if (!quoting) defects.push(...cutQuestionDefects(body, item.answer, item.source));
  if (/^Name (?:all \w+|both): /.test(prompt)) defects.push(...listPromptDefects(body, item.answer));
  // HTML or Markdown link syntax in a prompt is a document's markup, not its prose.
  if (/<\/?[a-z][^>]*>|\]\(|\bjavascript:/i.test(body)) defects.push("markup in the prompt");
  // "Resolution 1244, adopted, authorised …": a participle left alone between commas once its date was cut out.
  if (/, [a-z]+(?:ed|en),/.test(body)) defects.push("dangling participle between commas");
  // A matching or ordering prompt is a template ("Put these events …"); its clauses are checked one by one.
  if (kind !== "matching" && kind !== "ordering") defects.push(...unresolvedAnaphora(prompt));
  return defects;
}

const NOT_COUNTED = /^(?:species|series|means|news|headquarters|physics|mathematics|economics|politics|ethics)$/i;

/** "the one technologies", "1 technologies": the numeral one before a plural common noun. */
function onePlural(body: string): boolean {
  const m = /\b(?:one|1) ([a-z]+s)\b(?! of\b)/.exec(body.split(GAP).join("X"));
  if (!m || NOT_COUNTED.test(m[1]!) || /ss$/.test(m[1]!)) return false;
  const terms = (analyse(body).json() as { terms: { text: string; tags: string[] }[] }[]).flatMap((s) => s.terms);
  const at = terms.findIndex((t, i) => /^(?:one|1)$/i.test(terms[i - 1]?.text ?? "") && t.text === m[1]);
  return at > 0 && terms[at]!.tags.includes("Plural") && terms[at]!.tags.includes("Noun");
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A question cut out of its sentence badly, checked against the sentence:
 * - "Under which rule does such as a deportation …?": an example list ("such as …") right after the auxiliary;
 * - "When was the formation introduced by Protocol No. 14, in force, to help …?": the date answered an aside
 *   ("in force since 1 June 2010") whose words stay between commas, so the question asks the main verb's date;
 * - "…, so that anyone could use?": the question ends on the first of two coordinated verbs ("use and improve it").
 *
 * @example
 * cutQuestionDefects('When did CERN open the software, so that anyone could use?', '1993', '… so that anyone could use and improve it.') // ['question ends on the first of two coordinated verbs']
 */
export function cutQuestionDefects(question: string, answer?: string, source?: string): string[] {
  const out: string[] = [];
  if (new RegExp(`\\b(?:${AUX}) (?:such as|including|for example|e\\.g\\.)`, "i").test(question))
    out.push("example list after the auxiliary");
  const text = source?.split(" … ").pop() ?? "";
  if (answer && text) {
    const aside = new RegExp(`, ([^,]{1,40}?) (?:since|from|on|in|until|as of) ${escapeRe(answer)},`).exec(text);
    if (aside && question.includes(`, ${aside[1]},`)) out.push("the date belonged to an aside");
    const last = /(\S+ \S+)\?$/.exec(question)?.[1];
    if (last && /^[a-z]/.test(last) && new RegExp(`\\b${escapeRe(last)} (?:and|or) [a-z]`).test(text))
      out.push("question ends on the first of two coordinated verbs");
  }
  return out;
}

const OPENING_WORDS =
  "in|on|at|by|for|from|since|after|before|during|until|when|while|although|though|because|if|as|with|without|under|over|among|between|today|now|however|also|then|here|there|thus|meanwhile|moreover|besides|instead|finally|first|later|there|it|they|he|she|we|this|these";

/**
 * Defects of a "Name all N: … _____ …" prompt: a member left outside the blank ("Grizzly bears, _____ also live in
 * the park"), the last member cut ("adults with _____ of cancer" → "…, HIV or a history"), or members that are
 * clauses opening on a pronoun ("it concerns a state …; the applicant has …").
 */
export function listPromptDefects(body: string, answer = ""): string[] {
  const out: string[] = [];
  const [before = "", after = ""] = body.split(GAP);
  // The words before a comma ending the lead are a member when they are a short noun phrase, not an opening phrase
  // ("In 1990, _____ …", "However, _____ …").
  const lead = /(?:^|[,;:] )([^,;:]+),\s*$/.exec(before)?.[1]?.trim();
  // An appositive closed by a comma after the blank ("two small streams, _____, meet") names no member.
  const member =
    lead !== undefined &&
    !after.startsWith(",") &&
    !/^(?:the|a|an|two|three|four|five|six|seven|eight|nine|ten|its|their|his|her)\b/i.test(lead) &&
    lead.split(/\s+/).length <= 4 &&
    !/\d/.test(lead) &&
    !new RegExp(`^(?:${OPENING_WORDS})\\b`, "i").test(lead);
  if (member || /^,? (?:and|or) /.test(after)) out.push("a list member outside the blank");
  if (/^ (?:of|'s|’s)\b/.test(after)) out.push("the last list member is cut");
  // "it concerns a state …; the applicant has …": a member that opens on a pronoun is a clause whose subject is
  // outside the list (and outside the item).
  if (/(?:^|; )(?:it|they|he|she|this|these)\b/i.test(answer)) out.push("a list member opens with a pronoun");
  return out;
}

/**
 * The question with each possessive "his"/"her" taken out when the one name the question gives before it, or the
 * person a "Who …?" asks for (`answer`), binds it: "When did Jan Ingenhousz publish his results?", "Who published
 * his results?" → Jan Ingenhousz, when the source sentence's own subject is the same pronoun ("He published his
 * results in 1779.": its "his" is the subject's, whom the question names in its place) and the name is not of the
 * other gender (coreference.ts `nameGender`). A source whose subject is a name ("George Andrews found a bundle of
 * his last papers": Ramanujan's) binds nothing, nor do two names.
 *
 * @example
 * withoutBoundPossessives('When did Jan Ingenhousz publish his results?') // 'When did Jan Ingenhousz publish the results?'
 */
export function withoutBoundPossessives(question: string, answer?: string, source = ""): string {
  if (!/\b(?:his|her)\b/i.test(question)) return question;
  const tags = posTokens(question);
  let out = question;
  for (const [i, t] of tags.entries()) {
    const gender = /^his$/i.test(t.text) ? "he" : /^her$/i.test(t.text) ? "she" : undefined;
    const next = tags[i + 1];
    if (!gender || !next || !["NOUN", "ADJ", "PROPN", "NUM"].includes(next.pos)) continue;
    const before = question.slice(0, t.start);
    const named = [...before.matchAll(/(?:\b[A-Z]\.\s?|\b[A-Z][\p{L}'’-]+\s)+[A-Z][\p{L}'’-]+/gu)].map((m) => m[0]);
    const people = /^Who\b/.test(question) && answer ? [...named, answer] : named;
    // The source's subject pronoun, at its start or after a fronted phrase ("In 1779 he published his results").
    const subject = /^(?:[^,]{0,60}, |In \d{4} )?(he|she)\b/i.exec(source.split(" … ").pop() ?? "")?.[1]?.toLowerCase();
    const binds = (p: string) => subject === gender && (nameGender(p) ?? gender) === gender;
    if (people.length === 1 && binds(people[0]!)) out = out.slice(0, t.start) + "the" + out.slice(t.end);
  }
  return out;
}

const RELATIVE_TIME =
  /\b(?:(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|several|many|some) (?:years?|months?|weeks?|days?|decades?) (?:later|earlier|afterwards)|later that (?:year|month|day|week)|(?:the|that) (?:following|next|previous|same) (?:year|month|day|week|decade)|in that year|the year (?:before|after))\b/i;
const DEMONSTRATIVE = /\b(?:this|these|those) ([a-z]+)\b/gi;
const DEICTIC_TIME = /^(?:morning|afternoon|evening|week|month|year|summer|winter|spring|autumn)$/;
const SAME = /\bthe same ([a-z-]+)/;

/**
 * References a prompt keeps to what only the sentence before said: "the same prize", "three years later" with no
 * date to count from, "this time" or "these cells" in a single sentence, "its" with no noun before it. The item
 * reads as a riddle, or as a falsehood when the reader fills the gap with the wrong thing.
 *
 * @example
 * unresolvedAnaphora('True or false: Three years later she won the same prize.') // ['"three years later" has no date to count from', …]
 */
export function unresolvedAnaphora(prompt: string): string[] {
  const { body } = promptBody(prompt);
  const out: string[] = [];
  const text = body.split(GAP).join("X");
  const relative = RELATIVE_TIME.exec(text);
  if (relative && !YEAR_WORD.test(text)) out.push(`"${relative[0]}" has no date to count from`);
  // "the same decree in three scripts", "the same age as …": bound inside the sentence.
  const same = SAME.exec(text);
  if (
    same &&
    !new RegExp(`the same ${same[1]}(?: [a-z]+){0,2} as\\b`).test(text) &&
    !/\b(?:both|each|every|all|two|three|four|several|many|X)\b|\d/.test(text)
  )
    out.push(`"the same ${same[1]}" refers to something said before`);
  // One sentence only: a second sentence in the prompt may hold the antecedent ("… This process is known as …").
  const single = !/[.!?] \p{Lu}/u.test(text.replace(/\b(?:[A-Z]|[A-Z][a-z]{0,3})\. /g, ""));
  // "During this time …", "formed in this way": a demonstrative before a noun that the prompt has not named, outside
  // a relative clause ("…, who assumed this post" points at its own sentence) and not a dated "this morning".
  for (const m of single ? text.matchAll(DEMONSTRATIVE) : []) {
    const before = text.slice(0, m.index);
    const noun = m[1]!.toLowerCase();
    // "this releases oxygen": "this" before a verb is a pronoun for the clause before it in the sentence; "in this
    // way" still states a checkable fact.
    if (/^(?:is|are|was|were|has|have|had|can|will|would|may|might|must|should|way|manner)$/.test(noun)) continue;
    if (/^this$/i.test(m[0].split(" ")[0]!) && /[^su]s$/.test(noun)) continue;
    if (new RegExp(`\\b${noun}`, "i").test(before) || /\b(?:who|which|whose|where)\b/i.test(before)) continue;
    if (DEICTIC_TIME.test(noun) && (YEAR_WORD.test(text) || body.includes(GAP))) continue;
    if (posTokens(text).find((t) => t.start > m.index! && t.text.toLowerCase() === noun)?.pos !== "NOUN") continue;
    out.push(`"${m[0]}" refers to something said before`);
    break;
  }
  if (single && /\bits\b/.test(text)) {
    const tags = posTokens(text);
    const at = tags.findIndex((t) => t.text === "its");
    const named = (t: { pos: string; text: string }) =>
      (t.pos === "NOUN" || t.pos === "PROPN") && !MONTH_NAME.test(t.text);
    // "From its source …, the Danube runs": a leading phrase may point forward to the subject after its comma.
    const comma = tags.findIndex((t, i) => i > at && t.text === ",");
    const forward = comma > at && tags.slice(comma).some((t) => t.pos === "PROPN" && !MONTH_NAME.test(t.text));
    if (at >= 0 && !tags.slice(0, at).some(named) && !forward) out.push('"its" names nothing in the prompt');
  }
  return out;
}

const MONTH_NAME = new RegExp(`^(?:${MONTH_OR_ABBREVIATION})$`);

const WH_OPENING = /^(?:About |Roughly |Approximately )?(?:When|Where|Who|Whom|What|Which|Why|How)\b/i;
// After "When did"/"How many wolves did", a subject follows: a determiner, a noun or name, a pronoun, a number or an
// adjective. A preposition, adverb or subordinator there is a fronted phrase the inversion left in place.
// A verb may follow when the wh-phrase is the subject ("How many personnel were trained?").
const NOT_A_SUBJECT_START = new Set(["ADP", "ADV", "SCONJ", "CCONJ", "PUNCT", "PART"]);

/**
 * Shape defects of a transformed question, from wink-nlp's tags (decision 016): a fronted phrase left after the
 * auxiliary ("How many wolves did Between 1995 and 1997, biologists release?", "When did here the Iron Gate I
 * complete?") and a coordinated predicate swallowed by a count ("About how many kilometres long and freezes is
 * Yellowstone Lake?").
 *
 * @example
 * questionShape('How many wolves did Between 1995 and 1997, biologists release?') // ['fronted phrase after the auxiliary']
 */
function questionShape(question: string): string[] {
  if (!WH_OPENING.test(question)) return [];
  const tokens = posTokens(question);
  const out: string[] = [];
  const aux = tokens.findIndex((t, i) => i > 0 && t.pos === "AUX");
  const next = aux > 0 ? tokens[aux + 1] : undefined;
  // "How many entrances are there?": existential "there" closes the question.
  const existential = next && /^there$/i.test(next.text) && tokens[aux + 2]?.text === "?";
  if (next && NOT_A_SUBJECT_START.has(next.pos) && !existential && !/^not$/i.test(next.text))
    out.push("fronted phrase after the auxiliary");
  if (/^(?:About |Roughly |Approximately )?How (?:many|much)\b/i.test(question) && aux > 0) {
    const counted = tokens.slice(0, aux);
    // "and supporting personnel" is one noun phrase: only a verb with no noun after it is a second predicate.
    const second = (i: number) => counted[i + 1]?.pos === "VERB" && !/^(?:NOUN|PROPN)$/.test(tokens[i + 2]?.pos ?? "");
    if (counted.some((t, i) => t.pos === "CCONJ" && second(i))) out.push("coordinated predicate in a count question");
  }
  return out;
}

/**
 * "did/does/do + base form": "When did NATO agreed to …?" is garbled; so is a plural counted with a singular verb
 * ("How many schools is …"). Tags come from compromise (also the generator's conjugator).
 */
function questionGrammar(question: string): string | undefined {
  const doSupport =
    /^(?:When|Where|Why|How|What|Which \w+|Who|Whom|How (?:many|much) [\w-]+(?: [\w-]+)?) (?:did|does|do) /.exec(
      question,
    );
  if (doSupport) {
    // Tagged as a whole question: compromise reads "stand", "end", "transfer" as nouns when cut out of it.
    const terms = (
      analyse(question).json() as { terms: { text: string; pre: string; post: string; tags: string[] }[] }[]
    ).flatMap((s) => s.terms);
    const after = terms.slice(terms.findIndex((t) => /^(?:did|does|do)$/i.test(t.text)) + 1);
    // Parts of hyphenated words ("Jordan-based") are modifiers, not the question's verb.
    const first = after.find(
      (t, i) =>
        t.tags.includes("Verb") &&
        !t.pre.endsWith("-") &&
        !(i > 0 && after[i - 1]!.post.endsWith("-")) &&
        !t.tags.includes("Auxiliary"),
    );
    if (first?.tags.includes("PastTense") && !first.tags.includes("Infinitive") && /ed$/.test(first.text))
      return "did + past tense";
    if (first && /^(?:is|are|was|were|been|being)$/i.test(first.text)) return "did + be";
  }
  if (/^How many [a-z]+s (?:is|was|has)\b/.test(question)) return "plural counted with a singular verb";
  // "When did the canal open, when the ship …?": a second "when" clause left after the asked one.
  if (/^When\b[^?]*, when\b/.test(question)) return "a second when-clause";
  // "Where has CERN its headquarters?": "have" of possession is not inverted in English ("Where does CERN have …").
  if (/^(?:When|Where|Why|How|What|Which \w+) (?:has|have|had) [^?]*? (?:its|his|her|their) /.test(question))
    return "inverted possessive have";
  // "How many votes does Decisions on … need?": a plural common noun after "does".
  const agreement = /\b(?:does|has|is|was) ((?:the )?[A-Z]?[a-z]+)\b/.exec(question);
  if (agreement && /^[A-Z]?[a-z]+(?:ions|ments)$/.test(agreement[1]!)) return "plural subject with a singular verb";
  // "Why does most applications never reach …?": a plural common noun (compromise's tag) after a quantifier.
  const quantified = /\b(?:does|has|is|was) (?:most|many|some|all|few|several|both|these|those) ([a-z]+)\b/.exec(
    question,
  );
  if (quantified) {
    const terms = (analyse(question).json() as { terms: { text: string; tags: string[] }[] }[]).flatMap((s) => s.terms);
    if (terms.find((t) => t.text === quantified[1])?.tags.includes("Plural"))
      return "plural subject with a singular verb";
  }
  // "How many metres tall and about 7 is …": a second bare count in the question is debris of a cut number
  // (a year, or a number inside a name such as "Apollo 11", is not).
  if (
    /^How (?:many|much)\b/.test(question) &&
    /(?<![A-Z][\w-]* )(?<![\d,.])\b(?!1[0-9]{3}\b|20[0-9]{2}\b)\d+\b(?![,.]\d)/.test(question)
  )
    return "a second number in a count question";
  return undefined;
}

/**
 * "When did the agreement ratify by parliament?": an active "did + verb" followed by "by" is a passive sentence turned
 * the wrong way round. Not certain enough to drop (phrasal "stand by"), so the item is only flagged for review.
 */
export function looksLikeLostPassive(question: string): boolean {
  return /^(?:When|Where|Why|How)\b[^?]* (?:did|does|do) [^?]*\b[a-z]{3,}(?<!stand|pass|go|come|drop|abide) by (?:the |a |an )?[A-Za-z]/.test(
    question,
  );
}

/** A sentence with no finite verb ("Buzz Aldrin on the Moon, July 1969"): captions and list debris read like this. */
export function isFragment(sentence: string): boolean {
  // "Launch site: Guiana Space Centre, Kourou": a fact sheet's label and value, a statement without a verb.
  if (/^[A-Z][\w ()'’-]{1,40}: \S/.test(sentence.trim())) return false;
  const words = sentence.split(/\s+/).filter(Boolean);
  if (words.length < 4) return true;
  // The analysis's own terms, not `.json()`'s copy of them (which is rebuilt on every call: ~10 % of a warm build).
  const terms = analyse(sentence).document.flat();
  return !terms.some(
    ({ tags }) =>
      !!tags?.has("Verb") &&
      (tags.has("PastTense") ||
        tags.has("PresentTense") ||
        tags.has("Modal") ||
        tags.has("Copula") ||
        tags.has("Auxiliary")),
  );
}

const BRACKETS: [string, string][] = [
  ["(", ")"],
  ["[", "]"],
  ["{", "}"],
];

/**
 * Defects of an answer span: cut mid-name ("NATO Training Camp Base-"), list debris ("Taji /"), unbalanced
 * brackets ("Bomb Disposal (EOD/C-IED"), a dangling function word ("Office of the").
 *
 * @example
 * answerDefects('Camp Silver -') // ['answer ends with a separator']
 */
export function answerDefects(answer: string): string[] {
  const defects: string[] = [];
  const a = answer.trim();
  if (!a) return ["empty answer"];
  if (/[-/–—,;:&]$/.test(a) || /^[-/–—,;:&)]/.test(a)) defects.push("answer ends with a separator");
  for (const [open, close] of BRACKETS)
    if (a.split(open).length !== a.split(close).length) defects.push("answer has unbalanced brackets");
  if ((a.match(/"/g) ?? []).length % 2 === 1) defects.push("answer has an unbalanced quote");
  if (/\s(?:of|the|and|or|for|in|on|at|to|a|an|de|von|van)$/i.test(a)) defects.push("answer ends with a function word");
  return defects;
}

// Words that may stand before a name without being part of it ("Secretary General Jens Stoltenberg").
export const TITLE_WORDS = new Set(
  [...RANKS, ...MILITARY_RANKS, "Secretary", "General", "President", "Minister", "Chancellor", "King", "Queen"]
    .flatMap((r) => r.split(/\s+/))
    .concat(["Dr", "Mr", "Mrs", "Ms", "Sir", "Dame", "Professor", "Saint", "St", "Pope", "Prince", "Princess"])
    .concat(["Director", "Chairman", "Chair", "Spokesperson", "Head", "Chief", "Governor", "Mayor", "Senator"])
    .concat(["Ambassador", "Commander", "Deputy", "Vice", "Prime", "Foreign", "Defence", "Defense", "Emperor"]),
);
const SENTENCE_OPENERS =
  /^(?:The|A|An|In|On|At|From|By|For|With|Under|After|Before|During|Since|Then|When|While|Its|His|Her|Their)$/;

/**
 * A name answer cut out of a longer name in its sentence: the next word is capitalised ("Camp Silver" in "Camp
 * Silver Lake", "Major General Pietro" before "ROSSI"), or the word before is ("Nations" of "United Nations"), or
 * it follows "<Name …> and" inside "the Economic and Social Council". Titles before a person's name are not part of it.
 *
 * @example spanCut('The camp at Camp Silver Lake opened.', 'Camp Silver') // true
 */
const capitals = (s: string) => (s.match(/(?<![\p{L}\p{N}])\p{Lu}/gu) ?? []).join("");

export function spanCut(sentence: string, answer: string): boolean {
  const text = tidy(sentence);
  const target = tidy(answer);
  const hits = boundedOccurrences(text, target, "[\\p{L}\\p{N}]", "[\\p{L}\\p{N}]");
  if (hits.length === 0) return false;
  return hits.every((at) => {
    const before = text.slice(0, at);
    const after = text.slice(at + target.length);
    if (/^ (?:\p{Lu}[\p{L}'’-]*|[A-Z]{2,})\b/u.test(after) && !/^ (?:I|A)\b/.test(after)) return true;
    // An institution's name runs on through a linking word: "the Royal Society for the Protection" + " of Birds",
    // "the Federal Office for Agriculture" + " and Food Security", "Bundesamt für Strahlenschutz" + " und Umwelt".
    // Only a name with a head noun or a link of its own: "Carl Bosch of BASF" and "Statistics Norway and Eurostat"
    // are whole names followed by another.
    const linked = / (?:of|for|für|de|des|du|di|van|von)(?: the)? /u.test(` ${target} `);
    if (linked || target.split(" ").some((word) => INSTITUTION_HEADS.includes(word))) {
      if (/^ (?:of|for|für|de|des|du|di|van|von)(?: the)? \p{Lu}/u.test(after)) return true;
      if (linked && /^ (?:and|&|und) \p{Lu}/u.test(after)) return true;
    }
    // Hyphenated compounds and a bracketed acronym inside a name: "Search-and-_____", "_____-Hungary",
    // "Search and _____ (SAR) Service".
    if (/^[-‐](?:(?:and|of|the|&)[-‐])*\p{Lu}/u.test(after) || /^ \(\p{Lu}[\p{Lu}\p{N}&/.-]*\) \p{Lu}/u.test(after))
      return true;
    if (/\p{Lu}[\p{L}'’]*[-‐](?:(?:and|of|the|&)[-‐])*$/u.test(before)) return true;
    const prev = /([\p{L}'’-]+) $/u.exec(before)?.[1];
    const sentenceStart = before.trim() === "" || /[.:;!?"(]\s*$/.test(before);
    const title = prev !== undefined && prev.split("-").every((part) => TITLE_WORDS.has(part));
    if (prev && /^\p{Lu}/u.test(prev) && !sentenceStart && !title && !SENTENCE_OPENERS.test(prev)) {
      const atStart = before.trimEnd().length === prev.length;
      if (!atStart) return true;
    }
    // "the _____ on Physical Activity 2018–2030 (GAPPA)" for "Global Action Plan": the acronym just after spells the
    // answer's capitals and then those of the words between, so the name runs on to the bracket.
    const acronym = /^((?: [\p{L}\p{N}'’–-]+){1,6}?) \((\p{Lu}{2,})\)/u.exec(after);
    if (acronym) {
      const own = capitals(target);
      if (own.length >= 1 && own + capitals(acronym[1]!) === acronym[2] && acronym[2]!.length > own.length) return true;
    }
    // "the Coastal Search and _____": any run of capitalised words after "the" and before the linking word.
    return /\b[Tt]he (?:\p{Lu}[\p{L}'’-]+ )+(?:and|of|for|&|of the) $/u.test(before);
  });
}
