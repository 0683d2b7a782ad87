import { sameFormat, wellFormedValue } from "./distractors";
import { GAP } from "./gap";
import { hash } from "./keys";
import { normaliseText } from "./normalise";
import { sameKind, type PlaceKind } from "./place-kind";
import { createRng, shuffle, type Rng } from "../prng";
import {
  boundedOccurrences,
  possessive,
  SUBJECT_PRONOUN,
  subjectOfPossessive,
  surnameOf,
  tidy,
  upperFirst,
} from "./text";
import type { AnswerType, Fact, GeneratedItem, ItemKind, SourceRef, Topic } from "./types";

/** Everything an item builder needs about the whole fact set. */
export interface Kit {
  facts: readonly Fact[];
  seed: number;
  /** Per-item randomness derived from seed + item key, so one fact's items do not shift when others change. */
  rngFor: (key: string) => Rng;
  /** An option the document writes only inside a longer name ("Rescue Service"), never offered (decision 039). */
  fragment?: (option: string) => boolean;
  /** A name or phrase option the document writes or a pool holds (whole-name.ts `realOption`); others are invented. */
  real?: (option: string) => boolean;
  /** What the document says its places are ("Erode, a town …"), read by `sameKind` (place-kind.ts). */
  placeCues?: ReadonlyMap<string, PlaceKind>;
}

export function createKit(
  facts: readonly Fact[],
  seed: number,
  fragment?: (option: string) => boolean,
  placeCues?: ReadonlyMap<string, PlaceKind>,
  real?: (option: string) => boolean,
): Kit {
  return { facts, seed, rngFor: (key) => createRng((seed ^ parseInt(hash(key), 16)) >>> 0), fragment, placeCues, real };
}

export interface ItemSpec {
  kind: ItemKind;
  variant: string;
  prompt: string;
  answer: string;
  accepted?: string[];
  options?: string[] | null;
  answerType: AnswerType;
  topic: Topic;
  difficulty?: number;
  source?: SourceRef;
  pairs?: { left: string; right: string }[];
  sequence?: string[];
}

const BASE_DIFFICULTY: Record<ItemKind, number> = {
  true_false: 0.2,
  multiple_choice: 0.35,
  flashcard: 0.4,
  matching: 0.5,
  cloze: 0.5,
  ordering: 0.55,
  typed: 0.65,
};

/**
 * Builds an item with a stable key (fact key + kind + variant) and a difficulty estimate:
 * base by kind, + up to 0.15 for long answers, + the builder's own adjustment (e.g. close distractors).
 */
export function makeItem(fact: { key: string; source: SourceRef; pronounRef?: string }, spec: ItemSpec): GeneratedItem {
  const words = spec.answer.split(/\s+/).length;
  const lengthBonus = ["true_false", "multiple_choice", "matching", "ordering"].includes(spec.kind)
    ? 0
    : Math.min(0.15, Math.max(0, words - 2) * 0.03);
  const difficulty =
    Math.round(Math.min(1, Math.max(0, BASE_DIFFICULTY[spec.kind] + lengthBonus + (spec.difficulty ?? 0))) * 100) / 100;
  const item: GeneratedItem = {
    key: `${fact.key}|${spec.kind}|${spec.variant}`,
    factKey: fact.key,
    kind: spec.kind,
    prompt: readable(tidy(spec.prompt), fact.pronounRef),
    answer: spec.answer,
    accepted: [...new Set((spec.accepted ?? []).filter((a) => a && a !== spec.answer))],
    options: spec.options ?? null,
    answerType: spec.answerType,
    topic: spec.topic,
    difficulty,
    source: spec.source ?? fact.source,
  };
  if (spec.pairs) item.pairs = spec.pairs;
  if (spec.sequence) item.sequence = spec.sequence;
  return item;
}

// Prompts that quote their source sentence, and what in a sentence only reads right next to the sentence before it.
const QUOTING =
  /^(Fill in the blank: |True or false: |Which \w+ fills the blank\? |Which of these is NOT in the list that fills the blank\? |Name all \w+: |Name both: )/;
const CONNECTIVE =
  /^(Then|Also|Furthermore|Moreover|However|In addition|Additionally|Finally|Subsequently|Meanwhile), /;

/**
 * A prompt quoting its source reads alone: a leading connective goes ("Then, following a request …" → "Following a
 * request …") and a subject pronoun becomes what it refers to when that is known ("It was established in _____",
 * "In April 2016, it began …" → "NMI was established …", "In April 2016, NATO began …").
 */
