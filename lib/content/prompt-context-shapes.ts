/**
 * Checks on what surrounds an item's blank or answer in its prompt: a label, a "there" or a dateline the prompt
 * carries without what they need, another figure or quotation that gives the blank away or makes it a remark, options
 * in another unit, and the thin cards sent to review (issue 13, round 3 of the shape checks; decision 045). Each is a check on one item (and, where it needs it, the document's text), registered with the shape checks of
 * item-shapes.ts, so it is a gate in `selectItems` (the item is dropped) and a detector in defects.ts.
 *
 * - glued-label: a bullet's label ("**Forecasting** – the service …", "Forecasting: the service …") carried into a
 *   question ("When has Forecasting – the service measured …?").
 * - dangling-there: a locative "there" whose place only an earlier sentence names ("Work there began in 1910").
 * - dateline-left: a press release's dateline ("GENEVA, 14 March 2025 – ", "LONDON (Reuters) — ") quoted with the
 *   claim (parse.ts strips it from the first sentence; this catches what is left).
 * - answer-given: a prompt whose other figures determine the blank ("one adult in four (_____ %)", "_____ days
 *   after 1 December, on 14 December", "founded in 1950 and, _____ years later, in 1975"), or that writes the
 *   number answer elsewhere in other words ("four" for 4).
 * - quoted-blank: a blank inside a direct quotation (a remark is not recalled word by word), unless the quotation is
 *   a name (title case) or a motto the document stresses (quoted more than once).
 * - option-unit: a number option in another unit or scale than the answer ("2 km" among metres, "40 %" among counts,
 *   "3 billion" among millions).
 * - thin-role: a "Who was X?" card whose answer is only an occupation with at most one modifier ("a biochemist",
 *   "a Scottish physician"): the document says more, or the card teaches nothing.
 */
import { GAP } from "./gap";
import { DATELINE, DATELINE_DEIXIS } from "./parse";
import { COUNTRIES } from "./lexicon";
import { NUMBER_WORD_PATTERN, parseNumber } from "./numbers";
import { promptBody } from "./well-formed";
import type { GeneratedItem } from "./types";

/** The sentence an item quotes (the last one when it spans several). */
const sentenceOf = (item: GeneratedItem) => item.source.text.split(" … ").pop()!.trim();
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// ---------------------------------------------------------------------------------------------------------------
// Bullet labels

/** The label a bulleted line opens with ("**Forecasting** – …", "Forecasting: …"), and the separator after it. */
export function leadingLabel(sentence: string): { label: string; rest: string } | undefined {
  const m = /^(?:\*\*|__)?(\p{Lu}[^\n:–—*_.]{0,48}?)(?:\*\*|__)?(?:\s*:\s+|\s+[–—]\s+|\s+-\s+)(?=\S)/u.exec(sentence);
  if (!m || m[1]!.trim().split(/\s+/).length > 6 || /\d{3,}/.test(m[1]!)) return undefined;
  return { label: m[1]!.trim(), rest: sentence.slice(m[0].length) };
}

/**
 * A bullet's label inside a question: with its dash or colon, or in front of a description that is a whole clause
 * of its own ("**Forecasting** – the service has measured …": the label is a heading, not the subject).
 *
 * @example
 * gluedLabel(item({ prompt: 'When has Forecasting – the service measured rainfall?', source: { text: 'Forecasting – the service has measured rainfall since 1880.' } })) // one reason
 */
export function gluedLabel(item: GeneratedItem): string[] {
  const { body, quoting } = promptBody(item.prompt);
  if (quoting) return [];
  const lead = leadingLabel(sentenceOf(item));
  if (!lead) return [];
  const label = escapeRe(lead.label);
  if (new RegExp(`${label}(?:\\*\\*|__)?(?:\\s*:\\s|\\s+[–—-]\\s)`).test(body))
    return ["a bullet's label inside the question"];
  // "Forecasting – the service has measured …" → "When has Forecasting the service measured …?"
  const clause = /^(?:the|a|an|its|this|these|it|they|he|she|our|we)\b/i.test(lead.rest);
  if (clause && new RegExp(`\\b${label}\\s+(?:the|a|an|its|this|these|it|they|he|she|our|we)\\b`, "i").test(body))
    return ["a bullet's label glued to the clause it heads"];
  return [];
}

