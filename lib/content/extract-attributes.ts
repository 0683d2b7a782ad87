/**
 * Fact-sheet text without verbs (issue 13, decision 037): "Label: value" bullets ("Length: 156 m", "Architect:
 * Domenico da Cortona"), Markdown tables ("| Vacuum vessel | 5,200 tonnes |" under "| Component | Weight |") and
 * timelines ("- 2006 – Agreement signed in Paris"). Sentence rules find no verb to turn into a question there; these
 * rules read the layout instead, and always name what a value belongs to: a table row's name, else the nearest
 * heading or the document's title that is a name.
 */
import { findDates } from "./dates";
import { findPeople, isRoleNoun } from "./extract-people";
import { NUMBER_PATTERN, parseNumber, QUANTITY_MODIFIERS } from "./numbers";
import { factKey, hash } from "./keys";
import { posTokens } from "./pos";
import { analyse } from "./tokens";
import { labelValue } from "./parse";
import { splitSentences } from "./split-sentences";
import { escapeRegExp, tidy, upperFirst } from "./text";
import type { AttributeFact, Block, ParsedDocument, SourceRef, Table, TimelineFact } from "./types";

/** Headings that name a kind of page section, not a thing ("Key figures", "Fact Sheet", "At a glance"). */
const GENERIC =
  /^(?:key|facts?|figures?|data|sheet|overview|glance|details?|information|statistics|numbers|visit|summary|specifications?|profile|history|timeline|essentials|background|about|introduction|technical|general|main|quick|at|a|in|and|the|your|our|plan|practical|values?|amounts?|figure|press|news|media|release|statement|advisory|bulletin|backgrounder|factsheet|brochure|leaflet|newsletter|announcement|update|notice|annual|report|review)$/i;
/** Small words a name may hold in lower case ("Bank of England", "Château de Chambord"). */
const LINKING = /^(?:of|the|and|for|on|in|de|du|des|la|le|da|di|del|der|von|van|y|et)$/;
/** "Label – value" with a spaced dash instead of the colon ("- Length – 2.4 km", "**Architect** — Marta Lindqvist"). */
const LABEL_DASH = /^(?:\*\*|__)?([A-Z][^:*_–—]{0,40}?)(?:\*\*|__)?\s+[–—-]\s+(?:\*\*|__)?(\S.*)$/u;
/** A timeline entry: a date, then ":" or a dash, then the event ("2006 – Agreement signed", "**1970**: the NPT …"). */
const ENTRY = /^(?:\*\*|__)?([^:–—*_]{3,40}?)(?:\*\*|__)?\s*(?::|\s[–—-]\s)\s*(\S.*)$/u;

/**
 * Every attribute and timeline of the document: "Label: value" bullets, table cells, and bulleted or numbered
 * timelines of three or more dated entries.
 *
 * @example
 * const doc = parseDocument('# Halden Barrage\n\n## Key figures\n\n- Length: 2.4 km\n- Architect: Marta Lindqvist\n')
 * extractAttributes(doc).map((f) => f.type === 'attribute' && `${f.entity} | ${f.label} | ${f.value}`)
 * // ['Halden Barrage | Length | 2.4 km', 'Halden Barrage | Architect | Marta Lindqvist']
 */
export function extractAttributes(doc: ParsedDocument): (AttributeFact | TimelineFact)[] {
  const out: (AttributeFact | TimelineFact)[] = [];
  const lists = new Map<number, Block[]>();
  for (const b of doc.blocks)
    if (b.kind === "list_item" && b.listId !== undefined) lists.set(b.listId, [...(lists.get(b.listId) ?? []), b]);
  for (const blocks of lists.values()) {
    const timeline = timelineOf(doc, blocks);
    if (timeline) {
      out.push(timeline);
      continue;
    }
    const entity = subjectOf(doc, blocks[0]!.sectionPath);
    if (!entity) continue;
    for (const b of blocks) {
      const dash = LABEL_DASH.exec(tidy(b.text));
      const m = labelValue(tidy(b.text)) ?? (dash && { label: dash[1]!, value: dash[2]! });
      const value = m && valueOf(m.value);
      if (!m || !value) continue;
      const source = { text: b.text, start: b.start, end: b.end };
      // A range, or a rate ("Visitors per year": "What is the visitors per year of X?"), is asked as the line.
      const asLine = RANGE_VALUE.test(value) || /\sper\s/i.test(m.label);
      const fact = isLabel(m.label.trim()) && !asLine ? attribute(entity, m.label.trim(), value, source) : undefined;
      const line = fact ?? figureLine(entity, m.label.trim(), value, source);
      if (line) out.push(line);
    }
  }
  for (const table of doc.tables) out.push(...tableAttributes(doc, table));
  return out;
}

