import { findDates, type DateMention } from "./dates";
import { extractPeople, findPeople } from "./extract-people";
import { extractLists } from "./extract-lists";
import { extractAttributes, readValue } from "./extract-attributes";
import { releaseDate } from "./extract-release-date";
import { extractCauses } from "./extract-causes";
import { extractQuantities } from "./extract-quantities";
import { extractReferences } from "./extract-references";
import { statementsOf } from "./extract-statements";
import { definitionsOf } from "./extract-definitions";
import { termsOf } from "./extract-terms";
import { findOrganisations, findPlaces, type NameMention } from "./extract-names";
import {
  type Gender,
  fitsGender,
  frontedCandidate,
  isExpletiveIt,
  pluralThing,
  pronounGender,
  shortMentions,
  singularThing,
} from "./coreference";
import nlp from "compromise";
import { factKey } from "./keys";
import { posTokens } from "./pos";
import { OCCASION_HEADS, PRONOUNS, INSTITUTION_HEADS } from "./lexicon";
import { reduceClause, toQuestion, type Cut } from "./phrase";
import { isFragment } from "./well-formed";
import { escapeRegExp, joinSources, possessive, SUBJECT_PRONOUN, subjectOfPossessive, tidy } from "./text";
import { findMainVerb, startDocument, tokenize } from "./tokens";
import type {
  PersonFact,
  DefinitionFact,
  EventFact,
  Fact,
  InstitutionFact,
  ObjectiveFact,
  OrganisationFact,
  ParsedDocument,
  PlaceFact,
  Sentence,
  SourceRef,
} from "./types";

/** Someone a pronoun meant that the rules could not name: a candidate that blocks any other. */
const UNKNOWN_PERSON = "\u0000someone";

const OCCASION_RE = new RegExp(`\\b[Aa]t the ((?:[A-Z][\\w'’-]*\\s)+(${OCCASION_HEADS.join("|")}))\\b`);
const OBJECTIVE_LEAD = /\b(?:objectives?|aims?|goals?|purposes?|tasks?|missions?)\b/i;
const DESIGNED_RE = /^(.+?)\s+(is|was|are|were)\s+(designed|intended|meant|created|established|set up)\s+to\s+(.+)$/;
const AIMS_RE = /^(.+?)\s+(aims|seeks|aimed|sought)\s+to\s+(.+)$/;

/** Per-sentence context the fact rules share. */
interface Context {
  sentence: Sentence;
  dates: DateMention[];
  /** Replaces a leading pronoun subject with its antecedent; undefined if it cannot be resolved. */
  resolve: (clause: string) => string | undefined;
}

/** What extraction decided along the way, for tools that explain its output (scripts/content-pronouns.ts). */
export interface ExtractTrace {
  /** Each sentence's opening pronoun antecedent by the sentence's start offset (undefined: none, or unresolved). */
  antecedents: Map<number, string | undefined>;
}

/**
 * Extracts typed facts with provenance from a parsed document. Rules are general (dates, ranks,
 * "X of Y" names, lists under a caption, "X is a …" definitions, counted quantities); compromise only
 * proposes people, places and organisations that the rules then check.
 *
 * @example
 * const facts = extractFacts(parseDocument('Apollo 11 landed on the Moon on 20 July 1969.'))
 * facts.find((f) => f.type === 'event')?.date // { year: 1969, month: 7, day: 20, precision: 'day' }
 */
