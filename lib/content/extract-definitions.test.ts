import { describe, expect, it } from "vitest";
import { definitionsOf } from "./extract-definitions";
import { buildItems } from "./pipeline";
import { ONE_ITEM_PER_ROLE } from "./precision";
import { paragraphSentence } from "./test-kit";

const defined = (text: string, documentText = text) =>
  definitionsOf(paragraphSentence(text), documentText).map((d) => [d.term, d.copula, d.meaning]);

describe("definitions: 'An X is a Y that …', 'X means …', 'X, which is the …'", () => {
  it("reads a term and its definiens, in lower case where the capital is only the sentence's", () => {
    expect(defined("An enzyme is a protein that speeds up a chemical reaction without being used up.")).toEqual([
      ["enzyme", "is", "a protein that speeds up a chemical reaction without being used up"],
    ]);
    // The commas of a list inside the definiens do not cut it.
    expect(
      defined("Photosynthesis is the process by which plants, algae and some bacteria convert light into sugar."),
    ).toEqual([
      ["photosynthesis", "is", "the process by which plants, algae and some bacteria convert light into sugar"],
    ]);
    expect(
      defined("Diffusion means the spread of particles from a region of high concentration to a low one."),
    ).toEqual([["diffusion", "means", "the spread of particles from a region of high concentration to a low one"]]);
    expect(defined("A 5 sigma result means that the chance of a fluke is less than one in a million.")).toEqual([
      ["5 sigma result", "means", "that the chance of a fluke is less than one in a million"],
    ]);
    expect(defined("A motte is a raised earth mound on which a keep stood, often with a ditch around it.")).toEqual([
      ["motte", "is", "a raised earth mound on which a keep stood"],
    ]);
  });

  it("reads 'X, which is the …' on the noun phrase its determiner closes, a name kept as written", () => {
    expect(defined("It is often confused with the Internet itself, which is the global network of computers.")).toEqual(
      [["Internet", "is", "the global network of computers"]],
    );
    expect(
      defined("The money supply, which is the total amount of money in an economy, is measured in several ways."),
    ).toEqual([["money supply", "is", "the total amount of money in an economy"]]);
  });

  it("reads a subject glossed by an indefinite noun phrase set off by commas", () => {
    const text = "Deflation, a fall in the general price level, is rarer than inflation.";
    expect(defined(text, `Prices can fall: deflation worries banks. ${text}`)).toEqual([
      ["deflation", "is", "a fall in the general price level"],
    ]);
    // A name's gloss is a role ("Harold, an earl of …"); a gloss before "and" is a list's member.
    expect(defined("Harold, an earl of great wealth, was crowned in the abbey.")).toEqual([]);
    expect(defined("Inflation, a rise in prices, and deflation are both harmful to savers.")).toEqual([]);
  });

  it("reads nothing that is not a definition a learner can take alone", () => {
    // "The X is …" and "the river, which is …" speak of one thing the text is about, not of any X.
    expect(defined("The ship is a replica that was built in the 1990s.")).toEqual([]);
    expect(defined("They crossed the river, which is the border between the two states.")).toEqual([]);
    // A superlative, a membership, a role: other facts.
    expect(defined("Inflation is the largest worry of most households in the region.")).toEqual([]);
    expect(defined("Inflation is one of the reasons that people save less money.")).toEqual([]);
    // No restrictive modifier: "a problem" singles nothing out.
    expect(defined("Inflation is a serious and growing problem today.")).toEqual([]);
    // A pronoun in the definiens, or the term inside it.
    expect(defined("A keep is a tower that its lord lived in.")).toEqual([]);
    expect(defined("A chemical reaction is a reaction in which bonds are broken and formed.")).toEqual([]);
    // A name that English writes with a capital ("Romania is a candidate …"): a role card's, not a term.
    expect(defined("Romania is a candidate for accession to the union of states.")).toEqual([]);
    // A vague head names no term; a verb in the subject is no term either.
    expect(defined("The result is a rise in the price of bread.")).toEqual([]);
    expect(defined("Saving money is a habit that pays off over many years.")).toEqual([]);
  });

  it("asks the term from its definition, with the document's other terms as options", () => {
    const text = [
      "# Cells",
      "",
      "Cellular respiration is the process by which cells break down glucose to release energy. A mitochondrion is an",
      "organelle that produces most of the cell's ATP. An enzyme is a protein that speeds up a chemical reaction without",
      "being used up. Diffusion means the spread of particles from a region of high concentration to a region of low",
      "concentration.",
    ].join("\n");
    const items = buildItems(text, { seed: 1, perFact: ONE_ITEM_PER_ROLE }).items.filter((i) =>
      i.key.endsWith("|term-definition"),
    );
    const asked = items.map((i) => [i.kind, i.prompt, i.answer]);
    expect(asked).toContainEqual([
      "typed",
      "What is an organelle that produces most of the cell's ATP?",
      "mitochondrion",
    ]);
    expect(asked).toContainEqual([
      "multiple_choice",
      "What is a protein that speeds up a chemical reaction without being used up?",
      "enzyme",
    ]);
    const mc = items.find((i) => i.kind === "multiple_choice" && i.answer === "enzyme")!;
    expect([...mc.options!].sort()).toEqual(["cellular respiration", "diffusion", "enzyme", "mitochondrion"]);
    // "An enzyme" is a right answer too.
    expect(items.find((i) => i.kind === "typed" && i.answer === "enzyme")?.accepted).toEqual(["an enzyme"]);
  }, 30_000);
});
