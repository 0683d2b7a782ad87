/** Grading of names and text: people, places, organisations and other words, where a small typo is forgiven. */
import { sameByAlias } from "./aliases";
import type { Tolerance, Verdict } from "./grade";
import { splitFrame } from "./key-frame";
import { RANKS } from "./lexicon";
import { editDistance, normaliseText, typoTolerance } from "./normalise";
import type { GeneratedItem } from "./types";

const RANK_NAMES = [...RANKS]
  .sort((a, b) => b.length - a.length)
  .map((r) => normaliseText(r))
  .filter(Boolean)
  .join("|");
const RANK_PREFIX = new RegExp(`^(?:${RANK_NAMES})\\s+`);
const RANK_ONLY = new RegExp(`^(?:${RANK_NAMES})$`);

/** British and American spellings of one word are both right, not typos: compared in one spelling. */
const SPELLING_VARIANTS: Record<string, string> = {
  organisation: "organization",
  organisations: "organizations",
  defence: "defense",
  centre: "center",
  centres: "centers",
  programme: "program",
  programmes: "programs",
  metre: "meter",
  metres: "meters",
  kilometre: "kilometer",
  kilometres: "kilometers",
  harbour: "harbor",
  labour: "labor",
  colour: "color",
  honour: "honor",
  theatre: "theater",
};

function fold(normalised: string): string {
  return normalised
    .split(" ")
    .map((w) => SPELLING_VARIANTS[w] ?? w)
    .join(" ");
}

/** Typos allowed by the target's length (lib/content/normalise.ts); a digit must never differ ("Apollo 11" ≠ 12). */
function withinTypos(given: string, target: string): boolean {
  if (!given || !target) return false;
  if (given === target) return true;
  if ((given.match(/\d+/g) ?? []).join(" ") !== (target.match(/\d+/g) ?? []).join(" ")) return false;
  return editDistance(given, target) <= typoTolerance(target.length);
}

/** The words of `target` (as written) that the learner misspelt, for "spelling: Carignan". */
function misspelt(given: string[], target: string): string {
  const words = target.split(/\s+/).filter((w) => normaliseText(w));
  const typed = new Set(given);
  const wrong = words.filter((w) => !typed.has(fold(normaliseText(w))));
  // A middle initial left out is reported on its own (middle_initial), not as a misspelling.
  const named = wrong.filter((w) => normaliseText(w).length > 1);
  return (named.length ? named : wrong.length ? wrong : words).join(" ");
}

function accept(normalised: string, expected: string, tolerated: Tolerance[] = []): Verdict {
  return { correct: true, normalised, expected, tolerated };
}

function refuse(normalised: string, expected: string, reason: string): Verdict {
  return { correct: false, normalised, expected, tolerated: [], reason };
}

/**
 * The entity a framed key names, or null: a lower-case place frame before a name ("the Dutch town of Zwolle" →
 * "Zwolle", "the Italian city of Turin" → "Turin"; not "City of London", a name of its own) or a nationality before an
 * abbreviation ("American GPS" → "GPS"; not "French Guiana", where the adjective is part of the name). Decision 040.
 * New items are generated with the bare key (key-frame.ts, decision 041); this keeps items stored before it right.
 *
 * @example
 * keyCore('the Dutch town of Zwolle') // 'Zwolle'
 */
function keyCore(answer: string): string | null {
  return splitFrame(answer)?.core ?? null;
}

/**
 * A text, place or organisation answer: the answer or an accepted spelling, ignoring case, punctuation, diacritics
 * and a leading article; British or American spelling; another name for it in the alias table ("USA"); or a typo
 * scaled by length.
 */
