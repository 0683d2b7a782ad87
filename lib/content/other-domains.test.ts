import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildItems } from "./pipeline";
import { answers, supported } from "./quality-checks";

/** Documents the rules were not written against: their dates, people, quantities and places must become items. */
const CASES: {
  file: string;
  expected: { kind: "date" | "person" | "quantity" | "place" | "definition"; response: string; about: RegExp }[];
}[] = [
  {
    file: "apollo-11.md",
    expected: [
      { kind: "date", response: "16 July 1969", about: /lift off|lifted off/ },
      { kind: "date", response: "July 20, 1969", about: /land the lunar module|landed the lunar module/ },
      { kind: "date", response: "1969-07-24", about: /splash/ },
      { kind: "person", response: "Michael Collins", about: /lunar orbit/ },
      { kind: "person", response: "Neil Armstrong", about: /Buzz Aldrin landed/ },
      { kind: "person", response: "Buzz Aldrin", about: /Neil Armstrong and/ },
      { kind: "quantity", response: "three", about: /astronauts/ },
      // "The two astronauts collected 21.5 kilograms …" after a sentence naming three: "which two?" (decision 040).
      { kind: "quantity", response: "8", about: /days/ },
      { kind: "quantity", response: "650 million", about: /watched/ },
      { kind: "place", response: "Pacific Ocean", about: /splash/ },
      { kind: "place", response: "Kennedy Space Center", about: /Saturn V/ },
      { kind: "definition", response: "the first crewed mission to land on the Moon", about: /Apollo 11/ },
    ],
  },
  {
    file: "marie-curie.md",
    expected: [
      { kind: "date", response: "7 November 1867", about: /born/ },
      { kind: "date", response: "1891", about: /Paris/ },
      { kind: "date", response: "July 1898", about: /polonium/ },
      { kind: "date", response: "December 1898", about: /radium/ },
      // "They shared the Nobel Prize in Physics in 1903": a plural pronoun with no unambiguous antecedent, so no
      // item is built on it (decision 013: conservative coreference).
      { kind: "date", response: "1911", about: /Chemistry/ },
      { kind: "date", response: "4 July 1934", about: /died|die/ },
      // "Marie Curie" is the document's own topic: an item answered by it tests nothing (decision 024), so the
      // Chemistry prize is asked by its year above.
      { kind: "person", response: "Pierre Curie", about: /polonium/ },
      { kind: "quantity", response: "20", about: /radiography units/ },
      { kind: "place", response: "Warsaw", about: /born/ },
      { kind: "place", response: "University of Paris", about: /moved/ },
      { kind: "place", response: "Passy", about: /died/ },
      { kind: "definition", response: "a physicist and chemist", about: /Marie Curie/ },
    ],
  },
];

for (const { file, expected } of CASES) {
  describe(`items from ${file}`, () => {
    const { items } = buildItems(readFileSync(new URL(`./fixtures/${file}`, import.meta.url), "utf8"), { seed: 11 });

    it.each(expected)('asks about the $kind "$response"', ({ response, about }) => {
      expect(items.some((i) => about.test(`${i.prompt} ${i.source.text}`) && answers(i, response))).toBe(true);
    });

    it("supports every answer with its source and has no duplicates", () => {
      expect(items.filter((i) => !supported(i)).map((i) => i.prompt)).toEqual([]);
      const ids = items.map((i) => `${i.kind}|${i.prompt}`);
      expect(new Set(ids).size).toBe(ids.length);
    });
  });
}
