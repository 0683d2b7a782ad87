import { normaliseText } from "./normalise";
import { gradeDate, gradeNumber, isRangeAnswer, looksLikeQuantity } from "./grade-facts";
import { gradePerson, gradeText } from "./grade-text";
import type { GeneratedItem, GradeResult, MatchPair } from "./types";

/** What a learner can submit: option text or index, free text, pairs, or a sequence. */
export type Response = string | number | readonly string[] | readonly MatchPair[];

/**
 * Something the grader forgave or had to assume to accept an answer, shown to the learner
 * ("accepted — spelling: October").
 */
export type Tolerance = {
  rule: "spelling" | "alias" | "middle_initial" | "surname_only" | "date_order";
  /** What it was read as: the right spelling, the name it stands for, how a numeric date was read. */
  detail: string;
};

/** A graded answer: the verdict, what was tolerated to reach it, and why a wrong one is wrong. */
export interface Verdict extends GradeResult {
  tolerated: Tolerance[];
  /** Why the answer was not accepted, for the learner ("the question asks for a day"); absent when correct. */
  reason?: string;
  /**
   * The highest rating the answer supports, when it supports less than speed alone would suggest: "again" for a
   * wrong answer, "hard" for one accepted only with a forgiven typo (the recall was not clean).
   */
  ratingHint?: "again" | "hard";
}

export interface GradeOptions {
  /** The learner's locale (BCP 47, e.g. "en-GB"): decides how "5/4/1904" is read. Without it such dates are refused. */
  locale?: string;
}

/**
 * Grades a response, the same way for every answer type, and says what it tolerated or why it refused. Choices,
 * matching and ordering are exact. Typed and cloze answers: dates in any usual spelling at the asked precision,
 * month names with typos, ambiguous numeric dates in the learner's locale; numbers in digits or words, hedges and
 * units ignored unless the unit contradicts; people with or without rank and middle initials, the surname alone when
 * the item accepts it; names of places and organisations by their aliases; typos scaled by length in every word,
 * never in a digit. The rules and their reasons: docs/decisions/017-grading.md.
 *
 * @example
 * grade(item, 'Ocotber 2018') // { correct: true, tolerated: [{ rule: 'spelling', detail: 'October' }], ratingHint: 'hard', … }
 * grade(item, 'November 2019') // { correct: false, reason: 'the question asks for a day', ratingHint: 'again', … }
 */
export function grade(item: GeneratedItem, response: Response, options: GradeOptions = {}): Verdict {
  const result = gradeAny(item, response, options);
  if (!result.correct) return { ...result, ratingHint: "again" };
  if (result.tolerated.some((t) => t.rule === "spelling")) return { ...result, ratingHint: "hard" };
  return result;
}

function gradeAny(item: GeneratedItem, response: Response, options: GradeOptions): Verdict {
  switch (item.kind) {
    case "multiple_choice":
    case "true_false":
      return gradeChoice(item, response);
    case "matching":
      return gradeMatching(item, response);
    case "ordering":
      return gradeOrdering(item, response);
    default:
      return gradeFree(item, typeof response === "string" ? response : String(response), options);
  }
}

/**
 * The verdict as one line for the learner: what was tolerated when accepted, why not when refused, nothing for a
 * plain right answer.
 *
 * @example
 * explainVerdict({ correct: true, tolerated: [{ rule: 'spelling', detail: 'October' }], … }) // 'accepted — spelling: October'
 */
export function explainVerdict(verdict: Pick<Verdict, "correct" | "tolerated" | "reason">): string | null {
  if (!verdict.correct) return verdict.reason ?? null;
  if (verdict.tolerated.length === 0) return null;
  return `accepted — ${verdict.tolerated.map((t) => `${TOLERANCE_LABELS[t.rule]}: ${t.detail}`).join("; ")}`;
}

const TOLERANCE_LABELS: Record<Tolerance["rule"], string> = {
  spelling: "spelling",
  alias: "same as",
  middle_initial: "without the middle initial",
  surname_only: "surname alone",
  date_order: "read as",
};

function gradeFree(item: GeneratedItem, response: string, options: GradeOptions): Verdict {
  if (!normaliseText(response)) return refuse("", normaliseText(item.answer), "no answer was given");
  if (item.answerType === "date") return gradeDate(item, response, options) ?? gradeText(item, response);
  if (item.answerType === "number" || looksLikeQuantity(item.answer) || isRangeAnswer(item.answer))
    return gradeNumber(item, response);
  if (item.answerType === "person") return gradePerson(item, response);
  return gradeText(item, response);
}

function refuse(normalised: string, expected: string, reason: string): Verdict {
  return { correct: false, normalised, expected, tolerated: [], reason };
}

function gradeChoice(item: GeneratedItem, response: Response): Verdict {
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
  if (normalised === expected) return { correct: true, normalised, expected, tolerated: [] };
  return refuse(normalised, expected, chosen === undefined ? "that is none of the options" : "a different option");
}

function gradeMatching(item: GeneratedItem, response: Response): Verdict {
  const pairs: MatchPair[] = Array.isArray(response)
    ? (response as readonly (MatchPair | string)[]).flatMap((p) => (typeof p === "string" ? [] : [p]))
    : String(response)
        .split(";")
        .map((s) => s.split("→"))
        .filter((a) => a.length === 2)
        .map(([left, right]) => ({ left, right }));
  const key = (p: MatchPair) => `${normaliseText(p.left)}=${normaliseText(p.right)}`;
  const canon = (ps: readonly MatchPair[]) => ps.map(key).sort().join(";");
  const expectedPairs = item.pairs ?? [];
  const expected = canon(expectedPairs);
  const normalised = canon(pairs);
  if (normalised === expected) return { correct: true, normalised, expected, tolerated: [] };
  const given = new Set(pairs.map(key));
  const right = expectedPairs.filter((p) => given.has(key(p))).length;
  return refuse(normalised, expected, `${right} of ${expectedPairs.length} pairs are right`);
}

function gradeOrdering(item: GeneratedItem, response: Response): Verdict {
  const seq = Array.isArray(response) ? (response as readonly unknown[]).map(String) : String(response).split("→");
  const expected = (item.sequence ?? []).map(normaliseText).join(" > ");
  const normalised = seq.map(normaliseText).join(" > ");
  if (normalised === expected) return { correct: true, normalised, expected, tolerated: [] };
  return refuse(normalised, expected, "the order is not the one in the text");
}
