/**
 * Names that mean the same thing, for grading typed answers: "USA" answers "United States". A small curated table,
 * not a knowledge base: English short and formal names of states as in ISO 3166-1 and the UN's terminology database
 * (UNTERM), a few long-standing former or common names (Burma, Holland), the official names and acronyms of
 * intergovernmental organisations as each organisation writes them, and the oceans by their one-word names.
 * Compiled by hand for Factdeck, 2026-12; add a group only when every spelling in it names the same thing.
 */
import { normaliseText } from "./normalise";

const GROUPS: readonly (readonly string[])[] = [
  ["United States", "United States of America", "USA", "US", "U.S.", "U.S.A."],
  ["United Kingdom", "United Kingdom of Great Britain and Northern Ireland", "UK", "U.K.", "Britain"],
  ["Soviet Union", "Union of Soviet Socialist Republics", "USSR", "U.S.S.R."],
  ["Netherlands", "Holland", "Kingdom of the Netherlands"],
  ["Czechia", "Czech Republic"],
  ["Myanmar", "Burma"],
  ["Türkiye", "Turkey"],
  ["Côte d'Ivoire", "Ivory Coast"],
  ["United Arab Emirates", "UAE"],
  ["Democratic Republic of the Congo", "DR Congo", "DRC"],
  ["South Korea", "Republic of Korea"],
  ["North Korea", "Democratic People's Republic of Korea", "DPRK"],
  ["Russia", "Russian Federation"],
  ["United Nations", "UN", "U.N."],
  ["European Union", "EU"],
  ["North Atlantic Treaty Organization", "North Atlantic Treaty Organisation", "NATO"],
  ["World Health Organization", "World Health Organisation", "WHO"],
  ["International Monetary Fund", "IMF"],
  ["Pacific Ocean", "Pacific"],
  ["Atlantic Ocean", "Atlantic"],
  ["Arctic Ocean", "Arctic"],
  ["Southern Ocean", "Antarctic Ocean"],
];

const GROUP_OF = new Map<string, number>();
GROUPS.forEach((names, i) => names.forEach((n) => GROUP_OF.set(normaliseText(n), i)));

/**
 * True when `a` and `b` are different names of one thing in the alias table (normalised: case, punctuation and a
 * leading article do not matter).
 *
 * @example
 * sameByAlias('the USA', 'United States') // true
 * sameByAlias('Austria', 'Australia') // false
 */
export function sameByAlias(a: string, b: string): boolean {
  const ga = GROUP_OF.get(normaliseText(a));
  return ga !== undefined && ga === GROUP_OF.get(normaliseText(b)) && normaliseText(a) !== normaliseText(b);
}

/**
 * The first name of the alias group `name` belongs to, normalised, or undefined when it is in none.
 * @example canonicalAlias('usa') // 'united states'
 */
export function canonicalAlias(name: string): string | undefined {
  const group = GROUP_OF.get(normaliseText(name));
  return group === undefined ? undefined : normaliseText(GROUPS[group]![0]!);
}

/** Measurement units by what they measure in: every spelling of one unit maps to its symbol. */
const UNITS: Record<string, readonly string[]> = {
  km: ["km", "kms", "kilometre", "kilometres", "kilometer", "kilometers"],
  m: ["m", "metre", "metres", "meter", "meters"],
  cm: ["cm", "centimetre", "centimetres", "centimeter", "centimeters"],
  mm: ["mm", "millimetre", "millimetres", "millimeter", "millimeters"],
  mi: ["mi", "mile", "miles"],
  ft: ["ft", "foot", "feet"],
  "km²": ["km2", "km²", "sq km", "square kilometre", "square kilometres", "square kilometer", "square kilometers"],
  "mi²": ["sq mi", "square mile", "square miles"],
  ha: ["ha", "hectare", "hectares"],
  kg: ["kg", "kgs", "kilo", "kilos", "kilogram", "kilograms", "kilogramme", "kilogrammes"],
  g: ["g", "gram", "grams", "gramme", "grammes"],
  t: ["t", "tonne", "tonnes", "metric ton", "metric tons"],
  lb: ["lb", "lbs", "pound", "pounds"],
  "%": ["%", "percent", "per cent", "pc"],
  "°C": ["°c", "degrees celsius", "celsius", "degrees centigrade"],
  "°F": ["°f", "degrees fahrenheit", "fahrenheit"],
  "km/h": ["km/h", "kmh", "kph", "kilometres per hour", "kilometers per hour"],
  mph: ["mph", "miles per hour"],
};
const UNIT_OF = new Map<string, string>();
for (const [symbol, names] of Object.entries(UNITS)) for (const n of names) UNIT_OF.set(n, symbol);
const LONGEST_UNIT = Math.max(...[...UNIT_OF.keys()].map((k) => k.split(" ").length));

/**
 * The measurement unit that opens `text` (what follows a number), as its symbol, or undefined when the words are no
 * unit this table knows ("personnel", "people").
 *
 * @example
 * unitAt('kilometres long') // 'km'
 * unitAt('personnel') // undefined
 */
export function unitAt(text: string): string | undefined {
  const words = text
    .toLowerCase()
    .replace(/^\s*(%)/, "$1 ")
    .split(/\s+/)
    .map((w) => w.replace(/[.,;:!?)]+$/, ""))
    .filter(Boolean);
  for (let n = Math.min(LONGEST_UNIT, words.length); n > 0; n--) {
    const unit = UNIT_OF.get(words.slice(0, n).join(" "));
    if (unit) return unit;
  }
  return undefined;
}