/** A table's cells: a row's name with each column's header, or (two columns, no real header) label and value rows. */
function tableAttributes(doc: ParsedDocument, table: Table): AttributeFact[] {
  const out: AttributeFact[] = [];
  const header = table.header?.map((h) => h.replace(/\*\*|__/g, "").trim());
  if (header && header.length >= 2 && header.slice(1).every((h) => YEAR.test(h))) return yearTable(doc, table, header);
  // "| | |" or "| Fact | Figure |": each row is a label and its value; "| Component | Weight |": rows are things.
  const labelled = !header || header.every((h) => h === "") || (header.length === 2 && isGeneric(header[1]!));
  if (labelled) {
    const entity = subjectOf(doc, table.sectionPath);
    if (!entity) return out;
    for (const row of table.rows) {
      const [label, cell] = row.cells;
      const value = cell && valueOf(cell.text);
      if (row.cells.length !== 2 || !value || !isLabel(label!.text.replace(/\*\*|__/g, ""))) continue;
      const fact = attribute(entity, label!.text.replace(/\*\*|__/g, ""), value, rowSource(doc, row.start, row.end));
      if (fact) out.push(fact);
    }
    return out;
  }
  // One fact per row at most (its first column that makes a question): a row of a fleet list is one card, not
  // three ("What is the length of Kong Haakon?", then its launch, then its passengers).
  const asked = new Set<number>();
  for (let c = 1; c < header.length; c++) {
    const label = header[c]!.replace(/\s*\([^)]*\)$/, "");
    if (!isLabel(label)) continue;
    const column = table.rows.map((r) => (r.cells[c] ? valueOf(r.cells[c]!.text) : undefined));
    table.rows.forEach((row, r) => {
      if (asked.has(r)) return;
      const name = rowLabel(row.cells[0]?.text.replace(/\*\*|__/g, "").trim(), header[0]);
      const value = column[r];
      if (!name || !value || name.split(/\s+/).length > 6) return;
      const fact = attribute(rowName(name, doc.text), label, value, rowSource(doc, row.start, row.end));
      if (!fact) return;
      fact.entityIsRow = true;
      const others = column.filter((v, i): v is string => i !== r && !!v && v !== value);
      if (others.length > 0) fact.column = others;
      asked.add(r);
      out.push(fact);
    });
  }
  return out;
}

const YEAR = /^(?:1[89]\d{2}|20\d{2})$/;

/**
 * An annual report's table, whose columns are years ("| Indicator | 2023 | 2024 |"): each row's figure of the latest
 * year, asked of the document's subject ("What was the revenue of the Halden Line in 2024?", "How many employees did
 * … have in 2024?"), the row's other years as options. One fact per row; no subject, no fact.
 */
function yearTable(doc: ParsedDocument, table: Table, header: readonly string[]): AttributeFact[] {
  const entity = subjectOf(doc, table.sectionPath);
  if (!entity) return [];
  const last = header.length - 1;
  const year = header[last]!;
  const out: AttributeFact[] = [];
  for (const row of table.rows) {
    const label = row.cells[0]?.text.replace(/\*\*|__/g, "").trim();
    const raw = row.cells[last] && valueOf(row.cells[last]!.text);
    if (!label || !raw || !isLabel(label) || /\sper\s/i.test(label)) continue;
    const v = readValue(raw);
    if (v.kind !== "number") continue;
    const phrase = labelPhrase(label);
    const question =
      plural(label) && !v.unit
        ? `How many ${phrase} did ${entity} have in ${year}?`
        : `What was the ${phrase} of ${entity} in ${year}?`;
    const others = row.cells
      .slice(1, last)
      .map((c) => valueOf(c.text))
      .filter((o): o is string => !!o && o !== raw && readValue(o).kind === "number");
    const fact: AttributeFact = {
      type: "attribute",
      key: factKey("attribute", `${entity} ${label} ${year}`),
      entity,
      label,
      value: raw,
      question,
      source: rowSource(doc, row.start, row.end),
    };
    if (others.length > 0) fact.column = others;
    out.push(fact);
  }
  return out;
}

