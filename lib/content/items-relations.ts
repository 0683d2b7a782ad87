import { pickDistractors } from "./distractors";
import { displayName, nameVariants } from "./items-dated";
import { makeItem, multipleChoice, type Kit } from "./item-kit";
import { hash } from "./keys";
import { clausesOf, copulaRelation, objectRelation, passiveRelation, subjectRelation } from "./extract-relations";
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
const upperFirst = (s: string) => s[0]!.toUpperCase() + s.slice(1);

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
  for (const source of sentencesOf(kit, text)) {
    const ref = referentOf(kit, source);
    for (const clause of clausesOf(source.text)) {
      const read = ref && clause.slice(0, 12) === source.text.slice(0, 12) ? withReferent(clause, ref) : clause;
      // An answer only the sentence before names ("He sailed …" → "Who sailed …?") is not asked on this sentence.
      const asked = clauseItems(kit, source, read, text);
      items.push(...(read === clause ? asked : asked.filter((i) => !sameName(i.answer, ref!))));
    }
  }
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

/**
 * The one antecedent the extractor resolved for the sentence's subject pronoun (extract.ts `pronounRef`, conservative
 * coreference of decision 036), or undefined when it resolved none or its facts disagree.
 */
function referentOf(kit: Kit, source: SourceRef): string | undefined {
  const refs = new Set(
    kit.facts.filter((f) => f.source.start === source.start && f.pronounRef).map((f) => f.pronounRef),
  );
  return refs.size === 1 ? [...refs][0] : undefined;
}

/**
 * "He sailed for England in 1914." → "Ramanujan sailed for England in 1914.", "In 2016, it began …" → "In 2016, NMI
 * began …": the subject pronoun (not a possessive) replaced by its antecedent; the clause as is without one.
 */
const sameName = (a: string, b: string) => {
  const [x, y] = [bare(a).toLowerCase(), bare(b).toLowerCase()];
  return x.includes(y) || y.includes(x);
};

function withReferent(clause: string, ref: string): string {
  return clause.replace(/^((?:[^,]{1,40},\s+)?)(It|it|He|he|She|she|They|they)\b(?!['’])/, (_m, fronted: string) =>
    fronted ? `${fronted}${ref.replace(/^The /, "the ")}` : ref.replace(/^the /, "The "),
  );
}

/** The subject, agent, copula and object items of one clause of `source`. */
function clauseItems(kit: Kit, source: SourceRef, clause: string, text: string): GeneratedItem[] {
  const items = objectItems(kit, source, clause, text);
  const relation = subjectRelation(clause);
  const subject = relation && typeOf(kit, relation.subject, text);
  const copula = copulaRelation(clause);
  // "Paris is the home of many artists": a copula is asked only when it names one thing (`copulaRelation`).
  const copular = !!relation && /^(?:is|was|are|were)\s+(?:the|a|an)\s/i.test(relation.predicate);
  if (relation && subject && (!copular || copula)) {
    const wh =
      subject.type === "person" ? "Who" : subject.type === "place" ? `Which ${subject.kind}` : "Which organisation";
    items.push(...nameItems(kit, source, text, subject, `${wh} ${relation.predicate}?`, relation.predicate, "subject"));
  }
  const passive = passiveRelation(clause, text);
  // A place acts only as a country ("Which country built the Panama Canal?").
  const agent = passive?.agents
    .map((a) => typeOf(kit, a, text))
    .find((t) => t && (t.type !== "place" || t.kind === "country"));
  if (passive && agent) {
    // "Who designed the Eiffel Tower in 1889?"; "By whom was the charter drafted?" when the verb does not conjugate.
    const which = agent.type === "person" ? "" : agent.type === "place" ? "which country" : "which organisation";
    const prompt = passive.active
      ? `${which ? upperFirst(which) : "Who"} ${passive.active}?`
      : `By ${which || "whom"} ${passive.passive}?`;
    items.push(...nameItems(kit, source, text, agent, prompt, passive.passive, "agent"));
  }
  // A typed subject is already asked by its predicate ("Which river is the second-longest river in Europe?").
  if (copula && !(relation && subject)) items.push(...copulaItems(kit, source, text, copula));
  return items;
}

/**
 * "What is the largest high-elevation lake in North America?" → Yellowstone Lake: the subject of a copula that names
 * one thing (extract-relations.ts `copulaRelation`). A typed subject gets its type's options; an untyped name is
 * asked typed only. A role ("the director of CERN") is asked only of a person.
 */
function copulaItems(
  kit: Kit,
  source: SourceRef,
  text: string,
  copula: NonNullable<ReturnType<typeof copulaRelation>>,
): GeneratedItem[] {
  const typed = typeOf(kit, copula.subject, text);
  if (copula.role === "person" && typed?.type !== "person") return [];
  const wh = typed?.type === "person" ? "Who" : "What";
  const prompt = `${wh} ${copula.verb} ${copula.complement}?`;
  if (typed) return nameItems(kit, source, text, typed, prompt, copula.complement, "copula");
  return [typedRelation(source, prompt, copula.subject, "copula")];
}

/**
 * A typed name asked by `prompt`: a multiple choice with options of its type (people, places; never one the document
 * names beside `predicate`'s names or numbers, which could be right too) and a typed item accepting its variants.
 */
function nameItems(
  kit: Kit,
  source: SourceRef,
  text: string,
  typed: Typed,
  prompt: string,
  predicate: string,
  variant: string,
): GeneratedItem[] {
  const key = `relation:${hash(`${source.text}|${typed.answer}`)}`;
  const fact = { key, source };
  const spec = {
    variant,
    prompt,
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
    [pool.filter((d) => !alsoSaid(text, d, predicate))],
    typed.accepted,
    kit.rngFor(key),
  );
  const items: GeneratedItem[] = [];
  // Organisations share seats, founders and duties more often than a document says: typed only.
  const mc = typed.type === "organisation" ? undefined : multipleChoice(kit, fact, spec, distractors);
  if (mc) items.push(mc);
  items.push(makeItem(fact, { ...spec, kind: "typed" }));
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
  // "President Theodore Roosevelt": a person with a title is still a person (it would need "Whom").
  const people = kit.facts.flatMap((f) => (f.type === "person" ? [surnameOf(f.name) ?? f.name] : []));
  if (people.some((name) => new RegExp(`\\b${escapeRegExp(name)}\\b`).test(relation.object))) return [];
  return [typedRelation(source, relation.question, relation.object, "object")];
}

/** A typed relation item whose answer is a phrase of the sentence ("the" optional), keyed by sentence and answer. */
function typedRelation(source: SourceRef, prompt: string, answer: string, variant: string): GeneratedItem {
  const key = `relation:${hash(`${source.text}|${answer}`)}`;
  return makeItem(
    { key, source },
    {
      kind: "typed",
      variant,
      prompt,
      answer,
      accepted: /^the\s/i.test(answer) ? [bare(answer)] : [],
      answerType: "text",
      topic: "definitions",
    },
  );
}
