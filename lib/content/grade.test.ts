import { describe, expect, it } from "vitest";
import { explainVerdict, grade } from "./grade";
import type { GeneratedItem } from "./types";

const source = { text: "x", start: 0, end: 1 };
function item(over: Partial<GeneratedItem>): GeneratedItem {
  return {
    key: "k",
    factKey: "f",
    kind: "typed",
    prompt: "Q?",
    answer: "",
    accepted: [],
    options: null,
    answerType: "text",
    topic: "dates",
    difficulty: 0.5,
    source,
    ...over,
  };
}

/** What the learner is told: "accepted — …", the reason for a refusal, or null for a plain right answer. */
const told = (it: GeneratedItem, response: string, locale?: string) => {
  const v = grade(it, response, { locale });
  return { correct: v.correct, said: explainVerdict(v) };
};

describe("grade: dates", () => {
  const day = item({ answer: "26 November 2019", answerType: "date" });
  it.each([
    "26 November 2019",
    "26 Nov 2019",
    "November 26, 2019",
    "26/11/2019",
    "26.11.2019",
    "2019-11-26",
    "the 26th of November 2019",
    "on 26 November 2019",
  ])("accepts %s", (r) => {
    expect(grade(day, r)).toEqual({ correct: true, normalised: "2019-11-26", expected: "2019-11-26", tolerated: [] });
  });
  it.each([
    ["25 November 2019", "a different day"],
    ["26 October 2019", "a different month"],
    ["26 November 2018", "a different year"],
    ["November 2019", "the question asks for a day"],
    ["2019", "the question asks for a day"],
    ["11/26/2018", "a different year"],
    ["soon", "that is not a date: write it like 20 July 1969"],
  ])("rejects %s: %s", (r, reason) => {
    const v = grade(day, r);
    expect(v.correct).toBe(false);
    expect(v.reason).toBe(reason);
    expect(v.ratingHint).toBe("again");
  });
  it("asks a month question at month precision", () => {
    const month = item({ answer: "July 2018", answerType: "date" });
    for (const r of ["July 2018", "Jul 2018", "2018-07", "07/2018", "in July 2018"])
      expect(grade(month, r).correct).toBe(true);
    for (const r of ["June 2018", "July 2016", "2018"]) expect(grade(month, r).correct).toBe(false);
    expect(grade(month, "2018").reason).toBe("the question asks for a month and year");
  });
  it("grades periods on both ends", () => {
    const period = item({ answer: "2004–2011", answerType: "date" });
    for (const r of ["2004-2011", "2004 to 2011", "from 2004 to 2011", "2004 – 2011"])
      expect(grade(period, r).correct).toBe(true);
    for (const r of ["2004", "2005-2011", "2004 to 2012"]) expect(grade(period, r).correct).toBe(false);
    expect(grade(period, "2004").reason).toBe("the question asks for a period: give its start and its end");
  });
});

describe("grade: month names forgive typos by length, digits never", () => {
  const october = item({ answer: "October 2018", answerType: "date" });
  it.each([
    ["Ocotber 2018", "accepted — spelling: October"],
    ["Octobr 2018", "accepted — spelling: October"],
    ["26 Ocotber 2018", "accepted — spelling: October"],
    ["Septmber 2004 to Ocotber 2018", null], // a period: the item asks for one month
  ])("%s → %s", (r, said) => {
    if (said) expect(told(october, r)).toEqual({ correct: true, said });
    else expect(grade(october, r).correct).toBe(false);
  });
  it("rates a forgiven typo Hard at most", () => {
    expect(grade(october, "Ocotber 2018").ratingHint).toBe("hard");
    expect(grade(october, "October 2018").ratingHint).toBeUndefined();
  });
  it.each(["October 2081", "October 2019", "Octbr 2018", "Jnue 2018"])("refuses %s", (r) => {
    expect(grade(october, r).correct).toBe(false);
  });
  it("forgives no typo in a short month name (June is two letters from July)", () => {
    const june = item({ answer: "June 1944", answerType: "date" });
    expect(grade(june, "July 1944").correct).toBe(false);
    expect(grade(june, "Jnue 1944").correct).toBe(false);
  });
  it("never takes a near month for the right one when two are as near", () => {
    // "Jule" is one letter from both June and July: too short anyway, and ambiguous.
    expect(grade(item({ answer: "July 1969", answerType: "date" }), "Jule 1969").correct).toBe(false);
  });
});