/** The attribute, or undefined when its label and value make no question. */
function attribute(entity: string, label: string, value: string, source: SourceRef): AttributeFact | undefined {
  const question = questionOf({ entity, label }, readValue(value));
  if (!question) return undefined;
  return { type: "attribute", key: factKey("attribute", `${entity} ${label}`), entity, label, value, question, source };
}

/** A range as a key figure's value: "60 to 80 people", "2–3 months", "between 5 and 8 km". */
const RANGE_VALUE = new RegExp(
  `^(?:(?:about|around|between|some)\\s+)?(${NUMBER_PATTERN})\\s?(?:–|-|to|and)\\s?(${NUMBER_PATTERN})(?:\\s?(%|[\\p{L}°/²³]+(?:\\s[\\p{L}/²³]+)?))?$`,
  "iu",
);

/**
 * A key-figure line no question fits, asked as a cloze of the line under its subject: "Countries taking part – 20"
 * → "The Arctic Drift Expedition – countries taking part: _____", "Lowest temperature: −45 °C" → "… lowest
 * temperature: _____ °C", "Crew on board: 60 to 80 people" → "… crew on board: _____ people" (the range whole). Only
 * numbers: a name or a date after such a label is read by the sentence rules. The unit stays outside the blank; a sum
 * of money is blanked whole ("€140 million").
 */
function figureLine(entity: string, label: string, value: string, source: SourceRef): AttributeFact | undefined {
  const words = label.split(/\s+/);
  if (words.length > 5 || !/^\p{Lu}/u.test(label) || isGeneric(label) || /[.!?,;]/.test(label)) return undefined;
  if (posTokens(label).some((t) => t.pos === "PRON" || t.pos === "AUX")) return undefined;
  // "14th century", "c. 1669", "the 1990s": a date no rule reads is no figure.
  if (DATE_LIKE.test(value) || /\d(?:st|nd|rd|th)\b|\b(?:1[0-9]{3}|20[0-9]{2})\b/i.test(value)) return undefined;
  let before = "";
  let answer: string;
  let after = "";
  const range = RANGE_VALUE.exec(value);
  const v = readValue(value);
  if (range) {
    const unit = range[3] ?? "";
    answer = value.slice(0, value.length - unit.length).trim();
    after = unit;
  } else if (
    v.kind === "number" &&
    !/^[£€$¥]/.test(v.number) &&
    !/^(?:million|billion|thousand)\b/i.test(v.unit ?? "")
  ) {
    answer = v.number;
    before = v.hedge && HEDGES.test(v.hedge) ? `${v.hedge} ` : "";
    after = v.unit ?? "";
    if (v.hedge && !before) answer = `${v.hedge} ${v.number}`;
  } else if (v.kind === "number") answer = v.answer;
  else return undefined;
  const line = `${upperFirst(entity)} – ${labelPhrase(label)}: ${before}_____${after ? ` ${after}` : ""}`;
  return {
    type: "attribute",
    key: factKey("attribute", `${entity} ${label}`),
    entity,
    label,
    value,
    question: line,
    line: { answer },
    source,
  };
}

const MODS = [...new Set(QUANTITY_MODIFIERS)].sort((a, b) => b.length - a.length).join("|");
/** "about 7,000 troops", "2.4 km", "45 %", "5,200 tonnes": a hedge, a number and up to three unit words. */
const MEASURE = new RegExp(
  `^(?:(${MODS})\\s+)?((?:[£€$¥]\\s?|[−-])?${NUMBER_PATTERN})(?:\\s?(%|[\\p{L}°/²³]+(?:[ -][\\p{L}/²³]+){0,2}))?$`,
  "iu",
);
const HEDGES = /^(?:about|around|approximately|roughly|nearly|almost|some|an estimated|c\.)$/i;

