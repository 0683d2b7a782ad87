import { RANKS } from "./lexicon";
import { editDistance, normaliseText, typoTolerance } from "./normalise";
import { numberInAnswer } from "./numbers";
import { parseDateAnswer, sameAtPrecision } from "./parse-answer";
import type { GeneratedItem, GradeResult, MatchPair } from "./types";

/** What a learner can submit: option text or index, free text, pairs, or a sequence. */
export type Response = string | number | readonly string[] | readonly MatchPair[];

const RANK_PREFIX = new RegExp(
  `^(?:${[...RANKS]
    .sort((a, b) => b.length - a.length)
    .map((r) => normaliseText(r))
    .filter(Boolean)
    .join("|")})\\s+`,
);

/**
 * Grades a response. Choices, matching and ordering are exact; typed and cloze answers are tolerant
 * by answer type: dates in any usual spelling at the asked precision, numbers in digits or words with
 * hedges and units ignored, names with or without rank (surname alone when the item accepts it), and
 * small typos scaled by length for text (never for dates and numbers, where one character changes the fact).
 *
 * @example
 * grade(item, 'November 26, 2019') // { correct: true, normalised: '2019-11-26', expected: '2019-11-26' }
 */
export function grade(item: GeneratedItem, response: Response): GradeResult {
  switch (item.kind) {
    case "multiple_choice":
    case "true_false":
      return gradeChoice(item, response);
    case "matching":
      return gradeMatching(item, response);
    case "ordering":
      return gradeOrdering(item, response);
    default:
      return gradeFree(item, typeof response === "string" ? response : String(response));
  }
}

function gradeChoice(item: GeneratedItem, response: Response): GradeResult {
  const options = item.options ?? [];
  let chosen: string | undefined;
  if (typeof response === "number") chosen = options[response];
  else if (typeof response === "string") {
    const n = normaliseText(response);
    chosen = options.find((o) => normaliseText(o) === n);
    if (chosen === undefined && item.kind === "true_false")
      chosen = /^(?:t|yes|y|true)$/.test(n) ? "True" : /^(?:f|no|n|false)$/.test(n) ? "False" : undefined;
  }
  const expected = normaliseText(item.answer);
  const normalised = chosen === undefined ? "" : normaliseText(chosen);
  return { correct: normalised === expected, normalised, expected };
}

function gradeMatching(item: GeneratedItem, response: Response): GradeResult {
  const pairs: MatchPair[] = Array.isArray(response)
    ? (response as readonly (MatchPair | string)[]).flatMap((p) => (typeof p === "string" ? [] : [p]))
    : String(response)
        .split(";")
        .map((s) => s.split("→"))
        .filter((a) => a.length === 2)
        .map(([left, right]) => ({ left, right }));
  const canon = (ps: readonly MatchPair[]) =>
    ps
      .map((p) => `${normaliseText(p.left)}=${normaliseText(p.right)}`)
      .sort()
      .join(";");
  const expected = canon(item.pairs ?? []);
  const normalised = canon(pairs);
  return { correct: normalised === expected, normalised, expected };
}

function gradeOrdering(item: GeneratedItem, response: Response): GradeResult {
  const seq = Array.isArray(response) ? (response as readonly unknown[]).map(String) : String(response).split("→");
  const expected = (item.sequence ?? []).map(normaliseText).join(" > ");
  const normalised = seq.map(normaliseText).join(" > ");
  return { correct: normalised === expected, normalised, expected };
}

function gradeFree(item: GeneratedItem, response: string): GradeResult {
  if (item.answerType === "date") {
    const expected = parseDateAnswer(item.answer);
    const given = parseDateAnswer(response);
    const show = (p: typeof expected) =>
      p
        ? [p.start, p.end]
            .filter(Boolean)
            .map((d) => iso(d!))
            .join("/")
        : normaliseText(response);
    if (!expected) return textResult(item, response);
    const correct =
      !!given &&
      sameAtPrecision(expected.start, given.start) &&
      (!expected.end ? !given.end : !!given.end && sameAtPrecision(expected.end, given.end));
    return { correct, normalised: show(given), expected: show(expected) };
  }
  if (item.answerType === "number") {
    const expected = numberInAnswer(item.answer);
    const given = numberInAnswer(response);
    return {
      correct: expected !== null && given === expected,
      normalised: given === null ? normaliseText(response) : String(given),
      expected: String(expected),
    };
  }
  if (item.answerType === "person") {
    const strip = (s: string) => normaliseText(s).replace(RANK_PREFIX, "");
    const given = strip(response);
    const targets = [item.answer, ...item.accepted].map(strip);
    const correct = targets.some((t) => withinTypos(given, t));
    return { correct, normalised: given, expected: strip(item.answer) };
  }
  return textResult(item, response);
}

function textResult(item: GeneratedItem, response: string): GradeResult {
  const given = normaliseText(response);
  const targets = [item.answer, ...item.accepted].map(normaliseText);
  return {
    correct: targets.some((t) => withinTypos(given, t)),
    normalised: given,
    expected: normaliseText(item.answer),
  };
}

function withinTypos(given: string, target: string): boolean {
  if (!given || !target) return false;
  if (given === target) return true;
  if (/\d/.test(target)) return false; // "Apollo 11" vs "Apollo 12": digits are facts, not typos
  return editDistance(given, target) <= typoTolerance(target.length);
}

function iso(d: { year: number; month?: number; day?: number }): string {
  return [String(d.year), d.month && String(d.month).padStart(2, "0"), d.day && String(d.day).padStart(2, "0")]
    .filter(Boolean)
    .join("-");
}
