import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { numberCandidates, pickDistractors, variantSpelling } from "./distractors";
import { placeKindOf } from "./place-kind";
import { buildItems } from "./pipeline";
import {
  CITY_POOL,
  COUNTRY_POOL,
  NATO_SUMMIT_CITIES,
  ORGANISATION_POOL,
  poolFor,
  RANK_POOL,
  TITLE_POOL,
} from "./pools";
import { normaliseText } from "./normalise";
import { createRng } from "../prng";

describe("distractors are real entities of the answer's kind", () => {
  it("offers a pool only for an answer of the pool's kind", () => {
    expect(poolFor("Finland", COUNTRY_POOL)).toBe(COUNTRY_POOL);
    expect(poolFor("Kennedy Space Center", ORGANISATION_POOL)).toEqual([]);
    expect(poolFor("Pacific Ocean", CITY_POOL)).toEqual([]);
    expect(poolFor("African Union", ORGANISATION_POOL)).toContain("European Union");
    expect(placeKindOf("Eiffel Tower")).toBe("head:tower");
    expect(placeKindOf("Paris")).toBe("settlement");
    expect(placeKindOf("Sweden")).toBe("country");
  });

  it("never offers a spelling variant of the answer or of another option", () => {
    expect(variantSpelling("world health organisation", "world health organization")).toBe(true);
    expect(variantSpelling("1945", "1946")).toBe(false); // numbers are never typos of each other
    const picked = pickDistractors(
      "World Health Organisation",
      [["World Health Organization", "United Nations", "World Bank", "African Union", "European Union"]],
      [],
      createRng(1),
    );
    expect(picked).not.toContain("World Health Organization");
    // Another name of the answer, from the alias table.
    const countries = pickDistractors("Myanmar", [["Burma", "Laos", "Thailand", "Cambodia"]], [], createRng(1));
    expect(countries).not.toContain("Burma");
  });

  it("never invents a person: every option of a person question is named by the document", () => {
    const corpus = new URL("../../tests/fixtures/corpus/", import.meta.url);
    const files = [
      new URL("../../content/nato-mission-iraq.md", import.meta.url),
      ...readdirSync(corpus)
        .filter((f) => f.endsWith(".md"))
        .map((f) => new URL(f, corpus)),
    ];
    const pools = new Set(
      [...COUNTRY_POOL, ...CITY_POOL, ...ORGANISATION_POOL, ...RANK_POOL, ...TITLE_POOL].map(normaliseText),
    );
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      const body = ` ${normaliseText(text)} `;
      for (const item of buildItems(text, { includeReview: true }).items) {
        for (const option of item.options ?? []) {
          if (item.answerType === "boolean" || item.answerType === "date" || item.answerType === "number") continue;
          const known =
            body.includes(` ${normaliseText(option)} `) ||
            pools.has(normaliseText(option)) ||
            NATO_SUMMIT_CITIES.some((c) => option === `${c} Summit`);
          expect(known, `${file.pathname.split("/").pop()}: "${option}" in "${item.prompt}"`).toBe(true);
        }
      }
    }
  }, 120_000);
});

describe("acronyms", () => {
  it("are expanded only when their letters stand for the words (acronyms.ts)", () => {
    const { items } = buildItems("# C\n\nThe plan was approved by the Council (ABC) in May 1990.\n");
    expect(items.some((i) => /ABC stand for/.test(i.prompt))).toBe(false);
  });
});

describe("numberCandidates", () => {
  it("offers the document's numbers only in the answer's own form (a count never gets a decimal measurement)", () => {
    const [fromDocument] = numberCandidates(2, [2.4, 3, 5, 95]);
    expect(fromDocument).toEqual(["3", "5"]);
    expect(numberCandidates(2.4, [2, 2.5, 3.1])[0]).toEqual(["2.5", "3.1"]);
  });

  it("gives a decimal answer neighbours with as many decimals, never a float artefact", () => {
    const [, near] = numberCandidates(4.2, []);
    expect(near).toContain("2.1");
    for (const option of near) expect(option).toMatch(/^\d+(\.\d)?$/);
    expect(numberCandidates(0.35, [])[1].every((option) => /^\d+(\.\d{1,2})?$/.test(option))).toBe(true);
  });
});
