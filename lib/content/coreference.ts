/**
 * Conservative coreference (issue 13, decision 036): what a sentence's opening pronoun may be replaced with, and
 * when it must be left alone. The rules only ever name an antecedent that is unambiguous:
 *
 * - "he"/"she" → the one person of a compatible gender the sentence before names (a first name compromise knows as
 *   male or female, or an honorific, decides the gender; an unknown one fits either), a surname standing for a
 *   full name the document gave earlier ("Calvin" → "Melvin Calvin");
 * - "they"/"their" → the sentence before's subject when it is that sentence's one plural noun phrase (a definite
 *   plural or names listed together), never when the sentence has another plural ("biologists released wolves");
 * - "it"/"its" → the sentence before's subject when that is one singular thing: a name, or a definite noun phrase
 *   ("The deck", "the viaduct"), never a person, a plural, a part ("Most of the delta"), an indefinite ("A bill"),
 *   a demonstrative ("This process") or a possessive phrase ("the rocket's fairing");
 * - no antecedent at all for an expletive "it" ("It is important to note that …", "It was not until 1990 that …"),
 *   nor when a fronted clause offers one of its own ("When light strikes chlorophyll, it …").
 *
 * extract.ts applies the rules sentence by sentence; defects.ts's `it-antecedent` detector reads the sentence before
 * with the same rules, so the generator and its yardstick agree on what "it" may mean.
 */
import nlp from "compromise";
import { isRoleNoun } from "./extract-people";
import { posTokens } from "./pos";

export type Gender = "he" | "she";

// Honorifics and titles that give a gender whatever the first name.
const MALE_TITLES = /^(?:Mr|Sir|Lord|King|Prince|Duke|Earl|Baron|Emperor|Tsar|Pope|Father|Brother|Count)\.?$/;
const FEMALE_TITLES =
  /^(?:Mrs|Ms|Miss|Madame|Mme|Lady|Dame|Queen|Princess|Duchess|Countess|Baroness|Empress|Tsarina|Mother|Sister)\.?$/;

/**
 * The gender a person's name (with any title written before it) shows, or undefined when nothing shows it.
 *
 * @example
 * nameGender('Queen Elizabeth II') // 'she'
 * nameGender('Rolf Heuer') // 'he'
 * nameGender('Janaki Ammal') // undefined
 */
export function nameGender(name: string): Gender | undefined {
  const first = name.split(/\s+/)[0] ?? "";
  if (MALE_TITLES.test(first)) return "he";
  if (FEMALE_TITLES.test(first)) return "she";
  // compromise is slow and every "he"/"she" asks again about the people named before: once per name.
  if (genders.has(name)) return genders.get(name);
  const doc = nlp(name);
  const male = doc.has("#MaleName");
  const female = doc.has("#FemaleName");
  const gender = male && !female ? "he" : female && !male ? "she" : undefined;
  if (genders.size > 5000) genders.clear();
  genders.set(name, gender);
  return gender;
}
const genders = new Map<string, Gender | undefined>();

/** The gender of a personal pronoun ("His" → "he"), or undefined for any other word. */
export function pronounGender(word: string): Gender | undefined {
  const w = word.toLowerCase();
  if (/^(?:he|him|his|himself)$/.test(w)) return "he";
  if (/^(?:she|her|hers|herself)$/.test(w)) return "she";
  return undefined;
}

/** Could "he"/"she" refer to this person? A name of unknown gender fits either. */
export function fitsGender(name: string, gender: Gender | undefined, title = ""): boolean {
  if (!gender) return true;
  const known = nameGender(`${title} ${name}`.trim()) ?? nameGender(name);
  return known === undefined || known === gender;
}

/**
 * An "it" that refers to nothing: an extraposed subject ("It is important to note that …", "It was decided to …",
 * "It takes eight minutes for …") or a cleft ("It was not until 1990 that …", "It was in Paris that …").
 *
 * @example
 * isExpletiveIt('It is important to note that the bridge was never finished.') // true
 * isExpletiveIt('It is about 110 metres wide.') // false
 */
