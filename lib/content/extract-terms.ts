/**
 * Terms and definitions (issue 13): the core facts of a textbook, a fact sheet or an encyclopedia article, which have
 * no date, number or person to anchor an item. Five shapes, each read from the grammar (wink-nlp tags, decision 016)
 * and checked strictly, because a doubtful term is dropped rather than asked:
 * - a glossary ("Key terms: *veto* – the power …; *resolution* – …", or a list under a "Glossary" heading);
 * - an abbreviation spelled out, its letters matched to the words they stand for ("ATP (adenosine triphosphate)",
 *   "NIRCam (Near-Infrared Camera)", "deoxyribonucleic acid (DNA)");
 * - naming that only reads after the sentence before ("This process is known as sea-floor spreading."), and active
 *   naming of a thing ("The Romans called the river Danubius");
 * - an appositive that glosses a term ("hepatic amoebiasis, an infection of the liver"; "a three-carbon sugar, G3P,");
 * - what a thing is made of ("Each segment is made of beryllium").
 * Naming in one self-contained sentence ("pores called stomata") is read by extract-statements.ts already.
 */
import { standsFor } from "./acronyms";
import { factKey } from "./keys";
import { posTokens, type PosToken } from "./pos";
import { plainText } from "./item-shapes";
import { escapeRegExp, tidy } from "./text";
import { spanCut } from "./well-formed";
import type { Block, Sentence, SourceRef, TermFact, TermShape } from "./types";

const GLOSSARY_LABEL =
  /^(?:key (?:terms?|words?|concepts?|vocabulary)|glossary|vocabulary|definitions?|terms? to know|important terms?)$/i;
const STOP_WORDS = new Set(["of", "and", "the", "in", "for", "on", "to", "a", "an", "with", "by", "at", "&"]);
const NAMING = new Set(["called", "termed", "named", "dubbed"]);
const DEPENDENT = /^(?:This|These|That|Those|Such)$/;
// Opening words that tie a sentence to the one before (as in extract-statements.ts).
const DEPENDENT_OPENING = /^(?:This|These|That|Those|Such|Most|Many|Some|Others|Another|Both|Each)\b/;
// A fronted phrase or a possessive whose pronoun is the sentence before's subject ("Inside it, …", "In them, …",
// "Its …"): the sentence reads only after that one, which the item then quotes.
const POINTS_BACK =
  /^(?:(?:In|Inside|Within|On|At|From|Through|Under|Into|During|By|With|For) (?:it|them|this|these)\b|(?:Its|Their) )/;
// A sentence opening with a subordinate clause: its first comma ends the clause, not an appositive.
const SUBORDINATE = /^(?:Because|Although|Though|When|While|Whilst|If|As|Since|After|Before|Once|Until|Unless)\b/;
const CUES =
  /\b(?:called|termed|named|dubbed|known as|knew|know|knows|made|built|composed|constructed|carved|cast|formed|fashioned|woven)\b|, (?:a|an|the) |, [A-Z][A-Za-z0-9]*[A-Z0-9][A-Za-z0-9]*,/;
const MATERIAL_VERBS = /^(?:made|built|composed|constructed|carved|cast|formed|fashioned|woven)$/;
// A term is a word to learn, not a pronoun, a quantity or a vague noun.
const VAGUE = new Set([
  "thing",
  "things",
  "way",
  "ways",
  "part",
  "parts",
  "kind",
  "type",
  "one",
  "ones",
  "something",
  "place",
  "time",
  "people",
  "number",
  "lot",
  "name",
  "term",
]);

const source = (s: Sentence): SourceRef => ({ text: s.text, start: s.start, end: s.end });

function fact(s: Sentence, term: string, shape: TermShape, extra: Partial<TermFact> = {}): TermFact {
  return {
    type: "term",
    key: factKey("term", `${shape} ${term} ${tidy(s.text)}`),
    term,
    shape,
    proper: /^\p{Lu}/u.test(term) || /\p{Lu}.*\p{Lu}/u.test(term),
    source: source(s),
    ...extra,
  };
}

