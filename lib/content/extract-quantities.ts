import type { DateMention } from "./dates";
import { factKey } from "./keys";
import { conversion, NUMBER_PATTERN, QUANTITY_MODIFIERS, parseNumber } from "./numbers";
import { howManyQuestion, lowerFirst } from "./phrase";
import { ADVERBIAL_STARTS, PREPOSITIONS } from "./lexicon";
import { tidy } from "./text";
import { findMainVerb, isAuxiliary, tokenize } from "./tokens";
import type { QuantityFact, Sentence } from "./types";

const MODS = [...new Set(QUANTITY_MODIFIERS)].sort((a, b) => b.length - a.length).join("|");
const QUANTITY_RE = new RegExp(`\\b(?:(${MODS})\\s+)?(${NUMBER_PATTERN})(?=\\s+[A-Za-z])`, "gi");
const STOP_WORDS = new Set([
  ...PREPOSITIONS,
  "that",
  "which",
  "who",
  "were",
  "was",
  "is",
  "are",
  "had",
  "have",
  "has",
  "will",
  "than",
  "times",
]);

/**
 * Counted quantities ("around 500 trainers", "more than 350 … personnel were trained", "eight civilian … personnel").
 * Years, dates and numbers inside names ("Apollo 11") are skipped. `resolve` replaces a leading pronoun; `keys` holds
 * the keys earlier sentences of the document took (key → sentence start).
 */
export function extractQuantities(
  s: Sentence,
  dates: DateMention[],
  resolve: (clause: string) => string | undefined,
  keys: Map<string, number> = new Map(),
): QuantityFact[] {
  const facts: QuantityFact[] = amounts(s, dates);
  const taken = facts.map((f) => ({
    start: s.text.indexOf(f.valueText),
    stop: s.text.indexOf(f.valueText) + f.valueText.length,
  }));
  // "60 to 80 people", "between two and three months": a range is one answer; neither end is asked alone.
  for (const r of ranges(s.text, dates)) {
    taken.push({ start: r.start, stop: r.stop });
    const np = nounPhrase(s.text, r.stop);
    if (!np || taken.some((t) => t !== taken[taken.length - 1] && r.start < t.stop && r.stop > t.start)) continue;
    // "every 60 to 110 minutes, and rangers …": the counted noun ends at the clause break.
    const what = tidy(np.text.split(/[,;]/)[0]!);
    const fact: QuantityFact = {
      type: "quantity",
      key: factKey("quantity", `${what} ${s.text}`),
      value: r.from,
      upTo: r.to,
      unit: what.split(" ").pop() ?? what,
      what,
      valueText: r.text,
      source: { text: s.text, start: s.start, end: s.end },
    };
    const question = quantityQuestion(s.text, r.start, np.end, what, resolve);
    if (question) fact.question = question;
    facts.push(fact);
  }
  for (const m of s.text.matchAll(QUANTITY_RE)) {
    const start = m.index;
    const numberStart = start + m[0].length - m[2].length;
    const stop = start + m[0].length;
    if (dates.some((d) => numberStart < d.stop && stop > d.start)) continue;
    if (taken.some((t) => numberStart < t.stop && stop > t.start)) continue;
    if (conversion.restates(s.text, numberStart)) continue;
    // "48 by 72 kilometres": one side of a size is trivia on its own, and the other side gives it no context.
    if (/\d\s+by\s+$/.test(s.text.slice(0, numberStart)) || /^\s+by\s+\d/.test(s.text.slice(stop))) continue;
    // "125–126 GeV": the second end of a range alone is not the quantity (a swapped "125–27 GeV" reads garbled).
    if (/\d\s?[–-]\s?$/.test(s.text.slice(0, numberStart))) continue;
    if (!m[1] && /^\d/.test(m[2]) && /[A-Z][A-Za-z]*\s$/.test(s.text.slice(0, numberStart))) continue; // "Apollo 11"
    const value = parseNumber(m[2]);
    if (value === null || /^(?:1[0-9]{3}|20[0-9]{2})$/.test(m[2])) continue;
    if (/^one$/i.test(m[2]) && !m[1]) continue; // "one of …" is rarely a count worth asking
    const np = nounPhrase(s.text, stop);
    if (!np) continue;
    const modifier = m[1]?.toLowerCase();
    const valueText = tidy(m[0]);
    const what = tidy(np.text);
    // "years" in two sentences are two facts: the first keeps the plain key (stored items hang on it), a later one
    // is keyed by its sentence too, so de-duplication by key does not lose it.
    let key = factKey("quantity", `${what}`);
    if ((keys.get(key) ?? s.start) !== s.start) key = factKey("quantity", `${what} ${s.text}`);
    else keys.set(key, s.start);
    const fact: QuantityFact = {
      type: "quantity",
      key,
      value,
      unit: what.split(" ").pop() ?? what,
      what,
      modifier,
      valueText,
      source: { text: s.text, start: s.start, end: s.end },
    };
    const question = quantityQuestion(s.text, start, np.end, what, resolve);
    if (question) fact.question = question;
    facts.push(fact);
  }
  return facts;
}

