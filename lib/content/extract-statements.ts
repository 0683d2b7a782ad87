/**
 * Coverage beyond dates, numbers and names (issue 13, "facts without an anchor"): every informative, self-contained
 * sentence gets one statement fact whose focus is the span a teacher would blank — the term the sentence names
 * ("is called the lithosphere"), who did something ("managed by the National Park Service"), what for ("to stop
 * poaching and vandalism"), which one is the only, first or largest ("_____ is the largest hot spring …"), what
 * something is ("Oceanic crust is thin and dense"), else a name or the object of the verb. The spans come from
 * wink-nlp's part-of-speech tags (decision 016), so a blank covers a whole noun phrase and never a verb, a
 * preposition or half a name. A sentence that is not self-contained (an unresolved pronoun, a caption, a list's
 * lead-in, a question, an instruction) gives nothing.
 */
import { factKey } from "./keys";
import { posTokens, type PosToken } from "./pos";
import { tidy } from "./text";
import { isFragment, spanCut } from "./well-formed";
import type { Sentence, StatementFact, StatementRole } from "./types";

const MAX_FOCUS_WORDS = 6;
// "X is the process by which …": a complement that only classifies; the subject is the term defined.
const GENERIC_HEADS = new Set([
  "process",
  "way",
  "method",
  "system",
  "name",
  "term",
  "study",
  "part",
  "type",
  "kind",
  "form",
  "means",
  "act",
  "practice",
  "idea",
  "theory",
]);
// Objects of light verbs carry no fact of their own ("takes place", "plays a part", "has effect").
const LIGHT_OBJECTS = new Set([
  "place",
  "part",
  "care",
  "effect",
  "shape",
  "form",
  "hold",
  "note",
  "advantage",
  "root",
]);
const NP_POS = new Set(["ADJ", "NOUN", "PROPN"]);
// Inside a name: "Department of the Interior", "Court of Justice".
const NAME_LINKS = new Set(["of", "the", "de", "du", "von", "van", "and"]);
const SUPERLATIVE =
  /^(?:only|first|last|oldest|largest|biggest|longest|tallest|highest|deepest|smallest|earliest|greatest|most|best)$|^[a-z]{3,}est$/;
// A superlative, also inside a compound ("second-longest", "longest-running").
const superlative = (word: string) => word.split("-").some((part) => SUPERLATIVE.test(part));
// "X is thought to be the largest …".
const HEDGES = /^(?:thought|believed|said|considered|known|reported|estimated)$/;
// Opening words that tie a sentence to the one before ("This process …", "Such …"): not self-contained.
const DEPENDENT_OPENING =
  /^(?:This|These|That|Those|Such|They|Them|Their|There|He|She|His|Her|It|Its|Here|Both|Neither|Either|Few|Many|Most|Some|Others?|Another|The same|Each|Then|Also)\b/;

/** Words of the span [from, to) as the sentence writes them. */
const textOf = (sentence: string, tokens: PosToken[], from: number, to: number) =>
  sentence.slice(tokens[from]!.start, tokens[to - 1]!.end);

/**
 * Merges hyphenated compounds ("sea - floor" → "sea-floor") into one noun token: wink splits them, and a blank must
 * never cut one.
 */
function mergeHyphens(sentence: string, raw: PosToken[]): PosToken[] {
  const out: PosToken[] = [];
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i]!;
    const next = raw[i + 1];
    const after = raw[i + 2];
    if (next?.text === "-" && after && next.start === t.end && after.start === next.end && t.pos !== "PUNCT") {
      out.push({
        text: sentence.slice(t.start, after.end),
        pos: after.pos === "PROPN" ? "PROPN" : "NOUN",
        start: t.start,
        end: after.end,
      });
      i += 2;
      // A chain "state-of-the-art" keeps merging into the token just pushed.
      while (raw[i + 1]?.text === "-" && raw[i + 2] && raw[i + 1]!.start === out[out.length - 1]!.end) {
        const last = out.pop()!;
        out.push({ ...last, text: sentence.slice(last.start, raw[i + 2]!.end), end: raw[i + 2]!.end });
        i += 2;
      }
    } else out.push(t);
  }
  return out;
}

/**
 * End (exclusive) of the noun phrase starting at `from`: adjectives, nouns and names, "and" between two of them
 * ("poaching and vandalism", "thin and dense"), "of the" inside a name, a gerund as a head ("sea-floor spreading").
 * Returns `from` when no noun phrase starts there.
 */
