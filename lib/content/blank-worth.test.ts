import { describe, expect, it } from "vitest";
import { everydayWord, generalKnowledge, generalWord, nameNumber, shortWord, zipf } from "./blank-worth";
import { assessItem } from "./precision";
import { buildItems } from "./pipeline";
import { drilledAcronym } from "./acronym-share";
import type { GeneratedItem } from "./types";

const cloze = (body: string, answer: string, answerType: GeneratedItem["answerType"] = "text"): GeneratedItem => ({
  key: "f|cloze|x",
  factKey: "f",
  kind: "cloze",
  prompt: `Fill in the blank: ${body}`,
  answer,
  accepted: [],
  options: null,
  answerType,
  topic: "definitions",
  difficulty: 0.5,
  source: { text: body.replace("_____", answer), start: 0, end: body.length },
});

describe("nameNumber: a blank on the number inside a name", () => {
  it.each([
    ["In 1971 the crew of Soyuz _____ died during re-entry.", "11"],
    ["Many of its engineers had served in World War _____.", "II"],
    ["The treaty ended the _____ Punic War.", "Second"],
    ["Pope Paul VI closed the _____ Vatican Council in 1965.", "Second"],
  ])("%s", (body, answer) => expect(nameNumber(cloze(body, answer, "number"))).toHaveLength(1));

  it.each([
    ["The orchestra has _____ musicians.", "84"],
    ["The reef lies some _____ kilometres off the coast.", "60"],
    ["The museum opened in May _____.", "1961"],
    ["In _____ the bridge was widened.", "1930"],
    ["The fortress has _____ Towers facing the sea.", "12"],
    ["Tickets for Expo 2030 went on sale in _____ cities.", "40"],
  ])("keeps %s", (body, answer) => expect(nameNumber(cloze(body, answer, "number"))).toEqual([]));
});

describe("generalKnowledge: what any reader knows without the document", () => {
  it("refuses a continent and a country the prompt names by its adjective", () => {
    expect(generalKnowledge(cloze("The Mekong is one of the longest rivers in _____.", "Asia", "place"))).toHaveLength(
      1,
    );
    expect(
      generalKnowledge(cloze("The Norwegian town of Bergen is the wettest city in _____.", "Norway", "place")),
    ).toHaveLength(1);
  });

  it("keeps a country the prompt does not give away", () => {
    expect(generalKnowledge(cloze("The Mekong rises in _____ and flows south.", "China", "place"))).toEqual([]);
  });
});

describe("generalWord: one everyday word the document does not define", () => {
  it("doubts an everyday word", () => {
    expect(everydayWord("water")).toBe(true);
    expect(everydayWord("continents")).toBe(true);
    expect(generalWord(cloze("Mangrove roots filter _____ before it reaches the reef.", "water"))).toHaveLength(1);
    expect(generalWord(cloze("The festival draws _____ from all over the region.", "people"))).toHaveLength(1);
  });

  it("keeps a term, a defined word, a phrase and a name", () => {
    expect(everydayWord("phloem")).toBe(false);
    // Read on the Zipf scale of spoken English; British spellings through their American form; hyphenated words whole.
    expect(zipf("water")).toBeGreaterThan(5);
    expect(zipf("phloem")).toBe(0);
    expect(everydayWord("terrorism")).toBe(true);
    expect(everydayWord("defence")).toBe(true);
    expect(everydayWord("organisation")).toBe(true);
    expect(everydayWord("non-combat")).toBe(false);
    expect(everydayWord("tuberculosis")).toBe(false);
    expect(generalWord(cloze("Sugars move through the _____ to the roots.", "phloem"))).toEqual([]);
    // Defined by the document ("a tissue called …").
    const defined = cloze("Sap rises through _____ in the stem.", "wood");
    expect(generalWord(defined, { documentText: "Water rises through a tissue called wood." })).toEqual([]);
    expect(generalWord(cloze("Farmers grow _____ on the terraces.", "black tea"))).toEqual([]);
    expect(generalWord(cloze("The museum stands in _____.", "Leeds", "place"))).toEqual([]);
    // A term the generator read as the document's own (a glossary entry, "called X") is not doubted.
    const glossary = { ...cloze("The Council adopted a _____.", "resolution"), key: "t|typed|term-glossary" };
    expect(generalWord(glossary)).toEqual([]);
  });
});