export type Value =
  | { kind: "date"; answer: string }
  | { kind: "number"; answer: string; number: string; value: number; unit?: string; hedge?: string }
  | { kind: "text"; answer: string; first: string };

/** The value as an answer: a date, a measured number, or text; a trailing bracket ("(2025)") is left out. */
export function readValue(value: string): Value {
  const core = value.replace(/\s*\([^)]*\)$/, "").trim();
  // "25 December 2021, 12:20 GMT": the date is the value, the clock time a detail.
  const day = core.replace(/,\s*\d{1,2}:\d{2}\b.*$/, "");
  // "on" reads a day or a month, "in" a bare year ("First general assembly: 1356").
  for (const lead of ["on", "in"]) {
    const dates = findDates(`${lead} ${day}`);
    if (dates.length === 1 && dates[0]!.text === day) return { kind: "date", answer: day };
  }
  const m = MEASURE.exec(core);
  const magnitude = m && parseNumber(m[2]!.replace(/^(?:[£€$¥]\s?|[−-])/, ""));
  // "−39.5 °C": a minus sign (or a hyphen) before the digits.
  const number = magnitude !== null && m && /^[−-]/.test(m[2]!) ? -magnitude : magnitude;
  if (m && number !== null && !/^(?:1[0-9]{3}|20[0-9]{2})$/.test(m[2]!)) {
    const hedge = m[1]?.toLowerCase();
    const unit = m[3];
    const shown = `${m[2]}${unit ? (unit === "%" ? " %" : ` ${unit}`) : ""}`;
    const answer = hedge && !HEDGES.test(hedge) ? `${hedge} ${shown}` : shown;
    return { kind: "number", answer, number: m[2]!, value: number, unit, hedge };
  }
  return { kind: "text", answer: core, first: core.split(", ")[0]! };
}

/** "Length" → "length", "Launch vehicle" → "launch vehicle"; "Member States" and "NASA" keep their capitals. */
function labelPhrase(label: string): string {
  const words = label.split(/\s+/);
  if (/^[A-Z][a-z-]*$/.test(words[0]!) && words.slice(1).every((w) => !/^[A-Z]/.test(w)))
    return label.charAt(0).toLowerCase() + label.slice(1);
  return label;
}

const DATE_LIKE =
  /^(?:(?:c\.|ca\.|circa|AD|CE)\s*\d{1,4}|\d{1,4}\s*(?:BC|BCE|AD|CE)|\d{3,4}s|1[0-9]{3}|20[0-9]{2})$|\bcentur(?:y|ies)\b|\bmillenni(?:um|a)\b/i;

const plural = (label: string) => /[^su]s$/.test(label.split(/\s+/).pop()!) && !/quarters$/i.test(label);

/**
 * The question for an attribute, or undefined when its label and value do not make one: "When was X launched?"
 * (a participle with a date), "How many Member States does X have?" (a plural label with a count), "Who is the
 * architect of X?" (a role), else "What is the length of X?".
 */
