import { MONTHS } from "./lexicon";
import type { DocDate } from "./types";

export interface DatePeriod {
  start: DocDate;
  end?: DocDate;
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
 * "2004–2011", "from 2004 to 2011". Returns null when it is not a date.
 *
 * @example
 * parseDateAnswer('November 26, 2019') // { start: { year: 2019, month: 11, day: 26, precision: 'day' } }
 */
export function parseDateAnswer(text: string): DatePeriod | null {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/^(?:in|on|from|since|the)\s+/, "")
    .replace(/[.\s]+$/, "");
  const single = parseSingle(t);
  if (single) return { start: single };
  const parts = t.split(/\s*(?:–|—|\s-\s|\bto\b|\buntil\b|\band\b)\s*|(?<=^\d{4})-(?=\d{4}$)/).filter(Boolean);
  if (parts.length === 2) {
    const start = parseSingle(parts[0]);
    const end = parseSingle(parts[1].replace(/^(?:the)\s+/, ""));
    if (start && end) return { start, end };
  }
  return null;
}

function parseSingle(raw: string): DocDate | null {
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
    let [day, month] = [Number(m[1]), Number(m[2])];
    if (month > 12 && day <= 12) [day, month] = [month, day];
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
    if (MONTH_INDEX.has(name) && month === undefined) month = MONTH_INDEX.get(name);
    else if (/^\d{4}$/.test(tok) && year === undefined) year = Number(tok);
    else if (/^\d{1,2}$/.test(tok) && day === undefined) day = Number(tok);
    else return null;
  }
  if (year === undefined || (month === undefined && day !== undefined)) return null;
  return build(year, month, day);
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