describe("grade: ambiguous numeric dates by the learner's locale", () => {
  const d = item({ answer: "5 April 1904", answerType: "date" });
  it("refuses 5/4/1904 without a locale, with the hint to write the month as a word", () => {
    expect(told(d, "5/4/1904")).toEqual({
      correct: false,
      said: "5/4/1904 could be 5 April 1904 or May 4, 1904: write the month as a word",
    });
  });
  it("reads it day first in en-GB and says so", () => {
    expect(told(d, "5/4/1904", "en-GB")).toEqual({
      correct: true,
      said: "accepted — read as: 5 April 1904 (day first, as in en-GB)",
    });
  });
  it("reads it month first in en-US, where it is 4 May, and says how it was read", () => {
    expect(told(d, "5/4/1904", "en-US")).toEqual({
      correct: false,
      said: "a different month (5/4/1904 was read as 4 May 1904)",
    });
    expect(told(d, "4/5/1904", "en-US").correct).toBe(true);
  });
  it("needs no locale when only one reading is a date, or both are the same", () => {
    expect(grade(d, "05.04.1904", { locale: "de-DE" }).correct).toBe(true);
    expect(grade(item({ answer: "26 November 2019", answerType: "date" }), "11/26/2019").correct).toBe(true);
    expect(grade(item({ answer: "5 May 1904", answerType: "date" }), "5/5/1904").correct).toBe(true);
    expect(grade(d, "5 April 1904").correct).toBe(true);
  });
  it("treats an unknown locale like none", () => {
    expect(grade(d, "5/4/1904", { locale: "not a locale!" }).correct).toBe(false);
  });
});

describe("grade: numbers (exact, units and hedges stripped)", () => {
  const n = item({ answer: "500", accepted: ["around 500"], answerType: "number" });
  it.each(["500", "five hundred", "500 personnel", "around 500", "about 500 people"])("accepts %s", (r) => {
    expect(grade(n, r)).toEqual({ correct: true, normalised: "500", expected: "500", tolerated: [] });
  });
  it.each(["350", "5000", "fifty", "many", "5OO"])("rejects %s", (r) => expect(grade(n, r).correct).toBe(false));
  it('reads "more than 350" as 350 and large scales', () => {
    expect(grade(item({ answer: "more than 350", answerType: "number" }), "350").correct).toBe(true);
    expect(grade(item({ answer: "650 million", answerType: "number" }), "650,000,000").correct).toBe(true);
    expect(grade(item({ answer: "8", answerType: "number" }), "eight").correct).toBe(true);
  });
  it("never forgives a typo in a number: 1961 is not 1916", () => {
    expect(told(item({ answer: "1916", answerType: "number" }), "1961")).toEqual({
      correct: false,
      said: "a different number (numbers must be exact: no typo is forgiven in them)",
    });
    expect(told(item({ answer: "1916", answerType: "number" }), "many")).toEqual({
      correct: false,
      said: "the question asks for a number",
    });
  });
  it.each([
    ["82 km", true],
    ["82 kilometres", true],
    ["82 kilometers long", true],
    ["82", true],
    ["eighty-two km", true],
    ["82 miles", false],
    ["83 km", false],
  ])("a distance of 82 kilometres: %s → %s", (r, ok) => {
    expect(grade(item({ answer: "82 kilometres", answerType: "text" }), r).correct).toBe(ok);
    expect(grade(item({ answer: "82 km", answerType: "number" }), r).correct).toBe(ok);
  });
  it("says which unit was asked for", () => {
    expect(grade(item({ answer: "82 km", answerType: "number" }), "82 mi").reason).toBe("the answer is in km, not mi");
  });
});

