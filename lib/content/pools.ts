/**
 * Type-consistent distractor pools, used after the document's own values run out.
 * Entries are plausible but generic; an entry that the document states is filtered out at use.
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

export const PERSON_POOL: readonly string[] = [
  "Anne Dubois",
  "Mark Jensen",
  "Peter Novak",
  "Laura Bianchi",
  "James Carter",
  "Sofia Lindqvist",
  "Thomas Keller",
  "Maria Santos",
  "David Moreau",
  "Elena Petrova",
  "Robert Hughes",
  "Karen Olsen",
  "Michel Laurent",
  "Helen Price",
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
  "Academy of Sciences",
];

export const INSTITUTION_POOL: readonly string[] = [
  "Naval Academy",
  "Military Police School",
  "Air Defence School",
  "Artillery School",
  "Infantry School",
  "Staff College",
  "Military Music School",
  "Cavalry School",
  "Aviation School",
  "Military Law School",
  "Marine Corps Academy",
  "Civil Defence College",
  "Border Guard School",
  "Cyber Defence Centre",
];

/** Head nouns for invented occasions ("Madrid Summit") are paired with CITY_POOL. */
export const OCCASION_CITY_POOL: readonly string[] = [
  "Madrid",
  "Lisbon",
  "Wales",
  "Chicago",
  "Riga",
  "Istanbul",
  "Prague",
  "Bucharest",
  "Strasbourg",
  "Vilnius",
];
