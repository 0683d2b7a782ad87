import { factKey } from "./keys";
import { reduceClause, toQuestion } from "./phrase";
import { tidy } from "./text";
import type { ReferenceFact, Sentence } from "./types";

/** Numbered parts of a legal or formal text: "Article 27", "Chapter VII", "Section 2A", "Resolution 1244". */
const PARTS = ["Article", "Chapter", "Section", "Clause", "Paragraph", "Rule", "Amendment", "Protocol", "Resolution"];
const NUMBER = "(?:\\d{1,4}[A-Z]?|[IVXLC]{1,7})";
// The phrase a question replaces: "under Article 41", "Under Article 24 of the Charter", "in accordance with Article 5".
const REFERENCE_RE = new RegExp(
  `\\b(?:([Uu]nder|[Ii]n accordance with|[Pp]ursuant to|[Aa]ccording to) )?(${PARTS.join("|")}) (${NUMBER})(?![\\p{L}\\d])( of (?:the|its) [A-Z][\\p{L}]+(?: [A-Z][\\p{L}]+)*)?`,
  "gu",
);

const LEADING_PRONOUN = /^(?:it|they|he|she)\b/i;
const PRONOUN = /\b(?:it|its|they|them|their|he|him|his|she|her)\b/i;

/**
 * Numbered parts of a legal or formal text a sentence names. Each is a fact; when the part is named in a "under …"
 * phrase of a clause that reads alone without it, the fact also carries the question that phrase answers:
 * "Under Article 41 it can impose sanctions" → "Under which article can the Council impose sanctions?" (the clause's
 * leading pronoun resolved by `resolve`, else no question). A part named twice in the sentence is skipped: a blank
 * on one of them would be answered by the other.
 *
 * @example
 * extractReferences(sentence('Under Article 27, decisions on procedural matters need nine votes.'), (c) => c)[0].question
 * // 'Under which article do decisions on procedural matters need nine votes?'
 */
export function extractReferences(s: Sentence, resolve: (clause: string) => string | undefined): ReferenceFact[] {
  const out: ReferenceFact[] = [];
  const text = s.text;
  // A question the document asks its reader ("What is the difference between Chapter VI and Chapter VII?") states nothing.
  if (/\?\s*$/.test(text)) return out;
  for (const m of text.matchAll(REFERENCE_RE)) {
    const part = m[2]!;
    const reference = `${part} ${m[3]}`;
    if (text.split(reference).length !== 2) continue;
    const fact: ReferenceFact = {
      type: "reference",
      key: factKey("reference", `${reference} ${text}`),
      reference,
      part,
      source: { text, start: s.start, end: s.end },
    };
    const clause = clauseOf(text, m, resolve);
    // "Under Article 41 it can impose sanctions" with no antecedent for "it": no item can say who can.
    if (!clause.reads) continue;
    if (clause.question) fact.question = clause.question;
    out.push(fact);
  }
  return out;
}

/**
 * The clause (between semicolons) that names the part, without the phrase that names it: whether it reads alone
 * (its leading pronoun, if any, resolves), and the question the phrase answers when it names nothing vague.
 */
function clauseOf(
  text: string,
  m: RegExpMatchArray,
  resolve: (clause: string) => string | undefined,
): { reads: boolean; question?: string } {
  const from = text.lastIndexOf(";", m.index) + 1;
  const to = text.indexOf(";", m.index) === -1 ? text.length : text.indexOf(";", m.index);
  const at = m.index! - from;
  const reduced = reduceClause(text.slice(from, to), [{ start: at, stop: at + m[0].length }]);
  const resolved = reduced && resolve(tidy(reduced));
  if (!resolved || LEADING_PRONOUN.test(resolved)) return { reads: !reduced };
  // A pronoun the resolver could not replace ("confer on it primary responsibility") leaves the question vague.
  if (PRONOUN.test(resolved) || !m[1] || /\b(?:Article|Chapter|Section)\s/.test(resolved)) return { reads: true };
  const of = m[4] ? m[4].replace(/ of its /, " of the ") : "";
  const wh = `${m[1][0]!.toUpperCase()}${m[1].slice(1).toLowerCase()} which ${m[2]!.toLowerCase()}${of}`;
  return { reads: true, question: toQuestion(wh, resolved) };
}