/** A verb of change before "from 60 to 80": two values in time ("grew from 60 to 80 staff"), not a range. */
const CHANGE =
  /\b(?:rose|risen|rising|rises|grew|grown|grows|growing|increased|increases|increasing|fell|fallen|falls|falling|dropped|drops|declined|declines|cut|reduced|reduces|expanded|expands|went|goes|shrank|shrunk|climbed|jumped|doubled|raised|lowered|changed|moved)\s+(?:\S+\s+){0,3}$/i;
const RANGE_RE = new RegExp(
  `\\b(?:(between|from)\\s+)?(${NUMBER_PATTERN})\\s?(–|—|-|\\bto\\b|\\band\\b|\\bor\\b)\\s?(${NUMBER_PATTERN})(?=\\s+[A-Za-z])`,
  "gi",
);

/**
 * Count ranges: "60 to 80 people", "60–80 people", "between 60 and 80 people", "two or three months" (the text as
 * written, "between" with it). Years are dates' business; "and" needs "between" ("3 ships and 80 people" is two
 * counts); "from … to" after a verb of change is two values in time ("rose from 60 to 80 staff"), left to the counts.
 *
 * @example
 * ranges('The crew changes every two to three months.', []) // [{ text: 'two to three', from: 2, to: 3, … }]
 */
export function ranges(
  text: string,
  dates: readonly DateMention[],
): { text: string; from: number; to: number; start: number; stop: number }[] {
  const out: { text: string; from: number; to: number; start: number; stop: number }[] = [];
  for (const m of text.matchAll(RANGE_RE)) {
    const [whole, lead, first, joiner, second] = m as unknown as [string, string | undefined, string, string, string];
    const start = m.index;
    const stop = start + whole.length;
    const from = parseNumber(first);
    const to = parseNumber(second);
    if (from === null || to === null || from >= to) continue;
    if (/^(?:1[0-9]{3}|20[0-9]{2})$/.test(first) || /^(?:1[0-9]{3}|20[0-9]{2})$/.test(second)) continue;
    if (dates.some((d) => start < d.stop && stop > d.start)) continue;
    if (/^and$/i.test(joiner) && lead?.toLowerCase() !== "between") continue;
    if (/^between$/i.test(lead ?? "") && !/^and$/i.test(joiner)) continue;
    if (/^from$/i.test(lead ?? "") && (!/^to$/i.test(joiner) || CHANGE.test(text.slice(0, start)))) continue;
    // "Apollo 11–13" is a name's number; "4, 5 or 6" ends a list.
    const before = text.slice(0, start);
    if (!lead && /^\d/.test(first) && /[A-Z][A-Za-z]*\s$/.test(before)) continue;
    if (/\d,\s*$/.test(before)) continue;
    // "from" stays out of the answer ("from 60 to 80" → "60 to 80"); "between" is part of it.
    const shown = /^from$/i.test(lead ?? "") ? whole.slice(lead!.length).trim() : whole;
    out.push({ text: tidy(shown), from, to, start: start + whole.indexOf(shown), stop });
  }
  return out;
}