function nounPhraseEnd(tokens: PosToken[], from: number): number {
  let i = from;
  let last = from;
  while (i < tokens.length) {
    const t = tokens[i]!;
    // A gerund heads a noun phrase ("stop poaching", "sea-floor spreading"), except right after "to".
    const isNp = NP_POS.has(t.pos) || (t.pos === "VERB" && /ing$/.test(t.text) && tokens[i - 1]?.pos !== "PART");
    if (isNp) {
      i++;
      last = i;
      continue;
    }
    const next = tokens[i + 1];
    const inName = tokens[i - 1]?.pos === "PROPN" && NAME_LINKS.has(t.text) && t.text !== "and";
    if (inName && next && (next.pos === "PROPN" || (next.text === "the" && tokens[i + 2]?.pos === "PROPN"))) {
      i++;
      continue;
    }
    // Coordination of two noun or adjective words; "and" before a verb starts a second predicate instead.
    if (t.pos === "CCONJ" && i > from && next && NP_POS.has(next.pos) && tokens[i - 1]!.pos === next.pos) {
      i++;
      continue;
    }
    if (t.pos === "CCONJ" && i > from && next?.pos === "NOUN" && /ing$/.test(tokens[i - 1]!.text)) {
      i++;
      continue;
    }
    break;
  }
  // A noun phrase is not followed by an article: "crustaceans called epischura filter the water" — the tagger read
  // the verb "filter" as a noun; the phrase ends before it.
  if (last - from >= 2 && tokens[last - 1]!.pos === "NOUN" && tokens[last]?.pos === "DET") last--;
  return last;
}

/** Skips a leading determiner ("the", "a") and returns the noun phrase after it, or undefined. */
function phraseAt(tokens: PosToken[], at: number): [number, number] | undefined {
  let from = at;
  if (tokens[from]?.pos === "DET") from++;
  const end = nounPhraseEnd(tokens, from);
  return end > from ? [from, end] : undefined;
}

const isVerbLike = (t: PosToken | undefined) => t?.pos === "VERB" || t?.pos === "AUX";
const lowerAt = (tokens: PosToken[], i: number) => tokens[i]?.text.toLowerCase();

/** Index of the first finite verb or auxiliary of the main clause, or -1. */
function mainVerb(tokens: PosToken[]): number {
  return tokens.findIndex((t, i) => i > 0 && isVerbLike(t) && !/ing$/.test(t.text) && tokens[i - 1]!.pos !== "PART");
}

type Candidate = { role: StatementRole; span: [number, number] };

