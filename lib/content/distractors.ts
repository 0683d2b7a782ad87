import { sameByAlias } from "./aliases";
import { sameAnswer } from "./answer-identity";
import { formatDate, formatPeriod, shiftDate } from "./dates";
import { editDistance, normaliseText } from "./normalise";
import { shuffle, type Rng } from "../prng";
import type { DocDate } from "./types";
import { MONTH_OR_ABBREVIATION } from "./lexicon";

/**
 * Picks up to `count` distractors (at least 3, else undefined; callers keep spares to drop any the prompt names): candidates from the document first (each tier shuffled), then pools.
 * Rejects anything equal to, containing or contained in an excluded value (the key, other correct
 * answers, names already in the question's sentence). Returns undefined when too few remain.
 *
 * @example
 * pickDistractors('Canada', [['Sweden'], ['France', 'Spain', 'Canada']], ['Canada'], createRng(1))
 */
export function pickDistractors(
  answer: string,
  tiers: readonly (readonly string[])[],
  exclude: readonly string[],
  rng: Rng,
  count = 6,
): string[] | undefined {
  const banned = [answer, ...exclude].map(normaliseText).filter(Boolean);
  const chosen: string[] = [];
  const chosenNorm: string[] = [];
  for (const tier of tiers) {
    for (const c of shuffle(tier, rng)) {
      if (chosen.length >= count) break;
      const n = normaliseText(c);
      if (!n || chosenNorm.includes(n)) continue;
      if (banned.some((b) => overlaps(n, b))) continue;
      // "Vienna.*", "Oslo)": a candidate read with a footnote mark or half a bracket is no name of anything.
      if (!wholeSpan(c)) continue;
      // "Organisation"/"Organization", "Carignan"/"Carignon": a spelling variant is the same answer, not a distractor.
      if ([...banned, ...chosenNorm].some((b) => variantSpelling(n, b))) continue;
      // "US" beside "United States", "Burma" beside "Myanmar": another name of the answer (or of an option) is no
      // distractor (aliases.ts).
      if ([...banned, ...chosenNorm].some((b) => sameByAlias(n, b))) continue;
      // "Po" beside "River Po", "Pacific" beside "Pacific Ocean": one answer written two ways (answer-identity.ts).
      if ([answer, ...exclude, ...chosen].some((b) => sameAnswer(c, b))) continue;
      chosen.push(c);
      chosenNorm.push(n);
    }
  }
  return chosen.length >= 3 ? chosen : undefined;
}

/**
 * Text that starts and ends with a word (a letter or digit; a currency sign before, a % or ° after, a closing bracket
 * or quote that opens inside it, a full stop of an abbreviation like "Co." or "Jr.") and holds balanced brackets.
 * @example wholeSpan("Vienna") // true
 * @example wholeSpan("Oslo)") // false
 */
