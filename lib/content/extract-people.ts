import nlp from "compromise";
import { analyse, proposals } from "./tokens";
import { findDates } from "./dates";
import { factKey } from "./keys";
import { COUNTRIES, INSTITUTION_HEADS, MILITARY_RANKS, RANKS } from "./lexicon";
import { escapeRegExp, tidy } from "./text";
import type { PersonFact, Sentence, SourceRef } from "./types";

// A capitalised word, or an ALL-CAPS surname as official pages write them ("Major General László STICZ").
const NAME_WORD = "(?:[A-Z][a-zà-ÿ'’-]+|[A-ZÀ-Þ][A-ZÀ-Þ'’-]+(?![a-z]))";
const RANK_RE = new RegExp(
  `(?<![\\w-])(?:(${RANKS.map(escapeRegExp).join("|")})\\s+)(${NAME_WORD}(?:\\s+(?:[A-Z]\\.\\s+)?${NAME_WORD}){1,2})`,
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

const PERSON_NAME = `${NAME_WORD}(?:\\s+(?:[A-Z]\\.\\s+)?${NAME_WORD}){1,3}`;
const ROLE_THEN_NAME = new RegExp(`\\b([a-z][a-z-]{3,})\\s+(${PERSON_NAME})(?![\\w'’-])`, "g");
const NAME_THEN_ROLE = new RegExp(
  `(?:^|(?<=[.;]\\s))(${PERSON_NAME})(?:\\s+\\([^()]*\\))?(?:\\s+(?:is|was)|,)\\s+(?:a|an)\\s+([^,.;()]{3,80})`,
  "g",
);

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
  for (const p of proposals(sentence, "people")) {
    let text = p.text
      .replace(/(?:['’]s|[^\p{L}\p{N})])+$/u, "")
      .replace(/^(?:[A-Z][a-z]+\s+)*?(?=(?:[A-Z][a-z]+\s+){1,2}[A-Z][a-z]+$)/, (lead) =>
        TITLE_WORDS.has(lead.trim()) ? "" : lead,
      );
    // "Director-General Rolf Heuer": a title compromise took into the name is not part of it.
    const title = /^(?:[A-Z][a-z]+-)?[A-Z][a-z]+\s+(?=\S+\s+\S)/.exec(text)?.[0];
    if (
      title &&
      title
        .trim()
        .split("-")
        .every((w) => isRoleNoun(w))
    )
      text = text.slice(title.length);
    const start = sentence.indexOf(text, p.offset.start);
    if (start >= 0) add(text, start, rankBefore(sentence, start));
  }
  // A person noun right before a capitalised run ("the German meteorologist Alfred Wegener", "spokesperson Fabiola
  // Gianotti"), or a person noun the run is said to be ("Srinivasa Ramanujan (…) was an Indian mathematician",
  // "Robert Cailliau, a Belgian engineer,"), makes it a person compromise does not know.
  for (const m of sentence.matchAll(ROLE_THEN_NAME))
    if (isRoleNoun(m[1]!))
      add(m[2]!, m.index + m[0].length - m[2]!.length, rankBefore(sentence, m.index + m[0].length - m[2]!.length));
  for (const m of sentence.matchAll(NAME_THEN_ROLE)) if (roleAtStart(m[2]!)) add(m[1]!, m.index + m[0].indexOf(m[1]!));
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
  // "Director-General Rolf Heuer": "General" is part of a hyphenated title, not his rank.
  return RANKS.find((r) => before.endsWith(`${r} `) && !/[\w-]$/.test(before.slice(0, -r.length - 1)));
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
    for (const r of findRoles(s.text, mentions)) {
      const p = people.get(r.name);
      if (p && !p.description) p.description = { role: r.role, tense: r.tense, source: ref(s) };
    }
    linkSuccession(s, mentions, here, lastPerson, people);
    if (here.length > 0) lastPerson = here[here.length - 1];
  }
  // A name the document writes after "the" ("the Rosetta Stone") is a thing: a person's name takes no article.
  const things = (name: string) =>
    sentences.some((s) => new RegExp(`\\b[Tt]he\\s+${escapeRegExp(name)}\\b`).test(s.text));
  return [...people.values()].filter((p) => !things(p.name)).map((p) => ({ ...p, name: tidy(p.name) }));
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

// Nouns that name what a person is or does, beyond compromise's #Actor tag ("engineer" and "mathematician" lack it).
const ROLE_WORDS = new Set(
  [
    ...["engineer", "mathematician", "diver", "king", "queen", "explorer", "founder", "senator", "director"],
    ...["executive", "governor", "mayor", "minister", "chancellor", "secretary", "general", "emperor", "pope"],
    ...["navigator", "surveyor", "shipwright", "sculptor", "philosopher", "historian", "astronaut", "cosmonaut"],
  ].map((w) => w.toLowerCase()),
);

/** True when `word` (lower case) names a person by occupation or office ("meteorologist", "architect"). */
export function isRoleNoun(word: string): boolean {
  const w = word.toLowerCase();
  // "Director-General", "editor-in-chief": a compound whose first part names a person.
  if (w.includes("-")) return isRoleNoun(w.split("-")[0]!) && !/-born$/.test(w);
  if (ROLE_WORDS.has(w)) return true;
  if (!/^[a-z-]{4,}$/.test(w) || /(?:ing|ed|ly|ness|ment|tion|sion)$/.test(w)) return false;
  if (/(?:ologist|ician|ist|eer)$/.test(w)) return true;
  let actor = ACTORS.get(w);
  if (actor === undefined) {
    // compromise directly, not tokens.ts's `analyse`: that one records each word's tags for the sentences it tags,
    // and "the views" would make the verb of "Stoltenberg views …" a noun there.
    actor = nlp(`the ${w}`).has("#Actor");
    if (ACTORS.size > 5000) ACTORS.clear();
    ACTORS.set(w, actor);
  }
  return actor;
}
const ACTORS = new Map<string, boolean>();

/** How a sentence describes a person: "the German meteorologist Alfred Wegener" → "German meteorologist". */
export interface RoleMention {
  name: string;
  /** Without the article: "British civil and mechanical engineer". */
  role: string;
  /** "is" or "was", as the sentence has it (appositives take the main verb's tense). */
  tense: "is" | "was";
}

// Words a role may hold before its head: adjectives and nouns ("civil and mechanical", "structural", "navy",
// "computer", "French-born"), never a verb or a number.
const ROLE_WORD = "(?:[A-Z]{2,}|[A-Z][a-z]+(?:-[A-Za-z]+)?|[a-z][a-z-]*)";

/**
 * Descriptions of named people: an appositive before the name ("the German meteorologist Alfred Wegener", "CMS
 * spokesperson Joe Incandela"), after it ("Robert Cailliau, a Belgian engineer,"), or the sentence's own claim
 * ("Isambard Kingdom Brunel was a British civil and mechanical engineer of …"). The role must end in a noun that
 * names a person (`isRoleNoun`); one owned by a pronoun ("his assistant") says nothing on its own and is skipped.
 */
export function findRoles(sentence: string, mentions: PersonMention[] = findPeople(sentence)): RoleMention[] {
  const out: RoleMention[] = [];
  const past = analyse(sentence).has("#PastTense");
  for (const m of mentions) {
    if (m.rank) continue; // "Major General X": a rank, read by extractPeople
    const before = sentence.slice(0, m.start);
    const after = sentence.slice(m.stop);
    const lead = new RegExp(
      `(?:\\b([Tt]he|[Aa]n?|[A-Z][\\w-]*['’]s)\\s+|^)((?:${ROLE_WORD}\\s+){0,4}${ROLE_WORD})\\s+$`,
    ).exec(before);
    // "His assistant Hein Jacobsson": a role owned by a pronoun says nothing on its own; "Johann Strauss II": a cut name.
    if (/^\s+[A-Z0-9]/.test(after)) continue;
    if (lead && (lead[1] || lead.index === 0) && !/^(?:His|Her|Its|Their|Our|My|Your)\b/.test(lead[2]!)) {
      const role = roleOf(lead[2]!);
      if (role)
        out.push({
          name: m.name,
          role: lead[1] && /['’]s$/.test(lead[1]) ? `${lead[1]} ${role}` : role,
          tense: past ? "was" : "is",
        });
      continue;
    }
    const trailing = /^,\s+(?:a|an)\s+([^,.;()]{3,80})/.exec(after);
    const trailingRole = trailing && roleAtStart(trailing[1]!);
    if (trailingRole) {
      out.push({ name: m.name, role: trailingRole, tense: past ? "was" : "is" });
      continue;
    }
    const claim = /^(?:\s+\([^()]*\))?\s+(is|was)\s+(?:a|an)\s+([^,.;()]{3,80})/.exec(after);
    const claimRole = claim && m.start === 0 && roleAtStart(claim[2]!);
    if (claimRole) out.push({ name: m.name, role: claimRole, tense: claim[1] as "is" | "was" });
  }
  return out;
}

/**
 * The role inside a run of words, ending at its last person noun: "German meteorologist" from "German
 * meteorologist"; in an appositive before a name, the words must all be a modifier run ("the navy diver"). `whole`
 * allows "and" inside ("civil and mechanical engineer") but needs the run to end on the head.
 */
function roleOf(words: string, whole = false): string | undefined {
  const parts = words.split(/\s+/);
  const head = parts[parts.length - 1]!;
  if (!isRoleNoun(head)) return undefined;
  // Function words inside the run mean it is not one noun phrase ("who had", "in the").
  const inner = parts.slice(0, -1);
  if (
    inner.some((w) =>
      /^(?:the|a|an|of|in|on|at|by|to|was|is|were|had|has|who|which|that|said|when|while|after)$/i.test(w),
    )
  )
    return undefined;
  if (!whole && inner.includes("and")) return undefined;
  // Only the lower-case tail and a capitalised nationality or owner right before it: "ATLAS experiment spokesperson".
  return parts.join(" ");
}

const ROLE_STOP = /^(?:who|whom|which|that|of|at|from|in|on|for|with|whose|to|by|during|since|until|born)$/;

/**
 * The role a noun phrase opens with, cut before a relative clause or a prepositional phrase, if its last word names a
 * person: "British civil and mechanical engineer of the Industrial Revolution" → "British civil and mechanical
 * engineer"; "railway engineer" → itself; "bundle of papers" → undefined.
 */
function roleAtStart(phrase: string): string | undefined {
  const words = phrase.trim().split(/\s+/);
  const stop = words.findIndex((w) => ROLE_STOP.test(w));
  const run = stop === -1 ? words : words.slice(0, stop);
  if (run.length === 0 || run.length > 6) return undefined;
  return roleOf(run.join(" "), true);
}
