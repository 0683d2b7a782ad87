import nlp from "compromise";
import { DATE_WORD } from "./dates";
import { ADVERBIAL_STARTS } from "./lexicon";
import { posTokens } from "./pos";
import { upperFirst } from "./text";
import { analyse, findMainVerb, isAuxiliary, toInfinitive, tokenize } from "./tokens";

/** A span to cut out of a sentence before it is rephrased. */
export interface Cut {
  start: number;
  stop: number;
}

const PART_OF_PERIOD =
  /\b(?:by|at|in|until|from|since|towards?|before|after) the (?:very )?(?:end|start|beginning|middle|turn|close|spring|summer|autumn|fall|winter|course|first half|second half) of\s*$/i;
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
    // "By the end of 1990 X had …": the whole phrase goes, not only "of 1990" ("By the end X had …").
    const prep = PART_OF_PERIOD.exec(before) ?? PREP_BEFORE.exec(before);
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
  let datedLead = false;
  for (;;) {
    const comma = text.indexOf(", ");
    const first = text
      .split(/\s+/)[0]
      ?.toLowerCase()
      .replace(/[^a-z]/g, "");
    if (comma === -1 || !(ADVERBIAL_STARTS.has(first) || comma < 3)) break;
    const rest = text.slice(comma + 2);
    if (findMainVerb(tokenize(rest)) === -1) break;
    // "Before the NPS was created in 1916, the Army ran …": a cut inside a fronted clause dates that clause, so the
    // clause after its subordinator is the event ("the NPS was created"); a participial phrase ("following a
    // request in 2015") has no subject of its own and gives nothing.
    const lead = posTokens(text.slice(0, comma));
    if (
      cuts.length > 0 &&
      anchorPos > 0 &&
      anchorPos <= comma + 1 &&
      lead.some((t) => ["AUX", "VERB"].includes(t.pos))
    ) {
      const clause = ["SCONJ", "ADP"].includes(lead[0]?.pos ?? "")
        ? text.slice(lead[1]?.start ?? comma, comma).trim()
        : "";
      const verb = findMainVerb(tokenize(clause));
      return verb > 0 && tokenize(clause).length >= 3 ? upperFirst(clause) : undefined;
    }
    // "Between 1995 and 1997, biologists released …": a dropped lead that holds a date of its own dates the clause it
    // leads, so a cut elsewhere may date only another clause (checked below).
    if (DATE_WORD.test(text.slice(0, comma))) datedLead = true;
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
  // A date fronted before the first clause ("In 1907 Stevens resigned, and Roosevelt gave …") dates the whole sentence.
  const own = anchorPos > 0 ? ownClause(text, anchorPos) : { text, start: 0 };
  if (datedLead && own.start === 0 && cuts.some((c) => DATE_WORD.test(sentence.slice(c.start, c.stop))))
    return undefined;
  anchorPos -= own.start;
  text = keepPredicate(own.start > 0 ? (namedSubject(text, own.text) ?? "") : own.text, Math.max(anchorPos, 0));
  if (!text) return undefined;
  const tokens = tokenize(text);
  const verb = findMainVerb(tokens);
  if (verb <= 0 || tokens.length < 3) return undefined;
  return text.trim().replace(/,$/, "");
}

const NP_WORD = new Set(["DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON", "PART"]);
const APPROXIMATOR = /^(?:about|around|almost|nearly|over|some|roughly|approximately|only|just|more|fewer|less)$/i;
const OBJECT_START = new Set(["DET", "NOUN", "PROPN", "NUM", "PRON", "ADJ"]);
const BE = /^(?:is|are|was|were|be|been|being)$/i;

/**
 * The clause holding the anchor when two clauses with subjects of their own are joined (", and full services
 * followed", "; the town burned"): a date in the second clause dates the second subject's deed, not the first's.
 * Read from wink-nlp's tags: after ", and"/", but"/";" a noun phrase and then a verb open a new clause.
 * @example ownClause('Services were declared in 2016, and full services followed', 45).text // 'full services followed'
 */
