/**
 * Typed pools of real entities, used after the document's own values run out (see `poolFor`: only for an answer of
 * the pool's kind). Nothing here is invented: countries are sovereign states (lexicon.ts), cities are real cities,
 * organisations are real international organisations under their official English names, ranks are NATO rank
 * titles (STANAG 2116), titles are offices that exist in most governments. An entry the document states is filtered
 * out at use. Invented people and schools were removed (issue 13: "0 invented distractors").
 */
import { COUNTRIES, MILITARY_RANKS } from "./lexicon";

export const RANK_POOL: readonly string[] = MILITARY_RANKS;

/** Offices that exist in most governments and international organisations (not offered at present: kept typed). */
export const TITLE_POOL: readonly string[] = [
  "Secretary General",
  "Deputy Secretary General",
  "Prime Minister",
  "President",
  "Foreign Minister",
  "Defence Minister",
  "Chairman",
  "Director",
  "Ambassador",
  "Chief of Staff",
];

/** States (lexicon.ts `COUNTRIES`: UN members, and Kosovo), offered to a country answer only (place-kind.ts). */
export const COUNTRY_POOL: readonly string[] = COUNTRIES.filter((c) => !["Türkiye", "Czechia"].includes(c));

/**
 * Cities: national capitals and large cities (each the seat of a national or regional government or over 500,000
 * people, as their Wikipedia/Britannica entries give), offered only to an answer that is itself a city known beyond
 * its country (place-kind.ts `knownCity`): never to a town the document alone calls a town, nor to a region.
 */
export const CITY_POOL: readonly string[] = [
  "Brussels",
  "Paris",
  "Berlin",
  "Madrid",
  "Rome",
  "Warsaw",
  "Vienna",
  "Prague",
  "Ankara",
  "Cairo",
  "Amman",
  "Beirut",
  "Kabul",
  "London",
  "Lisbon",
  "Oslo",
  "Stockholm",
  "Helsinki",
  "Copenhagen",
  "Athens",
  "Geneva",
  "Naples",
  "Mosul",
  "Basra",
  "Erbil",
  "Houston",
  "Moscow",
  "Chicago",
  "Munich",
  "Zurich",
  "Budapest",
  "Bucharest",
  "Sofia",
  "Riga",
];

/**
 * Intergovernmental organisations under their official English names (each organisation's own site), and one
 * national academy (the Royal Society). `poolFor` offers an entry only to an answer with the same head noun, so a
 * "… Society" meets the Royal Society and a "… Union" the unions.
 */
export const ORGANISATION_POOL: readonly string[] = [
  "United Nations",
  "European Union",
  "African Union",
  "World Health Organization",
  "International Committee of the Red Cross",
  "Organization for Security and Co-operation in Europe",
  "World Bank",
  "International Monetary Fund",
  "Council of Europe",
  "Arab League",
  "International Atomic Energy Agency",
  "European Space Agency",
  "Royal Society",
];

/**
 * Venues of NATO summits as NATO names the summits (nato.int, "Summit meetings of Heads of State and Government"; the
 * 2014 summit is the "Wales Summit", the 2009 one "Strasbourg/Kehl"): distractors for a NATO "<venue> Summit" only;
 * any other kind of occasion gets distractors from its document or none.
 */
export const NATO_SUMMIT_CITIES: readonly string[] = [
  "Madrid",
  "Lisbon",
  "Wales",
  "Chicago",
  "Riga",
  "Istanbul",
  "Prague",
  "Bucharest",
  "Strasbourg/Kehl",
  "Vilnius",
];

/**
 * A pool is offered only for an answer that is itself of the pool's kind: a country for a country, a city for a
 * city, an international organisation for one with the same head noun ("… Union", "… Fund"). A continent is never
 * offered among cities, nor a fund for a launch site.
 * @example poolFor("Finland", COUNTRY_POOL) // COUNTRY_POOL
 * @example poolFor("Kennedy Space Center", ORGANISATION_POOL) // []
 */
export function poolFor(answer: string, pool: readonly string[]): readonly string[] {
  if (pool.includes(answer)) return pool;
  const head = answer.split(/\s+/).pop() ?? "";
  if (pool === ORGANISATION_POOL) return pool.filter((o) => o.split(/\s+/).pop() === head && o !== answer);
  return [];
}