/**
 * Does `short` abbreviate `long`, a noun phrase of two or more words? Its letters stand for the words (acronyms.ts
 * `standsFor`: every content word lends its initial, then maybe later letters of itself, "Infrared" → IR), with
 * nothing left over on either side.
 *
 * @example spellsOut('NADPH', 'nicotinamide adenine dinucleotide phosphate') // true
 * @example spellsOut('EUFOR', 'European Union Force in Bosnia and Herzegovina') // false
 */
export function spellsOut(short: string, long: string): boolean {
  const words = long.split(/[\s\-–/]+/).filter(Boolean);
  return words.length >= 2 && words.every((w) => /^[\p{L}&]+$/u.test(w)) && standsFor(short, long);
}

/**
 * The head of `words` that `short` spells out, when only a qualifying phrase of capitalised names follows it ("in
 * Bosnia and Herzegovina", "of Europe"); undefined otherwise.
 *
 * @example qualifiedHead('WHO', ['World', 'Health', 'Organization', 'in', 'Geneva']) // 'World Health Organization'
 */
export function qualifiedHead(short: string, words: readonly string[]): string | undefined {
  for (let k = words.length - 2; k >= 2; k--) {
    if (!/^(?:in|of|for)$/.test(words[k]!)) continue;
    const tail = words.slice(k + 1);
    if (!tail.every((w) => /^\p{Lu}/u.test(w) || /^(?:and|the|of)$/.test(w)) || !/^\p{Lu}/u.test(tail[0] ?? ""))
      continue;
    const head = words.slice(0, k).join(" ");
    if (/^\p{Lu}/u.test(head) && spellsOut(short, head)) return head;
  }
  return undefined;
}

const SHORT_FORM = /^(?=(?:[^A-Z]*[A-Z]){2})[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)?$/;

/**
 * "ATP (adenosine triphosphate)", "CAM plants (crassulacean acid metabolism)" and "deoxyribonucleic acid (DNA)": an
 * abbreviation and what it stands for, only where the letters match (`spellsOut`).
 */
