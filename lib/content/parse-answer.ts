import { MONTHS } from "./lexicon";
import { editDistance, typoTolerance } from "./normalise";
import type { DocDate } from "./types";

export interface DatePeriod {
  start: DocDate;
  end?: DocDate;
}

/** How the learner's locale orders a numeric date's day and month: "dmy" (5/4 = 5 April) or "mdy" (5/4 = May 4). */
export type DayMonthOrder = "dmy" | "mdy";

/** A date answer as read, with what the reading had to assume or forgive, so the grader can say so. */
export interface DateReading {
  period: DatePeriod | null;
  /** Month names typed with a typo, each as the month it was read as ("Ocotber" → "October"). */
  misspelt: { typed: string; month: string }[];
  /** A numeric date whose day and month could be either ("5/4/1904"), as typed. */
  ambiguous?: string;
  /** How an ambiguous numeric date was read; absent when no order was given (then `period` is null). */
  order?: DayMonthOrder;
}

const MONTH_INDEX = new Map<string, number>();
MONTHS.forEach((m, i) => {
  MONTH_INDEX.set(m.toLowerCase(), i + 1);
  MONTH_INDEX.set(m.slice(0, 3).toLowerCase(), i + 1);
});
MONTH_INDEX.set("sept", 9);

/**
 * Reads a date or period typed by a learner. Accepts "26 Nov 2019", "November 26, 2019", "26th of November 2019",
 * "2019-11-26", "26/11/2019" and "26.11.2019" (numeric dates are read DAY-FIRST, the usual order outside the US;
 * "11/26/2019" still works because 26 cannot be a month), "Nov 2019", "11/2019", "2019", and periods
 * "2004–2011", "from 2004 to 2011". Returns null when it is not a date. Used on document text; the grader uses
 * readDateAnswer, which tolerates misspelt months and reads ambiguous numeric dates by the learner's locale.
 *
 * @example
 * parseDateAnswer('November 26, 2019') // { start: { year: 2019, month: 11, day: 26, precision: 'day' } }
 */
export function parseDateAnswer(text: string): DatePeriod | null {
  return readDateAnswer(text, { order: "dmy", fuzzyMonths: false }).period;
}

/**
 * Reads a learner's date like parseDateAnswer, but a month name may carry a typo scaled by its length ("Ocotber",
 * never "Jume": 4 letters allow none), and a numeric date whose first two parts could both be the month
 * ("5/4/1904") is read in `order` — or, without an order, not read at all (`period: null`, `ambiguous` set), because
 * guessing would grade a right answer wrong for half the world.
 *
 * @example
 * readDateAnswer('Ocotber 2018', {}) // { period: { start: { year: 2018, month: 10, precision: 'month' } }, misspelt: [{ typed: 'ocotber', month: 'October' }] }
 * readDateAnswer('5/4/1904', {}) // { period: null, misspelt: [], ambiguous: '5/4/1904' }
 */
export function readDateAnswer(text: string, options: { order?: DayMonthOrder; fuzzyMonths?: boolean }): DateReading {
  const reading: DateReading = { period: null, misspelt: [] };
  const ctx = { ...options, fuzzyMonths: options.fuzzyMonths ?? true, reading };
  const t = text
    .trim()
    .toLowerCase()
    .replace(/^(?:in|on|from|since|the)\s+/, "")
    .replace(/[.\s]+$/, "");
  const single = parseSingle(t, ctx);
  if (single) return { ...reading, period: { start: single } };
  if (reading.ambiguous && !reading.order) return reading;
  reading.misspelt = [];
  const parts = t.split(/\s*(?:–|—|\s-\s|\bto\b|\buntil\b|\band\b)\s*|(?<=^\d{4})-(?=\d{4}$)/).filter(Boolean);
  if (parts.length === 2) {
    const start = parseSingle(parts[0], ctx);
    const end = parseSingle(parts[1].replace(/^(?:the)\s+/, ""), ctx);
    if (start && end) return { ...reading, period: { start, end } };
  }
  return { ...reading, period: null, misspelt: [] };
}

type Context = { order?: DayMonthOrder; fuzzyMonths: boolean; reading: DateReading };

