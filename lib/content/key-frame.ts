/**
 * The depth of a key (issue 13; decision 041): a key is the entity, not the words a sentence wraps around it. A span
 * taken whole from a sentence often carries its frame — "the Dutch town of Zwolle", "the port city of Varna",
 * "American GPS" — and a learner who types "Zwolle" knows the fact. The frame stays in the prompt, before the blank
 * ("… born in the Dutch town of _____."), or goes where the prompt is a question ("Where was … born?" → "Zwolle").
 *
 * A frame is a description before a name: a common place noun in lower case ("town", "port city") after an optional
 * demonym or other modifiers, joined by "of"; or a demonym before an abbreviation ("American GPS"). A frame that is
 * part of the name stays: "City of London" (capitalised), "French Guiana" (not an abbreviation), "Bank of England"
 * (no place noun). A relational noun is no frame: "the capital of France" is Paris, not France.
 */
import { GAP } from "./gap";
import { normaliseText } from "./normalise";
import type { GeneratedItem } from "./types";

const PLACE_NOUN =
  "town|city|port|village|island|islands|county|province|region|district|municipality|state|country|kingdom|republic|commune|borough|suburb|settlement|resort|oasis|enclave|archipelago";

/** "the Dutch town of", "the Black Sea port of", "the small coastal village of": up to four modifiers. */
const PLACE_FRAME = new RegExp(
  `^((?:(?:the|a|an) )?(?:(?:\\p{Lu}\\p{Ll}+|[\\p{Ll}-]+) ){0,4}?(?:${PLACE_NOUN}) of )(\\p{Lu}[\\p{L}'’.-]*(?: (?:of|de|la|le|del|the|upon|on|am|an der|\\p{Lu}[\\p{L}'’.-]*))*)$`,
  "u",
);

/** A demonym ("American", "British", "French", "Chinese", "Iraqi") before an abbreviation. */
const ACRONYM_FRAME = /^((?:the )?\p{Lu}\p{Ll}+(?:an|ish|ese|ch|i) )(\p{Lu}[\p{Lu}\d&-]+)$/u;

export interface FramedKey {
  /** The words before the entity, as written, with their trailing space ("the Dutch town of "). */
  frame: string;
  /** The entity itself ("Zwolle"). */
  core: string;
}

/**
 * The frame and the entity of a framed key, or null when the key is the name itself.
 *
 * @example
 * splitFrame('the Dutch town of Zwolle') // { frame: 'the Dutch town of ', core: 'Zwolle' }
 * splitFrame('City of London') // null
 */
export function splitFrame(answer: string): FramedKey | null {
  const text = answer.trim();
  const match = PLACE_FRAME.exec(text) ?? ACRONYM_FRAME.exec(text);
  if (!match) return null;
  const frame = match[1]!;
  const core = match[2]!;
  // A frame that repeats the entity's own words ("the city of Mexico City") is part of how it is named.
  const words = frame.trim().split(/\s+/);
  if (words.some((w) => normaliseText(core).split(" ").includes(normaliseText(w)) && w.length > 3)) return null;
  return { frame, core };
}

const COMBINED = new Set(["matching", "ordering", "true_false", "flashcard"]);

/**
 * The item with its key cut to the entity: a blank keeps the frame before it, a question drops it, a multiple choice
 * shows every option without its frame (only when they stay distinct). The framed key is still accepted when typed.
 *
 * @example
 * unframeKey(cloze('Erasmus was born in _____.', 'the Dutch town of Rotterdam')).prompt
 * // 'Fill in the blank: Erasmus was born in the Dutch town of _____.'
 */
export function unframeKey(item: GeneratedItem): GeneratedItem {
  if (COMBINED.has(item.kind) || !["text", "place", "organisation"].includes(item.answerType)) return item;
  const split = splitFrame(item.answer);
  if (!split) return item;
  const accepted = [...new Set([...item.accepted, item.answer].filter((a) => a !== split.core))];
  if (item.kind === "multiple_choice") {
    const options = (item.options ?? []).map((o) => (o === item.answer ? split.core : (splitFrame(o)?.core ?? o)));
    if (new Set(options.map(normaliseText)).size !== options.length) return item;
    return { ...item, answer: split.core, accepted, options };
  }
  if (item.kind === "cloze") {
    const at = item.prompt.indexOf(GAP);
    if (at < 0) return item;
    // At the start of the sentence the frame takes the capital ("The Dutch town of _____ lies …").
    const opening = /(?:^|: )$/.test(item.prompt.slice(0, at));
    const frame = opening ? split.frame.charAt(0).toUpperCase() + split.frame.slice(1) : split.frame;
    return { ...item, prompt: item.prompt.slice(0, at) + frame + item.prompt.slice(at), answer: split.core, accepted };
  }
  return { ...item, answer: split.core, accepted };
}