function abbreviations(s: Sentence, text: string): TermFact[] {
  const out: TermFact[] = [];
  // The source is the words that define the abbreviation: they read alone, also inside a list item or a caption.
  const add = (short: string, long: string, written: string) => {
    if (out.some((f) => f.term === short)) return;
    const at = s.text.indexOf(written);
    const where = at < 0 ? {} : { source: { text: written, start: s.start + at, end: s.start + at + written.length } };
    out.push(fact(s, short, "abbreviation", { meaning: long, proper: true, ...where }));
  };
  for (const m of text.matchAll(/(?<![\p{L}\d-])([A-Za-z][A-Za-z0-9-]*)(?: ([a-z]+))? \(([^()]{3,80})\)/gu)) {
    const [written, short, , long] = m;
    if (SHORT_FORM.test(short!) && spellsOut(short!, long!)) add(short!, long!.trim(), written);
  }
  for (const m of text.matchAll(/((?:[\p{L}][\p{L}'’-]* ){1,9})\(([A-Za-z][A-Za-z0-9-]*)\)/gu)) {
    const short = m[2]!;
    if (!SHORT_FORM.test(short)) continue;
    const words = m[1]!.trim().split(" ");
    // The fewest words before the bracket that the letters spell: a noun phrase ("approved by the Council (ABC)" is not
    // "approved by the Council").
    const tags = posTokens(text);
    const bracket = m.index + m[1]!.length;
    for (let i = words.length - 1; i >= 0; i--) {
      const long = words.slice(i).join(" ");
      if (STOP_WORDS.has(words[i]!.toLowerCase())) continue;
      const from = bracket - m[1]!.length + m[1]!.indexOf(long);
      const inside = tags.filter((t) => t.start >= from && t.end <= bracket && /\p{L}/u.test(t.text));
      if (inside.some((t) => !STOP_WORDS.has(t.text.toLowerCase()) && !/^(?:NOUN|PROPN|ADJ|X)$/.test(t.pos))) break;
      if (spellsOut(short, long)) {
        add(short, long, `${long} (${short})`);
        break;
      }
      // "European Union Force in Bosnia and Herzegovina (EUFOR)": the letters spell a head that a place or a name
      // after "in"/"of"/"for" qualifies; the head is what the abbreviation stands for.
      const tail = qualifiedHead(short, words.slice(i));
      if (tail) {
        add(short, tail, `${long} (${short})`);
        break;
      }
    }
  }
  return out;
}

/** One glossary entry: "*veto* – the power of …", "**Lumen**: the space inside …". */
function glossaryEntry(s: Sentence, entry: string, documentText: string): TermFact | undefined {
  const m = /^\s*(?:\*\*?|_)?([\p{L}][\p{L}'’ -]{0,40}?)(?:\*\*?|_)?\s*(?:[–—:]| - )\s*(.+?)[.;]?\s*$/u.exec(entry);
  if (!m) return undefined;
  // A glossary capitalises its entries ("Subduction"): the term is written as the text writes it elsewhere.
  const written = m[1]!.trim();
  const lower = written.charAt(0).toLowerCase() + written.slice(1);
  const term =
    /^\p{Lu}\p{Ll}/u.test(written) && new RegExp(`\\b${escapeRegExp(lower)}\\b`).test(documentText) ? lower : written;
  const meaning = plainText(m[2]!).trim();
  const meaningWords = meaning.split(/\s+/).length;
  if (term.split(/\s+/).length > 4 || meaningWords < 3 || meaningWords > 30 || VAGUE.has(term.toLowerCase()))
    return undefined;
  return fact(s, term, "glossary", { meaning });
}

/**
 * A glossary: a paragraph "Key terms: entry; entry; …", or the items of a list whose heading or lead-in is a
 * glossary's label.
 */
function glossary(s: Sentence, text: string, block: Block | undefined, documentText: string): TermFact[] {
  const inline = /^(?:\*\*)?([A-Z][\w ]{2,30}?)(?:\*\*)?\s*[:.](?:\*\*)?\s+(.+)$/.exec(text);
  if (inline && GLOSSARY_LABEL.test(inline[1]!.trim())) {
    const entries = inline[2]!.split(/;\s+/).map((e) => glossaryEntry(s, e, documentText));
    const found = entries.filter((e): e is TermFact => !!e);
    // A glossary defines several terms; one entry that reads is not enough to trust the shape.
    return found.length >= 2 && found.length === entries.length ? found : [];
  }
  if (block?.kind !== "list_item" || s.start !== block.start) return [];
  const label = [block.sectionPath[block.sectionPath.length - 1] ?? "", block.listCaption ?? "", block.listLeadIn ?? ""]
    .map((l) => l.replace(/[:.]\s*$/, "").trim())
    .some((l) => GLOSSARY_LABEL.test(l));
  const entry = label ? glossaryEntry(s, text, documentText) : undefined;
  return entry ? [entry] : [];
}

const isNoun = (t: PosToken | undefined) => t?.pos === "NOUN" || t?.pos === "PROPN";
const isNp = (t: PosToken | undefined) => isNoun(t) || t?.pos === "ADJ";

/**
 * End (exclusive) of the noun phrase at `from`: adjectives and nouns, hyphenated compounds kept whole, ending on a
 * noun. Returns `from` when none starts there.
 */
function phraseEnd(tokens: PosToken[], from: number): number {
  let i = from;
  let last = from;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const joined = t.text === "-" && tokens[i - 1]?.end === t.start && tokens[i + 1]?.start === t.end;
    // A gerund heading a compound term ("sea-floor spreading").
    const gerund = t.pos === "VERB" && /ing$/.test(t.text) && i > from && isNoun(tokens[i - 1]);
    // A hyphenated compound opens the phrase whatever its first part is tagged ("three-carbon sugar").
    const joinsNext =
      tokens[i + 1]?.text === "-" && tokens[i + 1]!.start === t.end && tokens[i + 2]?.start === t.end + 1;
    if (isNp(t) || gerund || (joined && i > from) || (joinsNext && /^[\p{L}\d]+$/u.test(t.text))) {
      i++;
      if (isNoun(t) || gerund) last = i;
      continue;
    }
    break;
  }
  return last;
}

const span = (text: string, tokens: PosToken[], from: number, to: number) =>
  text.slice(tokens[from]!.start, tokens[to - 1]!.end);

/** A span worth learning as a term: a few words, no number, not a vague or very short word. */
function termLike(term: string): boolean {
  const words = term.split(/\s+/);
  return (
    words.length <= 4 &&
    !/\d/.test(term.replace(/^[A-Z][\w-]*\d[\w-]*$/, "")) &&
    term.replace(/[^\p{L}]/gu, "").length >= 4 &&
    !VAGUE.has(words[words.length - 1]!.toLowerCase()) &&
    // Half of a foreign name ("la Recherche Nucléaire").
    !/^(?:la|le|les|de|du|del|des|der|di|da|von|van|al|el)$/.test(words[0]!)
  );
}

/** The sentence before, when it reads alone (no opening pronoun) and is short enough to quote. */
function readableLead(previous: Sentence | undefined): Sentence | undefined {
  const lead = previous && tidy(previous.text);
  if (
    !lead ||
    lead.split(/\s+/).length > 40 ||
    !/[.!]$/.test(lead) ||
    /^(?:This|These|That|Those|Such|They|It|He|She|Its|Their|His|Her|There|Most|Many|Some|Others)\b/.test(lead)
  )
    return undefined;
  return previous;
}

/**
 * A term the sentence names: "a step called photolysis", "… parapet, called machicolations, let …", "a massive
 * stone building known as the keep" — also a short term, which the statement rule leaves. A sentence opening with
 * "This process is known as …" names what the sentence before described: the item quotes both, and without a
 * readable sentence before there is no item. A sentence opening with "Others"/"Most" reads as it is, with the
 * sentence before when that reads alone.
 */
function naming(s: Sentence, text: string, tokens: PosToken[], previous: Sentence | undefined): TermFact[] {
  const out: TermFact[] = [];
  const pointsBack = POINTS_BACK.test(text);
  const lead = DEPENDENT_OPENING.test(text) || pointsBack ? readableLead(previous) : undefined;
  if ((DEPENDENT.test(tokens[0]?.text ?? "") || pointsBack) && !lead) return out;
  for (let i = 1; i < tokens.length - 1; i++) {
    const w = tokens[i]!.text.toLowerCase();
    let at: number;
    if (w === "known" && tokens[i + 1]?.text === "as") at = i + 2;
    else if (NAMING.has(w) && tokens[i]!.pos === "VERB") at = i + 1;
    else continue;
    // Passive or reduced-relative naming ("is called", "sacs called", ", called"); an active "X called the river
    // Danubius" is read by activeNaming.
    const before = tokens[i - 1]!;
    const also = before.text === "also" ? tokens[i - 2] : before;
    if (!also || !(/^(?:AUX|NOUN|ADJ|ADV)$/.test(also.pos) || also.text === ",")) continue;
    if (tokens[at]?.pos === "DET") at++;
    const end = phraseEnd(tokens, at);
    // The term ends the clause, or the phrase goes on with the subject's verb, a preposition or "to" ("sacs called
    // thylakoids float in …", "grains called silt into the delta", "cells called lymphocytes to fight …"). A word the
    // tagger calls a verb that ends the clause is the term's own head ("called slab pull, and …"); "of" continues it.
    const next = tokens[end];
    const goesOn =
      (next?.pos === "VERB" && !/ing$/.test(next.text) && !/^(?:PUNCT|CCONJ)$/.test(tokens[end + 1]?.pos ?? "PUNCT")) ||
      (next?.pos === "ADP" && next.text !== "of") ||
      (next?.pos === "PART" && next.text === "to");
    if (end === at || !(goesOn || /^(?:[,.;:]|and|which|that)$/.test(next?.text ?? ""))) continue;
    const term = span(text, tokens, at, end);
    if (termLike(term) && !/^\p{Lu}/u.test(term)) out.push(fact(s, term, "naming", lead ? { lead: source(lead) } : {}));
  }
  return out;
}

/**
 * "The Romans called the river Danubius", "the Greeks knew its lower course as the Istros": a thing's name, given
 * by a named subject (a pronoun subject is left alone: who "he" is would need the sentences around).
 */
function activeNaming(s: Sentence, text: string, tokens: PosToken[]): TermFact[] {
  const out: TermFact[] = [];
  for (let i = 1; i < tokens.length - 2; i++) {
    const w = tokens[i]!.text.toLowerCase();
    const knew = /^(?:knew|know|knows)$/.test(w);
    if (!(NAMING.has(w) && tokens[i]!.pos === "VERB") && !knew) continue;
    // The subject is a noun right before the verb ("The Romans called"), never a pronoun.
    if (!isNoun(tokens[i - 1])) continue;
    let j = i + 1;
    if (tokens[j]?.pos === "DET" || tokens[j]?.pos === "PRON") j++;
    // The thing named is a common noun phrase ("the river"); its name follows.
    const objectStart = j;
    while (tokens[j]?.pos === "ADJ" || tokens[j]?.pos === "NOUN") j++;
    if (j === objectStart || tokens[j - 1]!.pos !== "NOUN") continue;
    if (knew) {
      if (tokens[j]?.text !== "as") continue;
      j++;
    }
    if (tokens[j]?.text.toLowerCase() === "the") j++;
    let end = j;
    while (tokens[end]?.pos === "PROPN") end++;
    if (end === j || !/^(?:[,.;]|and)$/.test(tokens[end]?.text ?? "")) continue;
    const term = span(text, tokens, j, end);
    if (termLike(term) || /^\p{Lu}\p{L}{3,}$/u.test(term)) out.push(fact(s, term, "naming"));
  }
  return out;
}

/**
 * "suggested hepatic amoebiasis, an infection of the liver", "made of beryllium, a light and stiff metal": a term
 * that is the argument of a verb or preposition, glossed right after by "a/an/the" + noun phrase. And the other way
 * round, "into a three-carbon sugar, G3P, from which …": an indefinite noun phrase, then the term's name alone.
 */
function appositives(s: Sentence, text: string, tokens: PosToken[]): TermFact[] {
  const out: TermFact[] = [];
  for (let i = 1; i < tokens.length - 3; i++) {
    // "suggested hepatic amoebiasis", "surrounded by a moat".
    const det = tokens[i - 1]!.pos === "DET" && /^(?:a|an|the)$/i.test(tokens[i - 1]!.text) && i > 1;
    const before = det ? tokens[i - 2]! : tokens[i - 1]!;
    const governed = before.pos === "VERB" || before.pos === "ADP" || before.pos === "AUX";
    // The argument of the main verb, not a fronted phrase ("In practice, a permanent member …", "Because … kinds of
    // computer, a student …") nor the end of a name ("Conseil Européen pour la Recherche …", "Bachelor of Arts by
    // research").
    const finite = (t: PosToken) => t.pos === "AUX" || (t.pos === "VERB" && !/ing$/.test(t.text));
    const fronted =
      !tokens.slice(0, i).some(finite) ||
      ((SUBORDINATE.test(text) || tokens[0]!.pos === "ADP") && !text.slice(0, tokens[i]!.start).includes(",")) ||
      // ", in a referendum, a plan …": a phrase set off by commas, its noun followed by the object.
      tokens[i - (det ? 3 : 2)]?.text === ",";
    const inName = before.pos === "ADP" && /^\p{Lu}/u.test(tokens[i - (det ? 3 : 2)]?.text ?? "");
    if (governed && !fronted && !inName && isNp(tokens[i])) {
      const end = phraseEnd(tokens, i);
      if (end === i || tokens[end]?.text !== "," || !/^(?:a|an|the)$/i.test(tokens[end + 1]?.text ?? "")) continue;
      const glossEnd = phraseEnd(tokens, end + 2);
      if (glossEnd === end + 2) continue;
      // "Vienna, the capital, Bratislava and …": a list, not a gloss.
      const rest = text.slice(tokens[glossEnd - 1]!.end);
      if (/^,? (?:and|or) /.test(rest)) continue;
      if (/^, [^,]{1,40}(?:,| and )/.test(rest) && !/^, (?:which|who|that|where|when)\b/.test(rest)) continue;
      const term = span(text, tokens, i, end);
      if (termLike(term) && !spanCut(text, term) && !/^\p{Lu}/u.test(text.slice(tokens[end + 2]!.start)))
        out.push(fact(s, term, "appositive"));
      i = end;
    }
    // "a three-carbon sugar, G3P, …"
    if (/^(?:a|an)$/i.test(tokens[i]!.text)) {
      const end = phraseEnd(tokens, i + 1);
      if (end === i + 1 || tokens[end]?.text !== "," || tokens[end + 2]?.text !== ",") continue;
      const name = tokens[end + 1]!;
      if (name.pos === "PROPN" && /^[A-Z][A-Za-z0-9]*[A-Z0-9][A-Za-z0-9]*$/.test(name.text))
        out.push(fact(s, name.text, "appositive"));
    }
  }
  return out;
}

/** "Each segment is made of beryllium", "a statue carved from marble": the material, when a noun phrase names it. */
function materials(s: Sentence, text: string, tokens: PosToken[]): TermFact[] {
  const out: TermFact[] = [];
  for (let i = 1; i < tokens.length - 2; i++) {
    if (!MATERIAL_VERBS.test(tokens[i]!.text) || !(tokens[i - 1]!.pos === "AUX" || isNoun(tokens[i - 1]))) continue;
    let j = i + 1;
    if (tokens[j]?.text === "out" && tokens[j + 1]?.text === "of") j++;
    if (!/^(?:of|from)$/.test(tokens[j]?.text ?? "")) continue;
    j++;
    if (tokens[j]?.pos === "DET" && /^(?:a|an|the)$/i.test(tokens[j]!.text)) j++;
    const end = phraseEnd(tokens, j);
    if (end === j || !/^(?:[,.;]|and|which|that)$/.test(tokens[end]?.text ?? "")) continue;
    const term = span(text, tokens, j, end);
    if (termLike(term) && !/^\p{Lu}/u.test(term)) out.push(fact(s, term, "material"));
  }
  return out;
}

/**
 * The term facts of one sentence. `previous` is the sentence before in the same block, for a naming sentence that
 * only reads after it; `block` is the sentence's block (a glossary list); `documentText` tells a glossary's
 * capitalised entry ("Subduction") from a name.
 *
 * @example
 * termsOf({ text: 'It produces ATP (adenosine triphosphate).', … }).map((f) => [f.term, f.meaning])
 * // [['ATP', 'adenosine triphosphate']]
 */
export function termsOf(s: Sentence, previous?: Sentence, block?: Block, documentText = ""): TermFact[] {
  const text = tidy(s.text);
  const listed = glossary(s, text, block, documentText);
  if (listed.length > 0) return listed;
  const words = text.split(/\s+/).length;
  if (words < 4 || words > 50) return abbreviations(s, text);
  // Tagging is the costly step: only a sentence with a cue for one of the shapes is tagged.
  if (!CUES.test(text)) return abbreviations(s, text);
  const tokens = posTokens(text);
  const found = [
    ...abbreviations(s, text),
    ...naming(s, text, tokens, previous),
    ...activeNaming(s, text, tokens),
    ...appositives(s, text, tokens),
    ...materials(s, text, tokens),
  ];
  // One fact per term in a sentence, and never a term that occurs twice in it (the blank would be given away).
  return found.filter(
    (f, i) => found.findIndex((g) => g.term === f.term) === i && (f.meaning || text.split(f.term).length === 2),
  );
}