export function gradeText(item: GeneratedItem, response: string): Verdict {
  const given = fold(normaliseText(response));
  const expected = normaliseText(item.answer);
  const targets = [item.answer, ...item.accepted];
  // A key that carries its frame ("the Dutch town of Zwolle", "American GPS") is answered by the entity alone.
  for (const t of [...targets]) {
    const core = keyCore(t);
    if (core) targets.push(core);
  }
  if (targets.some((t) => fold(normaliseText(t)) === given)) return accept(given, expected);
  const alias = targets.find((t) => sameByAlias(response, t));
  if (alias) return accept(given, expected, [{ rule: "alias", detail: `${response.trim()} = ${alias}` }]);
  const near = targets.find((t) => withinTypos(given, fold(normaliseText(t))));
  if (near) return accept(given, expected, [{ rule: "spelling", detail: misspelt(given.split(" "), near) }]);
  const digitsDiffer = targets.some(
    (t) => /\d/.test(t) && editDistance(given.replace(/\d+/g, "#"), fold(normaliseText(t)).replace(/\d+/g, "#")) === 0,
  );
  return refuse(
    given,
    expected,
    digitsDiffer ? "a different number in the name (digits must be exact)" : "not the answer the text gives",
  );
}

type NameTokens = { core: string[]; initials: string[] };

/** A name's words without rank; middle initials apart, because "John Stevens" and "John F. Stevens" are one man. */
function nameTokens(text: string): NameTokens {
  const words = normaliseText(text).replace(RANK_PREFIX, "").split(" ").filter(Boolean);
  const middle = (i: number) => i > 0 && i < words.length - 1;
  return {
    core: words.filter((w, i) => !(middle(i) && w.length === 1)),
    initials: words.filter((w, i) => middle(i) && w.length === 1),
  };
}

/**
 * A person's name: with or without rank and middle initials (a wrong initial is wrong where the text gives one), a typo scaled by length, and
 * the surname alone only when the item accepts it (the generator does when one person in the document has that
 * surname) and the prompt does not ask for the full name.
 */
export function gradePerson(item: GeneratedItem, response: string): Verdict {
  const given = nameTokens(response);
  const answer = nameTokens(item.answer);
  const normalised = given.core.join(" ");
  const expected = answer.core.join(" ");
  const fullNameAsked = /\bfull name\b/i.test(item.prompt);
  let blockedSurname = false;
  for (const target of [item.answer, ...item.accepted]) {
    const t = nameTokens(target);
    // Initials must agree only where the text gives some: "John F. Kennedy" answers a text that says "John Kennedy".
    if (t.initials.length && given.initials.some((i) => !t.initials.includes(i))) continue;
    const surnameOnly = t.core.length === 1 && answer.core.length > 1;
    const joined = t.core.join(" ");
    const tolerated: Tolerance[] = [];
    if (normalised !== joined) {
      if (!withinTypos(normalised, joined)) continue;
      tolerated.push({ rule: "spelling", detail: misspelt(given.core, displayName(target)) });
    }
    if (surnameOnly && fullNameAsked) {
      blockedSurname = true;
      continue;
    }
    const missing = t.initials.filter((i) => !given.initials.includes(i));
    if (missing.length)
      tolerated.push({ rule: "middle_initial", detail: missing.map((i) => `${i.toUpperCase()}.`).join(" ") });
    if (surnameOnly) tolerated.push({ rule: "surname_only", detail: displayName(target) });
    return accept(normalised, expected, tolerated);
  }
  return refuse(normalised, expected, personMismatch(given, answer, blockedSurname));
}

function personMismatch(given: NameTokens, answer: NameTokens, blockedSurname: boolean): string {
  if (blockedSurname) return "the question asks for the full name";
  const surname = answer.core.at(-1);
  if (given.core.length === 1 && answer.core.length > 1) {
    if (given.core[0] === answer.core[0]) return "give the surname too";
    if (given.core[0] === surname) return "give the full name: the surname alone is not enough here";
  }
  if (given.core.length > 1 && given.core.at(-1) === surname) {
    return given.initials.length ? "a different middle initial or first name" : "a different first name";
  }
  return "a different person";
}

/** A name as written, without its rank ("Major General Jennie Carignan" → "Jennie Carignan"). */
function displayName(text: string): string {
  const words = text.trim().split(/\s+/);
  for (let n = words.length - 1; n > 0; n--) {
    if (RANK_ONLY.test(normaliseText(words.slice(0, n).join(" ")))) return words.slice(n).join(" ");
  }
  return text.trim();
}
