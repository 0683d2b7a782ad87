import { countAsWritten } from "./extract-definitions";
import { factKey } from "./keys";
import { findDates } from "./dates";
import { reduceClause, toQuestion } from "./phrase";
import { posTokens } from "./pos";
import { toInfinitive } from "./tokens";
import { tidy, upperFirst } from "./text";
import type { CauseFact, Sentence } from "./types";

/** A reason clause: "because …", "because of …", "due to …", "so that …", "in order to …". */
const AFTER = /^(.+?),?\s+(because(?: of)?|due to|owing to|so that|in order to)\s+(.+)$/;
const BEFORE = /^Because(?: of)?\s+([^,]+),\s+(.+)$/;
/** The reason first, the effect after: "Chlorophyll reflects green light, which is why leaves look green." */
const WHICH_IS_WHY = /^(.+?),\s+which is (?:why|the reason why)\s+(.+)$/;
/** The reason first, its result after "so": "A member that abstains is not counted, so an abstention does not block …". */
const SO = /^(.+?),\s+so\s+(?!that\b|far\b|much\b|many\b|long\b)(.+)$/;
/** A discourse phrase before a reason written first ("In practice, …"): not part of the reason. */
const DISCOURSE = /^(?:In practice|In fact|As a rule|In general|Normally|Usually|Today|However|Meanwhile),\s+/;
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
  const whichIsWhy = WHICH_IS_WHY.exec(text) ?? SO.exec(upperFirst(text.replace(DISCOURSE, "")));
  const after = whichIsWhy ? null : AFTER.exec(text);
  const before = after || whichIsWhy ? null : BEFORE.exec(text);
  const purpose = after || before || whichIsWhy ? undefined : purposeOf(text);
  const effect = after?.[1] ?? before?.[2] ?? whichIsWhy?.[2] ?? purpose?.effect;
  const link = after?.[2] ?? (purpose ? "to" : "because");
  let cause = after?.[3] ?? before?.[1] ?? whichIsWhy?.[1] ?? purpose?.purpose;
  if (!effect || !cause || /\b(?:because|so)\b/.test(cause) || cause.split(/\s+/).length > 25) return [];
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
  if (!faithful(question, clause)) return [];
  const asked = lowerOpening(question, clause);
  cause =
    link === "in order to" || link === "to"
      ? `to ${cause}`
      : link === "so that"
        ? `so that ${cause}`
        : /^(?:due|owing) to$/.test(link)
          ? `${link} ${cause}`
          : cause;
  return [
    {
      type: "cause",
      key: factKey("cause", `${clause} ${cause}`),
      question: asked,
      cause,
      source: { text: s.text, start: s.start, end: s.end },
    },
  ];
}

/** Verbs whose "to" clause completes them ("asked Hardy to come", "helped the army to win"): no purpose. */
const CONTROL =
  /^(?:ask|tell|allow|enable|permit|force|persuade|invite|encourage|require|want|expect|order|urge|cause|teach|advise|help|lead|let|get|oblige|compel|authori[sz]e|empower|appoint|elect|choose|select|train|instruct|commission|pay|need|like|prefer|try|decide|agree|refuse|plan|hope|begin|start|continue|fail|manage|seem|appear|tend|mean|intend|attempt|learn|offer|promise|threaten|vote|have)$/;
/** Nouns a "to" clause completes ("the power to impose", "the first to reach"): no purpose. */
const COMPLEMENT_NOUNS =
  /^(?:power|right|ability|decision|attempt|plan|plans|chance|opportunity|way|time|need|effort|efforts|order|authority|permission|freedom|desire|wish|tendency|capacity|first|last|only|one|proposal|agreement|mandate|bid|campaign|move|request|call|offer|promise|task|mission|responsibility|duty|obligation|intention|aim|goal|means|reason|place|money|funds|enough|licence|license|obligation|courage|strength|willingness|refusal|failure|commitment|pressure|resources|space|room)$/i;

