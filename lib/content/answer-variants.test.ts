import { describe, expect, it } from "vitest";
import { answerIdentity, sameAnswer } from "./answer-identity";
import { pickDistractors } from "./distractors";
import { singlesOut } from "./extract-definitions";
import { oneType } from "./extract-lists";
import { buildItems } from "./pipeline";
import { recallAnswer } from "./precision";
import { createRng } from "../prng";

describe("one answer written two ways (decision 048)", () => {
  it("reads place class words, titles, aliases and date forms as one answer", () => {
    expect(answerIdentity("the River Thames")).toBe(answerIdentity("Thames"));
    expect(answerIdentity("the Pacific")).toBe(answerIdentity("Pacific Ocean"));
    expect(answerIdentity("Mount Kenya")).toBe(answerIdentity("Kenya")); // one answer: never offered beside it
    expect(answerIdentity("Lake Victoria")).not.toBe(answerIdentity("Lake Malawi"));
    expect(answerIdentity("April 12, 1961", "date")).toBe(answerIdentity("12 April 1961", "date"));
    expect(answerIdentity("more than 300", "number")).toBe(answerIdentity("300", "number"));
    expect(answerIdentity("Colonel William C. Gorgas", "person")).toBe(answerIdentity("William C. Gorgas", "text"));
    expect(answerIdentity("the USA")).toBe(answerIdentity("United States"));
    // "Gulf of Mexico" is not Mexico; "New York" is not York.
    expect(sameAnswer("Gulf of Mexico", "Mexico")).toBe(false);
    expect(sameAnswer("New York", "York", "place")).toBe(false);
  });

  it("takes a surname alone as the person's name, never two people who share it", () => {
    expect(sameAnswer("Dr Fritz Haber", "Haber", "person")).toBe(true);
    expect(sameAnswer("Fritz Haber", "Dr Fritz Haber", "person")).toBe(true);
    expect(sameAnswer("Carl Bosch", "Robert Bosch", "person")).toBe(false);
    expect(sameAnswer("Haber", "Bosch", "person")).toBe(false);
  });

  it("never offers a variant of the key as a distractor", () => {
    const picked = pickDistractors("River Po", [["Po", "Adige", "Tiber", "Arno"]], [], createRng(3))!;
    expect(picked).not.toContain("Po");
    expect(picked.sort()).toEqual(["Adige", "Arno", "Tiber"]);
    const ocean = pickDistractors(
      "Pacific Ocean",
      [["the Pacific", "Indian Ocean", "Atlantic", "Arctic"]],
      [],
      createRng(1),
    );
    expect(ocean).not.toContain("the Pacific");
  });
});

describe("a definition asked backwards only when it singles its term out (decision 048)", () => {
  // [term, definiens, copula, article, may the term be asked from the definiens?]
  const table: [string, string, string, string | undefined, boolean][] = [
    ["nitrogen", "an element that every living cell needs", "is", undefined, false],
    ["copper", "a metal that conducts electricity well", "is", undefined, false],
    ["helium", "a gas that is lighter than air", "is", undefined, false],
    ["granite", "a rock that forms when magma cools slowly underground", "is", undefined, false],
    ["oxygen", "a gas that animals breathe in", "is", undefined, false],
    ["lion", "a large cat that lives in groups called prides", "is", "a", false],
    ["virus", "a particle that can reproduce only inside a living cell", "is", "a", false],
    ["glucose", "a sugar that cells break down for energy", "is", undefined, false],
    ["wheat", "a grass that farmers grow for its seed", "is", undefined, false],
    ["penguin", "a bird that zoos keep in cold pools", "is", "a", false],
    ["gold", "a metal of great value in many cultures", "is", undefined, false],
    ["steel", "an alloy of iron and carbon", "is", undefined, false],
    ["enzyme", "a protein that speeds up a chemical reaction", "is", "an", true],
    ["catalyst", "a substance that speeds up a reaction without being used up", "is", "a", true],
    ["predator", "an animal that hunts and eats other animals", "is", "a", true],
    ["tributary", "a river that flows into a larger river", "is", "a", true],
    ["sonnet", "a poem of fourteen lines with a fixed rhyme scheme", "is", "a", true],
    ["motte", "a raised earth mound on which a keep stood", "is", "a", true],
    ["photosynthesis", "the process by which plants make sugar from light", "is", undefined, true],
    ["photosynthesis", "a process that converts light energy into chemical energy", "is", undefined, true],
    ["democracy", "a system of government in which citizens elect their leaders", "is", undefined, true],
    ["erosion", "the wearing away of rock by wind and water", "is", undefined, true],
    ["inflation", "a general rise in the prices of goods over time", "is", undefined, true],
    ["evaporation", "a change from liquid to gas that happens below the boiling point", "is", undefined, true],
    ["osmosis", "the movement of water across a membrane", "is defined as", undefined, true],
    ["diffusion", "the spread of particles from high to low concentration", "means", undefined, true],
    ["money supply", "the total amount of money in an economy", "is", "the", true],
  ];
  it.each(table)("%s is %s", (term, meaning, copula, article, expected) => {
    expect(singlesOut({ term, meaning, copula, article })).toBe(expected);
  });

  it("keeps the forward card and drops the reversed question of a description", () => {
    const text = [
      "# Elements of life",
      "",
      "Nitrogen is an element that every living cell needs. An enzyme is a protein that speeds up a chemical",
      "reaction without being used up.",
    ].join("\n");
    const asked = buildItems(text, { seed: 1 })
      .items.filter((i) => i.key.endsWith("|term-definition"))
      .map((i) => [i.prompt, i.answer]);
    expect(asked).not.toContainEqual(["What is an element that every living cell needs?", "nitrogen"]);
    expect(asked.some(([p]) => p === "What is nitrogen?")).toBe(true);
  }, 30_000);
});