/** The candidate spans of one sentence, best reading first. */
function candidates(tokens: PosToken[]): Candidate[] {
  const out: Candidate[] = [];
  const lower = tokens.map((t) => t.text.toLowerCase());
  const verb = mainVerb(tokens);
  for (let i = 0; i < tokens.length - 1; i++) {
    const w = lower[i]!;
    // "is called the lithosphere", "known as sea-floor spreading", "named Pangaea".
    // Only the passive or reduced-relative naming ("is called", "organelles called"): an active "the Romans called
    // the river Danubius" names an object and its name at once.
    const naming = isVerbLike(tokens[i - 1]) || /^(?:NOUN|ADV|ADJ)$/.test(tokens[i - 1]?.pos ?? "");
    if ((w === "called" || w === "named" || w === "termed") && tokens[i]!.pos === "VERB" && naming) {
      const span = phraseAt(tokens, i + 1);
      if (span) out.push({ role: "term", span });
    }
    if (w === "known" && lower[i + 1] === "as") {
      const span = phraseAt(tokens, i + 2);
      if (span) out.push({ role: "term", span });
    }
    // Passive agent: "is managed by the National Park Service", "was conceived by … Michel Virlogeux".
    if (w === "by" && tokens[i - 1]?.pos === "VERB" && /(?:ed|en|wn|lt|ld|de|un|ne)$/.test(lower[i - 1]!)) {
      const span = phraseAt(tokens, i + 1);
      if (span) out.push({ role: "agent", span });
    }
    // Purpose: "to stop poaching and vandalism" — the object of the purpose verb.
    if (w === "to" && tokens[i]!.pos === "PART" && tokens[i + 1]?.pos === "VERB" && i > verb && verb >= 0) {
      const prev = lower[i - 1] ?? "";
      if (!/^(?:able|used|going|due|according|up|order|want|wants|wanted|has|have|had|need|needs|needed)$/.test(prev)) {
        const span = phraseAt(tokens, i + 2);
        if (span) out.push({ role: "purpose", span });
      }
    }
  }
  // "X is the only / the largest …": X is what the sentence singles out.
  if (verb > 0 && /^(?:is|was|are|were)$/.test(lower[verb]!)) {
    // "is thought to be the most abundant …": the hedge keeps the claim's shape.
    const hedged = HEDGES.test(lower[verb + 1] ?? "") && lower[verb + 2] === "to" && lower[verb + 3] === "be";
    const after = lower.slice(verb + (hedged ? 4 : 1), verb + (hedged ? 7 : 4));
    const singles =
      (after[0] === "the" && after.slice(1).some((w) => SUPERLATIVE.test(w))) ||
      (after[0] === "one" && after[1] === "of");
    const subject = phraseAt(tokens, 0);
    if (singles && subject && subject[1] === verb && tokens.slice(...subject).some((t) => t.pos === "PROPN"))
      out.push({ role: "superlative", span: subject });
  }
  // "… is home to Vasa, the only intact … ship": a name glossed as the one singled out, as the argument of a verb or a
  // preposition (not a list's first member, not the subject, which the copular reading above takes).
  for (let i = 1; i < tokens.length - 3; i++) {
    if (tokens[i]!.pos !== "PROPN" || !/^(?:VERB|ADP|AUX)$/.test(tokens[i - 1]!.pos)) continue;
    let end = i;
    while (tokens[end]?.pos === "PROPN") end++;
    if (lower[end] !== "," || lower[end + 1] !== "the" || !lower.slice(end + 2, end + 5).some(superlative)) continue;
    // "visits Lyon, the largest city, Dijon and Beaune": a list's member, not a gloss.
    const gloss = tokens.findIndex((t, k) => k > end + 1 && t.text === ",");
    if (gloss > 0 && /^(?:PROPN|DET)$/.test(tokens[gloss + 1]?.pos ?? "")) continue;
    out.push({ role: "superlative", span: [i, end] });
  }
  if (verb > 0 && /^(?:is|was|are|were)$/.test(lower[verb]!)) {
    const subject = phraseAt(tokens, 0);
    // "Oceanic crust is thin and dense", "Wegener was a German meteorologist": what the subject is. When the
    // complement is only a generic noun ("Photosynthesis is the process by which …"), the subject is what the
    // sentence defines, and the blank goes there.
    const complement = phraseAt(tokens, verb + 1);
    const generic = complement && complement[1] - complement[0] === 1 && GENERIC_HEADS.has(lower[complement[0]]!);
    if (generic && subject && subject[1] === verb) out.push({ role: "definition", span: subject });
    else if (complement) out.push({ role: "definition", span: complement });
  }
  // A name of two or more words anywhere ("the Eiffage group" aside): the sentence's most specific span.
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.pos !== "PROPN" || (i === 0 && tokens[1]?.pos !== "PROPN")) continue;
    let end = i;
    while (
      end < tokens.length &&
      (tokens[end]!.pos === "PROPN" ||
        (NAME_LINKS.has(lower[end]!) && lower[end] !== "and" && tokens[end + 1]?.pos === "PROPN"))
    )
      end++;
    if (end - i >= 2) out.push({ role: "name", span: [i, end] });
    i = end;
  }
  // Where it happens: "takes place in the thylakoid membranes", "lies in Romania", "is found in …".
  for (let i = Math.max(verb, 1); verb > 0 && i < tokens.length - 1; i++) {
    if (!/^(?:in|at|on|inside|within)$/.test(lower[i]!)) continue;
    const place = lower[i - 1] === "place" && /^(?:take|takes|took|taken|taking)$/.test(lower[i - 2] ?? "");
    if (
      place ||
      /^(?:occurs?|occurred|lies|lay|lie|sits?|sat|stands?|stood|found|located|situated|based|lives?|lived|grows?|grew)$/.test(
        lower[i - 1]!,
      )
    ) {
      const span = phraseAt(tokens, i + 1);
      if (span) out.push({ role: "where", span });
    }
  }
  // The object of the main verb: "Subduction produces deep ocean trenches" ("takes place", "plays a part" aside).
  if (
    verb > 0 &&
    tokens[verb]!.pos === "VERB" &&
    !/^(?:called|named|termed)$/.test(lower[verb]!) &&
    !LIGHT_OBJECTS.has(lower[verb + 1] ?? "")
  ) {
    const object = phraseAt(tokens, verb + 1);
    if (object && tokens.slice(object[0], object[1]).some((t) => t.pos === "NOUN"))
      out.push({ role: "object", span: object });
  }
  return out;
}

/** Is the focus worth a blank: a few words, not a bare common adjective, a number or a single short word. */
function goodFocus(focus: string, tokens: PosToken[], span: [number, number]): boolean {
  const words = focus.split(/\s+/);
  if (words.length > MAX_FOCUS_WORDS || /\d/.test(focus)) return false;
  // "several visitor centers", "other organisms": a quantifier says how many, not what.
  if (/^(?:several|many|some|few|numerous|various|other|more|most|all|each|every|certain)\b/i.test(focus)) return false;
  if (words.length === 1 && focus.length < 5) return false;
  if (/^(?:and|or|of|the)\b|\b(?:and|or|of|the)$/i.test(focus)) return false;
  const inner = tokens.slice(span[0], span[1]);
  // Something nameable: a noun or a name, or two coordinated adjectives ("thin and dense").
  return (
    inner.some((t) => t.pos === "NOUN" || t.pos === "PROPN" || (t.pos === "VERB" && /ing$/.test(t.text))) ||
    inner.length >= 3
  );
}

