/**
 * Is an item worth a learner's time? (issue 13, precision round 4; decision 035). An outside reader found a fifth of
 * the items on unseen documents right and well formed but worthless. Each check here names one shape of that, reads
 * only the item and the document, and serves twice like the shape checks (item-shapes.ts): a gate in `selectItems`
 * and a detector in defects.ts.
 *
 * - logistics-source: the item quotes a visitor's practicalities (opening hours, last admission, audio guides,
 *   booking, visit length, an address or a phone number) or a textbook's apparatus (a learning-objectives or
 *   key-terms box, an exercise question): true, but not what the document teaches.
 * - topic-entity: the answer is the entity the whole document is about: the title's subject, a biography's subject
 *   by any part of the name, or the place the lead paragraph sets the document in and names again and again.
 * - derivable-number: the prompt already gives the number away: it counts the members listed right after it
 *   ("_____ isotopes, A and B"), it counts a set named before ("the other _____ members", "the _____ Egyptian
 *   scripts" once scripts were introduced), or it is written in a formula ("a molecule of O₂ has _____ atoms").
 * - ambiguous-options: a bound or hedge around the blank makes a wrong option true too ("at least _____" with a
 *   smaller option, "about _____" with an option within a tenth), an option carries its own bound, or an option is
 *   another name of the key in the same document (its short name or abbreviation).
 * - cut-title: a blank inside the title of a work ("_____ Views of Mount Fuji", a quoted title).
 * - role-debris: a "Who was X?" card whose answer starts with words that are not a role ("a Meanwhile his colleague").
 * - question-scope: a transformed question that lost its scope: a second date left inside a "When …?" question, a
 *   direction without its landmark ("How many km east does X lie?"), a count joined to another clause ("How many
 *   plates move apart and magma rises …?").
 * - hedged-variant: a true/false statement keyed False by nudging a hedged number ("about 18 °C" → "about 20 °C"):
 *   the statement is still roughly true.
 */
import { generalKnowledge, nameNumber } from "./blank-worth";
import { GAP } from "./gap";
import { posTokens } from "./pos";
import { titleTopic, type ShapeContext } from "./item-shapes";
import { promptBody } from "./well-formed";
import { fold } from "./text";
import type { GeneratedItem } from "./types";
import { MONTH_NAMES } from "./lexicon";

export const INFORMATIVE_CHECKS = [
  "logistics-source",
  "topic-entity",
  "derivable-number",
  "ambiguous-options",
  "cut-title",
  "role-debris",
  "question-scope",
  "hedged-variant",
  "name-number",
  "general-knowledge",
] as const;
export type InformativeCheck = (typeof INFORMATIVE_CHECKS)[number];

const COMBINED = new Set(["matching", "ordering"]);

const bare = (text: string) => fold(text).replace(/^(?:the|a|an) /, "");

/** The sentence an item quotes (the last one when it spans several). */
const sentenceOf = (item: GeneratedItem) => item.source.text.split(" … ").pop()!.trim();

// ---------------------------------------------------------------------------------------------------------------
// Logistics and apparatus

const CLOCK = /\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s?(?:a\.m\.|p\.m\.|am|pm)(?!\w)/i;
const SCHEDULE =
  /\b(?:daily|every day|each day|weekdays|weekends|(?:mon|tues|wednes|thurs|fri|satur|sun)days|until|last (?:admission|entry)|opening (?:hours|times)|open(?:s)? (?:from|daily|every|until)|closes?|closed)\b/i;
const VISITOR =
  /\b(?:getting (?:here|there)|how to (?:get|find) us|open (?:every day|daily|all year|year-round)|last (?:admission|entry)|audio[- ]?guides?|opening (?:hours|times)|admission (?:is|costs|charge|fee|free)|free admission|book(?:ing)? (?:in advance|ahead|online)|advance booking|(?:allow|plan for|set aside) (?:at least |about |around )?(?:\d+|an?|one|two|three|half an?) (?:hours?|minutes)|the visit (?:takes|lasts)|guided tours?\b[^.]*\b\d{1,2}[:.]\d{2}|wheelchair|cloakroom|lockers?)\b/i;
