import { dateOrdinal, findDates, formatPeriod } from "./dates";
import { hash } from "./keys";
import { createKit, makeItem, type Kit } from "./item-kit";
import { unframeKey } from "./key-frame";
import { attributeItems, timelineListItems } from "./items-attributes";
import { causeItem } from "./items-causes";
import { eventItems } from "./items-dated";
import { definitionItems, objectiveItems, organisationItems, placeItems, quantityItems } from "./items-other";
import { documentListItems, listItems, sentenceListItems } from "./items-lists";
import { personItems } from "./items-people";
import { referenceItems } from "./items-references";
import { relationItems } from "./items-relations";
import { statementItems } from "./items-statements";
import { termItems } from "./items-terms";
import { normaliseText } from "./normalise";
import { partOfLongerName, realOption } from "./whole-name";
import { documentPlaceKinds } from "./place-kind";
import { selectItems, type PerFact } from "./precision";
import { pinReferences } from "./references";
import { withoutMarkup, type ShapeContext } from "./item-shapes";
import { shuffle } from "../prng";
import type { EventFact, Fact, GeneratedItem, ItemKind, OrganisationFact, SourceRef } from "./types";

export interface GenerateOptions {
  seed?: number;
  /** Items scoring below this are dropped (see `scoreItem`). */
  minScore?: number;
  /** Items per fact by role and in all (default one item per fact, `ONE_ITEM_PER_FACT`); see `selectItems`. */
  perFact?: PerFact;
  /** The document's title and text, for the shape checks that need them (its topic as an answer, a cut name). */
  document?: ShapeContext;
}

/**
 * Turns facts into quiz items: overgenerates every kind each fact supports, then scores, filters and
 * de-duplicates (Heilman & Smith 2010: ranking overgenerated questions doubles the share of acceptable ones).
 * Deterministic for a given seed.
 *
 * @example
 * const items = generateItems(extractFacts(parseDocument(text)), { seed: 1 })
 * items[0].kind // 'multiple_choice' | 'cloze' | …
 */
export function generateItems(facts: readonly Fact[], options: GenerateOptions = {}): GeneratedItem[] {
  const candidates = generateCandidates(facts, options).map((item) => pinReferences(item, options.document));
  return introductionOrder(selectItems(candidates, options.perFact, options.document));
}

/**
 * Every distinct candidate before the precision checks and the per-fact ration (for review tools that show what
 * was dropped and why).
 * @example generateCandidates(facts).length >= generateItems(facts).length // true
 */
export function generateCandidates(facts: readonly Fact[], options: GenerateOptions = {}): GeneratedItem[] {
  const text = options.document?.documentText;
  const kit = createKit(
    facts,
    options.seed ?? 1,
    text ? (option) => partOfLongerName(text, option) : undefined,
    text ? documentPlaceKinds(text) : undefined,
    text ? (option) => realOption(text, option) : undefined,
  );
  const mentions = new Map<string, number>();
  for (const f of facts)
    if (f.type === "place" || f.type === "organisation") mentions.set(f.name, (mentions.get(f.name) ?? 0) + 1);
  const defined = new Set<string>();
  const candidates: GeneratedItem[] = [];
  for (const f of facts) {
    switch (f.type) {
      case "event":
        candidates.push(...eventItems(kit, f));
        break;
      case "person":
        candidates.push(...personItems(kit, f));
        break;
      case "quantity":
        candidates.push(...quantityItems(kit, f));
        break;
      case "institution":
        break; // asked once per list (documentListItems)
      case "organisation":
        candidates.push(...organisationItems(kit, f, mentions));
        break;
      case "place":
        candidates.push(...placeItems(kit, f, mentions));
        break;
      case "definition":
        candidates.push(...definitionItems(kit, f, !defined.has(f.subject)));
        defined.add(f.subject);
        break;
      case "objective":
        candidates.push(...objectiveItems(kit, f));
        break;
      case "statement":
        candidates.push(...statementItems(kit, f));
        break;
      case "term":
        candidates.push(...termItems(kit, f));
        break;
      case "list":
        candidates.push(...listItems(kit, f));
        break;
      case "cause":
        candidates.push(causeItem(f));
        break;
      case "reference":
        candidates.push(...referenceItems(kit, f));
        break;
      case "attribute":
        candidates.push(...attributeItems(kit, f));
        break;
      case "timeline":
        candidates.push(...timelineListItems(kit, f));
        break;
    }
  }
  candidates.push(...documentListItems(kit), ...sentenceListItems(kit));
  candidates.push(...timelineItems(kit), ...acronymMatching(kit));
  // Who did what: the subject of a plain relation a sentence states (items-relations.ts).
  candidates.push(...relationItems(kit, text, candidates));
  // Markdown emphasis ("the **Harbour Act**") never reaches a prompt, an option or an answer.
  // A key is the entity, its frame ("the Dutch town of") stays in the prompt (key-frame.ts).
  const plain = candidates.map(withoutMarkup).map(unframeKey);
  const minScore = options.minScore ?? 0.5;
  const seen = new Set<string>();
  const answersByPrompt = new Map<string, Set<string>>();
  const idOf = (item: GeneratedItem) => `${item.kind}|${normaliseText(item.prompt)}`;
  for (const item of plain) {
    const id = idOf(item);
    const set = answersByPrompt.get(id) ?? new Set<string>();
    set.add(normaliseText(item.answer));
    answersByPrompt.set(id, set);
  }
  const distinct = plain.filter((item) => {
    const id = idOf(item);
    // The same question with two different answers is ambiguous: drop every copy.
    if ((answersByPrompt.get(id)?.size ?? 0) > 1 && item.kind !== "true_false") return false;
    if (seen.has(id) || seen.has(item.key) || scoreItem(item) < minScore) return false;
    seen.add(id);
    seen.add(item.key);
    return true;
  });
  return distinct;
}