export function ownClause(text: string, anchor: number): { text: string; start: number } {
  const tokens = posTokens(text);
  const starts = [0];
  const ends: number[] = [];
  for (let i = 0; i < tokens.length - 2; i++) {
    const t = tokens[i]!;
    const joins = t.text === ";" || (/^(?:and|but)$/i.test(t.text) && tokens[i - 1]?.text === ",");
    if (!joins) continue;
    let j = i + 1;
    // "…, and about 124 wolves lived there": an approximator before a number opens the noun phrase too.
    while (
      tokens[j] &&
      (NP_WORD.has(tokens[j]!.pos) || (APPROXIMATOR.test(tokens[j]!.text) && tokens[j + 1]?.pos === "NUM"))
    )
      j++;
    if (j === i + 1 || !tokens[j] || !["VERB", "AUX"].includes(tokens[j]!.pos)) continue;
    ends.push(t.text === ";" ? t.start : tokens[i - 1]!.start);
    starts.push(tokens[i + 1]!.start);
  }
  ends.push(text.length);
  let k = 0;
  for (let n = 0; n < starts.length; n++) if (anchor >= starts[n]!) k = n;
  return { text: text.slice(starts[k], ends[k]).trim(), start: starts[k]! };
}

/**
 * A later clause whose subject is a pronoun, with the first clause's subject in its place ("Hein Jacobsson took over,
 * and he completed the hull" → "Hein Jacobsson completed the hull"): within one sentence a pronoun subject refers to
 * the subject before it. Undefined when that subject is no name, or when number disagrees.
 */
function namedSubject(sentence: string, clause: string): string | undefined {
  const m = /^(he|she|it|they)\b/i.exec(clause);
  if (!m) return clause;
  const tokens = tokenize(sentence);
  const v = findMainVerb(tokens);
  const subject = v > 0 ? sentence.slice(0, tokens[v]!.start).trim() : "";
  // "He was … , and in 1917 he fell ill": the same pronoun twice is one referent, resolved as the first would be.
  if (subject.toLowerCase() === m[1]!.toLowerCase()) return clause;
  if (
    !/^(?:the\s+)?\p{Lu}/iu.test(subject) ||
    /^(?:he|she|it|they|this|these|those|its|his|her|their)\b/i.test(subject)
  )
    return undefined;
  const plural = /\band\b/.test(subject) || (/s$/.test(subject) && !/ss$/.test(subject));
  if (plural !== (m[1]!.toLowerCase() === "they") || !/\p{Lu}/u.test(subject.slice(1))) return undefined;
  return `${subject}${clause.slice(m[0].length)}`;
}

/**
 * "X was born in Warsaw and won the prize" with the anchor in the second half → "X won the prize". A second
 * predicate that shares a passive's auxiliary keeps it ("was initialled … and signed in Paris" → "X was signed in
 * Paris": a "by" agent after the verb says so); one with an object of its own is active; a bare verb after a passive
 * could be either ("was polished and entered service") and gives nothing.
 */
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
  if (k === 0) return `${subject} ${predicate}`;
  // The first predicate's auxiliaries ("was", "had been") when it is a passive: be + a verb.
  const first = posTokens(text.slice(bounds[0]));
  let a = 0;
  while (first[a] && first[a]!.pos === "AUX") a++;
  const passive = a > 0 && BE.test(first[a - 1]!.text) && first[a]?.pos === "VERB";
  const own = posTokens(predicate);
  if (!passive || own[0]?.pos === "AUX") return `${subject} ${predicate}`;
  // "sank", "went": a past tense that is no participle is finite, so active.
  const forms = (
    nlp(toInfinitive(own[0]?.text ?? "")).verbs() as unknown as { conjugate(): Record<string, string>[] }
  ).conjugate()[0];
  if (forms?.Participle && forms.PastTense === own[0]?.text.toLowerCase() && forms.Participle !== forms.PastTense)
    return `${subject} ${predicate}`;
  const after = own.slice(1).find((t) => t.pos !== "ADV");
  if (after?.text.toLowerCase() === "by") {
    const aux = text.slice(bounds[0], bounds[0] + first[a - 1]!.end).trim();
    return `${subject} ${aux} ${predicate}`;
  }
  return after && OBJECT_START.has(after.pos) ? `${subject} ${predicate}` : "";
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
  // "The dish inspected by the trust": a passive without its auxiliary; "did … inspect by" would turn it around.
  if (/^by\b/i.test(rest.replace(/^(?:\w+ly\s+)+/, "")) && /ed$/i.test(verb.text)) return undefined;
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
    // "Sessions last 90 minutes": a plural common noun the lexicon lists only in the singular, if at all.
    const plural = /[^s]s$/.test(lower) && nlp(lower).has("#Plural");
    if ((known || nounEnding || plural) && !analyse(lower).has("(#ProperNoun|#Place|#Person|#Organization|#Acronym)"))
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