describe("a list's members are one type", () => {
  it("refuses an appositive read as a member", () => {
    expect(oneType(["Vienna", "the capital of Austria", "Budapest", "Belgrade"])).toBe(false);
    expect(oneType(["Markus Rex", "the expedition leader", "Anja Sommerfeld", "Klaus Dethloff"])).toBe(false);
    expect(oneType(["Oslo", "Bergen", "Stavanger"])).toBe(true);
    expect(oneType(["light", "water", "carbon dioxide"])).toBe(true);
  });

  it("keeps a name joined by 'and' whole, and reads no verb as a member", () => {
    const text = [
      "# Retail",
      "",
      "The chain sold its shares to Boots, Tesco and Marks and Spencer in 2001. The company trained pilots, engineers",
      "and launched Skyline Air in 1990.",
    ].join("\n");
    const lists = buildItems(text, { seed: 1 }).items.filter((i) => i.members);
    expect(lists.map((i) => i.members)).toEqual([["Boots", "Tesco", "Marks and Spencer"]]);
  }, 30_000);

  it("asks no 'Name all' over a name and its appositive", () => {
    const text = "# Danube\n\nThe river flows through Vienna, the capital of Austria, Budapest and Belgrade.\n";
    const prompts = buildItems(text, { seed: 1 }).items.map((i) => i.prompt);
    expect(prompts.some((p) => /^Name all/.test(p))).toBe(false);
  }, 30_000);
});

describe("the kind kept on a tie follows the answer", () => {
  it("recalls short names and values, recognises long or hard-to-spell answers", () => {
    expect(recallAnswer({ answer: "1856", answerType: "date" })).toBe(true);
    expect(recallAnswer({ answer: "Danubius", answerType: "text" })).toBe(true);
    expect(recallAnswer({ answer: "7,000 troops", answerType: "number" })).toBe(true);
    expect(recallAnswer({ answer: "8,991", answerType: "number" })).toBe(false);
    expect(recallAnswer({ answer: "Longyearbyen", answerType: "place" })).toBe(false);
    expect(recallAnswer({ answer: "Tromsø", answerType: "place" })).toBe(false);
    expect(recallAnswer({ answer: "the Economic and Social Council", answerType: "organisation" })).toBe(false);
  });
});

describe("'since' dates", () => {
  it("asks 'Since when has …?' and no 'When did …?'", () => {
    const text = "# Harbour\n\nThe Harbour Museum has been open to visitors since 1856.\n";
    const prompts = buildItems(text, { seed: 1 }).items.map((i) => i.prompt);
    expect(prompts).toContain("Since when has the Harbour Museum been open to visitors?");
    expect(prompts.some((p) => /^When\b/.test(p))).toBe(false);
  }, 30_000);
});