function readable(prompt: string, ref: string | undefined): string {
  const lead = QUOTING.exec(prompt)?.[0];
  if (!lead) return prompt;
  let body = prompt.slice(lead.length).replace(CONNECTIVE, "");
  body = body.charAt(0).toUpperCase() + body.slice(1);
  if (ref)
    body = body.replace(SUBJECT_PRONOUN, (_m, fronted: string, pronoun: string) => {
      const name = subjectOfPossessive(pronoun).toLowerCase() === pronoun.toLowerCase() ? ref : possessive(ref);
      return `${fronted}${fronted ? name.replace(/^The /, "the ") : upperFirst(name)}`;
    });
  return lead + body;
}

/** Dates, numbers and true/false are values, not spans of the text: no name is cut out of them. */
const VALUE_TYPES = new Set<AnswerType>(["date", "number", "boolean"]);

/** Multiple choice with the answer shuffled in among three distractors, or undefined without enough distractors. */
export function multipleChoice(
  kit: Kit,
  fact: { key: string; source: SourceRef; pronounRef?: string },
  spec: Omit<ItemSpec, "kind" | "options">,
  distractors: string[] | undefined,
): GeneratedItem | undefined {
  const prompt = ` ${normaliseText(spec.prompt)} `;
  // A distractor named in the question ("Who succeeded X?" with X as an option, or "… with Benson?" with Andrew
  // Benson) is no distractor.
  const surname = (d: string) => (spec.answerType === "person" ? (surnameOf(d) ?? d) : d);
  // A piece of a longer name ("Rescue Service" of "the Search-and-Rescue Service") names nothing.
  const usable = distractors?.filter(
    (d) =>
      !prompt.includes(` ${normaliseText(d)} `) &&
      !prompt.includes(` ${normaliseText(surname(d))} `) &&
      (VALUE_TYPES.has(spec.answerType) || (!kit.fragment?.(d) && kit.real?.(d) !== false)) &&
      // A continent among cities, a river among countries: a place is offered only among places of its kind.
      (spec.answerType !== "place" || sameKind(spec.answer, d, kit.placeCues)) &&
      (spec.answerType !== "number" || wellFormedValue(d, spec.answer)) &&
      // "1990s" among years, "c. 1850" among days: an option of another form is ruled out at sight.
      (!(spec.answerType === "date" || spec.answerType === "number") || sameFormat(spec.answer, d, spec.answerType)),
  );
  if (!usable || usable.length < 3) return undefined;
  const rng = kit.rngFor(`${fact.key}|mc|${spec.variant}`);
  const options = shuffle([spec.answer, ...usable.slice(0, 3)], rng);
  return makeItem(fact, { ...spec, kind: "multiple_choice", options });
}

export function trueFalse(
  fact: { key: string; source: SourceRef; pronounRef?: string },
  variant: string,
  statement: string,
  isTrue: boolean,
  topic: Topic,
  difficulty = 0,
): GeneratedItem {
  return makeItem(fact, {
    kind: "true_false",
    variant: `${variant}-${isTrue ? "true" : "false"}`,
    prompt: `True or false: ${statement.replace(/\s*[.;:]?$/, ".")}`,
    answer: isTrue ? "True" : "False",
    options: ["True", "False"],
    answerType: "boolean",
    topic,
    difficulty,
  });
}

/**
 * The source sentence with the first whole-word occurrence of `span` replaced by a gap, or undefined
 * when the span is missing or occurs twice (a second occurrence would give the answer away).
 *
 * @example
 * gapSentence('NMI was set up in Baghdad.', 'Baghdad') // 'NMI was set up in _____.'
 */
export function gapSentence(sentence: string, span: string): string | undefined {
  const text = tidy(sentence);
  const target = tidy(span);
  const hits = boundedOccurrences(text, target, "[\\p{L}\\p{N}-]", "[\\p{L}\\p{N}]|-\\p{L}");
  if (hits.length !== 1) return undefined;
  return text.slice(0, hits[0]) + GAP + text.slice(hits[0]! + target.length);
}

/** Replaces the first whole-word occurrence of `span` (for false true/false statements). */
export function swapInSentence(sentence: string, span: string, replacement: string): string | undefined {
  const gapped = gapSentence(sentence, span);
  return gapped?.replace(GAP, replacement);
}

/** Coin derived from the key, so true and false statements are balanced but stable. */
export function coin(kit: Kit, key: string): boolean {
  return kit.rngFor(`${key}|coin`)() < 0.5;
}