export function isExpletiveIt(clause: string): boolean {
  const m =
    /^(?:[^,]{0,160}, )?[Ii]t\s+(?:is|was|has been|had been|will be|would be|may be|might be|can be|could be|seems|seemed|appears|appeared|remains|remained|became|becomes)\s+(?:not\s+|also\s+|now\s+|therefore\s+|thus\s+|often\s+|generally\s+|widely\s+)*(.*)$/.exec(
      clause,
    );
  // "It takes eight minutes for light to …", "It follows that …" (but "It follows a gentle curve" is about something).
  if (
    /^(?:[^,]{0,160}, )?[Ii]t\s+(?:takes|took)\b[^,.]*\b(?:for|to)\b|^(?:[^,]{0,160}, )?[Ii]t\s+follows\s+that\b/.test(
      clause,
    )
  )
    return true;
  if (!m) return false;
  const rest = m[1]!;
  // A cleft: "It was not until …", "It was in 1990 that …", "It is this enzyme that …".
  if (/^(?:until|only|in|on|at|during|because|this|these|here|there)\b[^.]*\bthat\b/i.test(rest)) return true;
  if (/^until\b/i.test(rest)) return true;
  // An adjective or a participle, then a clause or an infinitive: "important to note", "thought that", "unclear whether".
  const tags = posTokens(rest);
  let i = 0;
  while (tags[i] && tags[i]!.pos === "ADV") i++;
  const head = tags[i];
  if (!head || !["ADJ", "VERB"].includes(head.pos)) return false;
  const next = tags[i + 1]?.text.toLowerCase() ?? "";
  return /^(?:that|to|whether|if|how|what|when|why|who|for)$/.test(next);
}

// A fronted clause (not a phrase): it opens with a subordinator and has its own subject.
const SUBORDINATOR =
  /^(?:When|Whenever|While|Whilst|Although|Though|Even though|Even if|Because|Since|As|As soon as|As long as|Once|If|Unless|Until|Before|After|By the time|Now that|Where|Whereas)\b/;

/**
 * Does the clause fronted before the opening pronoun offer an antecedent of its own? "When light strikes chlorophyll,
 * it …" (light? chlorophyll?) and "Because a mirror … could not fit …, it …" give "it" a nearer candidate than the
 * sentence before; "Although he could have patented it, he …" names nobody new; a fronted phrase without a verb
 * ("In April 2016, it …", "Unlike the General Assembly, it …") names no subject either.
 *
 * @example
 * frontedCandidate('When the Council first met, it had only eleven members.', 'it') // 'the Council'
 * frontedCandidate('When light strikes chlorophyll, it excites electrons.', 'it') // null (several)
 * frontedCandidate('In April 2016, it began …', 'it') // undefined (no clause)
 * frontedCandidate('Although the engineers had experience of desert, they …', 'they') // 'the engineers'
 */
export function frontedCandidate(sentence: string, pronoun: "it" | "they" | Gender): string | null | undefined {
  const m = /^([^,]{3,200}), (?:it|its|he|his|she|her|they|their)\b/i.exec(sentence);
  if (!m || !SUBORDINATOR.test(m[1]!)) return undefined;
  const clause = m[1]!.replace(SUBORDINATOR, "").trim();
  const tags = posTokens(clause);
  if (!tags.some((t) => t.pos === "VERB" || t.pos === "AUX")) return undefined;
  if (pronoun === "they") {
    // "Although the engineers had experience …, they …": the clause's one plural, when it is a definite one.
    const plural = pluralPhrases(clause);
    if (plural.length === 0) return undefined;
    const head = clause.slice(plural[0]!.start, plural[0]!.end);
    const phrase = new RegExp(`\\b(?:the )(?:[\\p{L}-]+ ){0,3}?${head}\\b`, "iu").exec(clause)?.[0] ?? head;
    return (plural.length === 1 && pluralThing(phrase, clause)) || null;
  }
  if (pronoun !== "it") {
    // Only the same pronoun again, or nobody: the sentence before decides. A name: too near to ignore.
    return tags.some((t) => t.pos === "PROPN") ? null : undefined;
  }
  // Noun phrases of the clause (runs of nouns and names with their determiners).
  const phrases: string[] = [];
  let start = -1;
  for (let i = 0; i <= tags.length; i++) {
    const t = tags[i];
    const nominal = t && (t.pos === "NOUN" || t.pos === "PROPN" || (start >= 0 && t.pos === "NUM"));
    if (nominal && start < 0) start = i;
    if (!nominal && start >= 0) {
      const det = tags[start - 1]?.pos === "DET" ? start - 1 : start;
      phrases.push(clause.slice(tags[det]!.start, tags[i - 1]!.end));
      start = -1;
    }
  }
  if (phrases.length !== 1) return phrases.length === 0 ? undefined : null;
  return singularThing(phrases[0]!) ?? null;
}