const CONTACT =
  /(?:\b(?:tel|phone|telephone|fax|e-?mail)\b\.?:?\s*[+\d(]|\+\d[\d\s()-]{6,}|[\w.-]+@[\w-]+\.\w|\bwww\.|https?:\/\/|\b(?:postcode|zip code|p\.?o\.? box)\b|\b\d{1,4},? [A-Z][\p{L}-]+ (?:Street|Road|Avenue|Lane|Square|Place|Boulevard)\b|\b[A-Z][\p{L}-]+(?:straße|strasse|gatan|vägen|plein|platz)\s\d)/iu;
const EXERCISE =
  /^(?:Explain|Describe|Compare|Calculate|Define|Identify|Discuss|Suggest|Draw|Outline|Predict|Sketch|Summarise|Summarize|Justify|Evaluate|List|Name|State|Give|Use|Write)\b[^.?!]*[.?!]?$/;
const APPARATUS_HEADING =
  /^(?:learning (?:objectives|outcomes|goals)|objectives|key (?:terms|words|concepts|vocabulary)|vocabulary|glossary|(?:review|study|revision|practice|end[- ]of[- ](?:section|chapter)) questions|questions|exercises?|check your (?:understanding|learning)|test yourself|self[- ]check|further reading|references|contact(?: us)?|(?:opening|visiting) (?:hours|times)|tickets(?: and prices)?|admission|prices|accessibility|facilities)\b/i;

/** The heading of the section `at` falls in (the last `#` line before it), or "". */
function sectionHeading(documentText: string | undefined, at: number): string {
  if (!documentText) return "";
  const before = documentText.slice(0, Math.max(0, at));
  // The document's headings are found once; a heading that ends within `before` is found in `before` too (and the
  // same way), so only the rest of `before` is searched again (a heading `at` cuts reads as cut).
  if (headingsCache?.text !== documentText)
    headingsCache = {
      text: documentText,
      headings: [...documentText.matchAll(HEADING)].map((m) => ({ end: m.index + m[0].length, text: m[1]! })),
    };
  const { headings } = headingsCache;
  let lo = 0;
  let hi = headings.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (headings[mid]!.end <= before.length) lo = mid + 1;
    else hi = mid;
  }
  let last = lo > 0 ? headings[lo - 1]!.text : undefined;
  const rest = new RegExp(HEADING.source, HEADING.flags);
  rest.lastIndex = lo > 0 ? headings[lo - 1]!.end : 0;
  for (let m = rest.exec(before); m; m = rest.exec(before)) last = m[1]!;
  return last === undefined ? "" : last.trim();
}
const HEADING = /^#{1,6}\s+(.+)$/gm;
let headingsCache: { text: string; headings: { end: number; text: string }[] } | undefined;

/** The line of the document the item's source starts on (a list item, a "Label: value" line, a paragraph). */
function lineAt(documentText: string | undefined, at: number): string {
  if (!documentText) return "";
  const start = documentText.lastIndexOf("\n", Math.max(0, at - 1)) + 1;
  const end = documentText.indexOf("\n", at);
  return documentText.slice(start, end < 0 ? undefined : end);
}

/**
 * A visitor's practicalities or a textbook's apparatus as the item's source, as reasons.
 *
 * @example
 * logisticsSource(item({ source: { text: 'The museum is open daily from 10:00 to 17:00.', start: 0, end: 44 } })) // one reason
 */
export function logisticsSource(item: GeneratedItem, context: ShapeContext = {}): string[] {
  if (COMBINED.has(item.kind)) return [];
  const sentence = sentenceOf(item);
  const heading = sectionHeading(context.documentText, item.source.start);
  const line = lineAt(context.documentText, item.source.start) || sentence;
  if (APPARATUS_HEADING.test(heading.replace(/^[\d.\s]+/, "")))
    return [`the source sits under "${heading}", not in what the document teaches`];
  // Many items quote one sentence: its reasons are found once (a function of the sentence and its line).
  let bySentence = logisticsByLine.get(line);
  if (!bySentence) {
    if (logisticsByLine.size >= 5000) logisticsByLine.clear();
    bySentence = new Map();
    logisticsByLine.set(line, bySentence);
  }
  let reasons = bySentence.get(sentence);
  if (!reasons) {
    reasons = sentenceLogistics(sentence, line);
    bySentence.set(sentence, reasons);
  }
  return [...reasons];
}
const logisticsByLine = new Map<string, Map<string, string[]>>();