const DIGITS = "\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?";
// "€400 million", "£3 million", "$40 a ticket": a currency sign before digits, with the scale word after it.
const MONEY_SIGN_RE = new RegExp(
  `(?:\\b(${MODS})\\s+)?(?<![\\w£€$¥])([£€$¥])\\s?(${DIGITS})(?:\\s+(?:million|billion|trillion|thousand)\\b)?`,
  "gi",
);
// "400 million euros", "twelve dollars" ("pounds" alone may be a weight, so it is not read as money).
const MONEY_WORD_RE = new RegExp(
  `(?:\\b(${MODS})\\s+)?\\b(${NUMBER_PATTERN})\\s+(?:euros?|dollars?|pounds sterling|francs?|kronor|yen|rupees?|yuan)\\b`,
  "gi",
);
const CLOCK = "(?:[01]?\\d|2[0-3]):[0-5]\\d";
const ZONE = "(?:\\s?(?:GMT|UTC|CET|CEST|BST|EST|EDT|CST|PST|PDT|a\\.m\\.|p\\.m\\.|am|pm)(?![\\p{L}]))";
// "09:00 CEST", "10:00–17:00", "11:30 and 14:30": a clock time, a span of two, or a pair, asked as one answer.
const TIME_RE = new RegExp(
  `(?<![\\d:.,])(${CLOCK})(?:${ZONE}?\\s?(?:–|-|to|and)\\s?(${CLOCK}))?(${ZONE})?(?![\\d:])`,
  "gu",
);

// "45 %", "45%", "1–2 %", "12 per cent": a percentage (or a range of two), asked whole, never "45 _____ %".
const PERCENT_RE = new RegExp(
  `(?:\\b(${MODS})\\s+)?(?<![\\d.,])(${DIGITS})(?:\\s?[–-]\\s?(${DIGITS}))?(?:\\s?%|\\s(?:per ?cent|percent)\\b)`,
  "gi",
);
// "one percent", "ten per cent": a number in words (never "one _____ percent").
const PERCENT_WORD_RE = new RegExp(`(?:\\b(${MODS})\\s+)?\\b(${NUMBER_PATTERN})\\s(?:per ?cent|percent)\\b`, "gi");

/** Sums of money, clock times and percentages, each asked as written (extract-quantities' counts skip their digits). */
function amounts(s: Sentence, dates: DateMention[]): QuantityFact[] {
  const out: QuantityFact[] = [];
  const add = (m: RegExpMatchArray, measure: "money" | "time" | "percent", value: number | null, unit: string) => {
    const start = m.index!;
    const stop = start + m[0].length;
    // A clock time may close a date mention ("25 December 2021, 12:20 GMT"); money never overlaps one.
    if (value === null || (measure === "money" && dates.some((d) => start < d.stop && stop > d.start))) return;
    if (out.some((o) => s.text.indexOf(o.valueText) < stop && s.text.indexOf(o.valueText) + o.valueText.length > start))
      return;
    const valueText = tidy(m[0]);
    const fact: QuantityFact = {
      type: "quantity",
      key: factKey("quantity", `${measure} ${valueText} ${s.text}`),
      value,
      unit,
      what: unit,
      valueText,
      measure,
      source: { text: s.text, start: s.start, end: s.end },
    };
    if (m[1] && measure !== "time") fact.modifier = m[1].toLowerCase();
    out.push(fact);
  };
  for (const m of s.text.matchAll(MONEY_SIGN_RE))
    add(m, "money", parseNumber(m[0].slice(m[0].indexOf(m[2]!) + 1)), m[2]!);
  for (const m of s.text.matchAll(MONEY_WORD_RE)) {
    const currency = m[0].split(/\s+/).pop()!;
    add(m, "money", parseNumber(m[2]!), currency);
  }
  for (const re of [PERCENT_RE, PERCENT_WORD_RE])
    for (const m of s.text.matchAll(re)) add(m, "percent", parseNumber(m[2]!), "%");
  for (const m of s.text.matchAll(TIME_RE)) {
    const [h, min] = m[1]!.split(":").map(Number);
    add(m, "time", h! * 60 + min!, "time");
  }
  return out;
}

const PARTITIVES = new Set([
  "kinds",
  "types",
  "sorts",
  "forms",
  "classes",
  "categories",
  "pairs",
  "sets",
  "groups",
  "species",
  "varieties",
]);

