import { factKey } from "./keys";
import { findDates } from "./dates";
import { reduceClause, toQuestion } from "./phrase";
import { posTokens } from "./pos";
import { tidy } from "./text";
import type { CauseFact, Sentence } from "./types";

/** A reason clause: "because …", "because of …", "so that …", "in order to …". */
const AFTER = /^(.+?),?\s+(because(?: of)?|so that|in order to)\s+(.+)$/;
const BEFORE = /^Because(?: of)?\s+([^,]+),\s+(.+)$/;
/** The reason first, the effect after: "Chlorophyll reflects green light, which is why leaves look green." */
const WHICH_IS_WHY = /^(.+?),\s+which is (?:why|the reason why)\s+(.+)$/;
/** An answer that opens with a pronoun names nobody the learner can see. */
const PRONOUN_OPENING = /^(?:it|its|they|their|them|he|his|she|her|this|these|those|that)\b/i;

/**
 * Why something happened or was done, when the sentence says it: "He chose it because wider track allowed higher
 * speeds" → "Why did Brunel choose it?" / "wider track allowed higher speeds"; "X, which is why Y" → "Why Y?" / X. The effect must turn into a question
 * (a clause with a finite verb whose pronoun `resolve` can name); the reason is the sentence's own words, up to a
 * semicolon, at most 25 words. A reason with a second reason after it ("because …, and because …") is skipped.
 *
 * @example
 * extractCauses(sentence('The ship sank because its hull was too narrow.'), (c) => c)[0].question
 * // 'Why did the ship sink?'
 */
export function extractCauses(s: Sentence, resolve: (clause: string) => string | undefined): CauseFact[] {
  const text = tidy(s.text).replace(/[.!]$/, "").split(/;\s/)[0]!;
  const whichIsWhy = WHICH_IS_WHY.exec(text);
  const after = whichIsWhy ? null : AFTER.exec(text);
  const before = after || whichIsWhy ? null : BEFORE.exec(text);
  const effect = after?.[1] ?? before?.[2] ?? whichIsWhy?.[2];
  const link = after?.[2] ?? "because";
  let cause = after?.[3] ?? before?.[1] ?? whichIsWhy?.[1];
  if (!effect || !cause || /\bbecause\b/.test(cause) || cause.split(/\s+/).length > 25) return [];
  // The reason written first is a whole clause: one with a subject of its own, not a pronoun or a fronted phrase.
  if (whichIsWhy && (PRONOUN_OPENING.test(cause) || /,/.test(cause) || !/\p{Lu}/u.test(cause[0]!))) return [];
  // "…, which …", "…, but he lost it", a quotation: the effect is not one plain clause.
  if (/["“”]|\b(?:which|who|whom|whose)\b|,\s+(?:and|but|yet|so|or)\s/.test(effect) || /^(?:and|but|or)\b/.test(cause))
    return [];
  // "On 30 April 1993 CERN put …": the date goes, so the question asks about the clause, not the day.
  const dates = findDates(effect);
  const reduced = reduceClause(
    effect,
    dates.map((d) => ({ start: d.start, stop: d.stop })),
  );
  const clause = reduced && resolve(tidy(reduced));
  // "Above about 40 °C the rate falls": a fronted phrase without its comma would land after "does".
  if (!clause || ["ADP", "ADV", "SCONJ"].includes(posTokens(clause)[0]?.pos ?? "")) return [];
  const question = toQuestion("Why", clause, dates.length > 0);
  // A pronoun left in the question ("his idea") names nobody a learner can see.
  if (!question || /\b(?:he|she|him|his|her|it|its|they|them|their)\b/i.test(question.slice(4))) return [];
  cause = link === "in order to" ? `to ${cause}` : link === "so that" ? `so that ${cause}` : cause;
  return [
    {
      type: "cause",
      key: factKey("cause", `${clause} ${cause}`),
      question,
      cause,
      source: { text: s.text, start: s.start, end: s.end },
    },
  ];
}