/** `logisticsSource`'s reasons that come from the source sentence and the line it starts on. */
function sentenceLogistics(sentence: string, line: string): string[] {
  if (/\?["”)]?$/.test(sentence)) return ["the source is a question (an exercise), not a statement"];
  if (EXERCISE.test(sentence) && !/^(?:List|Name|State|Give|Use|Write)\b[^.]*\b(?:is|are|was|were)\b/.test(sentence))
    return ["the source is an instruction (an exercise), not a statement"];
  if (/^(?:by the end of this|in this (?:section|chapter|unit)|after (?:reading|studying) this)\b/i.test(sentence))
    return ["the source is a learning objective"];
  if (CONTACT.test(line)) return ["the source is an address or contact line"];
  if (VISITOR.test(sentence)) return ["the source is visitor information (hours, tickets, guides, booking)"];
  if (CLOCK.test(sentence) && SCHEDULE.test(sentence)) return ["the source is an opening schedule"];
  return [];
}

// ---------------------------------------------------------------------------------------------------------------
// The document's own topic

interface Topic {
  /** Folded names that stand for the topic (the title's subject and its leading name). */
  names: Set<string>;
  /** Folded parts of a person's name when the title's subject is a person (a biography). */
  personParts: Set<string>;
  /** Folded places the lead paragraph names and the document repeats: the setting of the whole document. */
  setting: Set<string>;
}

// Keyed by the title and the text themselves (not a string made of both: that copied the whole document per item).
let topicCache: { title: string; text: string; topic: Topic } | undefined;

const NAME_RUN = /\b[A-Z][\p{L}'’-]+(?:\s(?:(?:of|de|von|van|du|the)\s)?[A-Z][\p{L}'’-]+)*/gu;

/** The document's topic, from its title and its lead paragraph (cached for the document being built). */
function topicOf(context: ShapeContext): Topic {
  const title = context.title ?? "";
  const documentText = context.documentText ?? "";
  if (topicCache?.title === title && topicCache.text === documentText) return topicCache.topic;
  const names = new Set<string>();
  const main = titleTopic(title);
  if (main) names.add(main);
  // "Millau Viaduct opens to traffic, completing …": a headline's subject is its leading run of names.
  const lead = /^(?:The\s)?([A-Z][\p{L}'’-]+(?:\s[A-Z][\p{L}'’-]+)+)/u.exec(title)?.[1];
  if (lead) names.add(bare(lead));
  const personParts = new Set<string>();
  // A biography: the title's subject is a person's name (two or three capitalised words, perhaps dates after it).
  if (/^[A-Z][\p{L}'’-]+(?:\s[A-Z][\p{L}'’.-]+){1,3}(?:\s\([^)]*\d{3,4}[^)]*\))?$/u.test(title.trim()) && main)
    for (const part of main.split(" ")) if (part.length > 2) personParts.add(part);
  const setting = new Set<string>();
  const text = documentText.replace(/^---[\s\S]*?---\s*/, "");
  const firstParagraph = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .find((p) => p && !p.startsWith("#"));
  if (firstParagraph)
    for (const m of firstParagraph.matchAll(NAME_RUN)) {
      const name = m[0];
      const times = text.match(
        new RegExp(`(?<![\\p{L}])${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}])`, "gu"),
      );
      if ((times?.length ?? 0) >= 3) setting.add(bare(name));
    }
  const topic = { names, personParts, setting };
  topicCache = { title, text: documentText, topic };
  return topic;
}

const NATURAL_FEATURE =
  /\b(?:Sea|Ocean|River|Lake|Gulf|Bay|Mountains?|Delta|Canal|Strait|Reef|Basin|Valley|Islands?|Forest|Desert|Gorge)\b/;