// ---------------------------------------------------------------------------------------------------------------
// A dangling "there"

/** Words after which "there" is the existential one ("there were", "there have been"), not a place. */
const EXISTENTIAL_NEXT =
  /^(?:is|are|was|were|'s|’s|has|have|had|will|would|may|might|must|can|could|should|shall|seems?|seemed|appears?|appeared|remains?|remained|exists?|existed|used|still|also|once|now|already|being|be|been|lies|lay|came|comes|arose|stands?|stood)$/i;
const PLACE_BEFORE = /(?:^|\s)(?:in|at|to|from|near|into|reached|visited|entered)\s+(?:the\s+)?\p{Lu}/u;

/**
 * A locative "there" that nothing in the prompt places: "Work there began in 1910", "When did the monks there build
 * the abbey?". The existential "there" ("There are 12 locks", "How many locks are there?") and a "there" after a
 * place the prompt names ("He moved to Vienna and worked there") stay.
 *
 * @example
 * danglingThere(item({ prompt: 'True or false: Work there began in 1910.' })) // one reason
 */
export function danglingThere(item: GeneratedItem): string[] {
  const { body } = promptBody(item.prompt);
  const text = body.split(GAP).join("X");
  for (const m of text.matchAll(/\bthere\b/gi)) {
    const before = text.slice(0, m.index);
    const after = text.slice(m.index + m[0].length);
    const next = /^\s*([\p{L}'’]+)/u.exec(after)?.[1] ?? "";
    const prev = /([\p{L}'’]+)\s*$/u.exec(before)?.[1] ?? "";
    // "How many locks are there?", "Is there …", "There were …".
    if (EXISTENTIAL_NEXT.test(next) || /^\s*[?]/.test(after)) continue;
    if (/^(?:is|are|was|were|be|been|being|get|getting|here|and|over|out|up|down|from)$/i.test(prev)) continue;
    if (/^There\b/.test(m[0]) && before.trim() === "") continue;
    if (PLACE_BEFORE.test(before)) continue;
    return [`"there" points at a place the prompt does not name`];
  }
  return [];
}

// ---------------------------------------------------------------------------------------------------------------
// Press-release datelines

/**
 * A dateline quoted with the claim or left inside a question.
 *
 * @example
 * datelineLeft(item({ prompt: 'Fill in the blank: GENEVA, 14 March 2025 – The agency opened _____ offices.' })) // one reason
 */
export function datelineLeft(item: GeneratedItem): string[] {
  const { body } = promptBody(item.prompt);
  const filled = body.split(GAP).join(item.answer);
  const m =
    DATELINE.exec(filled) ?? DATELINE.exec(filled.replace(/^(?:When|Where|Who|What|Which|How \w+)\s+\w+\s+/, ""));
  if (!m) return [];
  // "OSLO, 2 May 2021 – The tunnel opened to traffic this morning": the dateline dates the claim's "this morning",
  // so it is part of the claim (parse.ts keeps it), and its date may be asked.
  if (DATELINE_DEIXIS.test(filled.slice(m[0].length))) return [];
  return ["a press release's dateline quoted with the claim"];
}

// ---------------------------------------------------------------------------------------------------------------
// Answers the prompt gives away

const FRACTION: Record<string, number> = {
  half: 2,
  halves: 2,
  third: 3,
  thirds: 3,
  quarter: 4,
  quarters: 4,
  fifth: 5,
  fifths: 5,
  sixth: 6,
  sixths: 6,
  tenth: 10,
  tenths: 10,
};
const NUM = `\\d[\\d,]*(?:\\.\\d+)?|${NUMBER_WORD_PATTERN}`;
/** "four" → 4, "1,450" → 1450, "a" / "an" (as in "a quarter") → 1. */
const valueOf = (t: string): number => (/^an?$/i.test(t) ? 1 : (parseNumber(t.replace(/,/g, "")) ?? NaN));

interface Span {
  value: number;
  start: number;
  end: number;
  /** How far (in points) a share written as a ratio may be from its percentage: more after "about", "nearly". */
  slack?: number;
}

const HEDGED =
  /\b(?:about|around|roughly|nearly|almost|some|approximately|more than|over|fewer than|less than|under)\s+$/i;

/** Shares written as ratios: "one adult in four", "3 out of 10", "a quarter", "two-thirds" (as per cent). */
function ratios(text: string): Span[] {
  const out: Span[] = [];
  const ratio = new RegExp(`\\b(${NUM})\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:in|out of)\\s+(?:every\\s+)?(${NUM})\\b`, "giu");
  for (const m of text.matchAll(ratio)) {
    const d = valueOf(m[2]!);
    if (d > 1)
      out.push({
        value: (100 * valueOf(m[1]!)) / d,
        start: m.index,
        end: m.index + m[0].length,
        slack: HEDGED.test(text.slice(0, m.index)) ? 3 : 1.5,
      });
  }
  const share = /\b(a|an|one|two|three|four|nine)[\s-](half|halves|thirds?|quarters?|fifths?|sixths?|tenths?)\b/gi;
  for (const m of text.matchAll(share))
    out.push({
      value: (100 * valueOf(m[1]!)) / FRACTION[m[2]!.toLowerCase()]!,
      start: m.index,
      end: m.index + m[0].length,
    });
  return out;
}

/** Percentages: "25 %", "25 per cent". */
function percents(text: string): Span[] {
  return [...text.matchAll(/(\d[\d,]*(?:\.\d+)?)\s*(?:%|per ?cent\b|percent\b)/gi)].map((m) => ({
    value: valueOf(m[1]!),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

const MONTH =
  "(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)";
const DATE = `(?:\\d{1,2}\\s+${MONTH}\\.?(?:,?\\s+\\d{4})?|${MONTH}\\.?\\s+\\d{1,2}(?:,?\\s+\\d{4})?|\\d{4}-\\d{2}-\\d{2})`;

/** Day of a calendar for "14 December (2024)", "December 14, 2024" (a year-less date counts in a common year). */
function dayNumber(text: string): number | undefined {
  const m =
    new RegExp(`^(\\d{1,2})\\s+(${MONTH})\\.?(?:,?\\s+(\\d{4}))?$`, "i").exec(text) ??
    new RegExp(`^(${MONTH})\\.?\\s+(\\d{1,2})(?:,?\\s+(\\d{4}))?$`, "i").exec(text);
  if (!m) return undefined;
  const [day, month] = /^\d/.test(m[1]!) ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
  const index = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].indexOf(
    month.slice(0, 3).toLowerCase(),
  );
  return Date.UTC(Number(m[3] ?? 2001), index, Number(day)) / 86_400_000;
}

/** Intervals the prompt states twice: a count of days/years and the two dates or years it separates. */
function intervals(text: string): Span[] {
  const out: Span[] = [];
  const dates = [...text.matchAll(new RegExp(DATE, "gi"))].map((m) => ({
    day: dayNumber(m[0]),
    start: m.index,
    end: m.index + m[0].length,
  }));
  const years = [...text.matchAll(/(?<![\d,.])(1[0-9]{3}|20[0-9]{2})(?!\d|,\d)/g)].map((m) => ({
    year: Number(m[1]),
    start: m.index,
    end: m.index + m[0].length,
  }));
  for (const m of text.matchAll(new RegExp(`\\b(${NUM})\\s+(days?|weeks?|months?|years?|decades?)\\b`, "gi"))) {
    const n = valueOf(m[1]!);
    const unit = m[2]!.toLowerCase().replace(/s$/, "");
    const span = { value: n, start: m.index, end: m.index + m[0].length };
    const days = dates.filter((d) => d.day !== undefined && (d.end <= span.start || d.start >= span.end));
    const yearsOut = years.filter((y) => y.end <= span.start || y.start >= span.end);
    const per = { day: 1, week: 7, month: 30.44, year: 365.25, decade: 3652.5 }[unit]!;
    for (const [i, a] of days.entries())
      for (const b of days.slice(i + 1)) {
        const gap = Math.abs(b.day! - a.day!) / per;
        if (unit === "day" || unit === "week" ? gap === n : Math.round(gap) === n)
          out.push(span, { ...span, ...a }, { ...span, ...b });
      }
    if (unit === "year" || unit === "decade")
      for (const [i, a] of yearsOut.entries())
        for (const b of yearsOut.slice(i + 1))
          if (Math.abs(b.year - a.year) === n * (unit === "decade" ? 10 : 1))
            out.push(
              span,
              { value: a.year, start: a.start, end: a.end },
              { value: b.year, start: b.start, end: b.end },
            );
  }
  return out;
}

/**
 * A blank the rest of the prompt determines: a share written twice ("one adult in four (_____ %)"), an interval
 * and the two dates it separates ("_____ days after 1 December, on 14 December"), or the number answer written
 * elsewhere in the prompt in other words ("_____ (four) stations").
 *
 * @example
 * answerGiven(item({ prompt: 'Fill in the blank: One adult in four (_____ %) is inactive.', answer: '25', answerType: 'number' })) // one reason
 */
export function answerGiven(item: GeneratedItem): string[] {
  if (item.kind === "true_false") return contradictedVariant(item);
  if (item.kind === "matching" || item.kind === "ordering" || item.members) return [];
  if (item.answerType !== "number" && item.answerType !== "date") return [];
  const { body } = promptBody(item.prompt);
  const gap = body.indexOf(GAP);
  if (gap < 0) return [];
  const filled = body.slice(0, gap) + item.answer + body.slice(gap + GAP.length);
  const end = gap + item.answer.length;
  const inGap = (s: Span) => s.start <= gap && s.end >= end;
  const shares = ratios(filled);
  const pcts = percents(filled);
  for (const r of shares)
    for (const p of pcts)
      if ((inGap(r) || inGap(p)) && !(inGap(r) && inGap(p)) && Math.abs(r.value - p.value) <= (r.slack ?? 1.5))
        return ["a share written twice: the other form gives the blank"];
  const spans = intervals(filled);
  if (spans.some(inGap)) return ["an interval and the dates it separates: the others give the blank"];
  // "_____ (four) stations", "four … _____": the number answer written out elsewhere.
  const value = /^\d[\d,]*(?:\.\d+)?$/.test(item.answer.trim()) ? valueOf(item.answer.trim()) : undefined;
  if (value !== undefined && item.answerType === "number") {
    const rest = body.slice(0, gap) + " " + body.slice(gap + GAP.length);
    for (const m of rest.matchAll(new RegExp(`(?<![\\d.,])(?:${NUM})(?![\\d,])`, "gi")))
      if (!/^(?:a|an)$/i.test(m[0]) && valueOf(m[0]) === value && /^\p{L}/u.test(m[0]) !== /^\p{L}/u.test(item.answer))
        return [`the prompt writes the answer as "${m[0]}"`];
  }
  return [];
}

/** Shares and percentages that agree ("four in five (80 %)"). */
const agreeingShares = (text: string) =>
  ratios(text).filter((r) => percents(text).some((p) => Math.abs(r.value - p.value) <= (r.slack ?? 1.5))).length;

/**
 * A true/false statement whose figures check each other: a share written twice ("four adolescents in five (81 %)")
 * or an interval with the dates it separates ("six months later, on 16 September 2022" after "16 March 2022").
 * A false variant of one of them contradicts the other ("four in five (15 %)"), a true one agrees with it: either
 * way the learner judges by arithmetic, not by the document.
 *
 * @example
 * contradictedVariant(item({ kind: 'true_false', answer: 'False', prompt: 'True or false: Four adults in five (15 %) walk.', source: { text: 'Four adults in five (81 %) walk.' } })) // one reason
 */
export function contradictedVariant(item: GeneratedItem): string[] {
  const { body } = promptBody(item.prompt);
  const source = sentenceOf(item);
  if (agreeingShares(source) > 0 || intervals(source).length > 0)
    return item.answer === "False" &&
      (agreeingShares(body) < agreeingShares(source) || intervals(body).length < intervals(source).length)
      ? ["the false variant contradicts another figure of the statement"]
      : ["the statement's figures check each other"];
  return [];
}

// ---------------------------------------------------------------------------------------------------------------
// Blanks inside quotations

/** A quotation introduced as speech: "she said: “…”", "…, he wrote, “…”", "according to the report, “…”". */
const SPEECH =
  /(?:\b(?:said|says|say|told|tells|wrote|writes|declared|declares|announced|announces|added|adds|stated|states|recalled|recalls|remarked|explained|explains|noted|notes|asked|replied|according to [^,]+)\b[^“"]{0,20}|:\s*)$/i;
const MOTTO = /\b(?:motto|slogan|watchword|catchphrase|maxim)\b[^“"]{0,20}$/i;
const SMALL_WORD = /^(?:of|the|and|a|an|in|on|for|to|at|by|de|la|le|du|von|van)$/;

/**
 * A word blank inside a direct quotation: the learner is asked to recall a remark word for word (a number or a date
 * the speaker gives is a fact and stays). A quotation that is a name or a title (every word capitalised) or a motto the document stresses (quoted in it more than once) stays.
 *
 * @example
 * quotedBlank(item({ prompt: 'Fill in the blank: She said: “We have found _____ in the water.”', answer: 'lead' })) // one reason
 */
export function quotedBlank(item: GeneratedItem, documentText = ""): string[] {
  const { body, quoting } = promptBody(item.prompt);
  const gap = body.indexOf(GAP);
  // A figure a speaker gives ("“… within _____ years”") is a fact of its own, not the remark's wording.
  if (!quoting || gap < 0 || item.answerType === "number" || item.answerType === "date") return [];
  for (const m of body.matchAll(/“([^“”]*)”|"([^"]*)"/g)) {
    if (!(m.index < gap && gap < m.index + m[0].length)) continue;
    const quote = (m[1] ?? m[2]!).split(GAP).join(item.answer).trim();
    const words = quote.replace(/[.,;:!?]+$/, "").split(/\s+/);
    if (words.every((w, i) => /^[\p{Lu}\d]/u.test(w) || (i > 0 && SMALL_WORD.test(w)))) return [];
    // A short quotation not introduced as speech is a term or a nickname ("known as “the iron horse”"), a fact.
    const lead = body.slice(0, m.index);
    // A motto or a slogan is recalled word by word only where the document stresses it.
    if (words.length <= 4 && !SPEECH.test(lead) && !MOTTO.test(lead)) return [];
    const said = new RegExp(escapeRe(quote.replace(/[.,;:!?]+$/, "")), "gi");
    if ((documentText.match(said) ?? []).length >= 2) return [];
    return ["the blank is inside a direct quotation"];
  }
  return [];
}

// ---------------------------------------------------------------------------------------------------------------
// Number options in another unit

const SCALE = /^(?:thousand|million|billion|trillion|bn|m)$/i;

/** The unit or scale written after an option's number ("2.4 million" → "million", "40 %" → "%", "12 km" → "km"). */
export function optionUnit(option: string): string | undefined {
  const m = /\d(?:[\d,]*\d)?(?:\.\d+)?\s*(%|per ?cent\b|[\p{L}°²³µ][\p{L}°²³/.]*)?/u.exec(option);
  if (!m) return undefined;
  const unit = (m[1] ?? "")
    .toLowerCase()
    .replace(/^per ?cent$/, "%")
    .replace(/\.$/, "");
  return unit.replace(/(?<=[a-z]{3})s$/, "");
}

/**
 * A number option in another unit or scale than the answer: "2 km" among metres, "40 %" among counts, "3 billion"
 * among plain numbers. The learner picks by the unit, not by the fact.
 *
 * @example
 * optionUnitMismatch(item({ kind: 'multiple_choice', answerType: 'number', answer: '300 m', options: ['300 m', '2 km', '450 m', '600 m'] })) // one reason
 */
export function optionUnitMismatch(item: GeneratedItem): string[] {
  if (item.kind !== "multiple_choice" || item.answerType !== "number" || !item.options) return [];
  const key = optionUnit(item.answer);
  if (key === undefined) return [];
  const kind = (u: string) => (u === "%" ? "%" : SCALE.test(u) ? `scale:${u}` : u === "" ? "" : `unit:${u}`);
  const out: string[] = [];
  for (const o of item.options) {
    const unit = optionUnit(o);
    if (unit === undefined || unit === key) continue;
    // A bare number among numbers with a word after them is the same count written shorter ("300" among "300 staff").
    const [a, b] = [kind(key), kind(unit)];
    if ((a === "" && b.startsWith("unit:")) || (b === "" && a.startsWith("unit:"))) continue;
    out.push(`option "${o}" is in another unit or scale than the answer`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Thin role cards

const ROLE_NOUN =
  /(?:ist|ian|er|or|ant|ent|eer|ess|ive|ect|ot|wright|smith|man|woman|monk|nun|priest|king|queen|emperor|pope|chief|saint)$/;

/**
 * A "Who was X?" card answered by an occupation alone, with at most one modifier ("a biochemist", "an Italian
 * engineer"): true of thousands of people, it teaches nothing of the document.
 *
 * @example
 * thinRole(item({ kind: 'flashcard', prompt: 'Who was Ernst Chain?', answer: 'a biochemist', answerType: 'text' })) // one reason
 */
export function thinRole(item: GeneratedItem, title = ""): string[] {
  const who = /^Who (?:is|was|are|were) (.+)\?$/.exec(item.prompt);
  if (!who || item.answerType !== "text") return [];
  // A biography's own subject: what the person was is a key fact of the document.
  if (title && who[1]!.split(/\s+/).some((w) => w.length > 3 && title.includes(w))) return [];
  const words = item.answer.trim().replace(/[.]$/, "").split(/\s+/);
  const rest = /^(?:a|an|the)$/i.test(words[0] ?? "") ? words.slice(1) : words;
  if (rest.length === 0 || rest.length > 2 || rest.some((w) => /\d/.test(w))) return [];
  // "the first Secretary General", "the King of Sweden": a rank or an office of its own is more than an occupation.
  if (/^(?:first|last|only|founder|founding|head|leader|president|chair)/i.test(rest[0]!) || words[0] === "the")
    return [];
  const head = rest[rest.length - 1]!.toLowerCase();
  return ROLE_NOUN.test(head) ? [`only the occupation "${item.answer.trim()}"`] : [];
}

// ---------------------------------------------------------------------------------------------------------------
// Shapes seen but not safely fixed: they send the item to review (precision.ts), never drop it

/**
 * "Strasbourg, _____ → France", "Baltimore, _____ → Maryland": the blank is the country or region written after a
 * place's name. For a well-known place anyone fills it without the document (judged worthless); for a small one
 * ("Mons, _____ → Belgium", "Kourou, _____ → French Guiana") readers judged it sound. How well known a place is
 * needs knowledge the generator does not have, so the item goes to the instructor's review.
 *
 * @example
 * regionAfterPlace(item({ prompt: 'Fill in the blank: The court sits in Strasbourg, _____.', answer: 'France', answerType: 'place' })) // one reason
 */
export function regionAfterPlace(item: GeneratedItem): string[] {
  if (item.members || item.kind === "true_false") return [];
  const { body } = promptBody(item.prompt);
  const gap = body.indexOf(GAP);
  const answer = item.answer.trim();
  const placeLike = item.answerType === "place" || COUNTRIES.includes(answer);
  if (gap < 0 || !placeLike) return [];
  // "Austria, _____, Hungary": a member of a list of places is no region of the place before it.
  const before = body.slice(0, gap);
  if (!/(?:^|[^,]\s)\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){0,3},\s$/u.test(before)) return [];
  if (/,\s\p{Lu}[\p{L}.'’-]*,\s$/u.test(before) && !/\b(?:in|at|near|from|of)\s[^,]*,\s[^,]*,\s$/.test(before))
    return [];
  const after = body.slice(gap + GAP.length);
  if (/^,?\s(?:and|or)\s/.test(after) || /^,\s\p{Lu}[\p{L}-]*(?:,|\s(?:and|or)\s)/u.test(after)) return [];
  return ["the blank is the country or region written after a place's name"];
}

// ---------------------------------------------------------------------------------------------------------------
// One end of a range

const END = `(?:[£€$¥]\\s?)?(?:\\d[\\d,.:]*|${NUMBER_WORD_PATTERN})`;
/** The first end and the joiner before a blank: "60 to _____", "between 60 and _____", "1914–_____". */
const FIRST_END = new RegExp(
  `(?:^|[^\\p{L}\\d])(between\\s+|from\\s+)?${END}(?:\\s?[–—-]|\\s(?:to|and|or))\\s?$`,
  "iu",
);
/** The joiner and the second end after a blank: "_____ to 80 people", "_____–1918". */
const SECOND_END = new RegExp(`^\\s?(?:[–—-]|(?:to|or)\\s)\\s?${END}(?![\\p{L}])`, "iu");
/** A verb of change before "from 60 to _____": two values in time ("rose from 60 to _____ staff"), not a range. */
const CHANGED =
  /\b(?:rose|risen|grew|grown|increased|fell|fallen|dropped|declined|cut|reduced|expanded|went|shrank|climbed|jumped|doubled|raised|lowered|changed|moved)\s+(?:\S+\s+){0,3}from\s+\S+\s?(?:to\s)?\s?$/i;

/**
 * A blank on one end of a range ("every two to _____ months", "_____ to 80 people", "between 1890 and _____"):
 * the other end is given, and "three" is no answer to how long it takes. A range is asked whole (extract-quantities
 * `ranges`). A change ("rose from 60 to _____ staff") is two values, not a range, and stays; so does "and" without
 * "between" ("3 ships and _____ crew").
 *
 * @example
 * rangeEnd(item({ prompt: 'Fill in the blank: The crew changes every two to _____ months.', answer: '3' })) // one reason
 */
export function rangeEnd(item: GeneratedItem): string[] {
  if (item.kind === "matching" || item.kind === "ordering" || item.members) return [];
  const { body } = promptBody(item.prompt);
  const gap = body.indexOf(GAP);
  if (gap < 0 || !new RegExp(`^${END}`, "iu").test(item.answer.trim())) return [];
  const before = body.slice(0, gap);
  const first = FIRST_END.exec(before);
  if (first && !CHANGED.test(before)) {
    const and = /\sand\s?$/i.test(first[0]);
    if (!and || /^between/i.test(first[1] ?? "")) return ["one end of a range is blanked, the other given"];
  }
  if (SECOND_END.test(body.slice(gap + GAP.length)) && !CHANGED.test(`${before}x `))
    return ["one end of a range is blanked, the other given"];
  return [];
}

/** The review-only shapes of one item, as reasons (precision.ts lowers the score once for each). */
export function reviewShapes(item: GeneratedItem, title = ""): string[] {
  return [...thinRole(item, title), ...regionAfterPlace(item)];
}

export const PROMPT_CONTEXT_CHECKS = [
  "glued-label",
  "dangling-there",
  "dateline-left",
  "answer-given",
  "quoted-blank",
  "option-unit",
  "range-end",
] as const;
export type PromptContextCheck = (typeof PROMPT_CONTEXT_CHECKS)[number];

/**
 * The dropping shapes of this module for one item.
 *
 * @example
 * promptContextShapes(item, documentText).map(([check]) => check) // ['answer-given']
 */
export function promptContextShapes(item: GeneratedItem, documentText = ""): [PromptContextCheck, string[]][] {
  return [
    ["glued-label", gluedLabel(item)],
    ["dangling-there", danglingThere(item)],
    ["dateline-left", datelineLeft(item)],
    ["answer-given", answerGiven(item)],
    ["quoted-blank", quotedBlank(item, documentText)],
    ["option-unit", optionUnitMismatch(item)],
    ["range-end", rangeEnd(item)],
  ];
}
