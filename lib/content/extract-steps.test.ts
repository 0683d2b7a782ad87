import { describe, expect, it } from "vitest";
import { extractLists } from "./extract-lists";
import { proseSteps } from "./extract-steps";
import { createKit } from "./item-kit";
import { listItems } from "./items-lists";
import { parseDocument } from "./parse";

const BREAD = [
  "# Bread",
  "",
  "Bread is made in four stages. First, flour, water, yeast and salt are mixed into a dough. Then the dough is",
  "kneaded for about ten minutes. Next, the dough is left to rise in a warm place. Finally, the loaf is baked in a hot",
  "oven.",
].join("\n");

describe("processes written as prose steps: one ordering item", () => {
  it("reads 'First … Then … Next … Finally …' after a sentence naming the stages, markers dropped", () => {
    const [steps] = proseSteps(parseDocument(BREAD));
    expect(steps).toMatchObject({
      gapped: "Bread is made in four stages: _____",
      members: [
        "Flour, water, yeast and salt are mixed into a dough",
        "The dough is kneaded for about ten minutes",
        "The dough is left to rise in a warm place",
        "The loaf is baked in a hot oven",
      ],
      sequence: true,
    });
    const items = listItems(createKit([steps!], 1), steps!);
    expect(items.map((i) => [i.kind, i.prompt])).toEqual([
      ["ordering", "Put these in the order the document gives: Bread is made in four stages."],
    ]);
    // "First," is a step's marker, not a member of the list of ingredients.
    expect(extractLists(parseDocument(BREAD)).filter((l) => !l.sequence)).toEqual([]);
  });

  it("reads nothing when a step leans on a pronoun, no sentence names the process, or no step is the last", () => {
    const none = (text: string) => proseSteps(parseDocument(`# T\n\n${text}`));
    expect(
      none("The cycle has three steps. First, CO2 is fixed to RuBP. Then it is reduced. Finally, RuBP is made."),
    ).toEqual([]);
    expect(
      none("We met at noon. First, the mayor spoke briefly. Then the band played a march. Finally, the crowd left."),
    ).toEqual([]);
    expect(none("The test has three stages. First, a sample is taken. Then the sample is dried in an oven.")).toEqual(
      [],
    );
  });
});

describe("type lists: 'There are three types of X: A, B and C'", () => {
  it("reads the members, bare adjectives too, as one list asked whole", () => {
    const lists = extractLists(
      parseDocument("# Muscles\n\nThere are three types of muscle tissue: skeletal, cardiac and smooth.\n"),
    );
    expect(lists).toMatchObject([
      {
        gapped: "There are three types of muscle tissue: _____",
        members: ["skeletal", "cardiac", "smooth"],
        count: "three",
      },
    ]);
    expect(listItems(createKit(lists, 1), lists[0]!).map((i) => [i.kind, i.prompt, i.answer])).toEqual([
      ["flashcard", "Name all three: There are three types of muscle tissue: _____", "skeletal, cardiac and smooth"],
    ]);
  });

  it("reads no list whose members are clauses", () => {
    expect(
      extractLists(parseDocument("# T\n\nThere are two kinds of tax: some are paid by firms and others by people.\n")),
    ).toEqual([]);
  });
});