/**
 * The answer is what the whole document is about, so the item tests nothing a learner does not already know.
 *
 * @example
 * topicEntity(item({ prompt: 'Fill in the blank: _____ was a British engineer.', answer: 'Ada Brook', answerType: 'person' }), { title: 'Ada Brook (1820–1890)' })
 */
export function topicEntity(item: GeneratedItem, context: ShapeContext = {}): string[] {
  // "Which of these is NOT in the list …? → NATO Mission Iraq": the document's own subject is the outsider anyone
  // picks out (decision 038).
  if (item.members && item.kind === "multiple_choice") {
    const topic = topicOf(context);
    const outsider = bare(item.answer);
    return topic.names.has(outsider) || topic.setting.has(outsider)
      ? ["the outsider is the document's own subject"]
      : [];
  }
  if (COMBINED.has(item.kind) || item.kind === "flashcard" || item.members) return [];
  if (/\bstand for\?$|\babbreviation\b/.test(item.prompt)) return [];
  const topic = topicOf(context);
  if (item.kind === "true_false") {
    // A false statement made by putting the topic in another fact's place ("Brunel was the first iron ship").
    if (item.answer !== "False") return [];
    const source = ` ${fold(item.source.text)} `;
    const body = ` ${fold(promptBody(item.prompt).body)} `;
    // Put in, not merely named in full where the source says "Brunel".
    for (const name of [...topic.names, ...topic.setting])
      if (body.includes(` ${name} `) && !name.split(" ").some((w) => w.length > 2 && source.includes(` ${w} `)))
        return [`"${name}" put in another's place`];
    return [];
  }
  if (!/^\p{Lu}/u.test(item.answer.replace(/^the /, "")) || item.answerType === "date" || item.answerType === "number")
    return [];
  const answer = bare(item.answer);
  const { body } = promptBody(item.prompt);
  // "_____ is the process by which …": recalling a thing from its definition is worth learning; a person is not.
  const definition = new RegExp(`^(?:The )?${GAP}(?: \\([^)]*\\))? (?:is|was|are|were) (?:a|an|the|one)\\b`).test(body);
  if (topic.names.has(answer) && !(definition && item.answerType !== "person"))
    return ["the answer is the title's subject"];
  const words = answer.split(" ");
  if (topic.personParts.size > 0 && words.every((w) => topic.personParts.has(w)))
    return ["the answer is the biography's own subject"];
  // A country or city, not a sea or river the document also names ("its mouth on the Black Sea" is a fact).
  if (topic.setting.has(answer) && item.answerType === "place" && !NATURAL_FEATURE.test(item.answer))
    return [`the answer is the place the whole document is set in`];
  return [];
}

// ---------------------------------------------------------------------------------------------------------------
// Numbers the prompt gives away

const NUMBER_WORD: Record<string, number> = Object.fromEntries(
  "zero one two three four five six seven eight nine ten eleven twelve".split(" ").map((w, i) => [w, i]),
);
const numeric = (text: string): number | null => {
  const t = text.trim().toLowerCase().replace(/,/g, "");
  if (/^\d+(?:\.\d+)?$/.test(t)) return Number(t);
  return NUMBER_WORD[t] ?? null;
};
const SUBSCRIPT = "₀₁₂₃₄₅₆₇₈₉";

/** Atoms a formula names ("O₂" → 2, "H₂O" → 3), or null for a word that is no formula. */
function formulaAtoms(token: string): { atoms: number; counts: number[] } | null {
  const plain = token.replace(/[₀-₉]/g, (c) => String(SUBSCRIPT.indexOf(c)));
  if (!/^(?:[A-Z][a-z]?\d*){1,6}$/.test(plain) || !/\d/.test(plain) || !/[₀-₉]/.test(token)) return null;
  const parts = [...plain.matchAll(/[A-Z][a-z]?(\d*)/g)];
  const counts = parts.map((p) => (p[1] ? Number(p[1]) : 1));
  return { atoms: counts.reduce((a, b) => a + b, 0), counts };
}

