/** Grading of the answers where one character changes the fact: dates and numbers. Typos only in month names. */
import { unitAt } from "./aliases";
import type { GradeOptions, Verdict } from "./grade";
import { MONTHS } from "./lexicon";
import { editDistance, normaliseText } from "./normalise";
import { NUMBER_PATTERN, parseNumber, QUANTITY_MODIFIERS } from "./numbers";
import { dayMonthOrder, readDateAnswer, sameAtPrecision, type DatePeriod } from "./parse-answer";
import type { DocDate, GeneratedItem } from "./types";

const PRECISION_ASKED: Record<DocDate["precision"], string> = {
  year: "a year",
  month: "a month and year",
  day: "a day",
};

/**
 * A date answer against the item's date: right at the asked precision, with misspelt months and the reading of an
 * ambiguous numeric date reported. Null when the item's own answer is not a date (then it is graded as text).
 */
export function gradeDate(item: GeneratedItem, response: string, options: GradeOptions): Verdict | null {
  const expected = readDateAnswer(item.answer, { order: "dmy", fuzzyMonths: false }).period;
  if (!expected) return null;
  const order = dayMonthOrder(options.locale);
  const reading = readDateAnswer(response, { order });
  const given = reading.period;
  const base = { normalised: given ? showPeriod(given) : normaliseText(response), expected: showPeriod(expected) };
  if (!given) {
    const reason = reading.ambiguous
      ? `${reading.ambiguous} could be ${ambiguousReadings(reading.ambiguous)}: write the month as a word`
      : `that is not a date: write it like ${example(expected.start)}`;
    return { ...base, correct: false, tolerated: [], reason };
  }
  const reason = dateMismatch(expected, given);
  const tolerated: Verdict["tolerated"] = reading.misspelt.map((m) => ({ rule: "spelling", detail: m.month }));
  if (reading.ambiguous && reading.order)
    tolerated.push({
      rule: "date_order",
      detail: `${humanDate(given.start)} (${reading.order === "dmy" ? "day" : "month"} first, as in ${options.locale})`,
    });
  if (reason) {
    // Say how an ambiguous date was read, so a learner of the other convention knows what happened.
    const read = reading.ambiguous ? ` (${reading.ambiguous} was read as ${humanDate(given.start)})` : "";
    return { ...base, correct: false, tolerated: [], reason: reason + read };
  }
  return { ...base, correct: true, tolerated };
}

/** Why `given` does not state `expected`, or null when it does. */
function dateMismatch(expected: DatePeriod, given: DatePeriod): string | null {
  if (expected.end && !given.end) return "the question asks for a period: give its start and its end";
  if (!expected.end && given.end) return "the question asks for one date, not a period";
  const pairs: [DocDate, DocDate][] = [[expected.start, given.start]];
  if (expected.end && given.end) pairs.push([expected.end, given.end]);
  for (const [e, g] of pairs) {
    if (sameAtPrecision(e, g)) continue;
    const coarser = g.precision === "year" || (g.precision === "month" && e.precision === "day");
    if (coarser) return `the question asks for ${PRECISION_ASKED[e.precision]}`;
    if (e.year !== g.year) return "a different year";
    if (e.month !== g.month) return "a different month";
    return "a different day";
  }
  return null;
}

function ambiguousReadings(text: string): string {
  const [a, b, year] = text.split(/[/.-]/);
  return `${Number(a)} ${MONTHS[Number(b) - 1]} ${year} or ${MONTHS[Number(a) - 1]} ${Number(b)}, ${year}`;
}

function humanDate(d: DocDate): string {
  if (d.precision === "year") return String(d.year);
  const month = MONTHS[d.month! - 1];
  return d.precision === "month" ? `${month} ${d.year}` : `${d.day} ${month} ${d.year}`;
}

function example(d: DocDate): string {
  return d.precision === "year" ? "1969" : d.precision === "month" ? "July 1969" : "20 July 1969";
}

function showPeriod(p: DatePeriod): string {
  return [p.start, p.end]
    .filter((d): d is DocDate => !!d)
    .map(iso)
    .join("/");
}

