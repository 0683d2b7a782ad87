import { analyse } from "./tokens";
import { findDates } from "./dates";
import { factKey } from "./keys";
import { COUNTRIES, INSTITUTION_HEADS, MILITARY_RANKS, RANKS } from "./lexicon";
import { escapeRegExp, tidy } from "./text";
import type { PersonFact, Sentence, SourceRef } from "./types";

// A capitalised word, or an ALL-CAPS surname as official pages write them ("Major General László STICZ").
const NAME_WORD = "(?:[A-Z][a-zà-ÿ'’-]+|[A-ZÀ-Þ][A-ZÀ-Þ'’-]+(?![a-z]))";
const RANK_RE = new RegExp(
  `(?:(${RANKS.map(escapeRegExp).join("|")})\\s+)(${NAME_WORD}(?:\\s+(?:[A-Z]\\.\\s+)?${NAME_WORD}){1,2})`,
  "g",
);
const COUNTRY_RE = new RegExp(`^,?\\s+of\\s+(?:the\\s+)?(${COUNTRIES.map(escapeRegExp).join("|")})\\b`);
// Words that make a capitalised run a thing, not a person ("General Framework Agreement", "Operation Althea").
const INSTITUTION_WORDS = new Set([
  ...INSTITUTION_HEADS,
  ...COUNTRIES,
  ...["Summit", "Camp", "Base", "Prize", "Mission", "Operation", "Agreement", "Treaty", "Accord", "Convention"],
  ...["Charter", "Act", "Framework", "Resolution", "Force", "Forces", "Day", "Award", "Telescope", "Museum", "Park"],
  ...["Locks", "Lock", "Canal", "Dam", "Bridge", "Lake", "River", "Island", "Bay", "Cut", "Zone", "Railroad"],
]);
const TITLE_WORDS = new Set(RANKS.flatMap((r) => r.split(" ")));

/** A person mention in one sentence, with offsets in that sentence. */
export interface PersonMention {
  name: string;
  rank?: string;
  start: number;
  stop: number;
}

/**
 * Person mentions: compromise proposes names; rules add the rank written before them
 * ("Major General" + "Dany Fortin") and drop proposals that are not two or three capitalised words.
 */
