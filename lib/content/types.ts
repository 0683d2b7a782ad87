/**
 * Shared types of the content pipeline: parse → extract → generate → grade.
 * Everything here is plain data (JSON-serialisable) because items are stored as JSON.
 */

/** A span of the original document text; `text === doc.text.slice(start, end)`. */
export interface SourceRef {
  text: string;
  start: number;
  end: number;
}

export type DatePrecision = "year" | "month" | "day";

/** A calendar date kept at the precision the document stated ("July 2018" has no day). */
export interface DocDate {
  year: number;
  month?: number;
  day?: number;
  precision: DatePrecision;
}

export interface FrontMatter {
  title?: string;
  source?: string;
  date?: string;
}

export interface Section {
  heading: string;
  level: number;
  start: number;
  end: number;
  /** Headings from the outermost section down to this one. */
  path: string[];
}

export type BlockKind = "paragraph" | "list_item";

export interface Block {
  kind: BlockKind;
  text: string;
  start: number;
  end: number;
  sectionPath: string[];
  /** Consecutive list items share a list id; paragraphs have none. */
  listId?: number;
  /** Short line right above the list ("Baghdad area"), if any: the list's own label. */
  listCaption?: string;
  /** The sentence ending in ":" that introduces the list (or run of lists), if any. */
  listLeadIn?: string;
  /** The list is numbered ("1.", "2)"): its order is the document's. */
  listOrdered?: boolean;
}

export interface Sentence {
  text: string;
  start: number;
  end: number;
  section: string[];
  blockKind: BlockKind;
  blockIndex: number;
}

/** One row of a Markdown table: its cells' text and offsets (`cells[i].text === doc.text.slice(start, end)`). */
export interface TableRow {
  cells: SourceRef[];
  start: number;
  end: number;
}

/** A Markdown table ("| Component | Weight |", a "|---|---|" line, then rows), by rows. */
export interface Table {
  /** The header row's cells; absent when the table has none or every header cell is empty. */
  header?: string[];
  rows: TableRow[];
  sectionPath: string[];
}

export interface ParsedDocument {
  text: string;
  frontMatter: FrontMatter;
  /** Document title: front matter title, else the first level-1 heading. */
  title?: string;
  bodyStart: number;
  bodyEnd: number;
  sections: Section[];
  blocks: Block[];
  sentences: Sentence[];
  /** Markdown tables, which are neither paragraphs nor sentences. */
  tables: Table[];
}

interface FactBase {
  /** Stable id derived from the fact's content, never from its position. */
  key: string;
  source: SourceRef;
  /** Who or what a leading "It"/"She"/"He" of the source sentence refers to, so prompts quoting it read alone. */
  pronounRef?: string;
}

export interface EventFact extends FactBase {
  type: "event";
  date: DocDate;
  /** End of a period ("from 2004 to 2011"). */
  endDate?: DocDate;
  /** Declarative clause without the date, pronouns resolved: "NATO leaders agreed to launch NATO Mission Iraq". */
  what: string;
  /** "When …?" question built from `what`, or undefined when the clause could not be turned into one. */
  question?: string;
  /** Named occasion the event happened at ("Brussels Summit"). */
  occasion?: string;
  /** "At which summit …?" question for the occasion. */
  occasionQuestion?: string;
  /** The date exactly as written in the source ("in July 2018" → "July 2018"). */
  dateText: string;
  /**
   * "By 1906 …", "By the end of 1990 …": the words that make the date a deadline the event happened before, not its
   * time (no "When …?", no false statement with a later date).
   */
  deadline?: string;
}

export interface PersonFact extends FactBase {
  type: "person";
  name: string;
  rank?: string;
  nationality?: string;
  role?: string;
  /** Organisation the role belongs to ("NATO Mission Iraq"). */
  roleOf?: string;
  tenureStart?: DocDate;
  tenureEnd?: DocDate;
  /** Name of the person this one succeeded in the role. */
  predecessor?: string;
  successor?: string;
  /** What the document calls the person ("German meteorologist"), in its sentence's tense. */
  description?: { role: string; tense: "is" | "was"; source: SourceRef };
  /** "Who stayed in lunar orbit?": questions from sentences whose subject is this person alone. */
  deeds?: { question: string; source: SourceRef }[];
  /** Sentences that state each attribute, so items cite the right one. */
  evidence: Partial<
    Record<"rank" | "nationality" | "role" | "tenureStart" | "tenureEnd" | "predecessor" | "successor", SourceRef>
  >;
}

export interface InstitutionFact extends FactBase {
  type: "institution";
  name: string;
  /** Label of the list the institution is listed under, when the document gives one. */
  group?: string;
  /** Description of the whole collection from the list's lead-in ("military schools considered as initial training locations"). */
  collection?: string;
  listId: number;
  /** Where the caption and the lead-in sentence are, so an item about the whole list can cite them. */
  context?: SourceRef[];
}

