import { INSTITUTION_HEADS, MONTHS, WEEKDAYS } from "./lexicon";
import type { NameMention } from "./extract-names";

/** Verbs whose "in/at/near X" names where something is: "born in Erode", "is based in Mons", "begins at Donaueschingen". */
const LOCATIVE_VERBS = [
  "born",
  "died",
  "grew up",
  "raised",
  "buried",
  "based",
  "headquartered",
  "located",
  "situated",
  "signed",
  "settled",
  "lived",
  "lives",
  "stationed",
  "rises",
  "begins",
  "moored",
];
/** Nouns for a place, before "in/at/near X" ("a nursing home in Putney") or as an appositive ("Erode, a town in …"). */
const PLACE_NOUNS = [
  "town",
  "city",
  "village",
  "home",
  "hospital",
  "suburb",
  "district",
  "region",
  "province",
  "county",
  "port",
  "harbour",
  "island",
  "valley",
  "river",
  "lake",
  "camp",
];
// "born in Paris Hospital": an institution, which the organisation rules read.
const NOT_PLACES = new Set([...MONTHS, ...WEEKDAYS, ...INSTITUTION_HEADS]);

const WORD = "[A-Z][\\p{Ll}'’-]+";
const NAME = `(${WORD}(?: ${WORD}){0,2})`;
// The name ends at a clause break, a lower-case word or a number: never inside a longer capitalised run.
const END = "(?=[,.;:)]|\\s+[a-z\\d(]|$)";
const CUED = new RegExp(
  `\\b(?:(?:${LOCATIVE_VERBS.join("|")})|(?:${PLACE_NOUNS.join("|")})) (?:in|at|near) ${NAME}${END}`,
  "gu",
);
// "The Selenga, a river …" opens with its article; a bare first word ("Downstream, the river …") is never taken.
const APPOSED = new RegExp(
  `(?<![\\p{L}])(?:The )?${NAME}, (?:a|an|the) (?:[a-z-]+ ){0,3}(?:${PLACE_NOUNS.join("|")})\\b`,
  "gu",
);

/**
 * Places the sentence itself says are places, whether or not any name list knows them: the name after a locative
 * verb or a place noun and "in/at/near" ("born in Erode", "grew up in Kumbakonam", "a nursing home in Putney"), and a
 * name with a place noun as its appositive ("… on Olkhon, the largest island in the lake"). A sentence's first word
 * (unless after "The"), a month, a weekday and a name with an institution's head noun are never taken.
 *
 * @example locatedPlaces('He grew up in Kumbakonam, where his father worked.')[0].name // 'Kumbakonam'
 */
export function locatedPlaces(sentence: string): NameMention[] {
  const out: NameMention[] = [];
  for (const re of [CUED, APPOSED]) {
    for (const m of sentence.matchAll(re)) {
      const name = m[1]!;
      const start = m.index + (re === CUED ? m[0].length - name.length : m[0].indexOf(name));
      if (start === 0 || name.split(" ").some((w) => NOT_PLACES.has(w))) continue;
      if (!out.some((o) => o.start === start)) out.push({ name, start, stop: start + name.length });
    }
  }
  return out;
}