/** Within one sentence: recognition (choose, judge, reveal) before recall (fill in, type). */
const KIND_ORDER: Record<ItemKind, number> = {
  multiple_choice: 0,
  true_false: 1,
  flashcard: 2,
  cloze: 3,
  typed: 4,
  matching: 5,
  ordering: 6,
};

/**
 * The order learners meet the items in (stored as `position`): the document's own order, by the sentence each item
 * quotes, because a fact page states its essentials first (the lead paragraph before the details); within a
 * sentence, recognition before recall; items that combine several facts (matching, ordering) after every single
 * fact. The queue introduces one item per fact and per sentence a day, so day one sweeps the document once.
 * @example introductionOrder(items)[0].source.start // the earliest sentence any item quotes
 */
function introductionOrder(items: readonly GeneratedItem[]): GeneratedItem[] {
  const combines = (item: GeneratedItem) => (item.kind === "matching" || item.kind === "ordering" ? 1 : 0);
  return items
    .map((item, index) => ({ item, index }))
    .sort(
      (a, b) =>
        combines(a.item) - combines(b.item) ||
        a.item.source.start - b.item.source.start ||
        KIND_ORDER[a.item.kind] - KIND_ORDER[b.item.kind] ||
        a.index - b.index,
    )
    .map(({ item }) => item);
}

/**
 * Acceptability score in [0, 1]: 0 for items that give their answer away or cannot be answered,
 * lowered for very long prompts and answers (hard to read, hard to grade when typed).
 */
export function scoreItem(item: GeneratedItem): number {
  let score = 1;
  const prompt = normaliseText(item.prompt);
  const answer = normaliseText(item.answer);
  if (!answer) return 0;
  if (
    item.kind !== "true_false" &&
    item.kind !== "matching" &&
    item.kind !== "ordering" &&
    item.kind !== "flashcard" &&
    ` ${prompt} `.includes(` ${answer} `)
  )
    return 0;
  if (
    item.kind === "multiple_choice" &&
    (item.options?.length !== 4 || new Set(item.options.map(normaliseText)).size !== 4)
  )
    return 0;
  if (item.prompt.length > 260) score -= 0.3;
  if (item.prompt.length > 400) score -= 0.4;
  const answerWords = item.answer.split(/\s+/).length;
  if ((item.kind === "typed" || item.kind === "cloze") && item.answerType === "text" && answerWords > 6) score -= 0.6;
  if (item.kind === "cloze" && answerWords > 8) score -= 0.4;
  return Math.max(0, score);
}

/** Spans several sentences: start of the first, end of the last, the sentences joined with " … ". */
function spanOf(sources: SourceRef[]): SourceRef {
  const sorted = [...sources].sort((a, b) => a.start - b.start);
  const unique = sorted.filter((s, i) => i === 0 || s.start !== sorted[i - 1].start);
  return { text: unique.map((s) => s.text).join(" … "), start: unique[0].start, end: unique[unique.length - 1].end };
}