export interface ObjectiveFact extends FactBase {
  type: "objective";
  subject: string;
  objective: string;
  /** "What is NMI designed to do?" when the sentence states it with a recognised pattern. */
  question?: string;
}

export interface QuantityFact extends FactBase {
  type: "quantity";
  value: number;
  /** Head noun of what is counted ("personnel"). */
  unit: string;
  /** The counted noun phrase ("trainers, advisors and supporting personnel"). */
  what: string;
  /** Hedge as written ("around", "more than"), if any. */
  modifier?: string;
  /** The quantity as written ("around 500", "eight", "60 to 80"). */
  valueText: string;
  /** The upper end of a range ("60 to 80 people": value 60, upTo 80), asked whole, never one end alone. */
  upTo?: number;
  question?: string;
  /** A sum of money ("€400 million"), a clock time ("09:00 CEST") or a percentage ("45 %"), asked as written; absent for a count. */
  measure?: "money" | "time" | "percent";
}

export interface OrganisationFact extends FactBase {
  type: "organisation";
  name: string;
  acronym?: string;
}

export interface PlaceFact extends FactBase {
  type: "place";
  name: string;
  /** "Where …?" question when the clause names exactly one place. */
  question?: string;
}

/**
 * A list taken as one fact (extract-lists.ts): the members of a bulleted or numbered list under its lead-in, or of a
 * list written inside a sentence ("It contains enzymes, ribosomes and its own DNA").
 */
export interface ListFact extends FactBase {
  type: "list";
  /** The sentence with the list replaced by the blank ("The canal has three sets of locks: _____"). */
  gapped: string;
  /** The list as the learner recalls it: the sentence's own span, or the bullets joined with "; ". */
  answer: string;
  members: string[];
  /** The number the lead-in states when it equals the members' count ("three sets of locks" → "three"). */
  count?: string;
  /** A numbered list introduced as steps, stages or an order: its members in the document's order. */
  sequence?: boolean;
  /** Members written "Term: description" (or "Term – description"), all of them. */
  pairs?: MatchPair[];
  /** The lead-in's "they"/"them" refers to the sentence before it, which `gapped` quotes first. */
  context?: boolean;
  /** Members written "Name, description" under a lead-in that names their kind (extract-described.ts). */
  described?: DescribedMember[];
}

/** One member of a described list: "HTTP (Hypertext Transfer Protocol), which lets a browser fetch resources …". */
export interface DescribedMember {
  /** The member's name without its bracket ("HTTP"). */
  name: string;
  /** Other answers: the name with its bracket and the bracket alone ("Hypertext Transfer Protocol"). */
  accepted: string[];
  /** The lead-in's kind, singular ("technology", "science instrument"). */
  noun: string;
  /** What the member does or is, as a predicate ("lets a browser fetch resources from a server"). */
  predicate: string;
  /** The lead-in and the member's bullet. */
  source: SourceRef;
}

/**
 * What a fact sheet states without a verb (extract-attributes.ts): a "Label: value" bullet ("Length: 156 m") or a
 * table cell ("Vacuum vessel | 5,200 tonnes" under "Component | Weight"), with what the value belongs to.
 */
export interface AttributeFact extends FactBase {
  type: "attribute";
  /** What the value belongs to: a table row's name, else the section's or the document's subject. */
  entity: string;
  /** The entity is a table row's common-noun name ("the vacuum vessel"), not a proper name. */
  entityIsRow?: boolean;
  /** The attribute: the bullet's label or the column's header ("Length", "Weight", "Launched"). */
  label: string;
  /** The value as written, Markdown emphasis removed. */
  value: string;
  /**
   * "What is the length of the Halden Barrage?", "When was EUFOR Operation Althea launched?"; for a `line`, the line
   * with its blank ("The Arctic Drift Expedition – countries taking part: _____").
   */
  question: string;
  /**
   * A key-figure line no question fits ("Countries taking part – 20", "Crew on board: 60 to 80 people"): asked as a
   * cloze of the line under its subject, the unit outside the blank; `answer` is what fills the blank.
   */
  line?: { answer: string };
  /** The other rows' values of the same table column: distractors of the same kind. */
  column?: string[];
}

/** A bulleted or numbered timeline ("- 2006 – Agreement signed in Paris"), taken whole (extract-attributes.ts). */
export interface TimelineFact extends FactBase {
  type: "timeline";
  /** The entries in the document's order: each bullet's opening date and the event after it. */
  entries: { date: string; event: string }[];
}

export interface DefinitionFact extends FactBase {
  type: "definition";
  subject: string;
  is: string;
}

