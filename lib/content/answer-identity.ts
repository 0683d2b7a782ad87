/**
 * One answer written several ways (decision 048): "River Thames" and "Thames", "the Pacific" and "Pacific Ocean", "Dr
 * Fritz Haber" and "Haber", "12 April 1961" and "April 12, 1961". The ration's per-answer cap and "same fact" test
 * (precision.ts) and the options of a multiple choice (distractors.ts, precision.ts) compare answers by this identity,
 * so a variant of the key is never counted as another answer nor offered as a wrong one.
 */
import { canonicalAlias } from "./aliases";
import { RANKS } from "./lexicon";
import { normaliseText } from "./normalise";
import { parseDateAnswer } from "./parse-answer";
import type { AnswerType } from "./types";

/** A title or rank before a name ("Mayor Anna KOWALSKA", "Dr Fritz Haber"), when a name of two words follows. */
export const TITLE_BEFORE_NAME = new RegExp(
  `^(?:(?:${[...RANKS, "mayor", "dr", "sir", "dame", "professor", "president", "king", "queen", "lieutenant", "captain"]
    .map((r) => normaliseText(r))
    .join("|")}) )+(?=\\S+ \\S)`,
);
/** "River Thames", "Lake Victoria", "Mount Everest": the class word before a one-word place name. */
const CLASS_BEFORE = /^(?:river|lake|loch|mount|mt|cape) (?=\S+$)/;
/** "Pacific Ocean", "Thames River", "Caspian Sea": the class word after a one-word place name. */
const CLASS_AFTER = /(?<=^\S+) (?:river|ocean|sea)$/;
/** "about", "more than", "some": a bound before a number is not another number (decision 041). */
const BOUND =
  /^(?:about|around|approximately|roughly|nearly|almost|some|over|more than|at least|up to|at most|less than|fewer than|under) /;

/**
 * The identity of an answer: normalised (case, accents, punctuation, a leading article), a title before a name and
 * a place's class word dropped, an alias reduced to its group's first name (aliases.ts), a date to the period it
 * reads as, a number without its bound. The same for every type but dates and numbers, so a name typed "person" by
 * one builder and "text" by another is one answer; a surname alone is matched by `sameAnswer`.
 *
 * @example
 * answerIdentity('the River Thames') === answerIdentity('Thames') // true
 * answerIdentity('Dr Fritz Haber') // 'fritz haber'
 * answerIdentity('April 12, 1961', 'date') === answerIdentity('12 April 1961', 'date') // true
 */
export function answerIdentity(answer: string, type?: AnswerType): string {
  if (type === "date") {
    const period = parseDateAnswer(answer);
    if (period) return `date|${JSON.stringify(period)}`;
  }
  let key = normaliseText(answer).replace(TITLE_BEFORE_NAME, "");
  if (type === "number") return key.replace(BOUND, "");
  key = key.replace(CLASS_BEFORE, "").replace(CLASS_AFTER, "");
  return canonicalAlias(key) ?? key;
}

/**
 * Are `a` and `b` one answer written two ways? Their identities are equal, or one is a person's full name and the
 * other that person's surname alone ("Fritz Haber", "Haber"; never "Carl Bosch" and "Robert Bosch").
 *
 * @example
 * sameAnswer('Pacific Ocean', 'the Pacific') // true
 * sameAnswer('Dr Fritz Haber', 'Haber', 'person') // true
 * sameAnswer('Carl Bosch', 'Robert Bosch', 'person') // false
 */
export function sameAnswer(a: string, b: string, type?: AnswerType): boolean {
  const [x, y] = [answerIdentity(a, type), answerIdentity(b, type)];
  if (x === y) return true;
  if (type !== "person") return false;
  const [short, long] = x.split(" ").length <= y.split(" ").length ? [x, y] : [y, x];
  return !short.includes(" ") && long.endsWith(` ${short}`);
}