function iso(d: DocDate): string {
  return [String(d.year), d.month && String(d.month).padStart(2, "0"), d.day && String(d.day).padStart(2, "0")]
    .filter(Boolean)
    .join("-");
}

const QUANTITY = new RegExp(`^\\s*(?:(?:${QUANTITY_MODIFIERS.join("|")})\\s+)?(${NUMBER_PATTERN})\\s*(.*)$`, "i");

// NUMBER_PATTERN alone stops at "eight" in "eighty-two" (its word list tries "eight" first); refusing a letter right
// after the match makes the engine backtrack to the whole word.
const WHOLE_NUMBER = new RegExp(`(?:${NUMBER_PATTERN})(?![\\p{L}])`, "iu");

/** The first number in a text and the measurement unit right after it, if the unit table knows it. */
function quantityIn(text: string): { value: number; unit?: string; digits: string } | null {
  const cleaned = text.replace(/,(?=\d{3}\b)/g, "");
  const m = WHOLE_NUMBER.exec(cleaned);
  if (!m) return null;
  const magnitude = parseNumber(m[0]);
  if (magnitude === null) return null;
  // "−39.5 °C", "minus 40": below zero is another figure.
  const value = /(?:[−-]\s?|\bminus\s)$/i.test(cleaned.slice(0, m.index)) ? -magnitude : magnitude;
  return { value, unit: unitAt(cleaned.slice(m.index + m[0].length)), digits: m[0] };
}

const JOINER = String.raw`\s?(?:–|—|-|\bto\b|\band\b|\bor\b)\s?`;
const END = String.raw`[£€$¥]?\s?(${NUMBER_PATTERN})(?![\p{L}])`;
/** Within a text, a range of two numbers: "60 to 80", "between two and three", "1–2 %", "€10-20 million". */
const RANGE = new RegExp(String.raw`${END}\s?(?:%|(?!(?:to|and|or)\b)[\p{L}°]+)?${JOINER}${END}`, "iu");
/** A whole answer that is a range: a lead ("between", "about"), the range, up to two words of unit. */
const RANGE_ANSWER = new RegExp(
  String.raw`^\s*(?:(?:between|from|${QUANTITY_MODIFIERS.join("|")})\s+)?${RANGE.source}\s?(?:%|[\p{L}°/²³]+(?:\s[\p{L}/²³]+)?)?\s*$`,
  "iu",
);

/**
 * The two ends of a range in a text ("between 60 and 80 people" → 60, 80), or null; "60 to 50" is no range.
 *
 * @example
 * rangeIn('two to three months') // { from: 2, to: 3 }
 */
export function rangeIn(text: string): { from: number; to: number } | null {
  const m = RANGE.exec(text.replace(/,(?=\d{3}\b)/g, ""));
  const from = m && parseNumber(m[1]!);
  const to = m && parseNumber(m[2]!);
  return from !== null && to !== null && from < to ? { from, to } : null;
}

/** Is the whole answer a range with at most its unit ("60 to 80", "1–2 %", "between two and three months")? */
export const isRangeAnswer = (answer: string): boolean =>
  RANGE_ANSWER.test(answer.replace(/,(?=\d{3}\b)/g, "")) && rangeIn(answer) !== null;

/**
 * A range answered: both ends, in any joiner ("60-80", "60 to 80", "between sixty and eighty"), nothing less.
 */
function gradeRange(expected: { from: number; to: number }, response: string): Verdict {
  const given = rangeIn(response);
  const show = (r: { from: number; to: number }) => `${r.from}–${r.to}`;
  const base = { normalised: given ? show(given) : normaliseText(response), expected: show(expected) };
  if (!given)
    return {
      ...base,
      correct: false,
      tolerated: [],
      reason: `the answer is a range: give both ends (${show(expected)})`,
    };
  if (given.from !== expected.from || given.to !== expected.to)
    return { ...base, correct: false, tolerated: [], reason: "a different range" };
  return { ...base, correct: true, tolerated: [] };
}

/**
 * True when a text answer is a quantity with a unit ("82 km", "about 5 kilometres"), so it is graded as a number:
 * "82 kilometres" then answers it, "83 km" does not.
 */