/** Members of a short coordinated list at the start of `text` ("A and B", "A, B and C"), or 0. */
function listedMembers(text: string): number {
  const m =
    /^(?:[,:(—–-]\s*|\s(?:called|named|namely|including)\s)((?:[^,;.()]+,\s)*[^,;.()]+\s(?:and|or)\s[^,;.()\s]+(?:\s[A-Z][^,;.()\s]*)*)/.exec(
      text,
    );
  if (!m) return 0;
  // Commas part the members, the last "and" the final two: "the Economic and Social Council" is one member.
  const parts = m[1]!.split(/,\s/).filter((x) => x.trim());
  const last = parts[parts.length - 1] ?? "";
  return parts.length + (/^(?:and|or)\s/.test(last) || !/\s(?:and|or)\s/.test(last) ? 0 : 1);
}

/**
 * A number the prompt gives away, as reasons.
 *
 * @example
 * derivableNumber(item({ prompt: 'Fill in the blank: Chlorine has _____ stable isotopes, chlorine-35 and chlorine-37.', answer: '2', answerType: 'number' })) // one reason
 */
export function derivableNumber(item: GeneratedItem, context: ShapeContext = {}): string[] {
  if (item.answerType !== "number" || item.kind === "true_false" || COMBINED.has(item.kind)) return [];
  const value = numeric(item.answer);
  if (value === null) return [];
  const { body } = promptBody(item.prompt);
  const gap = body.indexOf(GAP);
  const before = gap >= 0 ? body.slice(0, gap) : "";
  const after = gap >= 0 ? body.slice(gap + GAP.length) : "";
  if (gap >= 0) {
    // "_____ isotopes, chlorine-35 and chlorine-37": the list that follows counts itself.
    const noun = /^((?:\s[\p{L}-]+){1,3}?)(?=[,:(—–-]|\s(?:called|named|namely|including)\s)/u.exec(after);
    if (noun && listedMembers(after.slice(noun[1]!.length)) === value)
      return ["the list after the blank counts itself"];
    // "the other _____ members", "the _____ remaining states": the rest of a set counted before.
    if (
      /\b(?:other|remaining)\s$/i.test(before) ||
      (/\bthe\s$/i.test(before) && /^\s(?:other|remaining)\b/i.test(after))
    )
      return ["the rest of a set already counted"];
    // "the _____ Egyptian scripts" once the document introduced its scripts: the set is counted already.
    const definite = /\b(?:the|its|their|these|those)\s$/i.test(before);
    // The counted phrase as written ("permanent members"): "15 members" before does not count the permanent ones.
    const phrase = /^\s((?:[a-z-]+\s){0,2}?[a-z]{3,}s)\b/.exec(after)?.[1];
    if (definite && phrase && context.documentText) {
      const earlier = context.documentText.slice(0, Math.max(0, item.source.start));
      const counted = new RegExp(
        `\\b(?:\\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)\\s(?:[a-z-]+\\s){0,2}${phrase}\\b`,
        "i",
      );
      if (counted.test(earlier)) return [`"the … ${phrase}" counts a set counted before`];
    }
  }
  for (const word of body.split(/[\s,;:()]+/)) {
    const formula = formulaAtoms(word);
    if (formula && (formula.atoms === value || formula.counts.includes(value)))
      return [`the formula "${word}" gives the number`];
  }
  return [];
}

// ---------------------------------------------------------------------------------------------------------------
// Options

const LOWER_BOUND = /\b(?:at least|more than|over|upwards of|no fewer than|in excess of)\s$/i;
const UPPER_BOUND = /\b(?:up to|at most|less than|fewer than|under|no more than|below)\s$/i;
const HEDGE = /\b(?:about|around|approximately|roughly|nearly|almost|some|close to|an estimated)\s$/i;
const OWN_BOUND = /^(?:at least|more than|over|up to|at most|less than|fewer than|about|around|nearly|almost)\s/i;

/** The first number of an option ("2,300", "€412 million" → 412), or null. */
const optionValue = (option: string) => {
  const m = /\d[\d,]*(?:\.\d+)?/.exec(option);
  return m ? Number(m[0].replace(/,/g, "")) : null;
};

/** Initials of a name's capitalised words ("International Atomic Energy Agency" → "iaea"). */
const initials = (name: string) =>
  name
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0]!.toLowerCase())
    .join("");

