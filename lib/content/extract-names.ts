import { longForm } from "./acronyms";
import { proposals } from "./tokens";
import { COUNTRIES, INSTITUTION_HEADS } from "./lexicon";
import { locatedPlaces } from "./located-places";
import { escapeRegExp } from "./text";

/** A named thing in a sentence, offsets relative to the sentence. */
export interface NameMention {
  name: string;
  start: number;
  stop: number;
  acronym?: string;
  /** Found only because the sentence itself places it ("born in Erode": located-places.ts), not by a name list. */
  located?: boolean;
}

const CAP = "[A-Z][A-Za-z'’-]*";
const LINK = "(?:\\s(?:of|for)(?:\\s(?:the))?)";
const HEADS = INSTITUTION_HEADS.map(escapeRegExp).join("|");
/**
 * "and" inside a name's tail ("of Education and Research"), unless a second name follows: " and NATO", " and Germany",
 * " and the Army Headquarters".
 */
const INNER_AND = `\\s(?:and|&)(?!\\s(?:[A-Z]{2,}\\b|(?:${COUNTRIES.map(escapeRegExp).join("|")})\\b|(?:${CAP}\\s)*(?:${HEADS})\\b))`;
/**
 * Single capitalised words listed with commas up to a last "and" inside a name's tail: "of Education, Culture and
 * Science", "for War, Holocaust and Genocide Studies". A country or an acronym in the list is a second name.
 */