const QUANTIFIER =
  /^(?:A|An|Some|Any|Each|Every|No|None|Most|Many|Much|Few|Several|Both|Either|Neither|Another|Other|One|Part|Half|All|About|Around|Nearly|Almost|Over|More|Less|This|That|These|Those|Such|It|Its|His|Her|Their|Our|My|Your|[\d,.]+)\b/i;

/**
 * The subject as what a later "it" means, when it is one singular thing written as a definite noun phrase ("The
 * deck", "the Board", "The Great Stink") or with a name in apposition ("His first ship, the Great Western" → "the
 * Great Western"). Names without "the" are extract.ts's `thingSubject`; anything doubtful gives undefined.
 *
 * @example
 * singularThing('The deck') // 'the deck'
 * singularThing('Most of the delta') // undefined
 * singularThing('The soldiers') // undefined
 * singularThing('His first ship, the Great Western') // 'the Great Western'
 */
export function singularThing(subject: string): string | undefined {
  // Pure and slow (compromise): once per subject.
  if (things.has(subject)) return things.get(subject);
  const thing = singularThingUncached(subject);
  if (things.size > 5000) things.clear();
  things.set(subject, thing);
  return thing;
}
const things = new Map<string, string | undefined>();

function singularThingUncached(subject: string): string | undefined {
  const plain = subject.replace(/[*_]+/g, "").replace(/\s+/g, " ").trim();
  // "His first ship, the Great Western": the appositive names what the phrase describes.
  const appositive = /^[^,]+, (the (?:[A-Z][\w'’-]*\s?)+),?$/.exec(plain);
  const phrase = appositive ? appositive[1]!.trim() : plain.split(/,\s/)[0]!.trim();
  if (!/^(?:The|the) /.test(phrase) || QUANTIFIER.test(phrase.slice(4))) return undefined;
  const words = phrase.split(" ");
  if (words.length > 6 || /\band\b|\bor\b|['’]s?\b|\bof (?:them|these|those|it)\b/.test(phrase)) return undefined;
  // The head is the last word before a prepositional phrase ("The outer shell of the Earth" → "shell").
  const tags = posTokens(phrase);
  const prep = tags.findIndex((t, i) => i > 0 && t.pos === "ADP");
  const headTags = prep > 0 ? tags.slice(0, prep) : tags;
  const head = headTags[headTags.length - 1];
  if (!head || !["NOUN", "PROPN"].includes(head.pos)) return undefined;
  // A plural head ("The soldiers", "The Romans"), or a person ("the engineer"), is never "it".
  const headDoc = nlp(head.text);
  if (headDoc.has("#Plural") || /[^s]s$/.test(head.text) || isRoleNoun(head.text.toLowerCase())) return undefined;
  if (headDoc.has("#Person") || nlp(phrase).people().found) return undefined;
  return phrase.replace(/^The /, "the ");
}

const splitNames = new Map<string, string[]>();
function nameWords(name: string): string[] {
  let words = splitNames.get(name);
  if (!words) {
    if (splitNames.size > 5000) splitNames.clear();
    splitNames.set(name, (words = name.split(/\s+/)));
  }
  return words;
}

/**
 * People a sentence mentions only by one word that stands for a full name the document gave earlier: "Calvin
 * received the prize" after "Melvin Calvin", "Brunel" after "Isambard Kingdom Brunel". A word two known names share
 * ("Brunel" for both Marc Isambard Brunel and Isambard Kingdom Brunel) stands for the `preferred` one among them (the
 * person a biography is about), else for all of them (the reference is then ambiguous).
 *
 * @example
 * shortMentions('Calvin received the prize.', ['Melvin Calvin']) // ['Melvin Calvin']
 */
export function shortMentions(sentence: string, known: readonly string[], preferred?: string): string[] {
  const out = new Set<string>();
  // Each name split once (the extractor passes every name the document gave so far, repeats included).
  let names: (readonly [string, string[]])[] | undefined;
  for (const m of sentence.matchAll(/(?<![\p{L}'’.-])[A-Z][\p{L}'’-]+/gu)) {
    const word = m[0].replace(/['’]s$/, "");
    // A word inside a longer capitalised run belongs to that run ("Melvin Calvin", "the Brunel Museum").
    const before = sentence.slice(0, m.index);
    const after = sentence.slice(m.index! + m[0].length);
    if (/[A-Z][\p{L}'’.-]*\s$/u.test(before) || /^\s[A-Z]/.test(after)) continue;
    names ??= [...new Set(known)].map((n) => [n, nameWords(n)] as const).filter(([, ws]) => ws.length > 1);
    const owners = names.filter(([, ws]) => ws.includes(word)).map(([n]) => n);
    if (owners.length === 0) continue;
    if (preferred && owners.includes(preferred)) out.add(preferred);
    else for (const o of owners) out.add(o);
  }
  return [...out];
}

/** A plural common noun ("states", "engineers", "women"), from its form or compromise's lexicon. */
function isPluralNoun(word: string): boolean {
  if (/^[a-z][a-z-]*[^s'’]s$/.test(word)) return true;
  if (!/^[a-z]/.test(word)) return false;
  // compromise on the word alone (pure): remembered per word.
  let plural = plurals.get(word);
  if (plural === undefined) {
    plural = nlp(word).has("#Plural");
    plurals.set(word, plural);
  }
  return plural;
}

const plurals = new Map<string, boolean>();

/** Noun phrases of a clause with a plural head ("the member states", "ordinary houses"): runs of nouns, by text. */
function pluralPhrases(text: string): { start: number; end: number }[] {
  const tags = posTokens(text);
  const out: { start: number; end: number }[] = [];
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i]!;
    const next = tags[i + 1];
    const endsRun = !next || (next.pos !== "NOUN" && next.pos !== "PROPN");
    if ((t.pos === "NOUN" || t.pos === "PROPN") && endsRun && isPluralNoun(t.text))
      out.push({ start: t.start, end: t.end });
  }
  // Names listed together ("France, Britain and Russia", "Pierre and Marie Curie") are one plural phrase.
  for (const m of text.matchAll(
    /(?:[A-Z][\p{L}'’-]*\s?)+(?:, (?:[A-Z][\p{L}'’-]*\s?)+)*,? and (?:[A-Z][\p{L}'’-]*\s?)+/gu,
  ))
    out.push({ start: m.index, end: m.index + m[0].trimEnd().length });
  return out;
}

/**
 * The subject as what a later "they"/"their" means, when it is the one plural noun phrase of its sentence: a definite
 * plural ("the member states", "The engineers"), a plural name ("Liaison and Observation Teams") or names listed
 * together ("France, Britain and Russia"). Anything doubtful gives undefined: a quantity or a part ("Five of them",
 * "41 wolves", "Most states"), a possessive or demonstrative, a singular, and any other plural in the sentence
 * ("biologists released 41 wolves … Their return" may be either).
 *
 * @example
 * pluralThing('the member states', 'Under Article 24, the member states confer on it primary responsibility.') // 'the member states'
 * pluralThing('biologists', 'Biologists released 41 wolves into the park.') // undefined (wolves too)
 */
export function pluralThing(subject: string, sentence: string): string | undefined {
  const phrase = subject.replace(/[*_]+/g, "").replace(/\s+/g, " ").trim();
  if (!phrase || phrase.split(" ").length > 8 || /['’]s?\b|\bor\b|\b(?:of|them|these|those|it|its)\b/.test(phrase))
    return undefined;
  const body = phrase.replace(/^(?:The|the) /, "");
  if (QUANTIFIER.test(body) || /^(?:They|We|You)$/i.test(body)) return undefined;
  const names = /^(?:[A-Z][\p{L}'’-]*\s?)+(?:, (?:[A-Z][\p{L}'’-]*\s?)+)*,? and (?:[A-Z][\p{L}'’-]*\s?)+$/u.test(body);
  const head = body.split(" ").pop()!;
  const tags = posTokens(phrase);
  const definite = /^(?:The|the) /.test(phrase) || /^[A-Z]/.test(body);
  if (!names && !(definite && isPluralNoun(head.toLowerCase()) && tags.every((t) => t.pos !== "VERB")))
    return undefined;
  // The only plural of its sentence: the subject's own phrase (or phrases inside it) and nothing else.
  const at = sentence.indexOf(phrase);
  if (at < 0) return undefined;
  // "Tardigrades are tiny animals": a copula's complement is the subject again, not another plural.
  const complement = (p: { start: number }) =>
    /^\s+(?:are|were|remain|remained|became|become)\s+(?:[\p{L}-]+\s+){0,3}$/u.test(
      sentence.slice(at + phrase.length, p.start),
    );
  const others = pluralPhrases(sentence).filter(
    (p) => (p.end <= at || p.start >= at + phrase.length) && !complement(p),
  );
  if (others.length > 0) return undefined;
  return /^The /.test(phrase) ? phrase.replace(/^The /, "the ") : phrase;
}