const LOOSE_PRONOUN = /\b(?:they|them|their|this|these|those|it|its|he|him|his|she|her|we|our)\b/i;

/** Ordering (earliest first) and matching (event ↔ date) over events with distinct dates. */
function timelineItems(kit: Kit): GeneratedItem[] {
  const byDate = new Map<number, EventFact>();
  for (const f of kit.facts) {
    // A clause with an unresolved pronoun ("They shared …", "Eight of his employees left") reads alone nowhere, a
    // matching pair included.
    if (f.type !== "event" || f.what.length > 110 || LOOSE_PRONOUN.test(f.what)) continue;
    // A label that states a date of its own would contradict or give away the one it is placed by.
    if (findDates(f.what).length > 0) continue;
    const ord = dateOrdinal(f.date);
    if (!byDate.has(ord)) byDate.set(ord, f);
  }
  const events = [...byDate.values()];
  if (events.length < 3) return [];
  const items: GeneratedItem[] = [];
  // Dates of one precision only, so "2018" never has to be placed against "October 2018".
  const byPrecision = ["month", "day", "year"].map((p) => events.filter((e) => e.date.precision === p && !e.endDate));
  const pickFrom = byPrecision.find((g) => g.length >= 3);
  if (pickFrom) {
    const chosen = spread(pickFrom, 5);
    const key = `timeline:${hash(chosen.map((e) => e.key).join("|"))}`;
    const sequence = chosen.map((e) => e.what);
    items.push(
      makeItem(
        { key, source: spanOf(chosen.map((e) => e.source)) },
        {
          kind: "ordering",
          variant: "chronological",
          prompt: "Put these events in chronological order, earliest first.",
          answer: sequence.join(" → "),
          sequence,
          answerType: "order",
          topic: "history",
          difficulty: 0.04 * (chosen.length - 3),
        },
      ),
    );
  }
  const distinct = events.filter(
    (e, i) => events.findIndex((o) => formatPeriod(o.date, o.endDate) === formatPeriod(e.date, e.endDate)) === i,
  );
  if (distinct.length >= 3) {
    const chosen = shuffle(spread(distinct, 4), kit.rngFor("timeline-match"));
    const key = `timeline-match:${hash(
      chosen
        .map((e) => e.key)
        .sort()
        .join("|"),
    )}`;
    const pairs = chosen.map((e) => ({ left: e.what, right: formatPeriod(e.date, e.endDate) }));
    items.push(
      makeItem(
        { key, source: spanOf(chosen.map((e) => e.source)) },
        {
          kind: "matching",
          variant: "event-date",
          prompt: "Match each event to its date.",
          answer: pairs.map((p) => `${p.left} → ${p.right}`).join("; "),
          pairs,
          answerType: "match",
          topic: "dates",
        },
      ),
    );
  }
  return items;
}

/**
 * Up to `n` events spread evenly over the timeline (earliest first). Chosen without randomness so the
 * item, and its key, do not change with the seed.
 */
function spread(events: readonly EventFact[], n: number): EventFact[] {
  const sorted = [...events].sort((a, b) => dateOrdinal(a.date) - dateOrdinal(b.date));
  if (sorted.length <= n) return sorted;
  return Array.from({ length: n }, (_, i) => sorted[Math.round((i * (sorted.length - 1)) / (n - 1))]);
}

/** Matching acronyms to what they stand for, when the document defines at least three. */
function acronymMatching(kit: Kit): GeneratedItem[] {
  const orgs = kit.facts.filter((f): f is OrganisationFact => f.type === "organisation" && !!f.acronym);
  const unique = orgs.filter((o, i) => orgs.findIndex((x) => x.acronym === o.acronym) === i);
  if (unique.length < 3) return [];
  const chosen = unique.slice(0, 5);
  const pairs = chosen.map((o) => ({ left: o.acronym!, right: o.name }));
  const key = `acronyms:${hash(chosen.map((o) => o.key).join("|"))}`;
  return [
    makeItem(
      { key, source: spanOf(chosen.map((o) => o.source)) },
      {
        kind: "matching",
        variant: "acronym",
        prompt: "Match each abbreviation to what it stands for.",
        answer: pairs.map((p) => `${p.left} → ${p.right}`).join("; "),
        pairs,
        answerType: "match",
        topic: "organisations",
      },
    ),
  ];
}
