import { describe, expect, it } from "vitest";
import { grade } from "./grade";
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
    expect(grade(day, r)).toEqual({ correct: true, normalised: "2019-11-26", expected: "2019-11-26" });
  });
  it.each(["25 November 2019", "26 October 2019", "26 November 2018", "November 2019", "2019", "11/26/2018", "soon"])(
    "rejects %s",
    (r) => {
      expect(grade(day, r).correct).toBe(false);
    },
  );
  it("reads ambiguous numeric dates day-first", () => {
    const d = item({ answer: "3 April 2016", answerType: "date" });
    expect(grade(d, "03/04/2016").correct).toBe(true);
    expect(grade(d, "04/03/2016").correct).toBe(false);
  });
  it("asks a month question at month precision", () => {
    const month = item({ answer: "July 2018", answerType: "date" });
    for (const r of ["July 2018", "Jul 2018", "2018-07", "07/2018", "in July 2018"])
      expect(grade(month, r).correct).toBe(true);
    for (const r of ["June 2018", "July 2016", "2018"]) expect(grade(month, r).correct).toBe(false);
  });
  it("grades periods on both ends", () => {
    const period = item({ answer: "2004–2011", answerType: "date" });
    for (const r of ["2004-2011", "2004 to 2011", "from 2004 to 2011", "2004 – 2011"])
      expect(grade(period, r).correct).toBe(true);
    for (const r of ["2004", "2005-2011", "2004 to 2012"]) expect(grade(period, r).correct).toBe(false);
  });
});

describe("grade: numbers", () => {
  const n = item({ answer: "500", accepted: ["around 500"], answerType: "number" });
  it.each(["500", "five hundred", "500 personnel", "around 500", "about 500 people"])("accepts %s", (r) => {
    expect(grade(n, r)).toEqual({ correct: true, normalised: "500", expected: "500" });
  });
  it.each(["350", "5000", "fifty", "many"])("rejects %s", (r) => expect(grade(n, r).correct).toBe(false));
  it('reads "more than 350" as 350 and large scales', () => {
    expect(grade(item({ answer: "more than 350", answerType: "number" }), "350").correct).toBe(true);
    expect(grade(item({ answer: "650 million", answerType: "number" }), "650,000,000").correct).toBe(true);
    expect(grade(item({ answer: "8", answerType: "number" }), "eight").correct).toBe(true);
  });
});

describe("grade: people", () => {
  const carignan = item({
    answer: "Major General Jennie Carignan",
    accepted: ["Jennie Carignan", "Carignan", "Major General Carignan"],
    answerType: "person",
  });
  it.each([
    "Major General Jennie Carignan",
    "Jennie Carignan",
    "carignan",
    "Major General Carignan",
    "Jenny Carignan",
    "Carginan",
    "General Jennie Carignan",
  ])("accepts %s", (r) => {
    expect(grade(carignan, r).correct).toBe(true);
  });
  it.each(["Dany Fortin", "Major General Dany Fortin", "Fortin", "Jennie", "Major General"])("rejects %s", (r) => {
    expect(grade(carignan, r).correct).toBe(false);
  });
  it("accepts the surname alone only when the item does (no unique surname → full name needed)", () => {
    const marie = item({ answer: "Marie Curie", accepted: ["Marie Curie"], answerType: "person" });
    expect(grade(marie, "Curie").correct).toBe(false);
    expect(grade(marie, "marie curie").correct).toBe(true);
  });
});

describe("grade: text, places and organisations", () => {
  it("ignores case, punctuation, diacritics and leading articles; forgives typos by length", () => {
    const org = item({ answer: "NATO Training Mission in Iraq", answerType: "organisation" });
    expect(grade(org, "the nato training mission in iraq!").correct).toBe(true);
    expect(grade(org, "NATO Trainig Mision in Iraq").correct).toBe(true);
    expect(grade(org, "NATO Mission Iraq").correct).toBe(false);
    const place = item({ answer: "Taji", answerType: "place" });
    expect(grade(place, "Tají").correct).toBe(true);
    expect(grade(place, "Taja").correct).toBe(false); // ≤ 4 characters: no typo allowed
    const country = item({ answer: "Austria", answerType: "place" });
    expect(grade(country, "Australia").correct).toBe(false);
    expect(grade(country, "Austira").correct).toBe(true);
  });
  it("never forgives a changed digit", () => {
    expect(grade(item({ answer: "Apollo 11", answerType: "text" }), "Apollo 12").correct).toBe(false);
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
    expect(grade(mc, "July 2018")).toEqual({ correct: true, normalised: "july 2018", expected: "july 2018" });
    expect(grade(mc, 1).correct).toBe(true);
    expect(grade(mc, 0).correct).toBe(false);
    expect(grade(mc, "July 2016").correct).toBe(false);
    expect(grade(mc, 9).correct).toBe(false);
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
      ]).correct,
    ).toBe(false);
    expect(grade(m, [pairs[0]]).correct).toBe(false);
  });
  it("requires the exact sequence of an ordering item", () => {
    const o = item({ kind: "ordering", answer: "a → b → c", sequence: ["a", "b", "c"], answerType: "order" });
    expect(grade(o, ["a", "b", "c"]).correct).toBe(true);
    expect(grade(o, "a → b → c").correct).toBe(true);
    expect(grade(o, ["b", "a", "c"]).correct).toBe(false);
  });
});