/**
 * Options that make a multiple-choice item ambiguous or false, as reasons.
 *
 * @example
 * ambiguousOptions(item({ kind: 'multiple_choice', prompt: 'Which number fills the blank? At least _____ people died.', answer: '30', options: ['30', '6', '64', '98'] })) // one reason
 */
export function ambiguousOptions(item: GeneratedItem, context: ShapeContext = {}): string[] {
  if (item.kind !== "multiple_choice" || item.members || !item.options) return [];
  const others = item.options.filter((o) => o !== item.answer);
  const { body } = promptBody(item.prompt);
  const gap = body.indexOf(GAP);
  const before = gap >= 0 ? body.slice(0, gap) : body.replace(/\?$/, " ");
  const key = optionValue(item.answer);
  if (item.answerType === "number") {
    if (others.some((o) => OWN_BOUND.test(o))) return ["an option carries its own bound"];
    if (key !== null) {
      const values = others.map(optionValue).filter((v): v is number => v !== null);
      // "At least _____ people died": any smaller option is true as well.
      if (
        (LOWER_BOUND.test(before) || /^(?:More than|Over|At least) how many\b/i.test(body)) &&
        values.some((v) => v < key)
      )
        return ["a smaller option is also true after a lower bound"];
      if (
        (UPPER_BOUND.test(before) ||
          (OWN_BOUND.test(item.answer) && /^(?:up to|at most|less than|fewer than) /i.test(item.answer))) &&
        values.some((v) => v > key)
      )
        return ["a larger option is also true under an upper bound"];
      if (
        (HEDGE.test(before) || /^(?:About|Roughly|Approximately) how many\b/i.test(body)) &&
        values.some((v) => Math.abs(v - key) <= 0.1 * key)
      )
        return ["an option within a tenth of a hedged key"];
    }
  }
  if (["person", "place", "organisation", "text"].includes(item.answerType)) {
    const answer = bare(item.answer);
    for (const o of others) {
      const option = bare(o);
      if (!option) continue;
      // The key's own short name ("Brunel" of "Isambard Kingdom Brunel") or abbreviation ("IAEA").
      const shortName = ` ${answer} `.includes(` ${option} `) || ` ${option} `.includes(` ${answer} `);
      const abbreviation =
        (/^[A-Z]{2,6}$/.test(o.trim()) && initials(item.answer) === option) ||
        (/^[A-Z]{2,6}$/.test(item.answer.trim()) && initials(o) === answer);
      const written =
        context.documentText &&
        (context.documentText.includes(`${item.answer} (${o})`) ||
          context.documentText.includes(`${o} (${item.answer})`));
      if (shortName || abbreviation || written) return [`option "${o}" is another name of the key`];
    }
  }
  return [];
}

// ---------------------------------------------------------------------------------------------------------------
// Titles, role cards, question scope, hedged variants

/**
 * A blank inside the title of a work: a quoted title, or a number blank that opens a Title Case run with a linking
 * word ("_____ Views of Mount Fuji").
 *
 * @example
 * cutTitle(item({ prompt: 'Fill in the blank: Hokusai made the print series _____ Views of Mount Fuji.', answer: '36', answerType: 'number' })) // one reason
 */
