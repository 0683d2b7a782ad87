/**
 * Typed pools of real entities, used after the document's own values run out (see `poolFor`: only for an answer of
 * the pool's kind). Nothing here is invented: countries are sovereign states (lexicon.ts), cities are real cities,
 * organisations are real international organisations under their official English names, ranks are NATO rank
 * titles (STANAG 2116), titles are offices that exist in most governments. An entry the document states is filtered
 * out at use. Invented people and schools were removed (issue 13: "0 invented distractors").
 */
import { COUNTRIES, MILITARY_RANKS } from "./lexicon";

export const RANK_POOL: readonly string[] = MILITARY_RANKS;

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

export const COUNTRY_POOL: readonly string[] = COUNTRIES.filter((c) => !["Türkiye", "Czechia"].includes(c));

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
 * Cities that hosted a NATO summit (nato.int, "Summit meetings of Heads of State and Government"): distractors for a
 * NATO "<city> Summit" only; any other kind of occasion gets distractors from its document or none.
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