describe("grade: people", () => {
  const carignan = item({
    answer: "Major General Jennie Carignan",
    accepted: ["Jennie Carignan", "Carignan", "Major General Carignan"],
    answerType: "person",
  });
  it.each([
    ["Major General Jennie Carignan", null],
    ["Jennie Carignan", null],
    ["General Jennie Carignan", null],
    ["Major General Carignan", "accepted — surname alone: Carignan"],
    ["carignan", "accepted — surname alone: Carignan"],
    ["Jenny Carignan", "accepted — spelling: Jennie"],
    ["Carginan", "accepted — spelling: Carignan; surname alone: Carignan"],
  ])("accepts %s (%s)", (r, said) => {
    expect(told(carignan, r)).toEqual({ correct: true, said });
  });
  it.each([
    ["Dany Fortin", "a different person"],
    ["Major General Dany Fortin", "a different person"],
    ["Fortin", "a different person"],
    ["Jennie", "give the surname too"],
    ["Major General", "a different person"],
    ["Marie Carignan", "a different first name"],
  ])("rejects %s: %s", (r, said) => {
    expect(told(carignan, r)).toEqual({ correct: false, said });
  });

  const stevens = item({ answer: "John F. Stevens", accepted: ["Stevens"], answerType: "person" });
  it.each([
    ["John F. Stevens", null],
    ["John F Stevens", null],
    ["John Stevens", "accepted — without the middle initial: F."],
    ["Jon Stevens", "accepted — spelling: John; without the middle initial: F."],
    ["Stevens", "accepted — surname alone: Stevens"],
  ])("a full name with or without its middle initial: %s", (r, said) => {
    expect(told(stevens, r)).toEqual({ correct: true, said });
  });
  it("accepts an initial the text does not give, which it cannot check", () => {
    const kennedy = item({ answer: "John Kennedy", answerType: "person" });
    expect(told(kennedy, "John F. Kennedy")).toEqual({ correct: true, said: null });
  });
  it("refuses a wrong middle initial and another man with the surname", () => {
    expect(told(stevens, "John G. Stevens")).toEqual({
      correct: false,
      said: "a different middle initial or first name",
    });
    expect(grade(stevens, "Ray Stevens").correct).toBe(false);
  });
  it("accepts the surname alone only when the item does (no unique surname → full name needed)", () => {
    const marie = item({ answer: "Marie Curie", accepted: ["Marie Curie"], answerType: "person" });
    expect(told(marie, "Curie")).toEqual({
      correct: false,
      said: "give the full name: the surname alone is not enough here",
    });
    expect(grade(marie, "marie curie").correct).toBe(true);
  });
  it("refuses the surname alone when the prompt asks for the full name", () => {
    const full = item({ ...stevens, prompt: "What is the full name of the chief engineer?" });
    expect(told(full, "Stevens")).toEqual({ correct: false, said: "the question asks for the full name" });
    expect(grade(full, "John Stevens").correct).toBe(true);
  });
});

describe("grade: text, places and organisations", () => {
  it("ignores case, punctuation, diacritics and leading articles; forgives typos by length", () => {
    const org = item({ answer: "NATO Training Mission in Iraq", answerType: "organisation" });
    expect(grade(org, "the nato training mission in iraq!").correct).toBe(true);
    expect(told(org, "NATO Trainig Mision in Iraq")).toEqual({
      correct: true,
      said: "accepted — spelling: Training Mission",
    });
    expect(grade(org, "NATO Mission Iraq").correct).toBe(false);
    const place = item({ answer: "Taji", answerType: "place" });
    expect(grade(place, "Tají").correct).toBe(true);
    expect(grade(place, "Taja").correct).toBe(false); // ≤ 4 characters: no typo allowed
    const country = item({ answer: "Austria", answerType: "place" });
    expect(told(country, "Australia")).toEqual({ correct: false, said: "not the answer the text gives" });
    expect(told(country, "Austira")).toEqual({ correct: true, said: "accepted — spelling: Austria" });
  });
  it("never forgives a changed digit, though a typo in the letters around it", () => {
    const apollo = item({ answer: "Apollo 11", answerType: "text" });
    expect(told(apollo, "Apollo 12")).toEqual({
      correct: false,
      said: "a different number in the name (digits must be exact)",
    });
    expect(grade(apollo, "Apolo 11").correct).toBe(true);
  });
  it.each([
    ["United States", "USA", "accepted — same as: USA = United States"],
    ["United States", "the U.S.", "accepted — same as: the U.S. = United States"],
    ["United Kingdom", "UK", "accepted — same as: UK = United Kingdom"],
    ["Pacific Ocean", "the Pacific", "accepted — same as: the Pacific = Pacific Ocean"],
    ["Soviet Union", "USSR", "accepted — same as: USSR = Soviet Union"],
  ])("knows common aliases: %s ← %s", (answer, r, said) => {
    expect(told(item({ answer, answerType: "place" }), r)).toEqual({ correct: true, said });
  });
  it("takes British and American spellings as the same word, not a typo", () => {
    const who = item({ answer: "World Health Organization", answerType: "organisation" });
    expect(told(who, "World Health Organisation")).toEqual({ correct: true, said: null });
  });
  it("keeps aliases to one thing: Austria is not Australia, the UK is not the US", () => {
    expect(grade(item({ answer: "United Kingdom", answerType: "place" }), "USA").correct).toBe(false);
    expect(grade(item({ answer: "Atlantic Ocean", answerType: "place" }), "the Pacific").correct).toBe(false);
  });
  it("says so when nothing was typed", () => {
    expect(told(item({ answer: "Taji", answerType: "place" }), "  ")).toEqual({
      correct: false,
      said: "no answer was given",
    });
  });
});