function questionOf(f: Pick<AttributeFact, "entity" | "label">, v: Value): string | undefined {
  const label = labelPhrase(f.label);
  const entity = f.entity;
  if (/^[A-Za-z]+ed$/.test(f.label)) return v.kind === "date" ? `When was ${entity} ${label}?` : undefined;
  // "Year founded: 1356" → "When was X founded?".
  const participle = /^(?:year|date)\s+([a-z]+ed)$/i.exec(f.label)?.[1];
  if (participle && v.kind === "date") return `When was ${entity} ${participle.toLowerCase()}?`;
  // A date no rule reads ("c. 1356", "the 1990s", "14th century", "1356, in Lübeck") is no name and no measure:
  // "What is the first general assembly of X?" would ask it as a thing.
  if (v.kind !== "date" && DATE_LIKE.test(v.kind === "text" ? v.first : v.answer)) return undefined;
  // A date answers "when": "First general assembly: 14 March 2005" → "When was the first general assembly of X?";
  // "Launch date" asks "what" ("What is the launch date of X?"). A planned date may lie ahead: no tense fits.
  if (v.kind === "date" && !/\b(?:date|day|year|month)$/i.test(f.label)) {
    if (/\b(?:planned|expected|scheduled|projected|target|next|future|due|deadline)\b/i.test(f.label)) return undefined;
    return `When was the ${label} of ${entity}?`;
  }
  if (plural(f.label) && v.kind === "number" && !v.unit)
    return `${v.hedge && HEDGES.test(v.hedge) ? "About how" : "How"} many ${label} does ${entity} have?`;
  if (plural(f.label) && v.kind === "number") return undefined;
  const head = f.label.split(/\s+/).pop()!;
  const who = v.kind === "text" && isRoleNoun(head) ? "Who" : "What";
  // Text is a value only when it is a name ("Marta Lindqvist", "Camp Butmir, Sarajevo", "Ariane 5 ECA"): a lower-case
  // phrase is a description ("the supercontinent proposed by Wegener", "tram 7 or the ferry"), not one answer.
  if (v.kind === "text" && (!/^[\p{Lu}\d]/u.test(v.answer) || v.answer.split(/\s+/).length > 5)) return undefined;
  const about = v.kind === "number" && v.hedge && HEDGES.test(v.hedge) ? "Approximately what" : who;
  return `${about} ${plural(f.label) ? "are" : "is"} the ${label} of ${entity}?`;
}

const rowSource = (doc: ParsedDocument, start: number, end: number): SourceRef => ({
  text: doc.text.slice(start, end),
  start,
  end,
});

/**
 * A row's name as a question can use it: a bare number or code names nothing alone ("What is the colour of 1?"),
 * so it takes the first column's header ("| Level | Colour |" → "Level 1"), and without one the row is not asked.
 */
function rowLabel(cell: string | undefined, firstHeader: string | undefined): string | undefined {
  if (!cell || !/^(?:\d[\d.,]*|[A-Z]?\d+[A-Z]?|[A-Z])$/.test(cell)) return cell;
  const head = firstHeader?.trim();
  return head && isLabel(head) && !/^(?:No\.?|#|Number)$/i.test(head) ? `${head} ${cell}` : undefined;
}

/**
 * A row's name as a question writes it: "Vacuum vessel" → "the vacuum vessel"; a proper name stays as it is, with
 * the article the document's prose gives it ("Grand Chamber" → "the Grand Chamber" when the text says "the Grand
 * Chamber": "How many judges does Grand Chamber have?" drops it).
 */
function rowName(name: string, text = ""): string {
  const words = name.split(/\s+/);
  const common = words.slice(1).every((w) => /^\p{Ll}/u.test(w)) && !/^[A-Z]{2,}|\d/.test(words[0]!);
  if (common) return `the ${name.charAt(0).toLowerCase()}${name.slice(1)}`;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`\\bthe ${escaped}\\b`).test(text) ? `the ${name}` : name;
}

/**
 * A label a question can ask about: a short noun phrase ("Launch vehicle", "Member States") or one participle
 * ("Launched"), no preposition but "per" ("Visitors per year"), no pronoun.
 */
function isLabel(label: string): boolean {
  const words = label.split(/\s+/);
  if (words.length > 4 || !/^[A-Z]/.test(label) || isGeneric(label)) return false;
  const tags = posTokens(label);
  if (tags.some((t) => t.pos === "PRON" || t.pos === "AUX" || (t.pos === "ADP" && t.text !== "per"))) return false;
  const last = tags[tags.length - 1];
  if (!last) return false;
  if (words.length === 1 && /^[A-Z][a-z]+ed$/.test(label)) return true;
  if (/^(?:Year|Date) [a-z]+ed$/.test(label)) return true;
  return last.pos === "NOUN" || last.pos === "PROPN" || (last.pos === "VERB" && /s$/.test(last.text));
}

