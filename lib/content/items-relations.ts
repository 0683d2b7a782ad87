import { pickDistractors } from "./distractors";
import { displayName, nameVariants } from "./items-dated";
import { makeItem, multipleChoice, type Kit } from "./item-kit";
import { hash } from "./keys";
import { clausesOf, objectRelation, subjectRelation } from "./extract-relations";
import { escapeRegExp, surnameOf } from "./text";
import { normaliseText } from "./normalise";
import { parseDocument } from "./parse";
import { placeKindOf } from "./place-kind";
import type { GeneratedItem, OrganisationFact, PersonFact, PlaceFact, SourceRef } from "./types";

/** What a sentence's subject is, read from the document's own person and organisation facts. */
type Typed =
  | { type: "person"; answer: string; accepted: string[] }
  | { type: "organisation"; answer: string; accepted: string[] }
  | { type: "place"; kind: string; answer: string; accepted: string[] };

// The kinds of place a question can name plainly ("Which river …?"); a region or a settlement could be many things.
const ASKABLE_KINDS = new Set(["country", "continent", "river", "sea", "lake", "mountain", "island", "desert"]);

const bare = (s: string) => s.replace(/^the\s+/i, "");

// A name the question may call an organisation: an acronym, or a name headed by a word for a body of people. The
// organisation facts also hold things ("Large Hadron Collider"), treaties and roles ("Force Commander").
const ORGANISATION_HEAD =
  /\b(?:Organi[sz]ation|Council|Court|Union|Nations|Assembly|Agency|Commission|Committee|Bank|Office|Ministry|Department|Parliament|Government|Institute|University|Society|Association|Company|Corporation|Board|Fund|Forces|Alliance|Party|Secretariat|Foundation|Federation|League|Authority|Laboratory|Museum|Academy|College|School|Service|Registry|Congress|Senate)(?:\s+(?:of|for|on)\s.*)?$/;
const isOrganisation = (name: string) => /^\p{Lu}{2,}$/u.test(name) || ORGANISATION_HEAD.test(name);

/**
 * The person or organisation a subject names: the whole name, or a person's surname when no other person shares it,
 * or an organisation's acronym. Undefined for anything else (a place, a thing, a name the document never types):
 * only a typed subject gets a "Who" or "Which organisation" question, and options of its own type.
 */
function typeOf(kit: Kit, subject: string, text: string): Typed | undefined {
  const s = bare(subject);
  const people = kit.facts.filter((f): f is PersonFact => f.type === "person");
  const bySurname = otherNamesWith(text, s) ? [] : people.filter((p) => surnameOf(p.name) === s);
  const person =
    people.find((p) => p.name === s || displayName(p) === s) ??
    (bySurname.length === 1 && new Set(bySurname.map((p) => p.name)).size === 1 ? bySurname[0] : undefined);
  if (person) {
    const accepted = nameVariants(kit, person);
    return { type: "person", answer: displayName(person), accepted };
  }
  const orgs = kit.facts.filter((f): f is OrganisationFact => f.type === "organisation");
  const org = orgs.find((o) => (bare(o.name) === s || o.acronym === s) && isOrganisation(o.name));
  if (org) return { type: "organisation", answer: org.name, accepted: org.acronym ? [org.acronym] : [] };
  const place = kit.facts.find((f): f is PlaceFact => f.type === "place" && bare(f.name) === s);
  const kind = place ? placeKindOf(place.name, kit.placeCues) : "unknown";
  if (place && ASKABLE_KINDS.has(kind))
    return { type: "place", kind, answer: place.name, accepted: [bare(place.name)] };
  return undefined;
}

/**
 * The surname also names something else: "Webb" of "James Webb Space Telescope" and of James E. Webb, "Calvin" of the
 * "Calvin cycle". A bare surname is then no person's name; only a whole name is.
 */
function otherNamesWith(text: string, surname: string): boolean {
  const known = documentMemo(text).otherNames;
  let found = known.get(surname);
  if (found === undefined) {
    const word = escapeRegExp(surname);
    found = new RegExp(
      `\\b${word}(?:'s)?\\s+\\p{Lu}|\\b${word}\\s+(?:cycle|formula|theorem|law|effect|constant|space|telescope)\\b`,
      "u",
    ).test(text);
    known.set(surname, found);
  }
  return found;
}

/**
 * What this module reads from the whole document more than once, kept for the last document: whether a surname also
 * names something else, the document's sentences, and those that name an option. Compared by the text itself (V8
 * compares a string with itself by identity first), so a new document starts afresh (decision 005, "Speed, third pass").
 */
let lastDocument: {
  text: string;
  otherNames: Map<string, boolean>;
  sentences?: string[];
  naming: Map<string, string[]>;
} = {
  text: "",
  otherNames: new Map(),
  naming: new Map(),
};

function documentMemo(text: string) {
  if (lastDocument.text !== text) lastDocument = { text, otherNames: new Map(), naming: new Map() };
  return lastDocument;
}

/** The document's sentences that contain `option`, in document order. */
function sentencesNaming(text: string, option: string): string[] {
  const m = documentMemo(text);
  let found = m.naming.get(option);
  if (!found) {
    m.sentences ??= text.split(/(?<=[.!?])\s+|\n+/);
    found = m.sentences.filter((s) => s.includes(option));
    m.naming.set(option, found);
  }
  return found;
}