export function wholeSpan(text: string): boolean {
  const t = text.trim();
  if (!t || t !== text) return false;
  if (!/^(?:[-−+](?=\p{N})|[\p{L}\p{N}"“‘(€$£¥])/u.test(t)) return false;
  if (!/[\p{L}\p{N}%°"”’)]$/u.test(t) && !/(?:^|\s)(?:\p{Lu}|Co|Jr|Sr|St|Inc|Ltd|Mt)\.$|(?<![\p{L}])\p{L}\.$/u.test(t))
    return false;
  const count = (re: RegExp) => (t.match(re) ?? []).length;
  return (
    count(/\(/g) === count(/\)/g) &&
    count(/\[/g) === count(/\]/g) &&
    count(/“/g) === count(/”/g) &&
    count(/"/g) % 2 === 0
  );
}

/** Same words up to British/American spelling, or a typo apart (for names longer than 6 letters, not numbers). */
export function variantSpelling(a: string, b: string): boolean {
  const fold = (t: string) =>
    t
      .replace(/is(e|ation|ing|ed)\b/g, "iz$1")
      .replace(/our\b/g, "or")
      .replace(/tre\b/g, "ter")
      .replace(/ence\b/g, "ense")
      .replace(/\s+/g, "");
  if (fold(a) === fold(b)) return true;
  if (/\d/.test(a) || /\d/.test(b) || Math.min(a.length, b.length) <= 6) return false;
  return editDistance(a, b) <= 1;
}

/** Equal, or one contains the other as whole words ("Joint Force Command" in "Allied Joint Force Command"). */
function overlaps(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= 4 && ` ${long} `.includes(` ${short} `);
}

/**
 * Dates of the same precision: the document's other dates first, then near neighbours (±1–3 units).
 */
export function dateCandidates(
  date: DocDate,
  end: DocDate | undefined,
  docDates: readonly { date: DocDate; end?: DocDate }[],
): string[][] {
  const fromDoc = docDates
    .filter((d) => d.date.precision === date.precision && !!d.end === !!end)
    .map((d) => formatPeriod(d.date, d.end));
  const near: string[] = [];
  const steps =
    date.precision === "day"
      ? [1, -1, 2, -3, 365, -365]
      : date.precision === "month"
        ? [1, -1, 2, -2, 12, -12]
        : [1, -1, 2, -2, 3, -3];
  for (const s of steps) {
    const shift = (d: DocDate) =>
      date.precision === "day" && Math.abs(s) === 365 ? { ...d, year: d.year + Math.sign(s) } : shiftDate(d, s);
    near.push(formatPeriod(shift(date), end && shift(end)));
  }
  if (end) {
    // Periods also differ in length, not only position.
    near.push(
      formatPeriod(date, shiftDate(end, 1)),
      formatPeriod(shiftDate(date, -1), end),
      formatPeriod(shiftDate(date, 1), end),
    );
  }
  return [fromDoc, near];
}

/**
 * Neighbouring round numbers: 500 → 300, 400, 600, 800, 1000 …; 8 → 6, 10, 12 …; and the document's own numbers of
 * the same scale and the same form (a count of "two teams" is never offered "2.4", a mirror's metres).
 */
export function numberCandidates(value: number, docValues: readonly number[]): string[][] {
  // A decimal answer gets neighbours with as many decimals (4.2 → 2.1, 3.4, 5.3 …), never a float artefact.
  const decimals = Math.min(3, String(value).split(".")[1]?.length ?? 0);
  const tidy = (v: number) => Number(v.toFixed(decimals));
  const magnitude = decimals
    ? 10 ** -decimals
    : value >= 10
      ? 10 ** Math.floor(Math.log10(value)) / (value >= 100 ? 2 : 1)
      : 1;
  const near = new Set<number>();
  for (const f of [0.5, 0.6, 0.75, 0.8, 1.2, 1.25, 1.5, 2, 3]) {
    const v = tidy(Math.max(decimals ? magnitude : 1, Math.round((value * f) / magnitude) * magnitude));
    if (v !== value && (v > 1 || value <= 1)) near.add(v);
  }
  if (value < 10 && !decimals) for (const d of [-3, -2, -1, 1, 2, 4]) if (value + d > 1) near.add(value + d);
  const sameScale = docValues.filter(
    (v) => v !== value && v >= value / 5 && v <= value * 5 && Number.isInteger(v) === Number.isInteger(value),
  );
  return [sameScale.map(String), [...near].map(String)];
}

export { formatDate };

const NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
const FRACTIONS = ["half", "third", "quarter", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
const DENOMINATOR: Record<string, number> = { half: 2, halve: 2, third: 3, quarter: 4, fourth: 4 };
FRACTIONS.slice(3).forEach((f, i) => (DENOMINATOR[f] = i + 5));

/**
 * A number option its unit allows, judged against the answer: no "9 thirds" or "1 thirds" (a fraction of a whole is
 * less than one and plural only above one), no "120 %" where the answer is a share of at most 100 %.
 * @example wellFormedValue("9 thirds", "2 thirds") // false
 * @example wellFormedValue("75 %", "45 %") // true
 */
export function wellFormedValue(option: string, answer: string): boolean {
  const percent = (t: string) => /(\d[\d,]*(?:\.\d+)?)\s?(?:%|per ?cent\b)/i.exec(t)?.[1];
  const share = percent(option);
  const ofAnswer = percent(answer);
  if (share && ofAnswer && Number(ofAnswer.replace(/,/g, "")) <= 100 && Number(share.replace(/,/g, "")) > 100)
    return false;
  const fraction =
    /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten)[\s-](halves|half|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\b/i.exec(
      option,
    );
  if (!fraction) return true;
  const top = /^\d+$/.test(fraction[1]!) ? Number(fraction[1]) : NUMBER_WORDS.indexOf(fraction[1]!.toLowerCase()) + 1;
  const word = fraction[2]!.toLowerCase();
  const plural = /s$/.test(word);
  const bottom = DENOMINATOR[word.replace(/ves$/, "f").replace(/s$/, "")] ?? DENOMINATOR[word.replace(/s$/, "")];
  if (!bottom) return true;
  return top >= 1 && top < bottom && plural === top > 1;
}

const MONTH_WORDS = new RegExp(`\\b(?:${MONTH_OR_ABBREVIATION})\\b\\.?`, "g");

/**
 * The written form of a date or number option, without its digits: "2 December 2004" → "9 M 9", "1990s" → "9s",
 * "7,000 troops" → "9 troops", "2.4 million" → "9". Options of one item share it, so none stands out by its form
 * ("1990s" among years, "c. 1850" among days); a number's scale word is no form of its own.
 * @example sameFormat("1866", "1990s", "date") // false
 * @example sameFormat("801,000", "1.2 million", "number") // true
 */
export function sameFormat(answer: string, option: string, type: "date" | "number"): boolean {
  const shape = (t: string) =>
    t
      .replace(MONTH_WORDS, "M")
      .replace(/\d[\d,.]*/g, "9")
      .replace(type === "number" ? /\s*\b(?:thousand|million|billion|trillion)\b/g : /$^/, "")
      .replace(/\s+/g, " ")
      .trim();
  return shape(answer) === shape(option);
}
