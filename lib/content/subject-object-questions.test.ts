import { describe, expect, it } from "vitest";
import { clausesOf, objectRelation, subjectRelation } from "./extract-relations";
import { extractFacts } from "./extract";
import { createKit } from "./item-kit";
import { relationItems } from "./items-relations";
import { parseDocument } from "./parse";
import { buildItems } from "./pipeline";

describe("subjectRelation: a name subject and its own predicate", () => {
  it.each([
    // history
    [
      "Louis Pasteur developed the first rabies vaccine in 1885.",
      "Louis Pasteur",
      "developed the first rabies vaccine in 1885",
    ],
    // a fronted phrase moves behind the predicate
    [
      "In 1989, Tim Berners-Lee proposed the World Wide Web at CERN.",
      "Tim Berners-Lee",
      "proposed the World Wide Web at CERN in 1989",
    ],
    // institutions; the passive keeps its voice
    [
      "The Security Council adopted Resolution 242 unanimously.",
      "The Security Council",
      "adopted Resolution 242 unanimously",
    ],
    [
      "Berners-Lee was knighted by Queen Elizabeth II in 2004.",
      "Berners-Lee",
      "was knighted by Queen Elizabeth II in 2004",
    ],
    // a name with a link word inside it
    [
      "The Office of the High Representative oversees the civilian side of the peace agreement, while the force keeps order.",
      "The Office of the High Representative",
      "oversees the civilian side of the peace agreement",
    ],
  ])("%s", (sentence, subject, predicate) => {
    expect(subjectRelation(sentence)).toEqual({ subject, predicate });
  });

  it.each([
    "Englert and Higgs were awarded the Nobel Prize in Physics.", // coordinated subject
    "Joe Incandela said the next step was to determine the nature of the particle.", // reported speech
    "Hardy came to visit him in taxi number 1729.", // a pronoun leans on the sentence before
    "Isaac Newton also studied optics.", // "also" leans on the sentence before
    "The Danube flows through Austria, Slovakia, Hungary and Croatia.", // the comma would cut a list
    "The committee met.", // too short to ask
    "Roosevelt gave the job to George Washington Goethals.", // "the job": which job is said before
    "The Security Council adopted the resolution unanimously.", // "the resolution", likewise
  ])("nothing from %s", (sentence) => {
    expect(subjectRelation(sentence)).toBeUndefined();
  });
});

describe("objectRelation: what an active verb acts on", () => {
  it.each([
    // biology, plural subject: "do"
    [
      "The light-dependent reactions produce ATP and NADPH.",
      "What do the light-dependent reactions produce?",
      "ATP and NADPH",
    ],
    // past tense: "did", with the fronted date at the end
    ["In 1898, Marie Curie discovered polonium.", "What did Marie Curie discover in 1898?", "polonium"],
    // institutions: an "of" phrase belongs to the object
    [
      "The Council recommends the appointment of the Secretary-General.",
      "What does the Council recommend?",
      "the appointment of the Secretary-General",
    ],
    // chemistry: what follows the object stays in the question
    [
      "The enzyme RuBisCO attaches carbon dioxide to a five-carbon sugar.",
      "What does the enzyme RuBisCO attach to a five-carbon sugar?",
      "carbon dioxide",
    ],
  ])("%s", (sentence, question, object) => {
    expect(objectRelation(sentence)).toEqual({ question, object });
  });

  it.each([
    "The Senate ratified the treaty in 1919.", // "the treaty": which one is said before
    "Bees pollinate many flowering plants.", // a quantifier makes the object vague
    "The Romans called the river Danubius.", // two objects
    "The museum has a large collection of ships.", // an open verb: many right answers
    "The Harbour Board runs the port today.", // "the port": a time word is no part of the object
    "Berners-Lee was knighted by Queen Elizabeth II in 2004.", // passive
    "Calvin received the Nobel Prize in Chemistry in 1961.", // the name may go on past "in"
    "This process releases oxygen as a by-product.", // leans on the sentence before
    "Stoltenberg greeted the trainers of the new academy.", // one capitalised word: a name or a common noun?
  ])("nothing from %s", (sentence) => {
    expect(objectRelation(sentence)).toBeUndefined();
  });
});

describe("clausesOf", () => {
  it("reads a later clause with a subject of its own, and leaves brackets out", () => {
    expect(clausesOf("The Tisza is the longest tributary, but the Sava carries the most water.")).toEqual([
      "The Tisza is the longest tributary.",
      "the Sava carries the most water.",
    ]);
    expect(clausesOf("CAM plants (crassulacean acid metabolism) open their stomata at night.")).toEqual([
      "CAM plants open their stomata at night.",
    ]);
  });
});

describe("relation items in a document", () => {
  const doc = [
    "# The harbour of Eastport",
    "",
    "The harbour of Eastport was built in the nineteenth century. The engineer Margaret Hollis designed the new breakwater in 1871.",
    "The merchant Samuel Ortega paid for the lighthouse. The surveyor Daniel Brandt mapped the shoals in 1869.",
    "The architect Lucy Whitcombe drew the customs house. Margaret Hollis later designed the dry dock in 1880.",
    "",
    "The Eastport Harbour Board runs the port today.",
  ].join("\n");

  const kit = createKit(extractFacts(parseDocument(doc)), 7);

  it("asks who did what, with people of the document as options", () => {
    const who = relationItems(kit, doc).filter((i) => i.prompt.startsWith("Who "));
    expect(who.map((i) => i.prompt)).toContain("Who later designed the dry dock in 1880?");
    for (const item of who) {
      expect(item.answerType).toBe("person");
      for (const option of item.options ?? [])
        expect(["Margaret Hollis", "Samuel Ortega", "Daniel Brandt", "Lucy Whitcombe"]).toContain(option);
    }
  });

  it("leaves a value to the item that already asks it in the sentence", () => {
    const { items } = buildItems(doc, { seed: 7 });
    const blanked = items.filter((i) => i.answer === "Margaret Hollis" && i.kind === "cloze");
    for (const b of blanked)
      expect(items.filter((i) => i.source.start === b.source.start && i.key.startsWith("relation:"))).toEqual([]);
  });
});