/** The value without emphasis and a trailing ";" or ".", or undefined when it is a clause or a paragraph. */
function valueOf(raw: string): string | undefined {
  const value = tidy(raw.replace(/\*\*|__/g, ""))
    .replace(/[;.]$/, "")
    .trim();
  if (!value || value.split(/\s+/).length > 15 || /[.!?]\s+[A-Z]/.test(value)) return undefined;
  // "it sets international standards …": a sentence about something, not a value.
  if (posTokens(value).some((t) => t.pos === "PRON" || t.pos === "AUX")) return undefined;
  return value;
}

const isGeneric = (heading: string) => heading.split(/[\s-]+/).every((w) => GENERIC.test(w));

/**
 * What a list or table under `sectionPath` is about: the nearest heading that is a name, else the document's title
 * cut at a dash, a colon or a bracket ("James Webb Space Telescope (JWST)", "The Vasa Museum – Visit the Ship"),
 * the part after the cut when the first is a genre ("Fact sheet: the Kiel Canal"), never a genre ("Press Release").
 * A name: every word but small linking words capitalised, and two such words, an acronym, a number or a word the
 * text capitalises mid-sentence.
 */
export function subjectOf(doc: ParsedDocument, sectionPath: readonly string[]): string | undefined {
  const candidates = [...sectionPath].reverse();
  if (doc.frontMatter.title) candidates.push(doc.frontMatter.title);
  // Each part of a heading cut at a dash, a colon or a bracket, in order: "Press Release: …" names no subject.
  const parts = candidates.flatMap((heading) =>
    heading
      .split(/\s[–—-]\s|:\s|\s\(/)
      .slice(0, 2)
      .map((part) => part.replace(/\*\*|__|\)$/g, "").trim()),
  );
  const body = doc.sentences.map((s) => s.text).join("\n");
  for (const part of parts) {
    if (!isName(part, doc.text)) continue;
    return withArticle(headlineName(part, body), doc.text);
  }
  // "# Press Release" over "The Arctic Drift Expedition left Tromsø today …": the first sentence's subject.
  const opening = openingName(doc);
  return opening && withArticle(opening, doc.text);
}

/** "The Vasa Museum" → "the Vasa Museum" mid-question; "James Webb Space Telescope" takes the article the text uses. */
function withArticle(name: string, text: string): string {
  if (/^The\s/.test(name)) return `the ${name.slice(4)}`;
  return articled(name, text) ? `the ${name}` : name;
}

/**
 * A headline's name: "Arctic Drift Expedition Sets Sail" is not what the body calls the expedition. When the body
 * never writes the whole heading but writes a shorter opening of it that is a name ("the Arctic Drift Expedition
 * left …"), that opening is the subject; otherwise the heading stays as it is (a fact sheet may never repeat it).
 */
function headlineName(name: string, body: string): string {
  const written = (n: string) => new RegExp(`(?<![\\p{L}\\d])${escapeRegExp(n)}(?![\\p{L}\\d])`, "u").test(body);
  if (written(name)) return name;
  const words = name.split(/\s+/);
  for (let n = words.length - 1; n >= 1; n--) {
    const prefix = words.slice(0, n).join(" ");
    if (LINKING.test(words[n - 1]!)) continue;
    // What is cut off must be the headline's verb ("Sets Sail", "Opens Its Doors"), not more of the name.
    const cut = posTokens(`it ${words.slice(n).join(" ").toLowerCase()}`)[1];
    // … or the genre and its year ("Halden Line Annual Report 2024").
    const genre = words.slice(n).every((w) => GENERIC.test(w) || YEAR.test(w));
    if (cut?.pos !== "VERB" && cut?.pos !== "AUX" && !genre) return name;
    if (isName(prefix, body) && written(prefix.replace(/^The\s/, ""))) return prefix;
  }
  return name;
}

/**
 * The name a document's first sentence opens with, when the sentence makes it its subject ("The Arctic Drift
 * Expedition left Tromsø today …", "The European Space Agency (ESA) has chosen …"): a name of two capitalised words
 * or an acronym, then a verb; never a person ("Maria Olsen, the director, said …").
 */