/** The counted noun phrase after a number: words up to a preposition, verb or clause break. */
function nounPhrase(text: string, from: number): { text: string; end: number } | undefined {
  const tail = text.slice(from);
  const tokens = tokenize(tail);
  let end = 0;
  let count = 0;
  for (const t of tokens) {
    const w = t.text.toLowerCase();
    // "three kinds of plate boundary": a kind, a pair or a set counts what follows "of".
    const partitive =
      w === "of" && count === 1 && PARTITIVES.has(tokens[0]!.text.toLowerCase()) && !/[,;:]/.test(tokens[0]!.post);
    if (STOP_WORDS.has(w) && !partitive) break;
    // "32 kilometres long and freezes over": a second predicate, not more of the counted phrase.
    if (w === "and" && count > 0) {
      const next = tokens[tokens.indexOf(t) + 1];
      const verb = next && next.tags.has("Verb") && !next.tags.has("Gerund") && !/ing$/.test(next.text);
      if (verb && !next.tags.has("Noun") && !next.tags.has("Adjective")) break;
    }
    if (t.tags.has("Verb") && !t.tags.has("Adjective") && !t.tags.has("Noun") && !t.tags.has("Gerund") && count > 0) {
      // "two operational-level commands that …": a verb-looking word before "that"/a preposition is the head noun.
      const next = tokens[tokens.indexOf(t) + 1];
      if (next && !STOP_WORDS.has(next.text.toLowerCase()) && !/[.,;:]/.test(t.post)) break;
      end = t.end;
      break;
    }
    end = t.end;
    count++;
    if (/[.;:)(]/.test(t.post) || (/,\s*$/.test(t.post) && !/^(?:[a-z]+,\s*)$/.test(t.text + t.post))) break;
    if (
      t.post.includes(",") &&
      !/\band\b/.test(tail.slice(t.end, t.end + 60).split(/\b(?:from|of|in|to|at|with|for)\b/)[0])
    )
      break;
    if (count >= 8) break;
  }
  let phrase = tail
    .slice(0, end)
    .trim()
    // "300 workers, and …": a trailing "and"/"or" and the comma before it both go.
    .replace(/(?:[,\s]+|\s+(?:and|or))+$/, "");
  if (!phrase || /^(?:of|and)\b/i.test(phrase)) return undefined;
  if (!/[a-z]/.test(phrase)) return undefined;
  phrase = phrase.replace(/^(?:the)\s+/i, "");
  return { text: phrase, end: from + tail.indexOf(phrase) + phrase.length };
}

/** "How many X …?" when the count is the subject, or directly follows the main verb. */
function quantityQuestion(
  text: string,
  start: number,
  npEnd: number,
  what: string,
  resolve: (clause: string) => string | undefined,
): string | undefined {
  // Inside parentheses: the parenthetical is its own clause.
  const open = text.lastIndexOf("(", start);
  const close = text.indexOf(")", start);
  let clauseStart = 0;
  let clauseEnd = text.length;
  if (open !== -1 && close !== -1 && text.lastIndexOf(")", start) < open) {
    clauseStart = open + 1;
    clauseEnd = close;
  }
  let before = text.slice(clauseStart, start);
  const afterRaw = text.slice(npEnd, clauseEnd);
  // Leading adverbials before the subject.
  for (;;) {
    const comma = before.indexOf(", ");
    const first = before.trim().split(/\s+/)[0]?.toLowerCase() ?? "";
    if (comma === -1 || !ADVERBIAL_STARTS.has(first)) break;
    before = before.slice(comma + 2);
  }
  before = before.trim();
  if (before === "") {
    const after = afterRaw.split(/[,;.(]/)[0].trim();
    const tokens = tokenize(`They ${after}`);
    if (findMainVerb(tokens) !== 1) return undefined;
    return howManyQuestion("", what, after);
  }
  // Coordinated predicate: "It was established … and involves" → "It involves".
  const tokens = tokenize(before);
  const verb = findMainVerb(tokens);
  if (verb <= 0) return undefined;
  let subject = before.slice(0, tokens[verb].start).trim();
  const lastAnd = before.lastIndexOf(" and ");
  let predicate = before.slice(tokens[verb].start);
  if (lastAnd > tokens[verb].start) {
    predicate = before.slice(lastAnd + 5);
    // "…, and its basin covers": a second clause with its own subject is asked with that subject, not the first's.
    if (findMainVerb(tokenize(predicate)) > 0) subject = "";
  }
  const resolved = resolve(`${subject} ${predicate}`.trim());
  if (!resolved) return undefined;
  const pt = tokenize(resolved);
  const v = findMainVerb(pt);
  if (v <= 0 || v !== pt.length - 1 || (isAuxiliary(pt[v].text) && pt[v].text !== "has" && pt[v].text !== "have")) {
    if (v > 0 && v === pt.length - 1) return howManyQuestion(resolved, what);
    return undefined;
  }
  subject = lowerFirst(subject);
  return howManyQuestion(resolved, what);
}
