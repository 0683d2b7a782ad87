/**
 * What each member of a described list does (issue 13, decision 030): a bulleted list whose members are names with a
 * description after a comma ("- HTML (HyperText Markup Language), the language in which web pages are written;",
 * "- NIRSpec, which can observe up to 100 objects at once") under a lead-in that names what they are ("… the three
 * technologies on which the Web still rests:"). Each description becomes a question whose answer is its member and
 * whose options are the list's other members: "Which technology lets a browser fetch resources from a server?".
 */
import { posTokens } from "./pos";
import { tidy } from "./text";
import type { DescribedMember, SourceRef } from "./types";

/** A member's name: capitalised words, an acronym or a number, ≤ 5 words, with an optional bracket ("MIRI (…)"). */
const NAME =
  /^((?:the )?[A-Z\d][\p{L}\d'’.&/-]*(?: (?:of|for|and|de|the|[A-Z\d][\p{L}\d'’.&/-]*)){0,4})(?: \(([^()]{2,60})\))?$/u;
/** Pronouns a description cannot be read with alone. */
const PRONOUN = /\b(?:it|its|they|them|their|he|him|his|she|her|this|these|those)\b/i;
/** A past participle opening a reduced relative ("built by …", "supplied by …", "known as …"). */
const PARTICIPLE =
  /^(?:[a-z]+ed|built|made|run|known|written|led|held|given|taken|shown|seen|grown|drawn|worn|sold|told|found|kept|sent|spent|set|put|bound|won|begun|done|chosen)\b/;

/**
 * The lead-in's plural noun as a singular noun phrase: "Webb carries four science instruments:" → "science
 * instrument", "… the three technologies on which the Web still rests:" → "technology"; undefined when the lead-in
 * names no plural (or refers back with a pronoun: "They are:").
 */
export function memberNoun(leadIn: string): string | undefined {
  const text = tidy(leadIn).replace(/:$/, "");
  if (/^(?:it|they|these|those|he|she)\b/i.test(text)) return undefined;
  const tokens = posTokens(text);
  // The first plural noun after a count, else the last plural noun of the lead-in.
  const plural = (i: number) => tokens[i]!.pos === "NOUN" && /[a-z]s$/.test(tokens[i]!.text);
  const counted = tokens.findIndex(
    (t, i) => plural(i) && tokens.slice(Math.max(0, i - 3), i).some((x) => x.pos === "NUM"),
  );
  let at = counted;
  if (at < 0) for (let i = tokens.length - 1; i >= 0 && at < 0; i--) if (plural(i)) at = i;
  if (at < 0) return undefined;
  // A noun modifier before it belongs to the name of the kind ("science instruments", "visitor centres").
  const first = at > 0 && tokens[at - 1]!.pos === "NOUN" && /^[a-z]/.test(tokens[at - 1]!.text) ? at - 1 : at;
  const phrase = text.slice(tokens[first]!.start, tokens[at]!.end);
  return singularOf(phrase).toLowerCase();
}

/** "technologies" → "technology", "branches" → "branch", "services" → "service" (the last word only). */
function singularOf(phrase: string): string {
  return phrase
    .replace(/ies$/, "y")
    .replace(/((?:ch|sh|ss|x|z))es$/, "$1")
    .replace(/([^s])s$/, "$1");
}

/** "the language in which web pages are written" → "is the language …"; "which lets a browser …" → "lets a browser …". */
function predicateOf(description: string): string | undefined {
  const d = description
    .split(/,\s|;\s|\s[–—]\s|\s(?:whose|while|although|but)\s/)[0]!
    .replace(/[;,.]$/, "")
    .trim();
  if (d.split(/\s+/).length < 3 || PRONOUN.test(d)) return undefined;
  const relative = /^(?:which|that|who)\s+(.+)$/.exec(d);
  if (relative) {
    const words = posTokens(relative[1]!);
    // The relative clause's verb must come first ("which can observe", "that lets"), or it is no predicate.
    // A present verb after "which" is often tagged as a plural noun ("which guides large vessels").
    if (!words[0] || !(["VERB", "AUX"].includes(words[0].pos) || /^[a-z]+s$/.test(words[0].text))) return undefined;
    return relative[1];
  }
  if (/^(?:the|a|an|one of)\s/.test(d)) return `is ${d}`;
  if (PARTICIPLE.test(d) && /\s(?:by|in|for|as|to|from|with|at|on)\s/.test(` ${d} `)) return `was ${d}`;
  return undefined;
}

/**
 * The described members of a bulleted list, or [] when the list is not one: every member must be a name followed
 * by ", <description>", the names distinct, at least three of them, and the lead-in must name their kind.
 *
 * @example
 * describedMembers(['HTML (HyperText Markup Language), the language of web pages', …], 'the three technologies:', sources)
 * // [{ name: 'HTML', accepted: ['HTML (HyperText Markup Language)', 'HyperText Markup Language'], noun: 'technology',
 * //    predicate: 'is the language of web pages', … }, …]
 */
export function describedMembers(
  members: readonly string[],
  leadIn: string,
  sources: readonly SourceRef[],
): DescribedMember[] {
  if (members.length < 3 || members.length > 8) return [];
  const split = members.map((m) => {
    const at = m.indexOf(", ");
    const name = at > 0 ? NAME.exec(m.slice(0, at).replace(/\*\*|__/g, "")) : null;
    return name ? { name: name[1]!, expansion: name[2], description: m.slice(at + 2) } : undefined;
  });
  if (split.some((s) => !s)) return [];
  const names = split.map((s) => s!.name);
  if (new Set(names.map((n) => n.toLowerCase())).size !== names.length) return [];
  const noun = memberNoun(leadIn);
  if (!noun) return [];
  const out: DescribedMember[] = [];
  split.forEach((s, i) => {
    const predicate = predicateOf(s!.description);
    if (!predicate) return;
    // A description that names a member (its own or another's) gives the answer away or points at two.
    const lower = ` ${predicate.toLowerCase()} `;
    if (names.some((n) => lower.includes(` ${n.toLowerCase()} `))) return;
    const accepted = s!.expansion ? [`${s!.name} (${s!.expansion})`, s!.expansion] : [];
    // "a unique address for each resource, commonly called a URL": the other name the list gives is right too.
    const alias = /\b(?:called|known as)\s+(?:an?\s+|the\s+)?([A-Z][\p{L}\d-]*(?:\s[A-Z][\p{L}\d-]*){0,3})/u.exec(
      s!.description,
    )?.[1];
    if (alias && !names.includes(alias)) accepted.push(alias);
    if (s!.expansion && lower.includes(s!.expansion.toLowerCase())) return;
    out.push({ name: s!.name, accepted, noun, predicate, source: sources[i]! });
  });
  return out;
}