function openingName(doc: ParsedDocument): string | undefined {
  const first = doc.sentences[0]?.text;
  if (!first) return undefined;
  const m =
    /^((?:The\s+)?\p{Lu}[\p{L}\d’'-]*(?:\s+(?:\p{Lu}[\p{L}\d’'-]*|of|for|and|the|de))*)(?:\s+\([A-Z]{2,}\))?\s+(\p{Ll}+)/u.exec(
      first,
    );
  if (!m || /[’']s$/.test(m[1]!) || LINKING.test(m[1]!.split(/\s+/).pop()!)) return undefined;
  const name = m[1]!;
  const content = name.split(/\s+/).filter((w) => !LINKING.test(w) && w !== "The");
  if (!isName(name, doc.text) || (content.length < 2 && !/^[A-Z]{2,}$/.test(name))) return undefined;
  if (findPeople(first).some((p) => p.start < name.length)) return undefined;
  const verb = posTokens(`${name} ${m[2]}`).pop();
  return verb && (verb.pos === "VERB" || verb.pos === "AUX") ? name : undefined;
}

/**
 * Does the text write the name with "the" as the head of its phrase ("the Danube flows", "the Vasa Museum.")? "the
 * Galileo satellites" uses the name as a modifier: "the" belongs to "satellites", and "the Galileo" names nothing.
 */
function articled(name: string, text: string): boolean {
  const re = new RegExp(`\\b[Tt]he ${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, "gu");
  for (const m of text.matchAll(re)) {
    // The word after the name, tagged in its sentence by compromise (wink reads "flows" after an unknown name as a
    // noun): a noun there takes the article ("the Vecht valley").
    const phrase = text.slice(m.index, m.index + m[0].length + 60).split(/[.;:!?\n]/)[0]!;
    const terms = (analyse(phrase).json() as { terms: { tags: string[] }[] }[])[0]?.terms ?? [];
    const next = terms[1 + name.split(/\s+/).length]?.tags ?? [];
    if (next.includes("Verb") || !next.some((t) => ["Noun", "Adjective", "Value"].includes(t))) return true;
  }
  return false;
}

function isName(text: string, documentText: string): boolean {
  const words = text.split(/\s+/).filter((w) => !/^The$/.test(w));
  if (words.length === 0 || words.length > 8 || isGeneric(text)) return false;
  const content = words.filter((w) => !LINKING.test(w));
  if (!content.every((w) => /^[\p{Lu}\d]/u.test(w))) return false;
  if (content.length >= 2 || /[A-Z]{2,}|\d/.test(text)) return true;
  // One capitalised word is a name when the text writes it so mid-sentence ("… aboard Vasa in 1628").
  return new RegExp(`[a-z,;] ${escapeRegExp(content[0]!)}\\b`).test(documentText);
}

/**
 * Three or more bullets, each opening with a date then ":" or a dash, with distinct dates: a timeline, one fact.
 * The event is the entry's first sentence.
 */
function timelineOf(doc: ParsedDocument, blocks: readonly Block[]): TimelineFact | undefined {
  if (blocks.length < 3) return undefined;
  const entries: TimelineFact["entries"] = [];
  for (const b of blocks) {
    const m = ENTRY.exec(tidy(b.text));
    const date = m?.[1]!.trim();
    // A bare year is read as a date after a preposition only ("in 1989").
    const dates = date ? findDates(`in ${date}`) : [];
    if (!m || dates.length !== 1 || dates[0]!.text !== date) return undefined;
    const rest = tidy(m[2]!.replace(/\*\*|__/g, ""));
    const first = splitSentences(rest)[0];
    const event = (first ? rest.slice(first.start, first.end) : rest).replace(/[.;]$/, "");
    if (event.split(/\s+/).length > 25) return undefined;
    entries.push({ date, event: upperFirst(event) });
  }
  if (new Set(entries.map((e) => e.date)).size !== entries.length) return undefined;
  const start = blocks[0]!.start;
  const end = blocks[blocks.length - 1]!.end;
  return {
    type: "timeline",
    key: `timeline-list:${hash(entries.map((e) => e.date).join("|"))}`,
    entries,
    source: { text: doc.text.slice(start, end), start, end },
  };
}