function parseSingle(raw: string, ctx: Context): DocDate | null {
  const t = raw
    .trim()
    .replace(/(\d+)(?:st|nd|rd|th)\b/g, "$1")
    .replace(/\bof\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  let m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(t);
  if (m) return build(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : undefined);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(t);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    // Both parts can be a month and they differ: only the learner's convention says which is which.
    if (a <= 12 && b <= 12 && a !== b) {
      ctx.reading.ambiguous = raw.trim();
      ctx.reading.order = ctx.order;
      if (!ctx.order) return null;
      return ctx.order === "dmy" ? build(fullYear(m[3]), b, a) : build(fullYear(m[3]), a, b);
    }
    const [day, month] = b > 12 && a <= 12 ? [b, a] : [a, b];
    return build(fullYear(m[3]), month, day);
  }
  m = /^(\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return build(Number(m[2]), Number(m[1]));
  if (/^\d{4}$/.test(t)) return { year: Number(t), precision: "year" };
  const tokens = t.split(/[\s,]+/).filter(Boolean);
  let year: number | undefined;
  let month: number | undefined;
  let day: number | undefined;
  for (const tok of tokens) {
    const name = tok.replace(/\.$/, "");
    const asMonth = month === undefined ? monthOf(name, ctx) : undefined;
    if (asMonth !== undefined) month = asMonth;
    else if (/^\d{4}$/.test(tok) && year === undefined) year = Number(tok);
    else if (/^\d{1,2}$/.test(tok) && day === undefined) day = Number(tok);
    else return null;
  }
  if (year === undefined || (month === undefined && day !== undefined)) return null;
  return build(year, month, day);
}

/** The month a word names, forgiving typos in words of 5+ letters when the nearest month is the only one that near. */
function monthOf(word: string, ctx: Context): number | undefined {
  const exact = MONTH_INDEX.get(word);
  if (exact !== undefined || !ctx.fuzzyMonths || !/^\p{L}{5,}$/u.test(word)) return exact;
  const near = MONTHS.map((name, i) => ({ i, d: editDistance(word, name.toLowerCase()) })).filter(
    ({ i, d }) => d <= typoTolerance(MONTHS[i].length),
  );
  if (near.length === 0) return undefined;
  near.sort((a, b) => a.d - b.d);
  if (near.length > 1 && near[1].d === near[0].d) return undefined;
  ctx.reading.misspelt.push({ typed: word, month: MONTHS[near[0].i] });
  return near[0].i + 1;
}

function build(year: number, month?: number, day?: number): DocDate | null {
  if (month !== undefined && (month < 1 || month > 12)) return null;
  if (day !== undefined && (day < 1 || day > 31)) return null;
  if (month === undefined) return { year, precision: "year" };
  if (day === undefined) return { year, month, precision: "month" };
  return { year, month, day, precision: "day" };
}

function fullYear(y: string): number {
  if (y.length === 4) return Number(y);
  const n = Number(y);
  return n < 50 ? 2000 + n : 1900 + n;
}

/**
 * The order of day and month in a locale's numeric dates, from the platform's own locale data (Intl), or undefined
 * for a missing or unknown locale.
 *
 * @example
 * dayMonthOrder('en-US') // 'mdy'
 * dayMonthOrder('en-GB') // 'dmy'
 */
export function dayMonthOrder(locale: string | undefined): DayMonthOrder | undefined {
  if (!locale) return undefined;
  try {
    const [canonical] = Intl.getCanonicalLocales(locale);
    if (!canonical) return undefined;
    const types = new Intl.DateTimeFormat(canonical).formatToParts(new Date(Date.UTC(2020, 10, 26))).map((p) => p.type);
    return types.indexOf("month") < types.indexOf("day") ? "mdy" : "dmy";
  } catch {
    return undefined;
  }
}

/**
 * True when `given` states `expected` at the precision asked: a month question accepts "July 2018" and
 * "26 July 2018", but never "2018"; a wrong day, month or year is wrong.
 */
export function sameAtPrecision(expected: DocDate, given: DocDate): boolean {
  if (expected.year !== given.year) return false;
  if (expected.precision === "year") return true;
  if (given.month !== expected.month) return false;
  if (expected.precision === "month") return true;
  return given.day === expected.day;
}
