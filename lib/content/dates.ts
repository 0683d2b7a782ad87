import * as chrono from "chrono-node";
import { MONTHS } from "./lexicon";
import type { DocDate } from "./types";

/** A date (or period) found in a sentence, with its span in that sentence. */
export interface DateMention {
  date: DocDate;
  end?: DocDate;
  /** Offsets of the date text in the sentence, including a leading "in/on/from" preposition. */
  start: number;
  stop: number;
  /** The date as written, without the preposition. */
  text: string;
}

// chrono needs a reference date; a fixed one keeps the pipeline free of the clock. Mentions without
// an explicit year are dropped, so the reference never leaks into facts.
const REFERENCE = new Date(Date.UTC(2000, 0, 1));
const YEAR = "(1[0-9]{3}|20[0-9]{2})";
const YEAR_RANGE = new RegExp(`\\b(?:from\\s+)?${YEAR}\\s*(?:-|–|—|to|until)\\s*${YEAR}\\b`, "gi");
const BARE_YEAR = new RegExp(`\\b(?:in|since|by|until|during|of)\\s+${YEAR}\\b(?![-–/])`, "gi");
/**
 * A written year (1000–2099) as a word of its own.
 *
 * @example
 * YEAR_WORD.test('Three years later, in 1911, …') // true
 */
export const YEAR_WORD = new RegExp(`\\b${YEAR}\\b`);
/**
 * A year or a month name: a word that dates the phrase it stands in by itself ("Between 1995 and 1997", "in March").
 *
 * @example
 * DATE_WORD.test('Between 1995 and 1997') // true
 */
export const DATE_WORD = new RegExp(`\\b(?:${YEAR}|${MONTHS.join("|")})\\b`);

/**
 * Finds the dates in a sentence with the precision the text states.
 *
 * @example
 * findDates('NATO agreed in July 2018.')[0].date // { year: 2018, month: 7, precision: 'month' }
 */
export function findDates(sentence: string): DateMention[] {
  // Every mention kept has a written year (chrono's too, tested below): a sentence without four digits in a row or
  // an apostrophe before two has none, and chrono is the slow part.
  if (!/\d{4}|'\d{2}/.test(sentence)) return [];
  const found: DateMention[] = [];
  for (const r of chrono.parse(sentence, REFERENCE)) {
    // Relative expressions ("six hours after") get a year from the reference date: only a written year counts.
    if (!r.start.isCertain("year") || !/\d{4}|'\d{2}\b/.test(r.text)) continue;
    // "at the end of July 2020": the date is July 2020 (chrono makes it 31 July, a day the text never gives); the part
    // of the month stays in the sentence with its preposition (phrase.ts PART_OF_PERIOD).
    let text = r.text.replace(
      /^(?:(?:on|in|from)\s+)?(?:the\s+)?(?:(?:very\s+)?(?:end|start|beginning|middle|turn|close)\s+of\s+)?/i,
      "",
    );
    const start = r.index + (r.text.length - text.length);
    text = text.replace(/[\s,]+$/, "");
    let date = toDocDate(r.start);
    if (
      date.precision === "day" &&
      !/\b(?:[0-3]?\d(?:st|nd|rd|th)?|first|last)\b(?!\d)/i.test(text.replace(/\d{4}/g, ""))
    )
      date = { year: date.year, month: date.month, precision: "month" };
    const mention: DateMention = { date, start, stop: start + text.length, text };
    // "14 June 2025, from 10:00 to 17:00" ends on the day it starts: a day, not a period.
    const end = r.end && r.end.isCertain("year") ? toDocDate(r.end) : undefined;
    if (end && formatDate(end) !== formatDate(mention.date)) mention.end = end;
    found.push(mention);
  }
  const taken = (s: number, e: number) => found.some((m) => s < m.stop && e > m.start);
  for (const m of sentence.matchAll(YEAR_RANGE)) {
    const start = m.index + (m[0].toLowerCase().startsWith("from") ? 5 : 0);
    const stop = m.index + m[0].length;
    if (taken(start, stop)) continue;
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (b <= a) continue;
    found.push({
      date: { year: a, precision: "year" },
      end: { year: b, precision: "year" },
      start,
      stop,
      text: sentence.slice(start, stop),
    });
  }
  for (const m of sentence.matchAll(BARE_YEAR)) {
    const stop = m.index + m[0].length;
    const start = stop - 4;
    if (taken(start, stop)) continue;
    found.push({ date: { year: Number(m[1]), precision: "year" }, start, stop, text: m[1] });
  }
  return found.sort((x, y) => x.start - y.start);
}

function toDocDate(c: chrono.ParsedComponents): DocDate {
  const year = c.get("year") ?? 0;
  if (c.isCertain("day"))
    return { year, month: c.get("month") ?? undefined, day: c.get("day") ?? undefined, precision: "day" };
  if (c.isCertain("month")) return { year, month: c.get("month") ?? undefined, precision: "month" };
  return { year, precision: "year" };
}

/**
 * Formats a date at its precision: "26 November 2019", "July 2018", "2018".
 *
 * @example
 * formatDate({ year: 2018, month: 7, precision: 'month' }) // 'July 2018'
 */
export function formatDate(d: DocDate): string {
  if (d.precision === "year" || !d.month) return String(d.year);
  const month = MONTHS[d.month - 1];
  return d.precision === "day" && d.day ? `${d.day} ${month} ${d.year}` : `${month} ${d.year}`;
}

/** "2004–2011", "31 October 2018 – 25 November 2019". */
export function formatPeriod(start: DocDate, end?: DocDate): string {
  if (!end) return formatDate(start);
  const sep = start.precision === "year" && end.precision === "year" ? "–" : " – ";
  return `${formatDate(start)}${sep}${formatDate(end)}`;
}

/** Sortable number for ordering events; unknown parts sort first. */
export function dateOrdinal(d: DocDate): number {
  return d.year * 10000 + (d.month ?? 0) * 100 + (d.day ?? 0);
}

/** Shifts a date by whole years, months or days at its own precision (for distractors). */
export function shiftDate(d: DocDate, by: number): DocDate {
  if (d.precision === "year" || !d.month) return { ...d, year: d.year + by };
  if (d.precision === "month") {
    const m = d.month - 1 + by;
    return { ...d, year: d.year + Math.floor(m / 12), month: (((m % 12) + 12) % 12) + 1 };
  }
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day ?? 1) + by * 86400000);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate(), precision: "day" };
}