const COMMA_LIST = `(?:,\\s(?!(?:${COUNTRIES.map(escapeRegExp).join("|")})\\b|[A-Z]{2,}\\b)${CAP}(?=,|\\s(?:and|&)\\s))+,?${INNER_AND}\\s${CAP}(?:\\s${CAP})*`;
/** The capitalised words after the head, through further links and "and": "for the Study of Arctic Climate". */
const TAIL = `(?:${LINK}?\\s${CAP}(?:\\s${CAP})*(?:(?:${LINK}|${INNER_AND})\\s${CAP}(?:\\s${CAP})*|${COMMA_LIST})*)`;
const ORG_RE = new RegExp(
  `\\b((?:${CAP}\\s)*(?:${HEADS})(?![\\w'’-])${TAIL}?)(?:\\s\\(([A-Z][A-Z0-9/&.-]+)\\)(?:\\s(${CAP}))?)?`,
  "g",
);
const ACRONYM_RE = /((?:[A-Z][\w'’-]*\s(?:(?:of|in|for|and|on|the)\s)*)+)\(([A-Z][A-Z0-9-]{1,9})\)/g;
/** Capitalised words and "and" right before a match, after "the" or at the sentence's start: "Search and ". */
const NAME_BEFORE_AND = /(?<=(?:^|\b[Tt]he )(?:[A-Z][\w'’-]*\s)*)((?!The\s)(?:[A-Z][\w'’-]*\s)+)(?:and|&)\s$/;
const HEAD_WORD = new RegExp(`\\b(?:${INSTITUTION_HEADS.map(escapeRegExp).join("|")})\\b`);
const PLACE_PREFIX = /(?<![\p{L}])(?:Camp|Fort|Mount|Lake|Cape|Port|Saint|St\.) $/u;
const COUNTRY_RE = new RegExp(`\\b(${COUNTRIES.map(escapeRegExp).join("|")})\\b`, "g");

/**
 * Organisation and institution names: "X of Y" around a head noun ("Ministry of Defence",
 * "Office of the National Security Advisor"), acronym definitions ("NATO Training Mission in Iraq (NTM-I)")
 * and compromise's organisation proposals of two or more capitalised words.
 */
export function findOrganisations(sentence: string): NameMention[] {
  const found: NameMention[] = [];
  const add = (m: NameMention) => {
    if (found.some((f) => m.start < f.stop && m.stop > f.start)) return;
    found.push(m);
  };
  for (const m of sentence.matchAll(ORG_RE)) {
    let name = m[1].replace(/^(?:The|In|At|On|A|An|From|Then)\s/, "");
    let start = m.index + m[1].length - name.length;
    // "the Coastal Search and Rescue Service": capitalised words joined by "and" before the head belong to the name;
    // "Rescue Service" alone names nothing. A country or another institution before "and" is a second name.
    const joined = NAME_BEFORE_AND.exec(sentence.slice(0, start));
    if (joined && !COUNTRIES.includes(joined[1]!.trim()) && !HEAD_WORD.test(joined[1]!)) {
      name = `${joined[0]}${name}`;
      start -= joined[0].length;
    }
    if (name.split(" ").length < 2 && !m[2]) continue;
    name = name.replace(/\s(?:and|of|for|in|on|the)$/, "");
    // "Allied Joint Force Command (JFC) Naples": the word after the acronym belongs to the name.
    if (m[3] && name === m[1]) name = m[0];
    // "(ACR)" after a name is its acronym only if its letters stand for the name's last words (acronyms.ts), the
    // fewest that do: "NATO-led Stabilisation Force (SFOR)" defines "Stabilisation Force"; else it names something else.
    const defined = !m[3] && m[2] ? longForm(m[2], name) : undefined;
    const acronym = defined && m[2];
    if (defined) name = defined;
    add({ name, start, stop: start + name.length, acronym });
  }
  for (const p of proposals(sentence, "organizations")) {
    const name = p.text.replace(/(?:['’]s|[^\p{L}\p{N})])+$/u, "");
    // compromise over-extends ("Iraqi government, NATO"): keep only runs of capitalised words.
    if (name.split(" ").length < 2 || !/^[A-Z][\w'’-]*(?:\s(?:of\s|for\s|the\s)*[A-Z][\w'’-]*)+$/.test(name)) continue;
    const start = sentence.indexOf(name, p.offset.start);
    if (start >= 0) add({ name, start, stop: start + name.length });
  }
  // Acronym definitions are reported even inside a longer name: "Allied Joint Force Command (JFC) Naples".
  const acronyms: NameMention[] = [];
  for (const m of sentence.matchAll(ACRONYM_RE)) {
    // Capitalised words before a bracket define it only by their initials ("NATO Training Mission in Iraq (NTM-I)").
    const expansion = longForm(m[2], m[1].trim(), { initialsOnly: true });
    if (!expansion) continue;
    const start = m.index + m[1].trimEnd().length - expansion.length;
    acronyms.push({ name: expansion, start, stop: start + expansion.length, acronym: m[2] });
  }
  // "NATO Training Mission" inside "NATO Training Mission in Iraq (NTM-I)" is a truncated reading: keep the defined name.
  const kept = found.filter(
    (f) => !acronyms.some((a) => a.start <= f.start && a.stop >= f.stop && a.stop - a.start > f.stop - f.start),
  );
  return [...kept, ...acronyms.filter((a) => !kept.some((f) => f.acronym === a.acronym && f.name === a.name))].sort(
    (a, b) => a.start - b.start,
  );
}

/**
 * Place names: countries from the list, names the sentence places itself (located-places.ts: "born in Erode"),
 * compromise's place proposals, and capitalised single words coordinated with a known place ("the Baghdad area,
 * Besmaya and Taji"). A place word before a name belongs to it ("Camp Butmir", "Lake Baikal").
 */
export function findPlaces(sentence: string): NameMention[] {
  const found: NameMention[] = [];
  const add = (bare: string, at: number, located = false) => {
    const prefix = PLACE_PREFIX.exec(sentence.slice(0, at))?.[0] ?? "";
    const name = prefix + bare;
    const start = at - prefix.length;
    const stop = start + name.length;
    if (found.some((f) => start < f.stop && stop > f.start)) return;
    found.push(located ? { name, start, stop, located } : { name, start, stop });
  };
  for (const m of sentence.matchAll(COUNTRY_RE)) add(m[1], m.index);
  for (const p of proposals(sentence, "places")) {
    for (const part of p.text.split(/,\s*|\s+and\s+/)) {
      const name = part.replace(/(?:['’]s|[^\p{L}\p{N})])+$/u, "").trim();
      if (!/^[A-Z][a-z]/.test(name)) continue;
      const start = sentence.indexOf(name, p.offset.start);
      if (start >= 0) add(name, start);
    }
  }
  for (const m of locatedPlaces(sentence)) add(m.name, m.start, true);
  const list =
    /\b(?:in|at)\s+(?:the\s+)?((?:[A-Z][a-z]+(?:\s[a-z]+)?)(?:,\s+[A-Z][a-z]+(?:\s[a-z]+)?)*,?\s+and\s+[A-Z][a-z]+(?:\s[a-z]+)?)/g;
  for (const m of sentence.matchAll(list)) {
    const items = m[1].split(/,\s+|,?\s+and\s+/);
    const known = items.some((it) => found.some((f) => f.name === it.split(" ")[0] || f.name === it));
    if (!known) continue;
    let from = m.index;
    for (const it of items) {
      const start = sentence.indexOf(it, from);
      from = start + it.length;
      if (!found.some((f) => f.start === start && f.name === it)) {
        const overlap = found.findIndex((f) => start <= f.start && start + it.length >= f.stop);
        if (overlap >= 0) found.splice(overlap, 1);
        add(it, start);
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