export function findPeople(sentence: string): PersonMention[] {
  const found: PersonMention[] = [];
  const add = (name: string, start: number, rank?: string) => {
    const words = name.split(/\s+/);
    if (words.length < 2 || words.length > 4 || words.some((w) => INSTITUTION_WORDS.has(w) || TITLE_WORDS.has(w)))
      return;
    if (!words.every((w) => /^[A-Z]/.test(w))) return;
    const stop = start + name.length;
    if (found.some((p) => start < p.stop && stop > p.start)) return;
    found.push({ name, rank, start: rank ? start - rank.length - 1 : start, stop });
  };
  for (const m of sentence.matchAll(RANK_RE)) add(m[2], m.index + m[0].length - m[2].length, m[1]);
  const proposals = analyse(sentence).people().json({ offset: true }) as { text: string; offset: { start: number } }[];
  for (const p of proposals) {
    const text = p.text
      .replace(/(?:['’]s|[,.;:])+$/, "")
      .replace(/^(?:[A-Z][a-z]+\s+)*?(?=(?:[A-Z][a-z]+\s+){1,2}[A-Z][a-z]+$)/, (lead) =>
        TITLE_WORDS.has(lead.trim()) ? "" : lead,
      );
    const start = sentence.indexOf(text, p.offset.start);
    if (start >= 0) add(text, start, rankBefore(sentence, start));
  }
  // "Neil Armstrong and Buzz Aldrin": a capitalised pair coordinated with a known person is a person too.
  for (const p of [...found]) {
    const after = sentence.slice(p.stop);
    const m = new RegExp(`^,?\\s+and\\s+(${NAME_WORD}\\s+${NAME_WORD})`).exec(after);
    if (m) add(m[1], p.stop + m[0].length - m[1].length, rankBefore(sentence, p.stop + m[0].length - m[1].length));
    const b = new RegExp(`(${NAME_WORD}\\s+${NAME_WORD}),?\\s+and\\s+$`).exec(sentence.slice(0, p.start));
    if (b) add(b[1], b.index, rankBefore(sentence, b.index));
  }
  return found.sort((a, b) => a.start - b.start);
}

function rankBefore(sentence: string, start: number): string | undefined {
  const before = sentence.slice(0, start);
  return RANKS.find((r) => before.endsWith(`${r} `));
}

/** Where an attribute was stated. */
function ref(s: Sentence): SourceRef {
  return { text: s.text, start: s.start, end: s.end };
}

/**
 * Builds person facts across the document: rank, "of <Country>" nationality, "(date – date)" tenure,
 * "under the command of" role, "who assumed … on <date>" start, and "<she> succeeds <person> as <role>".
 * `subjectOf` gives a sentence's subject (for the organisation a command belongs to).
 */
export function extractPeople(sentences: Sentence[], subjectOf: (s: Sentence) => string | undefined): PersonFact[] {
  const people = new Map<string, PersonFact>();
  let lastPerson: PersonFact | undefined;
  for (const s of sentences) {
    const mentions = findPeople(s.text);
    const here: PersonFact[] = [];
    for (const m of mentions) {
      let p = people.get(m.name);
      if (!p) {
        p = { type: "person", key: factKey("person", m.name), name: m.name, source: ref(s), evidence: {} };
        people.set(m.name, p);
      }
      here.push(p);
      const before = s.text.slice(0, m.start);
      if (m.rank && !p.rank) {
        if (MILITARY_RANKS.includes(m.rank) || !/Secretary|Minister|President|Chancellor|Director|Chair/.test(m.rank)) {
          p.rank = m.rank;
          p.evidence.rank = ref(s);
        } else if (!p.role) {
          p.role = m.rank;
          const org = /([A-Z][A-Za-z]*[A-Z])\s+$/.exec(before);
          if (org) p.roleOf = org[1];
          p.evidence.role = ref(s);
        }
      }
      const after = s.text.slice(m.stop);
      const country = COUNTRY_RE.exec(after);
      if (country && !p.nationality) {
        p.nationality = country[1];
        p.evidence.nationality = ref(s);
      }
      const rest = country ? after.slice(country[0].length) : after;
      const paren = /^\s*\(([^()]+)\)/.exec(rest);
      if (paren) {
        const d = findDates(paren[1])[0];
        if (d?.end) {
          p.tenureStart = d.date;
          p.tenureEnd = d.end;
          p.evidence.tenureStart = p.evidence.tenureEnd = ref(s);
        }
      }
      const assumed = /^,?\s+who\s+(?:assumed|took|took over)\b[^,.;]*?\b(?:on|in)\s+/.exec(rest);
      if (assumed) {
        const d = findDates(rest.slice(assumed[0].length - 3))[0];
        if (d) {
          p.tenureStart = d.date;
          p.evidence.tenureStart = ref(s);
        }
      }
      if (/\b(?:under the command of|commanded by|led by)\s+$/.test(before) && !p.role) {
        p.role = "commander";
        p.roleOf = subjectOf(s);
        p.evidence.role = ref(s);
      }
    }
    linkSuccession(s, mentions, here, lastPerson, people);
    if (here.length > 0) lastPerson = here[here.length - 1];
  }
  return [...people.values()].map((p) => ({ ...p, name: tidy(p.name) }));
}

/** "She succeeds Major General X … as commander." (subject may be a pronoun for the last person named). */
function linkSuccession(
  s: Sentence,
  mentions: PersonMention[],
  here: PersonFact[],
  lastPerson: PersonFact | undefined,
  people: Map<string, PersonFact>,
): void {
  const m = /\b(succeeds|succeeded|replaces|replaced|follows|followed)\s+/.exec(s.text);
  if (!m) return;
  const objectIdx = mentions.findIndex(
    (x) => x.start >= m.index + m[0].length - 1 && x.start <= m.index + m[0].length + 1 + (x.rank?.length ?? 0),
  );
  if (objectIdx === -1) return;
  const predecessor = here[objectIdx];
  const subjectText = s.text.slice(0, m.index).trim();
  const successor = /^(?:She|He)$/.test(subjectText)
    ? lastPerson
    : here.find((p, i) => i !== objectIdx && mentions[i].stop <= m.index);
  if (!successor || successor === predecessor) return;
  predecessor.successor = successor.name;
  successor.predecessor = predecessor.name;
  predecessor.evidence.successor = successor.evidence.predecessor = ref(s);
  const role = /\bas\s+(?:the\s+)?([a-z][a-z -]*?)\s*[.;]?$/.exec(s.text);
  if (role) {
    predecessor.role ??= role[1];
    predecessor.roleOf ??= successor.role === role[1] ? successor.roleOf : undefined;
    predecessor.evidence.role ??= ref(s);
    if (!successor.role) {
      successor.role = role[1];
      successor.evidence.role = ref(s);
    }
  }
  void people;
}