export function looksLikeQuantity(answer: string): boolean {
  const m = QUANTITY.exec(answer.replace(/,(?=\d{3}\b)/g, ""));
  return !!m && parseNumber(m[1]) !== null && !!m[2] && unitAt(m[2]) !== undefined && /^\S+(?:\s\S+)?$/.test(m[2]);
}

/**
 * A number answer: the same value, in digits or words, hedges and nouns ignored; a unit only matters when both sides
 * name a different one ("82 mi" for 82 km). No typo is forgiven: 1961 is not 1916.
 */
export function gradeNumber(item: GeneratedItem, response: string): Verdict {
  const clock = clockTimes(item.answer);
  if (clock.length > 0) return gradeClock(clock, response);
  // "60 to 80 people": both ends, never the first number alone.
  if (isRangeAnswer(item.answer)) return gradeRange(rangeIn(item.answer)!, response);
  const expected = quantityIn(item.answer);
  const given = quantityIn(response);
  const base = { normalised: given ? String(given.value) : normaliseText(response), expected: String(expected?.value) };
  if (!expected) return { ...base, correct: false, tolerated: [], reason: "this item has no number to compare with" };
  if (!given) return { ...base, correct: false, tolerated: [], reason: "the question asks for a number" };
  // A range for one number ("60 to 80" for 70): not the figure the text gives.
  if (isRangeAnswer(response))
    return { ...base, correct: false, tolerated: [], reason: "the text gives one number, not a range" };
  if (given.value !== expected.value) {
    const close = /^\d+$/.test(given.digits) && editDistance(given.digits, String(expected.value)) === 1;
    const reason = close
      ? "a different number (numbers must be exact: no typo is forgiven in them)"
      : "a different number";
    return { ...base, correct: false, tolerated: [], reason };
  }
  const expectedUnit = expected.unit ?? item.accepted.map((a) => quantityIn(a)?.unit).find(Boolean);
  if (given.unit && expectedUnit && given.unit !== expectedUnit)
    return { ...base, correct: false, tolerated: [], reason: `the answer is in ${expectedUnit}, not ${given.unit}` };
  return { ...base, correct: true, tolerated: [] };
}

const CLOCK_TIME = /\b(\d{1,2}):(\d{2})\s?(?:([ap])\.?\s?m\b\.?)?/gi;

/** Clock times in a text as minutes after midnight: "8:00 a.m. to 8:00 p.m." → [480, 1200]; "09:00 CEST" → [540]. */
function clockTimes(text: string): number[] {
  return [...text.matchAll(CLOCK_TIME)].flatMap((m) => {
    let hour = Number(m[1]);
    const minute = Number(m[2]);
    if (hour > 23 || minute > 59) return [];
    const half = m[3]?.toLowerCase();
    if (half === "p" && hour < 12) hour += 12;
    if (half === "a" && hour === 12) hour = 0;
    return [hour * 60 + minute];
  });
}

/**
 * A clock-time answer ("09:00 CEST", "10:00–17:00"): the same times in the same order, written with or without a
 * leading zero, a zone or a.m./p.m.; exact to the minute.
 */
function gradeClock(expected: number[], response: string): Verdict {
  const given = clockTimes(response);
  const show = (ts: number[]) =>
    ts.map((t) => `${String(Math.floor(t / 60)).padStart(2, "0")}:${String(t % 60).padStart(2, "0")}`).join(" ");
  const base = { normalised: given.length ? show(given) : normaliseText(response), expected: show(expected) };
  if (given.length === 0)
    return { ...base, correct: false, tolerated: [], reason: "the question asks for a time, like 09:30" };
  if (given.length !== expected.length)
    return {
      ...base,
      correct: false,
      tolerated: [],
      reason: `the question asks for ${expected.length === 1 ? "one time" : `${expected.length} times`}`,
    };
  if (given.some((t, i) => t !== expected[i]))
    return { ...base, correct: false, tolerated: [], reason: "a different time" };
  return { ...base, correct: true, tolerated: [] };
}