export function cutTitle(item: GeneratedItem): string[] {
  const { body, quoting } = promptBody(item.prompt);
  const gap = body.indexOf(GAP);
  if (!quoting || gap < 0) return [];
  const before = body.slice(0, gap);
  const after = body.slice(gap + GAP.length);
  // A quoted title is short and has no inner punctuation; a quoted remark ("For _____ years, drivers …," said) is prose.
  const open = Math.max(before.lastIndexOf("“"), before.lastIndexOf('"'));
  const close = after.search(/[”"]/);
  if (open >= 0 && close > 0 && (before.slice(0, open).match(/["“”]/g) ?? []).length % 2 === 0) {
    const quoted = `${before.slice(open + 1)}${item.answer}${after.slice(0, close)}`;
    if (quoted.split(/\s+/).length <= 8 && !/[,.;:!?]/.test(quoted)) return ["the blank is inside a quoted title"];
  }
  if (
    item.answerType !== "date" &&
    /^ [A-Z][\p{L}'’-]+ (?:of|in|on|and|at|for|from|with|to|under) (?:the |a )?[A-Z]/u.test(after) &&
    (item.answerType === "number" || /^[A-Z]/.test(item.answer))
  )
    return ["the blank opens a title"];
  if (
    item.answerType === "number" &&
    /\b(?:[A-Z][\p{L}'’-]+ ){1,}$/u.test(before) &&
    /^ [A-Z][\p{L}'’-]+/u.test(after) &&
    !/^(?:In|On|At|By|From|Since|About|Only|The) $/.test(before.slice(-4))
  )
    return ["the blank is inside a Title Case name"];
  return [];
}

/**
 * "Who was X? → a Meanwhile his colleague": a role card whose answer is not a noun phrase of a role.
 *
 * @example
 * roleDebris(item({ kind: 'flashcard', prompt: 'Who was Ann Lee?', answer: 'a Meanwhile his colleague' })) // one reason
 */
export function roleDebris(item: GeneratedItem): string[] {
  if (!/^Who (?:is|was|are|were) /.test(item.prompt) || item.answerType !== "text") return [];
  const words = item.answer.trim().split(/\s+/);
  const first = /^(?:a|an|the)$/i.test(words[0] ?? "") ? words.slice(1) : words;
  if (first.length === 0) return ["the role is empty"];
  const tags = posTokens(first.join(" "));
  const opening = tags[0];
  if (!opening) return [];
  if (/^(?:ADV|PRON|CCONJ|SCONJ|ADP|AUX|VERB)$/.test(opening.pos) && !/^(?:former|later|then)$/i.test(opening.text))
    return [`the role starts with "${opening.text}"`];
  if (/^(?:Meanwhile|However|Later|Then|Also|Moreover|Thus|Instead|Still)$/.test(opening.text))
    return [`the role starts with "${opening.text}"`];
  if (tags.some((t) => /^(?:his|her|their|its)$/i.test(t.text))) return ["the role holds a possessive pronoun"];
  return [];
}

const YEAR_OR_DATE = new RegExp(
  `\\b(?:1[0-9]{3}|20[0-9]{2})\\b|\\b\\d{1,2} (?:${MONTH_NAMES})\\b|\\b(?:${MONTH_NAMES}) \\d{1,2}\\b`,
);
const DIRECTION =
  /\b(?:north|south|east|west|north-east|north-west|south-east|south-west|northeast|northwest|southeast|southwest|upstream|downstream|inland|offshore|away)\b/i;

/**
 * A transformed question that lost its scope, as reasons.
 *
 * @example
 * questionScope(item({ prompt: 'How many kilometres east does the town lie?', answerType: 'number' })) // one reason
 */
export function questionScope(item: GeneratedItem): string[] {
  const { body, quoting } = promptBody(item.prompt);
  if (quoting || !/\?$/.test(body)) return [];
  if (/^When\b/.test(body) && YEAR_OR_DATE.test(body)) return ["a second date inside a When question"];
  if (/^(?:About |Roughly |Approximately )?How (?:many|much|far)\b/i.test(body)) {
    const direction = DIRECTION.exec(body);
    if (direction && !new RegExp(`${direction[0]} (?:of|from)\\b`, "i").test(body))
      return [`"${direction[0]}" of what?`];
    // "How many plates move apart and magma rises …?": the count reaches into a second clause.
    const tags = posTokens(body);
    for (let i = 1; i < tags.length - 2; i += 1) {
      if (tags[i]!.pos !== "CCONJ") continue;
      const next = tags.slice(i + 1, i + 4);
      const noun = next.findIndex((t) => t.pos === "NOUN" || t.pos === "PROPN");
      if (noun >= 0 && next.slice(0, noun).every((t) => t.pos === "DET" || t.pos === "ADJ")) {
        const verb = next[noun + 1];
        const after = tags[i + 1 + noun + 2];
        // wink tags "lava rises to …" as two nouns: a plural-looking word followed by "to"/a preposition is a verb.
        const verbLike =
          verb &&
          (verb.pos === "VERB" ||
            verb.pos === "AUX" ||
            (verb.pos === "NOUN" && /^(?:PART|ADP|ADV)$/.test(after?.pos ?? "")));
        if (verb && verbLike && /s$|ed$/.test(verb.text)) return ["the count reaches into a second clause"];
      }
    }
  }
  return [];
}

const NUMBER_TOKEN = `(\\d[\\d,]*(?:\\.\\d+)?|${Object.keys(NUMBER_WORD).join("|")})`;
const HEDGED_NUMBER = new RegExp(
  `\\b((?:well |just )?(?:about|around|approximately|roughly|nearly|almost|some|close to|over|more than|less than|fewer than|up to|at least|at most|under|an estimated))\\s${NUMBER_TOKEN}\\b`,
  "gi",
);
const LOWER = /(?:over|more than|at least)$/i;
const UPPER = /(?:up to|at most|less than|fewer than|under)$/i;

/**
 * A true/false statement keyed False that a reader can judge without the document, or that is still true: a hedged
 * number nudged by under half ("about 760 kg" → "about 800 kg"), a smaller number after a lower bound ("well over
 * 10 years" → "well over four years" is true), a larger one under an upper bound, or a count contradicted by the list
 * right after it ("three small streams, the Breg and the Brigach").
 *
 * @example
 * hedgedVariant(item({ kind: 'true_false', answer: 'False', prompt: 'True or false: It weighs about 800 kg.', source: { text: 'It weighs about 760 kg.' } })) // one reason
 */
export function hedgedVariant(item: GeneratedItem): string[] {
  if (item.kind !== "true_false" || item.answer !== "False") return [];
  const { body } = promptBody(item.prompt);
  const stated = new Map<string, number[]>();
  for (const m of item.source.text.matchAll(HEDGED_NUMBER)) {
    const hedge = m[1]!.toLowerCase();
    stated.set(hedge, [...(stated.get(hedge) ?? []), numeric(m[2]!) ?? NaN]);
  }
  for (const m of body.matchAll(HEDGED_NUMBER)) {
    const hedge = m[1]!.toLowerCase();
    const shown = numeric(m[2]!);
    const values = stated.get(hedge) ?? [];
    if (shown === null || values.includes(shown)) continue;
    if (LOWER.test(hedge) && values.some((v) => shown < v)) return [`"${m[0]}" is still true`];
    if (UPPER.test(hedge) && values.some((v) => shown > v)) return [`"${m[0]}" is still true`];
    if (values.some((v) => Math.abs(shown - v) <= 0.5 * v)) return [`"${m[0]}" is a hedged number nudged`];
  }
  for (const m of body.matchAll(
    new RegExp(
      `\\b${NUMBER_TOKEN}((?:\\s[\\p{L}-]+){1,3}?)(?=[,:(—–-]|\\s(?:called|named|namely|including)\\s)`,
      "giu",
    ),
  )) {
    const members = listedMembers(body.slice(m.index + m[0].length));
    if (members > 0 && members !== numeric(m[1]!)) return [`"${m[0]}" is contradicted by the list after it`];
  }
  return [];
}

/**
 * Every informativeness defect of one item.
 *
 * @example
 * informativeDefects(item, { title: doc.title, documentText: text }).map((d) => d.check)
 */
export function informativeDefects(
  item: GeneratedItem,
  context: ShapeContext = {},
): { check: InformativeCheck; message: string }[] {
  if (COMBINED.has(item.kind)) return [];
  const out: { check: InformativeCheck; message: string }[] = [];
  const add = (check: InformativeCheck, reasons: string[]) => {
    for (const message of reasons) out.push({ check, message });
  };
  add("logistics-source", logisticsSource(item, context));
  add("topic-entity", topicEntity(item, context));
  add("derivable-number", derivableNumber(item, context));
  add("ambiguous-options", ambiguousOptions(item, context));
  add("cut-title", cutTitle(item));
  add("role-debris", roleDebris(item));
  add("question-scope", questionScope(item));
  add("hedged-variant", hedgedVariant(item));
  // Decision 041: a key that is part of a name, or that any reader knows without the document (blank-worth.ts).
  add("name-number", nameNumber(item));
  add("general-knowledge", generalKnowledge(item));
  return out;
}