describe("shortWord: one short lower-case word asked as a text answer", () => {
  it("doubts a short word however the document uses it, but not a term, a name or a longer word", () => {
    expect(shortWord(cloze("The barges carried _____ down the river.", "salt"))).toHaveLength(1);
    // Defined by the document or not: a short common word is guessed from the sentence.
    expect(shortWord(cloze("Sap rises through _____ in the stem.", "wood"))).toHaveLength(1);
    expect(shortWord(cloze("Sugars move through the _____ to the roots.", "phloem"))).toHaveLength(1);
    expect(shortWord(cloze("The barges carried _____ down the river.", "saltpetre"))).toEqual([]);
    expect(shortWord(cloze("The museum stands in _____.", "Leeds", "place"))).toEqual([]);
    expect(
      shortWord({ ...cloze("Leaves lose water through _____.", "stomata"), key: "t|cloze|statement-term" }),
    ).toEqual([]);
    expect(shortWord({ ...cloze("The barges carried _____ down the river.", "salt"), kind: "flashcard" })).toEqual([]);
  });

  it("costs one doubt in assessItem when both readings find the same word", () => {
    const item = cloze("Mangrove roots filter _____ before it reaches the reef.", "water");
    expect(shortWord(item)).toHaveLength(1);
    expect(generalWord(item)).toHaveLength(1);
    const { quality, concerns } = assessItem(item);
    expect(concerns.filter((c) => /common word|everyday word/.test(c))).toHaveLength(1);
    expect(quality).toBeGreaterThan(0.1);
    expect(quality).toBeLessThan(0.6);
  });
});

describe("the ration: blanks per sentence and acronym drills (decision 041)", () => {
  it("cuts at most two blanks into one sentence, a third only on another kind of value", () => {
    const text = [
      "# The Oresund Link",
      "",
      "The Oresund Link was designed by Georg Rotne, built by Sundlink Contractors and opened in July 2000 by Queen Margrethe II and King Carl XVI Gustaf.",
      "",
      "The bridge carries a railway and a motorway between Copenhagen and Malmo.",
    ].join("\n");
    const { items } = buildItems(text, { seed: 3 });
    const blanks = new Map<number, string[]>();
    for (const i of items.filter((x) => x.kind === "cloze"))
      blanks.set(i.source.start, [...(blanks.get(i.source.start) ?? []), i.answerType]);
    // Two blanks, and a third only on a kind of value the two do not ask.
    for (const types of blanks.values()) {
      expect(types.length).toBeLessThanOrEqual(3);
      if (types.length === 3) expect(new Set(types).size, types.join()).toBeGreaterThan(1);
    }
  }, 30_000);

  it("keeps acronym drills to a share of the items, the most used acronyms first", () => {
    const bodies = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta"];
    const lines = bodies.map(
      (b, i) =>
        `The ${b} Research Council (${b.slice(0, 1)}RC${i}) was founded in ${1950 + i} in Geneva by ${8 + i} countries.`,
    );
    const text = [
      "# Research councils",
      "",
      ...lines,
      "",
      "The ARC0 and the BRC1 share a building. The ARC0 leads.",
    ].join("\n");
    const { items } = buildItems(text, { seed: 1 });
    const drills = items.filter((i) => drilledAcronym(i));
    expect(drills.length).toBeLessThanOrEqual(Math.max(2, Math.floor(items.length * 0.15)));
    if (drills.length > 0) expect(drills.map((d) => drilledAcronym(d))).toContain("ARC0");
  }, 30_000);
});

describe("derivableNumber with names that hold 'and' (decision 041)", () => {
  it("counts the members of a list whose names contain 'and'", async () => {
    const { derivableNumber } = await import("./informative");
    const item = cloze(
      "The treaty created _____ bodies: the Council, the Court of Audit, the Fisheries and Forestry Board and the Assembly.",
      "4",
      "number",
    );
    expect(derivableNumber(item)).toHaveLength(1);
  });
});