/**
 * What a self-contained sentence states, when no rule for dates, numbers or names reads it whole: its most
 * informative span (a term it names, who did it, what for, what it is, which one is the only or the largest …),
 * asked as one recall item (extract-statements.ts).
 */
export interface StatementFact extends FactBase {
  type: "statement";
  /** The span the item blanks, exactly as the sentence writes it. */
  focus: string;
  /** Which reading chose the span (for the item's wording and the instructor). */
  role: StatementRole;
}

/**
 * A term the document teaches (extract-terms.ts): named ("a step called photolysis", "This process is known as …"),
 * glossed by an appositive ("hepatic amoebiasis, an infection of the liver"), listed in a glossary ("*veto* – the
 * power …"), spelled out ("ATP (adenosine triphosphate)") or a material ("made of beryllium").
 */
export interface TermFact extends FactBase {
  type: "term";
  term: string;
  shape: TermShape;
  /** What the term means (a glossary's gloss) or stands for (an abbreviation's long form), when stated. */
  meaning?: string;
  /** The sentence before, quoted with the source when the source only reads after it ("This process is known as …"). */
  lead?: SourceRef;
  /** A name (capitalised) rather than a common-noun term: never offered among common-noun terms. */
  proper: boolean;
  /** A definition's linking words as written: "is", "means", "is defined as" (extract-definitions.ts). */
  copula?: string;
  /** The article the definition writes before the term ("An enzyme is …" → "an"), if any. */
  article?: string;
}

export type TermShape = "glossary" | "abbreviation" | "naming" | "appositive" | "material" | "definition";

/** Why something happened, as the sentence says it ("because …", "so that …"): asked as "Why …?" (extract-causes.ts). */
export interface CauseFact extends FactBase {
  type: "cause";
  /** "Why did Brunel choose a broad gauge?" */
  question: string;
  /** The reason in the sentence's words: "wider track allowed higher speeds". */
  cause: string;
}

/**
 * A numbered part of a legal or formal text named in a sentence ("Under Article 41 it can impose sanctions",
 * "under Chapter VI of the Charter"): asked as "Under which article …?" (extract-references.ts).
 */
export interface ReferenceFact extends FactBase {
  type: "reference";
  /** "Article 41", "Chapter VII", as written. */
  reference: string;
  /** The part's kind as written ("Article", "Chapter"): the other options of a multiple choice are of the same kind. */
  part: string;
  /** "Under which article can the Security Council impose sanctions?", when the clause reads alone. */
  question?: string;
}

export type StatementRole = "term" | "agent" | "purpose" | "superlative" | "definition" | "where" | "name" | "object";

export type Fact =
  | StatementFact
  | TermFact
  | CauseFact
  | ReferenceFact
  | EventFact
  | PersonFact
  | InstitutionFact
  | ObjectiveFact
  | QuantityFact
  | OrganisationFact
  | PlaceFact
  | DefinitionFact
  | ListFact
  | AttributeFact
  | TimelineFact;

export type FactType = Fact["type"];

export type ItemKind = "multiple_choice" | "cloze" | "true_false" | "typed" | "matching" | "ordering" | "flashcard";

export type AnswerType =
  "date" | "number" | "person" | "place" | "organisation" | "text" | "boolean" | "match" | "order";

export type Topic =
  | "dates"
  | "commanders"
  | "schools"
  | "objectives"
  | "history"
  | "figures"
  | "places"
  | "organisations"
  | "definitions";

export interface MatchPair {
  left: string;
  right: string;
}

export interface GeneratedItem {
  /** Stable: fact key + kind + variant. */
  key: string;
  factKey: string;
  kind: ItemKind;
  prompt: string;
  /** Canonical answer; for matching "left → right; …", for ordering "a → b → c". */
  answer: string;
  /** Other spellings accepted for the same answer (surname alone, acronym, …). */
  accepted: string[];
  /** Exactly 4 for multiple_choice, ["True","False"] for true_false, else null. */
  options: string[] | null;
  pairs?: MatchPair[];
  sequence?: string[];
  /** For "Which of these is NOT …" list items: the options that are true members (the answer is the outsider). */
  members?: string[];
  answerType: AnswerType;
  topic: Topic;
  /** 0 = easy … 1 = hard. */
  difficulty: number;
  source: SourceRef;
  /** 0 … 1 from the precision checks (lib/content/precision.ts); absent on items built before they existed. */
  quality?: number;
  /**
   * Present when the item scored low: why, for the instructor. Such an item is offered in the preview unticked and
   * served only when the instructor keeps it.
   */
  review?: string;
}

export interface GradeResult {
  correct: boolean;
  normalised: string;
  expected: string;
}
