/** Checks used by the quality tests (and usable by review tools): is an item answerable from its source, does it match a response? */
import { findDates } from "./dates";
import { grade } from "./grade";
import { normaliseText } from "./normalise";
import { NUMBER_PATTERN, numberInAnswer, parseNumber } from "./numbers";
import { parseDateAnswer } from "./parse-answer";
import type { DocDate, GeneratedItem } from "./types";

/** True when `response` is a right answer to `item`, graded as a typed answer of the item's type. */
export function answers(item: GeneratedItem, response: string): boolean {
  if (item.kind === "true_false" || item.kind === "matching" || item.kind === "ordering") return false;
  return grade({ ...item, kind: "typed" }, response).correct;
}

const sameDay = (a: DocDate, b: DocDate) => a.year === b.year && a.month === b.month && a.day === b.day;

const statedBySource = new Map<string, DocDate[]>();

/** The dates `source` states (each mention's date and end), found once per source: many items quote one sentence. */
function statedDates(source: string): readonly DocDate[] {
  let stated = statedBySource.get(source);
  if (!stated) {
    stated = findDates(source).flatMap((d) => [d.date, ...(d.end ? [d.end] : [])]);
    if (statedBySource.size >= 2000) statedBySource.clear();
    statedBySource.set(source, stated);
  }
  return stated;
}

/** Every date in `answer` is a date stated in `source`. */
function datesSupported(answer: string, source: string): boolean {
  const period = parseDateAnswer(answer);
  if (!period) return false;
  const stated = statedDates(source);
  // A year that opens a timeline's entry ("1989 – Feasibility study …") has no preposition for findDates to see.
  const written = (d: DocDate) =>
    d.precision === "year" && new RegExp(`(?:^|\\n)\\W*(?:\\d+[.)]\\s+)?\\W*${d.year}\\b`).test(source);
  return [period.start, ...(period.end ? [period.end] : [])].every(
    (d) => stated.some((s) => sameDay(s, d)) || written(d),
  );
}

/** The number in `answer` is written in `source`, in digits or words. */
function numberSupported(answer: string, source: string): boolean {
  const value = numberInAnswer(answer);
  const found = [...source.replace(/,(?=\d{3}\b)/g, "").matchAll(new RegExp(NUMBER_PATTERN, "gi"))].map((m) =>
    parseNumber(m[0]),
  );
  return value !== null && found.includes(value);
}

/** The answer (or one accepted spelling) appears in the source, ignoring case and punctuation. */
function textSupported(item: GeneratedItem): boolean {
  const source = ` ${normaliseText(item.source.text)} `;
  return [item.answer, ...item.accepted].some((a) => source.includes(` ${normaliseText(a)} `));
}

/** Is the item's answer stated by its source? (Ordering sequences are rephrased clauses and are checked elsewhere.) */
export function supported(item: GeneratedItem): boolean {
  // A whole list asked at once ("Name all three: …"): every member is in the source.
  if (item.members && item.kind === "flashcard") {
    const source = ` ${normaliseText(item.source.text)} `;
    return item.members.every((m) => source.includes(` ${normaliseText(m)} `));
  }
  if (item.members && item.kind === "multiple_choice") {
    // A "NOT" list item: every member shown is in the list, the outsider is not.
    const source = ` ${normaliseText(item.source.text)} `;
    return (
      item.members.every((m) => source.includes(` ${normaliseText(m)} `)) &&
      !source.includes(` ${normaliseText(item.answer)} `)
    );
  }
  switch (item.answerType) {
    case "date":
      return datesSupported(item.answer, item.source.text);
    case "number":
      return numberSupported(item.answer, item.source.text);
    case "boolean":
      return true;
    case "order":
      return true;
    case "match":
      return (item.pairs ?? []).every((p) =>
        parseDateAnswer(p.right)
          ? datesSupported(p.right, item.source.text)
          : ` ${normaliseText(item.source.text)} `.includes(` ${normaliseText(p.right)} `),
      );
    default:
      return textSupported(item);
  }
}