/**
 * A purpose infinitive after a whole clause: "William built castles across England to control the population" →
 * effect "William built castles across England", purpose "control the population". Only where the "to" clause
 * cannot complete a verb ("asked him to come") or a noun ("the power to impose sanctions"), or an adjective
 * ("able to", "likely to"): the word before "to" is a noun or a name, the clause's main verb is not one that takes a
 * "to" clause, and "to" is followed by a verb's base form.
 */
function purposeOf(text: string): { effect: string; purpose: string } | undefined {
  const tokens = posTokens(text);
  const at = tokens.findIndex((t, i) => i > 2 && t.text === "to" && tokens[i + 1]?.pos === "VERB");
  if (at < 0) return undefined;
  const previous = tokens[at - 1]!;
  if (!/^(?:NOUN|PROPN)$/.test(previous.pos) || COMPLEMENT_NOUNS.test(previous.text)) return undefined;
  const verbs = tokens.slice(0, at).filter((t) => t.pos === "VERB" || t.pos === "AUX");
  const main = verbs.find((t) => t.pos === "VERB");
  if (!main || verbs.some((t) => CONTROL.test(toInfinitive(t.text.toLowerCase())))) return undefined;
  // "had enough money to buy", "was too heavy to lift": a degree's "to" clause, no purpose.
  if (tokens.slice(0, at).some((t) => /^(?:enough|too|so|sufficient|orders?|instructions?)$/i.test(t.text)))
    return undefined;
  // "built to last", "made to glorify": a passive participle's "to" may be its complement; keep to active clauses.
  if (verbs.some((t) => t.pos === "AUX" && /^(?:is|are|was|were|been|be|being)$/i.test(t.text))) return undefined;
  // The purpose runs to the end of its clause: a comma, "and"/"but" with a clause of its own, or the full stop.
  const purpose = text
    .slice(tokens[at + 1]!.start)
    .split(/,\s|\s(?:and|but|while|whereas|which|who)\s/)[0]!
    .trim();
  if (purpose.split(/\s+/).length < 2) return undefined;
  return { effect: text.slice(0, tokens[at]!.start).trim(), purpose };
}

/**
 * Does the question keep the clause's words? Inversion may only add "do/does/did", put the main verb in its base form
 * and change the case of the first word; "Central banks raise interest rates" must not come back as "Why does
 * Central banks raise interest rate?". "does" also needs a verb the clause writes with "-s" ("raise" takes "do").
 */
function faithful(question: string, clause: string): boolean {
  const words = (text: string) => text.toLowerCase().match(/[\p{L}\d'’-]+/gu) ?? [];
  const written = new Set(words(clause));
  const verbs = posTokens(clause).filter((t) => t.pos === "VERB" || t.pos === "AUX");
  const bases = new Set(verbs.map((t) => toInfinitive(t.text.toLowerCase())));
  const added = words(question).filter((w) => !written.has(w) && w !== "why");
  if (!added.every((w) => /^(?:do|does|did)$/.test(w) || bases.has(w))) return false;
  // "an abstention does not block …" → "Why does an abstention does not block …?": do-support on a clause that has it.
  if (/^Why (?:do|does|did)\b/.test(question) && /\b(?:do|does|did)\b/i.test(clause)) return false;
  const does = /^Why does\b/.test(question);
  const main = verbs.find((t) => t.pos === "VERB" && !t.text.endsWith("ed"));
  return !does || !main || verbs.some((t) => t.pos === "AUX") || /s$/.test(main.text);
}

/**
 * "Why do Muscle cells contain …?": the clause's first word keeps the capital it had at the start of its sentence. It is
 * written in lower case when spoken English writes it so more often than capitalised (SUBTLEXus); a name keeps it.
 */
function lowerOpening(question: string, clause: string): string {
  const first = /^[\p{Lu}][\p{Ll}'’-]+/u.exec(clause)?.[0];
  if (!first || countAsWritten(first.toLowerCase()) <= countAsWritten(first)) return question;
  return question.replace(new RegExp(`(?<=^Why \\S+ )${first}\\b`, "u"), first.toLowerCase());
}
