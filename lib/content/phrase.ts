import nlp from "compromise";
import { ADVERBIAL_STARTS } from "./lexicon";
import { posTokens } from "./pos";
import { analyse, findMainVerb, isAuxiliary, toInfinitive, tokenize } from "./tokens";

/** A span to cut out of a sentence before it is rephrased. */
export interface Cut {
  start: number;
  stop: number;
}

const PREP_BEFORE = /(?:\b(?:in|on|at|from|during|since|by|until|around|of))\s*$/i;
const TRAILING_CLAUSE =
  /,\s+(?:which|who|whom|whose|where|thereby|including|setting|providing|conducted|coordinating|on the|as well as|while|but)\b/i;
const RELATIVE = /\s(?:that|which|who)\s(?=(?:consisted|was|were|is|are|has|had|\w+ed)\b)/;
/** "The Hubble Space Telescope is a space telescope": a subject, then is/was and a noun phrase, and nothing else. */
const COPULAR_HEAD = /^([A-Z][^,;]*?)\s+(?:is|was)\s+(?:a|an|the)\s+[\w\s-]+$/;

/**
 * The main clause of a sentence with the given spans (and the preposition before each) removed,
 * leading adverbials, parentheses and trailing subordinate phrases dropped, and, for coordinated
 * predicates ("was born … and won …"), only the predicate that contained the first cut kept.
 * Returns undefined when what is left is not a clause with a subject and a verb.
 *
 * @example
 * reduceClause('In July 2015, in response to a request, NATO agreed to help.', [{ start: 3, stop: 12 }])
 * // 'NATO agreed to help'
 */
export function reduceClause(sentence: string, cuts: Cut[]): string | undefined {
  const anchor = cuts.length > 0 ? cuts[0].start : 0;
  let text = sentence;
  // Remove parentheticals (unless the anchor is inside one) and the cuts, right to left so offsets hold.
  const removals: Cut[] = [];
  for (const m of sentence.matchAll(/\s*\([^()]*\)/g)) {
    if (anchor >= m.index && anchor < m.index + m[0].length) return undefined;
    removals.push({ start: m.index, stop: m.index + m[0].length });
  }
  for (const c of cuts) {
    const before = sentence.slice(0, c.start);
    const prep = PREP_BEFORE.exec(before);
    removals.push({ start: prep ? prep.index : c.start, stop: c.stop });
  }
  removals.sort((a, b) => b.start - a.start);
  let anchorPos = anchor;
  for (const r of removals) {
    text = text.slice(0, r.start) + text.slice(r.stop);
    if (r.stop <= anchorPos) anchorPos -= r.stop - r.start;
    else if (r.start < anchorPos) anchorPos = r.start;
  }
  text = text
    .replace(/\s+/g, " ")
    .replace(/\s+([,.;:!?])/g, "$1")
    .replace(/,\s*,/g, ",")
    .trim();
  text = text.replace(/[.!?;:]+$/, "").replace(/^[,\s]+/, "");
  // Drop leading adverbial phrases: "Then, following a request, at the Summit, NATO agreed" → "NATO agreed".
  for (;;) {
    const comma = text.indexOf(", ");
    const first = text
      .split(/\s+/)[0]
      ?.toLowerCase()
      .replace(/[^a-z]/g, "");
    if (comma === -1 || !(ADVERBIAL_STARTS.has(first) || comma < 3)) break;
    const rest = text.slice(comma + 2);
    if (findMainVerb(tokenize(rest)) === -1) break;
    anchorPos -= comma + 2;
    text = rest;
  }
  text = text.replace(/^[,\s]+/, "");
  // A cut inside a trailing or relative clause belongs to that clause, not to the main one.
  const trailing = TRAILING_CLAUSE.exec(text);
  if (trailing) {
    if (anchorPos > trailing.index && cuts.length > 0) return undefined;
    text = text.slice(0, trailing.index);
  }
  const relative = RELATIVE.exec(text);
  if (relative) {
    if (anchorPos > relative.index && cuts.length > 0) {
      // "X is a space telescope that was launched on …": in a copular sentence the relative clause is about the
      // subject itself, so it is the subject's own statement ("X was launched …"). Any other relative clause is about
      // a noun of the main clause, and the cut belongs to that noun: nothing is built.
      const copular = COPULAR_HEAD.exec(text.slice(0, relative.index));
      if (!copular) return undefined;
      text = `${copular[1]} ${text.slice(relative.index + relative[0].length)}`;
    } else text = text.slice(0, relative.index);
  }
  text = keepPredicate(text, Math.max(anchorPos, 0));
  if (!text) return undefined;
  const tokens = tokenize(text);
  const verb = findMainVerb(tokens);
  if (verb <= 0 || tokens.length < 3) return undefined;
  return text.trim().replace(/,$/, "");
}