export function extractFacts(doc: ParsedDocument, trace?: ExtractTrace): Fact[] {
  const facts: Fact[] = [];
  const subjects = new Map<Sentence, string | undefined>();
  // The people the sentence before named (or its "he"/"she" meant): who a "he"/"she" may be (coreference.ts).
  let lastPeople: string[] = [];
  const knownPeople: string[] = [];
  let previousSubject: string | undefined;
  // What a "they"/"their" may mean: the sentence before's one plural noun phrase, when its subject (coreference.ts).
  let previousPlural: string | undefined;
  const contexts: Context[] = [];
  // The person a document is about ("# Srinivasa Ramanujan"): the centre its unnamed "he"/"she" refer to.
  const topicPerson = biographySubject(doc);
  // Which of "he"/"she" the document uses for that person: "He showed her his engine" in Ada Lovelace's life is
  // Babbage, never Ada.
  const topicPronoun = topicPerson ? dominantPronoun(doc) : undefined;
  // Named things the document has made subjects so far, latest last: what "the mission" or "the park" refers to.
  const named: string[] = [];
  let listIt: { listId: number; name: string } | undefined;
  // Clauses are tagged as compromise tagged them in the sentence they were cut from (tokens.ts).
  startDocument(doc.sentences.flatMap((s) => [tidy(s.text), s.text]));
  for (const s of doc.sentences) {
    const text = tidy(s.text);
    const subject = subjectOf(text);
    // "The Council also recommends …", "the Council first tries …": an adverb after the subject is not part of it.
    const head = subject && withoutTrailingAdverbs(subject, text);
    // "It" means the subject of the sentence just before (or what that sentence's own "it" meant), never a name from
    // further back: "Grand Prismatic Spring … is the largest hot spring … It is about 110 metres wide" must not
    // reach back to "the US Army" three sentences earlier.
    // Items of one list are parallel: an item opening with "it" means what the item before it opened with, even
    // when that item's own second sentence has another subject ("It is advising … Adding advisory activities …").
    const block = doc.blocks[s.blockIndex];
    const listHead = block?.kind === "list_item" && s.start === block.start ? block.listId : undefined;
    const parallel = listHead !== undefined && listIt?.listId === listHead ? listIt.name : undefined;
    // A fronted clause with a candidate of its own decides, or makes the pronoun ambiguous (null).
    const frontedIt = frontedCandidate(text, "it");
    const itAntecedent = frontedIt === null ? undefined : (frontedIt ?? previousSubject ?? parallel);
    const candidates = lastPeople;
    const personOf = (gender: Gender | undefined) => {
      if (gender && frontedCandidate(text, gender) === null) return undefined;
      // "He" is the one person of his gender the sentence before named; a biography's subject when it named none.
      const fits = candidates.filter((p) => fitsGender(p, gender));
      const person = fits.length === 1 ? fits[0] : fits.length === 0 && candidates.length > 0 ? topicPerson : undefined;
      return person === UNKNOWN_PERSON ? undefined : person;
    };
    const personFor = (clause: string) => {
      const person = personOf(pronounGender(/^(?:\S+ ){0,4}?(he|his|him|she|her)\b/i.exec(clause)?.[1] ?? ""));
      return person === topicPerson && !agrees(clause, topicPronoun) ? undefined : person;
    };
    // "Its X" is read only against the sentence just before (its subject): a possessive reaching further back
    // ("the US Army's cornerstone") states a falsehood.
    const itsAntecedent = frontedIt === null ? undefined : (frontedIt ?? previousSubject);
    const frontedThey = frontedCandidate(text, "they");
    const theyAntecedent = frontedThey === null ? undefined : (frontedThey ?? previousPlural);
    const resolve = (clause: string) =>
      isExpletiveIt(clause)
        ? undefined
        : /^(?:its|Its)\b/.test(clause)
          ? resolvePronoun(clause, itsAntecedent, undefined, undefined)
          : resolvePronoun(clause, itAntecedent, personFor(clause), theyAntecedent);
    subjects.set(s, subject && !PRONOUNS.has(subject.toLowerCase()) ? subject : (resolve(subject ?? "") ?? undefined));
    // An "It …" sentence whose "it" resolved passes its antecedent on ("It has its headquarters in Geneva. At
    // present, its Member States are …").
    const people = findPeople(s.text);
    const mentioned = [...new Set([...people.map((p) => p.name), ...shortMentions(text, knownPeople, topicPerson)])];
    knownPeople.push(...people.map((p) => p.name));
    const proper =
      head && (thingSubject(head, people) ?? namedBy(head, named, doc.text) ?? oneWordName(head, doc, knownPeople));
    if (proper) named.push(proper);
    // A definite description ("The deck", "the Board") is an antecedent too, unless it names a person; "X is called
    // the matrix" makes it "the matrix", and "the viaduct" is the Millau Viaduct the title names.
    const called = /\b(?:is|was) (?:called|known as|named) (the [^,.;()]+?)\.?$/.exec(text)?.[1];
    const described =
      head && !mentioned.some((p) => head.includes(p.split(" ").pop()!)) ? singularThing(called ?? head) : undefined;
    const own = proper || (described && (titleName(described, doc) ?? described));
    previousSubject = own ? own : /^it$/i.test(head ?? "") ? itAntecedent : undefined;
    previousPlural = /^they$/i.test(head ?? "") ? theyAntecedent : head ? pluralThing(head, text) : undefined;
    if (listHead !== undefined && /^it$/i.test(head ?? "") && itAntecedent)
      listIt = { listId: listHead, name: itAntecedent };
    // A singular thing newly introduced ("NATO conducted a … support operation. It was known as …") competes with
    // the subject for a following "it": the pronoun is then ambiguous and left unresolved.
    // So does a second clause with a subject of its own ("The Tisza is the longest, but the Sava carries the most
    // water.") or an object the sentence goes on to describe ("WHO adds multicomponent activity, which combines …").
    if (s.blockKind !== "list_item" && (introducesSingular(text) || competingThing(text))) previousSubject = undefined;
    // "he"/"she" resolve only to the one person the sentence before named, or whom its own subject pronoun
    // already meant ("Marie Curie was … She was born … She moved …"); two people, or none, leave them unresolved.
    // Who the next "he"/"she" may mean: the people this sentence names (a possessive "Carr's book" only when it names
    // nobody else) and whom its own "he"/"his" meant, unless that binds to a person named as its subject.
    const plain = mentioned.filter((p) => !new RegExp(`${escapeRegExp(p.split(" ").pop()!)}['’]s\\b`).test(text));
    const pronoun = /\b(he|him|his|she|her)\b/i.exec(text)?.[1];
    const bound = !!subject && mentioned.some((p) => subject.includes(p.split(" ").pop()!));
    const meant = pronoun && !bound ? [personOf(pronounGender(pronoun)) ?? UNKNOWN_PERSON] : [];
    // A one-word capitalised subject the rules know as neither a person nor a thing ("Hardy showed …" where "G. H.
    // Hardy" went unrecognised) may be a person: "he" is then ambiguous, not the biography's subject.
    const unknown =
      !!head &&
      !proper &&
      !described &&
      mentioned.length === 0 &&
      /^[A-Z][\p{L}'’-]+$/u.test(head) &&
      !PRONOUNS.has(head.toLowerCase()) &&
      !(topicPerson ?? "").split(" ").includes(head) &&
      !new RegExp(`\\b${escapeRegExp(head.toLowerCase())}\\b`).test(doc.text);
    // Initials and a surname ("R. T. Benning") that the name finder missed are someone too.
    const initialled = [...text.matchAll(/(?:\b[A-Z]\.\s?){1,3}[A-Z][\p{L}'’-]+/gu)].some(
      (m) =>
        !mentioned.some((p) =>
          p.endsWith(
            m[0]
              .replace(/['’]s$/, "")
              .split(/\s+/)
              .pop()!,
          ),
        ),
    );
    const next = [...new Set([...plain, ...meant, ...(unknown || initialled ? [UNKNOWN_PERSON] : [])])];
    if (next.length > 0) lastPeople = next;
    else if (mentioned.length > 0) lastPeople = mentioned;
    // A line without a verb ("Nordin in Uppsala.", where "to A. Nordin" was cut at the initial) may hide a name.
    else if (isFragment(text)) lastPeople = [UNKNOWN_PERSON];
    // With no one named, "he"/"she" falls back to the document's own subject when that is a person (a biography).
    else lastPeople = topicPerson ? [topicPerson] : [];
    contexts.push({ sentence: s, dates: findDates(s.text), resolve });
  }
  const people = extractPeople(doc.sentences, (s) => subjects.get(s));
  addDeeds(people, contexts);
  facts.push(...people);
  const personNames = new Set(facts.flatMap((f) => (f.type === "person" ? [f.name] : [])));
  const quantityKeys = new Map<string, number>();
  for (const ctx of contexts) {
    facts.push(...extractEvents(ctx));
    facts.push(...extractQuantities(ctx.sentence, ctx.dates, ctx.resolve, quantityKeys));
    facts.push(...extractCauses(ctx.sentence, ctx.resolve));
    facts.push(...extractReferences(ctx.sentence, ctx.resolve));
    facts.push(...extractDefinitions(ctx, subjects.get(ctx.sentence)));
    facts.push(...extractObjectives(doc, ctx, subjects.get(ctx.sentence)));
    const block = doc.blocks[ctx.sentence.blockIndex];
    // A list of names is read as institutions (below); reading each again as an organisation would duplicate it.
    const orgs =
      block.kind === "list_item" && !/[.!?]$/.test(block.text.trim()) ? [] : findOrganisations(ctx.sentence.text);
    facts.push(...orgs.map((o) => organisationFact(ctx.sentence, o)));
    facts.push(...extractPlaces(ctx, orgs, personNames));
    // A pronoun after a fronted phrase ("In 1909 he married …") is resolvable only when the item can name it.
    const text = tidy(ctx.sentence.text);
    const opening = SUBJECT_PRONOUN.exec(text);
    const resolvable = opening ? pronounRefOf(ctx) !== undefined : ctx.resolve(text) !== undefined;
    const previous = doc.sentences[doc.sentences.indexOf(ctx.sentence) - 1];
    const before = previous?.blockIndex === ctx.sentence.blockIndex ? previous : undefined;
    const terms = termsOf(ctx.sentence, before, block, doc.text);
    // A term that reads only after the sentence before ("Inside it, … called the stroma") is asked with that one
    // quoted (extract-terms.ts), not by the statement rule without it.
    const statements = statementsOf(ctx.sentence, resolvable).filter(
      (f) => !terms.some((t) => t.lead && t.term === f.focus),
    );
    facts.push(...statements);
    // A term the statement rule already blanks, or an organisation's acronym, is asked once (by that rule).
    facts.push(
      ...terms.filter(
        (t) => !statements.some((f) => f.focus === t.term) && !orgs.some((o) => o.acronym && o.acronym === t.term),
      ),
    );
    // "An enzyme is a protein that …": a definition the sentence states, asked "What is an enzyme?" (a whole
    // sentence only: a list's fragment has no verb to define with).
    if (block.kind === "paragraph" || /[.!]$/.test(block.text.trim()))
      facts.push(...definitionsOf(ctx.sentence, doc.text).filter((d) => !terms.some((t) => t.term === d.term)));
  }
  facts.push(...extractInstitutions(doc));
  // The dateline's date, which parse.ts strips from the first sentence (decision 047).
  const released = releaseDate(doc);
  if (released) facts.push(released);
  facts.push(...extractLists(doc));
  // A fact sheet's "Label: value" bullet is read once, as an attribute whose items name what the value belongs to,
  // not again as a sentence ("Length: _____ km"); a clock time or a sum beside its date stays its own fact.
  const attributes = extractAttributes(doc);
  const read = new Set(attributes.map((f) => f.source.start));
  // "Budget: €140 million": the sum is the attribute's own value, asked there, not again as "Budget: _____".
  const valueOf = new Map(
    attributes.map((f) => [f.source.start, f.type === "attribute" ? readValue(f.value).answer : ""]),
  );
  const rest = facts.filter(
    (f) =>
      !read.has(f.source.start) ||
      (f.type === "quantity" && f.measure && !valueOf.get(f.source.start)!.includes(f.valueText)),
  );
  facts.splice(0, facts.length, ...attributes, ...rest);
  const refs = new Map(contexts.map((c) => [c.sentence.start, pronounRefOf(c)]));
  if (trace) for (const [start, ref] of refs) trace.antecedents.set(start, ref);
  for (const f of facts) {
    const ref = refs.get(f.source.start);
    if (ref && f.source.end === doc.sentences.find((s) => s.start === f.source.start)?.end) f.pronounRef = ref;
  }
  return dedupe(facts);
}

/** "Michael Collins stayed in lunar orbit." → "Who stayed in lunar orbit?" on Michael Collins's fact. */
function addDeeds(people: PersonFact[], contexts: Context[]): void {
  for (const ctx of contexts) {
    const clause = reduceClause(tidy(ctx.sentence.text), []);
    const resolved = clause && ctx.resolve(clause);
    if (!resolved) continue;
    const tokens = tokenize(resolved);
    const v = findMainVerb(tokens);
    if (v <= 0) continue;
    const subject = resolved.slice(0, tokens[v].start).trim();
    const person = people.find((p) => subject === p.name || subject === `${p.rank ?? p.role ?? ""} ${p.name}`.trim());
    if (!person || tokens.length - v < 2) continue;
    if (/\b(?:succeeds|succeeded|replaces|replaced)\b/.test(resolved) && (person.predecessor || person.successor))
      continue; // asked as succession
    const question = `Who ${resolved.slice(tokens[v].start)}?`;
    // "She was born in Warsaw": the answer is named in an earlier sentence, which the item must cite too.
    const source = resolved === clause ? sourceOf(ctx.sentence) : joinSources([person.source, sourceOf(ctx.sentence)]);
    person.deeds = [...(person.deeds ?? []), { question, source }];
  }
}

/** The antecedent of the sentence's subject pronoun (text.ts SUBJECT_PRONOUN), if it has one and it resolves. */
function pronounRefOf(ctx: Context): string | undefined {
  const text = tidy(ctx.sentence.text);
  const m = SUBJECT_PRONOUN.exec(text);
  if (!m || isExpletiveIt(text)) return undefined;
  const possessiveIt = /^its$/i.test(m[2]!);
  const resolved = ctx.resolve(`${possessiveIt ? "Its" : subjectOfPossessive(m[2]!)} x`);
  if (!resolved) return undefined;
  // The item builder makes a possessive of the name again: hand it the bare name.
  return possessiveIt ? resolved.slice(0, -2).replace(/['’]s?$/, "") : resolved.slice(0, -2);
}

function subjectOf(text: string): string | undefined {
  const clause = reduceClause(text, []);
  if (!clause) return undefined;
  const tokens = tokenize(clause);
  const v = findMainVerb(tokens);
  return v > 0 ? clause.slice(0, tokens[v].start).trim() : undefined;
}

/** "the Council first" → "the Council": adverbs the subject phrase ends with (wink-nlp's tags). */
function withoutTrailingAdverbs(subject: string, sentence: string): string {
  // Tagged in its sentence: "first" alone is not the adverb it is in "the Council first tries".
  const at = sentence.indexOf(subject);
  if (at < 0) return subject;
  const tags = posTokens(sentence).filter((t) => t.start >= at && t.end <= at + subject.length);
  let end = tags.length;
  while (end > 1 && tags[end - 1]!.pos === "ADV") end--;
  return end === tags.length ? subject : sentence.slice(at, tags[end - 1]!.end);
}

/**
 * A one-word subject that is a name ("Althea", "Yellowstone"): the document also writes it alone and capitalised in
 * mid-sentence, never in lower case, and it is no person's name (a surname stands for a person, who is never "it").
 * @example oneWordName('Althea', parseDocument('# EUFOR Operation Althea\n\n… directs Althea from …'), []) // 'Althea'
 */
function oneWordName(subject: string, doc: ParsedDocument, people: readonly string[]): string | undefined {
  if (!/^[A-Z][\p{L}\d-]+$/u.test(subject) || /s$/.test(subject) || PRONOUNS.has(subject.toLowerCase()))
    return undefined;
  if (people.some((p) => p.split(/\s+/).includes(subject))) return undefined;
  // A word compromise knows as a first name ("Althea") is a name of a thing only in the title of a document that is
  // not a biography ("EUFOR Operation Althea").
  const title = !biographySubject(doc) && (doc.title ?? "").split(/\s+/).includes(subject);
  if (nlp(subject).has("#Person") && !title) return undefined;
  const word = escapeRegExp(subject);
  if (new RegExp(`\\b${word.toLowerCase()}\\b`).test(doc.text)) return undefined;
  // The last word of a longer name ("G. H. Hardy", "Operation Althea") may be a surname: only the title rule decides.
  if (!title && new RegExp(`(?:\\b[A-Z]\\.|\\b[A-Z][\\p{L}'’-]+) ${word}\\b`, "u").test(doc.text)) return undefined;
  return new RegExp(`(?<=[\\p{Ll},;] )(?<!\\bthe )${word}\\b(?! [A-Z])`, "u").test(doc.text) ? subject : undefined;
}

/** "The same year the Regency TR-1 …", "A week later the crew …": a fronted time phrase without its comma. */
const FRONTED_TIME =
  /^(?:(?:the same|that|this|the next|the following|each|every) (?:year|month|week|day|decade|century|spring|summer|autumn|winter)|\S+ (?:years?|months?|weeks?|days?|decades?) (?:later|earlier|after)) (?=\S)/i;

/**
 * The subject as an antecedent for "it": a named singular thing, never a person ("it" is not "he"); an appositive
 * or a place phrase after a comma is dropped ("Grand Prismatic Spring, in the Midway Geyser Basin" → "Grand Prismatic
 * Spring").
 */
function thingSubject(subject: string, people: { name: string }[]): string | undefined {
  const head = subject.split(/,\s/)[0]!.trim().replace(FRONTED_TIME, "");
  if (!isProperSingular(head)) return undefined;
  if (people.some((p) => head.includes(p.name) || p.name.includes(head))) return undefined;
  return head;
}

/**
 * A definite description as the name it stands for: "the mission" (or "the mission and its objectives") is the
 * latest named subject whose name has "Mission" in it ("NATO Mission Iraq"); none, or "the mission" without such
 * a name, gives undefined.
 */
function namedBy(subject: string, named: readonly string[], text: string): string | undefined {
  const head = /^the ([a-z]+)(?: and\b.*)?$/i.exec(subject.split(/,\s/)[0]!.trim())?.[1];
  if (!head) return undefined;
  const word = head[0]!.toUpperCase() + head.slice(1).toLowerCase();
  for (let i = named.length - 1; i >= 0; i--) {
    const name = named[i]!;
    // "NATO Mission Iraq (NMI)": the acronym is the same name; the one the document used last is kept, so the
    // facts read as before ("NMI is a non-combat mission") and their keys stay.
    const acronym = acronymOf(name, text);
    if (acronym && named.lastIndexOf(acronym) > i) return acronym;
    if (name.split(/\s+/).includes(word)) return name;
  }
  return undefined;
}

// The acronym `text` gives a name ("NATO Mission Iraq (NMI)"), once per name: every "the mission" asks about every
// name before it.
let acronyms: { text: string; byName: Map<string, string | undefined> } | undefined;
function acronymOf(name: string, text: string): string | undefined {
  if (acronyms?.text !== text) acronyms = { text, byName: new Map() };
  if (!acronyms.byName.has(name))
    acronyms.byName.set(name, new RegExp(`${escapeRegExp(name)} \\(([A-Z]{2,})\\)`).exec(text)?.[1]);
  return acronyms.byName.get(name);
}

/** A named, singular subject a later "it" can refer to: "NMI", "NATO", "The Core Team" — not "NATO leaders". */
function isProperSingular(subject: string): boolean {
  const words = subject.split(/\s+/);
  if (PRONOUNS.has(subject.toLowerCase())) return false;
  // "At the North Entrance stands the Roosevelt Arch": a fronted place phrase, not the sentence's subject.
  if (/^(?:At|In|On|From|By|With|For|To|Of|Under|After|Before|During|Near|Beyond|Inside|Outside)\b/.test(subject))
    return false;
  // A possessive phrase ("NATO's effort") is never what a pronoun is replaced with.
  if (words.length > 6 || /\band\b|['’]s\b/.test(subject)) return false;
  // "Five of them", "One of the members": a part of something, and a pronoun inside, is no antecedent.
  if (
    /\b(?:of|them|it|they|these|those)\b/i.test(subject) &&
    /^(?:[A-Z][a-z]+ of (?:them|the|these|those)|.*\b(?:them|it|they)\b)/i.test(subject)
  )
    return false;
  const head = words[words.length - 1];
  if (/^[a-z]+s$/.test(head)) return false;
  // "The Romans", "The Vikings": a people, plural.
  if (/^[A-Z][a-z]+(?:ans|ers|ings|ites|ians)$/.test(head)) return false;
  // A capital that only opens the sentence ("Construction began …", "No other river …") does not make a name: a
  // later capitalised word, an acronym or a number does ("The Core Team", "NATO", "Apollo 11").
  if (!/^[A-Z]{2,}|\d/.test(subject) && !words.slice(1).some((w) => /^[A-Z]/.test(w))) return false;
  return words.some(
    (w, i) =>
      /^[A-Z]{2,}/.test(w) ||
      (/^[A-Z]/.test(w) &&
        (i > 0 || !/^(?:The|A|An|This|That|These|Those|Its|Their|Our|All|Each|Every|Some|Such)$/.test(w))),
  );
}

// Heads of things a later "it" can mean: institutions and named undertakings.
const ENTITY_HEADS = new RegExp(
  `\\b(?:a|an)\\s+(?:[\\w-]+\\s+){0,5}(?:${[
    ...INSTITUTION_HEADS,
    ...["operation", "mission", "programme", "program", "project", "campaign", "treaty", "agreement", "initiative"],
    ...["spacecraft", "vessel", "ship", "company", "organisation", "organization", "body", "team", "force", "unit"],
  ]
    .map((h) => h.toLowerCase())
    .join("|")})\\b`,
);

/**
 * A non-copular sentence that introduces a new singular thing ("NATO conducted a … support operation"): a following
 * "it" may mean either, so it is left unresolved ("It was known as NTM-I" is about the operation, not NATO).
 */
function introducesSingular(text: string): boolean {
  return !/\b(?:is|was|are|were|becomes|became|remains|remained)\s+(?:a|an)\b/.test(text) && ENTITY_HEADS.test(text);
}

/**
 * Does the sentence name a second singular thing a following "it" could mean as well as its subject (decision 036,
 * 042)? A coordinated clause with its own subject ("…, but the Sava carries the most water", "…; the museum
 * opened …"), or a common noun the sentence describes in a non-restrictive clause ("… adds multicomponent activity,
 * which combines …").
 *
 * @example
 * competingThing('The Tisza is the longest tributary, but the Sava carries the most water.') // true
 * competingThing('The agency adds a weekly session, which combines two drills.') // true
 * competingThing('The Danube flows into the Black Sea, which borders Romania.') // false (a name: the subject stays)
 */
export function competingThing(text: string): boolean {
  const tags = posTokens(text);
  for (const [i, t] of tags.entries()) {
    const after = tags[i + 1];
    // ", but/and/while/whereas/yet <noun phrase> <verb>" or "; <noun phrase> <verb>".
    const joint = (t.text === "," && after && /^(?:but|and|while|whereas|yet)$/i.test(after.text)) || t.text === ";";
    if (joint) {
      let j = i + (t.text === ";" ? 1 : 2);
      if (tags[j]?.pos === "DET") j++;
      const first = j;
      while (tags[j] && (tags[j]!.pos === "NOUN" || tags[j]!.pos === "PROPN" || tags[j]!.pos === "ADJ")) j++;
      const nouns = tags.slice(first, j).filter((x) => x.pos === "NOUN" || x.pos === "PROPN");
      const head = nouns[nouns.length - 1];
      if (head && (tags[j]?.pos === "VERB" || tags[j]?.pos === "AUX") && !/s$/i.test(head.text)) return true;
    }
    // "<common noun>, which": a thing the sentence goes on to describe.
    if (t.text === "," && after && /^which$/i.test(after.text)) {
      const prev = tags[i - 1]?.text === "\u201d" || tags[i - 1]?.text === '"' ? tags[i - 2] : tags[i - 1];
      if (prev && prev.pos === "NOUN" && /^[a-z]/.test(prev.text) && !/s$/.test(prev.text)) return true;
    }
  }
  return false;
}

/**
 * "he" or "she", when the document uses one of them at least twice as often as the other.
 * @example dominantPronoun(parseDocument("# Ada\n\nShe wrote. Her notes … He showed her …")) // "she"
 */
function dominantPronoun(doc: ParsedDocument): "he" | "she" | undefined {
  const body = doc.text.slice(doc.bodyStart, doc.bodyEnd);
  const he = body.match(/\b(?:he|him|his)\b/gi)?.length ?? 0;
  const she = body.match(/\b(?:she|her|hers)\b/gi)?.length ?? 0;
  if (he > 0 && he >= 2 * she) return "he";
  if (she > 0 && she >= 2 * he) return "she";
  return undefined;
}

/** Does the clause's opening personal pronoun agree with `pronoun`? ("It …" and clauses without one always do.) */
function agrees(clause: string, pronoun: "he" | "she" | undefined): boolean {
  const m = /^(?:(?:[^,]{0,160}, )|(?:\S+ ){0,4})?(he|his|him|she|her)\b/i.exec(clause);
  if (!m) return true;
  return pronoun !== undefined && (/^(?:he|his|him)$/i.test(m[1]!) ? "he" : "she") === pronoun;
}

function resolvePronoun(
  clause: string,
  it: string | undefined,
  person: string | undefined,
  they: string | undefined,
): string | undefined {
  const m = /^(it|It|she|She|he|He|its|Its|his|His|her|Her|they|They|their|Their)\b/.exec(clause);
  if (!m) return clause;
  const subject = subjectOfPossessive(m[1]);
  const target = subject === "It" ? it : subject === "They" ? they : person;
  if (!target) return undefined;
  // "Its Charter …" → "The United Nations' Charter …": the antecedent made possessive, never a possessive phrase itself.
  return (subject.toLowerCase() === m[1].toLowerCase() ? target : possessive(target)) + clause.slice(m[1].length);
}

function sourceOf(s: Sentence) {
  return { text: s.text, start: s.start, end: s.end };
}

const NAMED_BY_DATE =
  /\b(?!(?:end|start|beginning|middle|turn|close|spring|summer|autumn|fall|winter|course|half|year|month)\b)[a-z]+\s+of\s*$/i;

function extractEvents(ctx: Context): EventFact[] {
  const { sentence: s, dates } = ctx;
  const events: EventFact[] = [];
  for (const d of dates) {
    // A period right after a person is their tenure (handled with people), not an event.
    if (d.end && /\)\s*$/.test(s.text.slice(d.stop, d.stop + 2)) && /\(\s*$/.test(s.text.slice(0, d.start))) continue;
    // "after the depression of 1929", "the Treaty of 1648": a date after "<noun> of" names that noun, not the time of
    // the clause ("the summer of 1858", "the end of 1990" do date it).
    if (NAMED_BY_DATE.test(s.text.slice(0, d.start))) continue;
    // "In January 1922 a dollar cost 190 marks; by November 1923 it cost 4.2 trillion": a date dates its own clause.
    const from = s.text.lastIndexOf(";", d.start) + 1;
    const semicolon = s.text.indexOf(";", d.stop);
    const clause = s.text.slice(from, semicolon < 0 ? undefined : semicolon);
    const cuts: Cut[] = [{ start: d.start - from, stop: d.stop - from }];
    const occasion = OCCASION_RE.exec(s.text);
    const reduced = reduceClause(clause, cuts);
    if (!reduced) continue;
    const what = ctx.resolve(tidy(reduced));
    if (!what) continue;
    // "They shared …": a plural pronoun cannot be resolved reliably, so no question is built on it.
    const vague = /^(?:They|They're|This|These|Those|We)\b/.test(what);
    // "By the end of 1990 X had written …": a deadline, not the time of the deed, so no "When …?".
    const deadline = /\b(by(?:\s+the\s+(?:end|middle|start|beginning)\s+of)?)\s+$/i.exec(s.text.slice(0, d.start))?.[1];
    const fact: EventFact = {
      type: "event",
      key: factKey("event", what),
      date: d.date,
      what,
      dateText: d.text,
      source: sourceOf(s),
    };
    if (d.end) fact.endDate = d.end;
    if (deadline) fact.deadline = deadline.toLowerCase();
    // "… has been open since 1856": a state that began then and holds now, asked "Since when has …?"; a clause in
    // another tense ("operated since 1856") reads as no question (decision 048).
    const since = /\bsince\s+$/i.test(s.text.slice(0, d.start));
    const question = vague || deadline ? undefined : since ? sinceQuestion(what) : toQuestion("When", what, true);
    if (question) fact.question = question;
    if (occasion && !vague && !since && !what.includes(occasion[1])) {
      fact.occasion = occasion[1];
      const q = toQuestion(`At which ${occasion[2].toLowerCase()}`, what, true);
      if (q) fact.occasionQuestion = q;
    }
    events.push(fact);
  }
  return events;
}

/**
 * "Since when has the museum been open?", "Since when does the ferry run?": only a perfect or a present reads.
 * @example sinceQuestion('The museum has been open') // 'Since when has the museum been open?'
 */
function sinceQuestion(clause: string): string | undefined {
  const q = toQuestion("Since when", clause, false);
  return q && /^Since when (?:has|have|does|do|is|are) /.test(q) ? q : undefined;
}

/** A complement cut before a second predicate: "a strict vegetarian and found it hard …" → "a strict vegetarian". */
function firstPredicate(complement: string): string {
  const tags = posTokens(complement);
  const at = tags.findIndex((t, i) => t.pos === "CCONJ" && tags[i + 1]?.pos === "VERB");
  return at > 0 ? complement.slice(0, tags[at]!.start).trim() : complement;
}

function extractDefinitions(ctx: Context, subject: string | undefined): DefinitionFact[] {
  const text = tidy(ctx.sentence.text);
  const out: DefinitionFact[] = [];
  const add = (subj: string, is: string) => {
    const complement = firstPredicate(
      is.split(/,(?!\d)|\s(?:that|which|who|providing|conducted|as well as)\b/)[0].trim(),
    );
    if (complement.split(" ").length < 3 || (!isProperSingular(subj) && !/^[A-Z]{2,}/.test(subj))) return;
    out.push({
      type: "definition",
      key: factKey("definition", `${subj} ${complement}`),
      subject: subj,
      is: complement,
      source: sourceOf(ctx.sentence),
    });
  };
  const resolvedText = ctx.resolve(text.replace(/^(?:In sum|However|Moreover|Furthermore),\s+/, ""));
  const m =
    resolvedText &&
    /^(.+?)(?:\s+\([^()]*\d{3,4}[^()]*\))?\s+(?:is|was)\s+((?:a|an|one of|the (?:first|last|only|\w+est))\s.+?)\.?$/.exec(
      resolvedText,
    );
  // "Srinivasa Ramanujan (22 December 1887 – 26 April 1920) was …": a bracket of dates is not part of the subject.
  const named = subject?.replace(/\s+\([^()]*\d{3,4}[^()]*\)$/, "");
  if (m && named && m[1] === (PRONOUNS.has(named.toLowerCase()) ? m[1] : named)) add(m[1], m[2]);
  const rel =
    /((?:[A-Z][\w'’-]*|\([A-Z-]+\))(?:\s(?:[A-Z][\w'’-]*|\([A-Z-]+\)))+),\s+which\s+is\s+((?:a|an|one of)\s[^,.;]+)/.exec(
      text,
    );
  if (rel) add(rel[1], rel[2]);
  return out;
}

function extractObjectives(doc: ParsedDocument, ctx: Context, subject: string | undefined): ObjectiveFact[] {
  const s = ctx.sentence;
  const text = tidy(s.text).replace(/\.$/, "");
  const block = doc.blocks[s.blockIndex];
  const out: ObjectiveFact[] = [];
  if (
    block.kind === "list_item" &&
    block.listLeadIn &&
    OBJECTIVE_LEAD.test(block.listLeadIn) &&
    s.start === block.start &&
    /\s/.test(text)
  ) {
    const resolved = ctx.resolve(text);
    if (resolved)
      out.push({
        type: "objective",
        key: factKey("objective", text),
        subject: subject ?? "",
        objective: text,
        source: sourceOf(s),
      });
  }
  const resolved = ctx.resolve(text);
  const designed = resolved ? DESIGNED_RE.exec(resolved) : null;
  if (designed && designed[1].split(" ").length <= 6) {
    const goal = designed[4].split(/\s(?:by|through|so that|while|in order to)\s|,/)[0];
    out.push({
      type: "objective",
      key: factKey("objective", `${designed[1]} ${goal}`),
      subject: designed[1],
      objective: goal,
      question: `What ${designed[2]} ${designed[1]} ${designed[3]} to do?`,
      source: sourceOf(s),
    });
  }
  const aims = resolved ? AIMS_RE.exec(resolved) : null;
  if (aims && aims[1].split(" ").length <= 6) {
    const goal = aims[3].split(/\s(?:by|through|so that|while)\s|,/)[0];
    const past = /ed$|sought/.test(aims[2]);
    const verb = aims[2].replace(/s$|ed$/, "").replace("sought", "seek");
    out.push({
      type: "objective",
      key: factKey("objective", `${aims[1]} ${goal}`),
      subject: aims[1],
      objective: goal,
      question: `What ${past ? "did" : "does"} ${aims[1]} ${verb} to do?`,
      source: sourceOf(s),
    });
  }
  return out;
}

function organisationFact(s: Sentence, o: NameMention): OrganisationFact {
  const fact: OrganisationFact = {
    type: "organisation",
    key: factKey("organisation", o.name),
    name: tidy(o.name),
    source: sourceOf(s),
  };
  if (o.acronym) fact.acronym = o.acronym;
  return fact;
}

function extractPlaces(ctx: Context, orgs: NameMention[], people: Set<string>): PlaceFact[] {
  const s = ctx.sentence;
  const places = findPlaces(s.text).filter(
    (p) => !orgs.some((o) => p.start >= o.start && p.stop <= o.stop) && !people.has(p.name),
  );
  return places.map((p) => {
    const fact: PlaceFact = {
      type: "place",
      // A place only the sentence's wording marks waits for room in a full sentence (precision.ts, "located-place").
      key: factKey(p.located ? "located-place" : "place", `${p.name} ${s.text}`),
      name: tidy(p.name),
      source: sourceOf(s),
    };
    const question = whereQuestion(ctx, p, places);
    if (question) fact.question = question;
    return fact;
  });
}

/** "Where was NMI established?" — only when the place is the single "in/at" place of the main clause. */
function whereQuestion(ctx: Context, p: NameMention, all: NameMention[]): string | undefined {
  const s = ctx.sentence.text;
  if (!/\b(?:in|at)\s+(?:the\s+)?$/.test(s.slice(0, p.start))) return undefined;
  if (
    /^\s*(?:,|and)\s+[A-Z]/.test(s.slice(p.stop)) ||
    /,\s*$/.test(s.slice(0, p.start).replace(/\b(?:in|at)\s+(?:the\s+)?$/, ""))
  )
    return undefined;
  const start = s.slice(0, p.start).replace(/\b(?:the\s+)?$/, "").length;
  const cuts: Cut[] = [{ start, stop: p.stop }, ...ctx.dates.map((d) => ({ start: d.start, stop: d.stop }))];
  // Only a place right after the verb ("was established in Baghdad") answers "Where …?" unambiguously.
  const verbTokens = tokenize(s.slice(0, p.start));
  const verbIndex = findMainVerb(verbTokens);
  if (verbIndex < 0 || verbTokens.length - verbIndex > 4) return undefined;
  const clause = reduceClause(s, cuts);
  if (!clause) return undefined;
  const resolved = ctx.resolve(tidy(clause));
  if (!resolved) return undefined;
  if (all.some((o) => o !== p && resolved.includes(o.name))) return undefined;
  if (new RegExp(`\\b${escapeRegExp(p.name)}\\b`).test(resolved)) return undefined;
  return toQuestion("Where", resolved, ctx.dates.length > 0);
}

/** List items that are names (not sentences) under a caption or a lead-in become institutions of that group. */
function extractInstitutions(doc: ParsedDocument): InstitutionFact[] {
  const out: InstitutionFact[] = [];
  const tidied = doc.sentences.map((s) => tidy(s.text));
  for (const b of doc.blocks) {
    if (b.kind !== "list_item" || b.listId === undefined || (!b.listCaption && !b.listLeadIn)) continue;
    const name = tidy(b.text);
    if (/[.!?]$/.test(name) || name.split(" ").length > 10 || !/^[A-Z]/.test(name)) continue;
    const fact: InstitutionFact = {
      type: "institution",
      key: factKey("institution", name),
      name,
      listId: b.listId,
      source: { text: b.text, start: b.start, end: b.end },
    };
    if (b.listCaption) fact.group = b.listCaption;
    const collection = b.listLeadIn && collectionOf(b.listLeadIn);
    if (collection) fact.collection = collection;
    const context: SourceRef[] = [];
    const leadInText = b.listLeadIn && tidy(b.listLeadIn);
    const leadIn = leadInText && doc.sentences.findLast((s, i) => s.end <= b.start && tidied[i] === leadInText);
    if (leadIn) context.push({ text: leadIn.text, start: leadIn.start, end: leadIn.end });
    const at = b.listCaption ? doc.text.lastIndexOf(b.listCaption, b.start) : -1;
    if (at >= 0) context.push({ text: b.listCaption!, start: at, end: at + b.listCaption!.length });
    if (context.length > 0) fact.context = context;
    out.push(fact);
  }
  return out;
}

/** "The following military schools are considered as initial training locations:" → "military schools considered as initial training locations". */
function collectionOf(leadIn: string): string | undefined {
  const t = tidy(leadIn).replace(/:$/, "");
  const m = /following\s+(.+?)\s+(?:are|is|were|was|have been|has been)\s+(.+)$/i.exec(t);
  if (m) return `${m[1]} ${m[2]}`;
  const inc = /^(.+?)\s+(?:include|includes|included|are|were)\s*$/i.exec(t);
  // Anything else ("It also flows through four national capitals:") names no collection a question could use.
  return inc ? inc[1].replace(/^the\s+/i, "") : undefined;
}

/**
 * "the viaduct" as the name the document's title gives it ("Millau Viaduct opens …" → "the Millau Viaduct"), when
 * the title has exactly one name ending in that word and the text writes it with "the".
 */
function titleName(description: string, doc: ParsedDocument): string | undefined {
  const head = description.split(" ").pop()!;
  const runs = [...(doc.title ?? "").matchAll(/(?:[A-Z][\p{L}\d'’-]*\s)*[A-Z][\p{L}\d'’-]*/gu)]
    .map((m) => m[0].replace(/^The\s/, ""))
    .filter((n) => n.includes(" ") && n.split(" ").pop()!.toLowerCase() === head.toLowerCase());
  if (runs.length !== 1) return undefined;
  return new RegExp(`\\bthe ${escapeRegExp(runs[0]!)}\\b`, "i").test(doc.text) ? `the ${runs[0]}` : undefined;
}

/** Same key twice (a name mentioned in several sentences): keep the first, which is where it is introduced. */
function dedupe(facts: Fact[]): Fact[] {
  const seen = new Set<string>();
  return facts.filter((f) => (seen.has(f.key) ? false : (seen.add(f.key), true)));
}

/**
 * The person a document is about, when its title names one: compromise knows the name, or the text gives the
 * biography conventions ("Srinivasa Ramanujan (22 December 1887 – 26 April 1920) was …", "Ramanujan was born").
 */
function biographySubject(doc: ParsedDocument): string | undefined {
  const title = doc.title?.trim();
  if (!title || !/^[A-Z][\p{L}.'’-]+(?: [A-Z][\p{L}.'’-]+){1,3}$/u.test(title)) return undefined;
  if (findPeople(`${title} was born.`).some((p) => p.name === title)) return title;
  const surname = escapeRegExp(title.split(" ").pop()!);
  const body = doc.text.slice(doc.bodyStart, doc.bodyEnd);
  const lifeDates = new RegExp(`\\b${escapeRegExp(title)} \\([^)]*\\d{4}[^)]*[–-][^)]*\\d{4}\\)`);
  return lifeDates.test(body) || new RegExp(`\\b${surname} was born\\b`).test(body) ? title : undefined;
}