/**
 * The document may say the predicate of an option too ("the Council of Europe … in Strasbourg" beside "the Court sits
 * in Strasbourg"): an option named in a sentence with the predicate's names or numbers (else its long words) could be
 * a right answer, so it is never offered.
 */
function alsoSaid(text: string, option: string, predicate: string): boolean {
  const named = predicate.match(/(?<=\s)\p{Lu}[\p{L}-]+|\d[\d,.]*/gu) ?? [];
  const anchors = named.length > 0 ? named : predicate.split(/\s+/).filter((w) => w.length >= 6);
  if (anchors.length === 0) return true;
  return sentencesNaming(text, option).some((s) => anchors.some((a) => s.includes(a)));
}

/**
 * The document's prose sentences (list items, captions and tables are left to their own rules), or without the text
 * the distinct single sentences its facts quote.
 */
function sentencesOf(kit: Kit, text: string): SourceRef[] {
  if (text)
    return parseDocument(text)
      .sentences.filter((s) => s.blockKind === "paragraph")
      .map(({ text: t, start, end }) => ({ text: t, start, end }));
  const seen = new Set<string>();
  const out: SourceRef[] = [];
  for (const f of kit.facts) {
    const s = f.source;
    if (f.pronounRef || seen.has(s.text) || s.text.includes(" … ")) continue;
    seen.add(s.text);
    out.push(s);
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * "Who …?" / "Which organisation …?" on the subject of a plain relation (extract-relations.ts): "Tim Berners-Lee
 * proposed the system at CERN." → "Who proposed the system at CERN?". The predicate is the sentence's own, so verb,
 * tense and voice are as written. A multiple choice offers the document's other people (or organisations), a typed
 * item accepts the name's variants. Only a subject the document types as a person or an organisation is asked.
 *
 * @example
 * relationItems(kit)[0].prompt // 'Who proposed the system at CERN?'
 */
export function relationItems(kit: Kit, text = "", others: readonly GeneratedItem[] = []): GeneratedItem[] {
  const items: GeneratedItem[] = [];
  for (const source of sentencesOf(kit, text))
    for (const clause of clausesOf(source.text)) items.push(...clauseItems(kit, source, clause, text));
  // A value another item already asks in the same sentence is that item's fact, also inside a longer answer ("about
  // one percent of Internet traffic" beside a blank on "one percent"): a second question on it would take the
  // sentence's room from that item and teach nothing new.
  const bySentence = new Map<number, string[]>();
  for (const o of others)
    bySentence.set(o.source.start, [...(bySentence.get(o.source.start) ?? []), ` ${normaliseText(o.answer)} `]);
  return items.filter((i) => {
    const answer = ` ${normaliseText(i.answer)} `;
    return !(bySentence.get(i.source.start) ?? []).some((a) => a.trim() && (answer.includes(a) || a.includes(answer)));
  });
}

/** The subject and object items of one clause of `source`. */
function clauseItems(kit: Kit, source: SourceRef, clause: string, text: string): GeneratedItem[] {
  const items = objectItems(kit, source, clause, text);
  const relation = subjectRelation(clause);
  if (relation) {
    const typed = typeOf(kit, relation.subject, text);
    if (!typed) return items;
    const key = `relation:${hash(`${source.text}|${typed.answer}`)}`;
    const fact = { key, source };
    const wh = typed.type === "person" ? "Who" : typed.type === "place" ? `Which ${typed.kind}` : "Which organisation";
    const spec = {
      variant: "subject",
      prompt: `${wh} ${relation.predicate}?`,
      answer: typed.answer,
      accepted: typed.accepted,
      answerType: typed.type,
      topic:
        typed.type === "person"
          ? ("history" as const)
          : typed.type === "place"
            ? ("places" as const)
            : ("organisations" as const),
    };
    const pool = kit.facts.flatMap((f) =>
      f.type === "person" && typed.type === "person"
        ? [displayName(f)]
        : (f.type === "organisation" && typed.type === "organisation" && isOrganisation(f.name)) ||
            (f.type === "place" && typed.type === "place")
          ? [f.name]
          : [],
    );
    const distractors = pickDistractors(
      typed.answer,
      [pool.filter((d) => !alsoSaid(text, d, relation.predicate))],
      typed.accepted,
      kit.rngFor(key),
    );
    // Organisations share seats, founders and duties more often than a document says: typed only.
    const mc = typed.type === "organisation" ? undefined : multipleChoice(kit, fact, spec, distractors);
    if (mc) items.push(mc);
    items.push(makeItem(fact, { ...spec, kind: "typed" }));
  }
  return items;
}

/**
 * "What does chlorophyll mostly absorb?" → "blue and red light": a typed item on the object of an active clause
 * (extract-relations.ts `objectRelation`). A person or organisation as the object is left alone (it would need
 * "Whom", and options of its type).
 */
function objectItems(kit: Kit, source: SourceRef, clause: string, text: string): GeneratedItem[] {
  const relation = objectRelation(clause);
  if (!relation || typeOf(kit, relation.object, text)) return [];
  const answer = relation.object;
  const key = `relation:${hash(`${source.text}|${answer}`)}`;
  return [
    makeItem(
      { key, source },
      {
        kind: "typed",
        variant: "object",
        prompt: relation.question,
        answer,
        accepted: /^the\s/i.test(answer) ? [bare(answer)] : [],
        answerType: "text",
        topic: "definitions",
      },
    ),
  ];
}