/** "X was born in Warsaw and won the prize" with the anchor in the second half → "X won the prize". */
function keepPredicate(text: string, anchor: number): string {
  const tokens = tokenize(text);
  const verb = findMainVerb(tokens);
  if (verb <= 0) return text;
  const subject = text.slice(0, tokens[verb].start).trim();
  const bounds: number[] = [tokens[verb].start];
  for (let i = verb + 1; i < tokens.length - 1; i++) {
    if (tokens[i].text.toLowerCase() !== "and" || (tokens[i - 1].post.includes(",") && false)) continue;
    // "agree to accept and carry out its decisions": infinitives joined under one "to", not a second predicate.
    if (tokens[i - 2]?.text.toLowerCase() === "to" && tokens[i - 1].tags.has("Verb")) continue;
    const next = tokens[i + 1];
    const finite =
      isAuxiliary(next.text) ||
      (next.tags.has("Verb") &&
        (next.tags.has("PastTense") || next.tags.has("PresentTense")) &&
        !next.tags.has("Gerund") &&
        !next.tags.has("Noun") &&
        !next.tags.has("Adjective"));
    if (finite) bounds.push(next.start);
  }
  if (bounds.length === 1) return text;
  let k = 0;
  for (let j = 0; j < bounds.length; j++) if (anchor >= bounds[j]) k = j;
  const end = k + 1 < bounds.length ? bounds[k + 1] : text.length;
  const predicate = text
    .slice(bounds[k], end)
    .trim()
    .replace(/\s+and$/, "")
    .replace(/,$/, "");
  return `${subject} ${predicate}`;
}

/**
 * Turns a declarative clause into a wh-question by subject–auxiliary inversion or do-support.
 *
 * `datedPast` asks about a dated event in the past tense even when the clause uses the present.
 *
 * @example
 * toQuestion('When', 'NATO leaders agreed to launch the mission') // 'When did NATO leaders agree to launch the mission?'
 * toQuestion('Where', 'It was established') // 'Where was it established?'
 */
export function toQuestion(wh: string, clause: string, datedPast = false): string | undefined {
  const tokens = tokenize(clause);
  const v = findMainVerb(tokens);
  if (v <= 0) return undefined;
  let subject = lowerFirst(clause.slice(0, tokens[v].start).trim());
  if (!subject || /[,;]$/.test(subject)) return undefined;
  // "Between 1995 and 1997, biologists released …": the fronted phrase moves behind the predicate, so the
  // auxiliary lands before the subject ("… did biologists release … between 1995 and 1997?").
  let fronted = "";
  const comma = subject.lastIndexOf(", ");
  if (comma > 0) {
    const lead = subject.slice(0, comma);
    const first = posTokens(lead)[0];
    if (!first || !["ADP", "ADV", "SCONJ"].includes(first.pos) || /,/.test(lead)) return undefined;
    fronted = ` ${lead[0]!.toLowerCase()}${lead.slice(1)}`;
    subject = lowerFirst(subject.slice(comma + 2));
  }
  const verb = tokens[v];
  const rest = `${clause.slice(verb.end).trim()}${fronted}`;
  if (isAuxiliary(verb.text)) return finish(`${wh} ${verb.text.toLowerCase()} ${subject} ${rest}`);
  // A dated event told in the present ("views … on March 5, 2018", a caption) happened in the past.
  const past = verb.tags.has("PastTense") || datedPast;
  const plural =
    (/s$/i.test(subject) && !/ss$/i.test(subject) && !/^[A-Z]+s?$/.test(subject)) || /\band\b/.test(subject);
  const aux = past ? "did" : plural ? "do" : "does";
  return finish(`${wh} ${aux} ${subject} ${toInfinitive(verb.text)} ${rest}`);
}

/**
 * "How many …?" for a counted noun phrase that is the clause's subject or directly follows its verb.
 *
 * @example
 * howManyQuestion('NMI involves', 'trainers') // 'How many trainers does NMI involve?'
 */
export function howManyQuestion(before: string, what: string, after = ""): string | undefined {
  const lead = before.trim();
  if (lead === "") return finish(`How many ${what} ${after}`);
  const tokens = tokenize(lead);
  const v = findMainVerb(tokens);
  if (v <= 0 || v !== tokens.length - 1) return undefined;
  const subject = lowerFirst(lead.slice(0, tokens[v].start).trim());
  const verb = tokens[v];
  if (isAuxiliary(verb.text)) return finish(`How many ${what} ${verb.text.toLowerCase()} ${subject}`);
  const plural = /s$/i.test(subject) && !/^[A-Z]+s?$/.test(subject);
  const aux = verb.tags.has("PastTense") ? "did" : plural ? "do" : "does";
  return finish(`How many ${what} ${aux} ${subject} ${toInfinitive(verb.text)}`);
}

/**
 * Lower-cases a leading article or common word, never a proper noun or acronym: "Construction was completed" →
 * "construction was completed" (capitalised only because it opened the sentence), "Paris was …" stays.
 */
export function lowerFirst(s: string): string {
  const [first, second] = s.split(" ");
  if (/^(The|A|An|Its|This|These|Those|It|He|She|They|All|Some|Each|Every)$/.test(first))
    return s[0].toLowerCase() + s.slice(1);
  if (/^[A-Z][a-z]+$/.test(first) && (second === undefined || /^[a-z]/.test(second))) {
    const lower = first.toLowerCase();
    // Only a word known as a common noun: in compromise's lexicon, or with a common-noun ending ("Construction").
    // An unknown name ("Vasa is 69 metres long") stays as written.
    const model = nlp.model() as { one: { lexicon: Record<string, unknown> } };
    const known = model.one.lexicon[lower] !== undefined;
    const nounEnding = /(?:tion|sion|ment|ness|ity|ance|ence|ure|age|ship|ism|ers|ors|ists)$/.test(lower);
    if ((known || nounEnding) && !analyse(lower).has("(#ProperNoun|#Place|#Person|#Organization|#Acronym)"))
      return lower + s.slice(first.length);
  }
  return s;
}

function finish(q: string): string {
  return (
    q
      .replace(/\s+/g, " ")
      .replace(/\s+([,?])/g, "$1")
      .replace(/[,\s]+$/, "")
      .trim() + "?"
  );
}