/** The focus occurs once in the sentence (a second copy would give the blank away). */
const once = (sentence: string, focus: string) => sentence.split(focus).length === 2;

// Readings strong enough for a second item from one sentence (a term, an agent, a place, the one singled out).
const SECOND_ROLES = new Set<StatementRole>(["term", "agent", "where", "superlative", "name"]);

/**
 * Up to two statement facts of one sentence: the best reading, and a second one when a strong reading blanks a
 * different span ("… sacs called thylakoids float in a fluid called the stroma").
 *
 * @example
 * statementsOf(sentence, true).map((f) => f.focus) // ['thylakoids', 'stroma']
 */
export function statementsOf(sentence: Sentence, resolvable: boolean): StatementFact[] {
  const text = tidy(sentence.text);
  const out: StatementFact[] = [];
  const words = text.split(/\s+/).length;
  if (words < 5 || words > 45 || !/[.!]$/.test(text) || /[?:]$/.test(text)) return out;
  // "It"/"Its" with a named antecedent is fine (the item names it); "he"/"she" are left to the person rules, which
  // check who is meant against the sentences around.
  if (
    !/^[A-Z]/.test(text) ||
    (DEPENDENT_OPENING.test(text) && !(resolvable && /^(?:It|Its|He|She|His|Her)\b/.test(text)))
  )
    return out;
  // "Inside it, stacks … called the stroma" is kept: the quoted blank is answerable as written, states nothing false,
  // and the left-in pronoun lowers its score (precision.ts).
  if (/^Of (?:these|them|those|this)\b/.test(text) || /^[^,]{0,60}, they\b/.test(text)) return out;
  if (/^[^,]{0,60}, (?:he|she)\b/.test(text) && !resolvable) return out;
  if (/\b(?:photo|image|credit|courtesy|figure)\b\s*[:/©\d]/i.test(text) || isFragment(text)) return out;
  const tokens = mergeHyphens(text, posTokens(text));
  if (tokens[0]?.pos === "VERB") return out; // an instruction ("Stay at least 100 yards …")
  // A caption: no finite verb ("Webb's golden primary mirror during testing"), or only a participle before "by"
  // ("The NeXT computer used by Tim Berners-Lee …").
  const verb = mainVerb(tokens);
  if (verb < 0) return out;
  if (!tokens.some((t) => t.pos === "AUX") && lowerAt(tokens, verb + 1) === "by") return out;
  for (const c of candidates(tokens)) {
    const focus = textOf(text, tokens, c.span[0], c.span[1]);
    if (!goodFocus(focus, tokens, c.span) || !once(text, focus)) continue;
    const before = text.slice(0, text.indexOf(focus));
    const after = text.slice(text.indexOf(focus) + focus.length);
    // Part of a longer name ("Rhine–Main–_____", "the _____ Locks", "Office of the _____"): never half a name.
    if (/[–-]$/.test(before) || /^[–-]/.test(after) || spanCut(text, focus)) continue;
    if (
      /\b(?:of|and|for)(?: the)? $/.test(before) &&
      /^[A-Z]/.test(focus) &&
      /[A-Z][\p{L}]* (?:of|and|for)(?: the)? $/u.test(before)
    )
      continue;
    // Linking words of names in other languages too ("Autoridad del Canal de Panamá", "Conseil Européen pour la …").
    if (
      /^[A-Z]/.test(focus) &&
      /^ (?:of|for|and|de|du|del|des|der|di|da|la|pour|von|van)(?: (?:the|la|le))? [A-Z]/.test(after)
    )
      continue;
    if (/^[A-Z]/.test(focus) && /[A-Z][\p{L}]* (?:de|du|del|des|der|di|da|pour|von|van)(?: (?:la|le))? $/u.test(before))
      continue;
    // The first member of a list ("are _____, carbon dioxide concentration and temperature"): one item per list.
    if (c.role === "definition" && /^, [^,]+(?:,|\band\b)/.test(after)) continue;
    if (
      out.length > 0 &&
      (!SECOND_ROLES.has(c.role) || out.some((f) => f.focus.includes(focus) || focus.includes(f.focus)))
    )
      continue;
    out.push({
      type: "statement",
      key: factKey("statement", `${focus} ${text}`),
      focus,
      role: c.role,
      source: { text: sentence.text, start: sentence.start, end: sentence.end },
    });
    if (out.length === 2) break;
  }
  return out;
}