describe("grade: a key's frame is not part of the answer (decision 040)", () => {
  it("accepts the entity alone for a place frame or a nationality before an abbreviation", () => {
    const town = item({ answer: "the Dutch town of Zwolle", answerType: "place" });
    expect(grade(town, "Zwolle").correct).toBe(true);
    expect(grade(town, "the Dutch town of Zwolle").correct).toBe(true);
    expect(grade(town, "Deventer").correct).toBe(false);
    expect(grade(item({ answer: "the Italian city of Turin", answerType: "place" }), "Turin").correct).toBe(true);
    expect(grade(item({ answer: "American GPS", answerType: "text" }), "GPS").correct).toBe(true);
    expect(grade(item({ answer: "port of Gdańsk", answerType: "place" }), "Gdansk").correct).toBe(true);
    // The adjective or the frame is part of the name.
    expect(grade(item({ answer: "French Guiana", answerType: "place" }), "Guiana").correct).toBe(false);
    expect(grade(item({ answer: "City of London", answerType: "place" }), "London").correct).toBe(false);
    expect(grade(item({ answer: "European Space Agency", answerType: "organisation" }), "Space Agency").correct).toBe(
      false,
    );
  });
});

describe("grade: choices, matching, ordering", () => {
  const mc = item({
    kind: "multiple_choice",
    answer: "July 2018",
    options: ["July 2016", "July 2018", "October 2018", "July 2015"],
    answerType: "date",
  });
  it("accepts the option text or its index", () => {
    expect(grade(mc, "July 2018")).toEqual({
      correct: true,
      normalised: "july 2018",
      expected: "july 2018",
      tolerated: [],
    });
    expect(grade(mc, 1).correct).toBe(true);
    expect(grade(mc, 0).correct).toBe(false);
    expect(grade(mc, "July 2016").reason).toBe("a different option");
    expect(grade(mc, 9).reason).toBe("that is none of the options");
  });
  it("grades true/false", () => {
    const tf = item({ kind: "true_false", answer: "False", options: ["True", "False"], answerType: "boolean" });
    expect(grade(tf, "False").correct).toBe(true);
    expect(grade(tf, 1).correct).toBe(true);
    expect(grade(tf, "true").correct).toBe(false);
  });
  it("requires every pair of a matching item", () => {
    const pairs = [
      { left: "NMI", right: "NATO Mission Iraq" },
      { left: "JFC", right: "Joint Force Command" },
    ];
    const m = item({
      kind: "matching",
      answer: "NMI → NATO Mission Iraq; JFC → Joint Force Command",
      pairs,
      answerType: "match",
    });
    expect(grade(m, [...pairs].reverse()).correct).toBe(true);
    expect(grade(m, "JFC → Joint Force Command; NMI → NATO Mission Iraq").correct).toBe(true);
    expect(
      grade(m, [
        { left: "NMI", right: "Joint Force Command" },
        { left: "JFC", right: "NATO Mission Iraq" },
      ]).reason,
    ).toBe("0 of 2 pairs are right");
    expect(grade(m, [pairs[0]]).reason).toBe("1 of 2 pairs are right");
  });
  it("requires the exact sequence of an ordering item", () => {
    const o = item({ kind: "ordering", answer: "a → b → c", sequence: ["a", "b", "c"], answerType: "order" });
    expect(grade(o, ["a", "b", "c"]).correct).toBe(true);
    expect(grade(o, "a → b → c").correct).toBe(true);
    expect(grade(o, ["b", "a", "c"]).reason).toBe("the order is not the one in the text");
  });
});
