import { describe, expect, it } from "vitest";
import { copulaRelation, objectRelation, passiveRelation, subjectRelation } from "./extract-relations";
import { extractFacts } from "./extract";
import { createKit } from "./item-kit";
import { relationItems } from "./items-relations";
import { parseDocument } from "./parse";

describe("passiveRelation: the agent of a passive", () => {
  it.each([
    // history: a title before the name is left out of the answer
    [
      "The Eiffel Tower was designed by the engineer Gustave Eiffel in 1889.",
      "",
      { agents: ["Gustave Eiffel"], active: "designed the Eiffel Tower in 1889" },
    ],
    // literature: an irregular participle is conjugated back ("written" → "wrote"); a one-word name stays capitalised
    [
      "Hamlet was written by William Shakespeare around 1600.",
      "The play Hamlet is long.",
      { agents: ["William Shakespeare"], active: "wrote Hamlet around 1600" },
    ],
    // science: a common noun the document writes in lower case is lower-cased
    [
      "Penicillin was discovered by Alexander Fleming in 1928.",
      "Doctors first used penicillin in 1941.",
      { agents: ["Alexander Fleming"], active: "discovered penicillin in 1928" },
    ],
    // technology: a trailing "while he was …" adds a circumstance and is left out
    [
      "The Web was invented by the British computer scientist Tim Berners-Lee while he was working at CERN.",
      "",
      { agents: ["Tim Berners-Lee", "the British"], active: "invented the Web" },
    ],
    // institutions: the present passive gives a present active verb
    [
      "The Nobel Prizes are awarded by the Royal Swedish Academy of Sciences.",
      "",
      { agents: ["the Royal Swedish Academy of Sciences"], active: "awards the Nobel Prizes" },
    ],
    // geography
    [
      "The Panama Canal was built by the United States between 1904 and 1914.",
      "",
      { agents: ["the United States"], active: "built the Panama Canal between 1904 and 1914" },
    ],
  ])("%s", (sentence, documentText, expected) => {
    expect(passiveRelation(sentence, documentText)).toMatchObject(expected);
  });

  it("keeps the source's verb form when the participle does not conjugate back", () => {
    const text = "The proposal by Berners-Lee was vague.";
    expect(passiveRelation("Berners-Lee was knighted by Queen Elizabeth II in 2004.", text)).toEqual({
      agents: ["Queen Elizabeth II"],
      passive: "was Berners-Lee knighted in 2004",
      active: undefined,
    });
  });

  it.each([
    "The bridge was built by the Roman army.", // the name only modifies the agent's noun
    "The park is managed by the National Park Service.", // "the park": which park is said before
    "CERN was founded in 1954.", // no agent: the date is asked as an event
    "Radium was discovered by Marie and Pierre Curie.", // two agents: one name would be partial
    "It was designed by Gustave Eiffel.", // a pronoun subject
    "The single-judge formation was introduced by Protocol No. 14.", // the name goes on past its last word
  ])("nothing from %s", (sentence) => {
    expect(passiveRelation(sentence, "Radium is rare.")).toBeUndefined();
  });
});

describe("copulaRelation: a copula that names one thing", () => {
  it.each([
    // geography: a superlative with its scope
    [
      "Yellowstone Lake is the largest high-elevation lake in North America.",
      "Yellowstone Lake",
      "the largest high-elevation lake in North America",
      false,
    ],
    // technology: "largest and most powerful … ever launched"
    [
      "The James Webb Space Telescope is the largest and most powerful space science telescope ever launched.",
      "The James Webb Space Telescope",
      "the largest and most powerful space science telescope ever launched",
      false,
    ],
    // geography: what follows a comma is left out
    [
      "The Danube is the second-longest river in Europe, after the Volga.",
      "The Danube",
      "the second-longest river in Europe",
      false,
    ],
    // biography: an ordinal with a "to" clause
    [
      "Valentina Tereshkova was the first woman to fly in space.",
      "Valentina Tereshkova",
      "the first woman to fly in space",
      false,
    ],
    // institutions: a role of a named body, asked only of a person
    [
      "Kofi Annan was the seventh Secretary-General of the United Nations.",
      "Kofi Annan",
      "the seventh Secretary-General of the United Nations",
      "person",
    ],
    ["Canberra is the capital of Australia.", "Canberra", "the capital of Australia", "thing"],
  ])("%s", (sentence, subject, complement, role) => {
    expect(copulaRelation(sentence)).toMatchObject({ subject, complement, role });
  });

  it.each([
    "Paris is the home of many artists.", // an everyday head: many right answers
    "The Louvre is the largest museum.", // a superlative with no scope
    "Lisbon is a city on the Atlantic coast.", // indefinite
    "Everest is the highest mountain that climbers attempt each year.", // a relative clause
    "It is the largest lake in Africa.", // a pronoun subject
  ])("nothing from %s", (sentence) => {
    expect(copulaRelation(sentence)).toBeUndefined();
  });
});

describe("a leading subordinate clause", () => {
  it.each([
    // biography: a concession is left out, the main clause holds alone
    [
      "Although his family, as orthodox Hindus, objected to his crossing the sea, Ramanujan sailed for England in March 1914.",
      { subject: "Ramanujan", predicate: "sailed for England in March 1914" },
    ],
    // history: a time clause before a past main clause is left out
    [
      "After the war ended, Konrad Adenauer founded the Christian Democratic Union.",
      { subject: "Konrad Adenauer", predicate: "founded the Christian Democratic Union" },
    ],
    // institutions: a condition limits the main clause, so it stays, after the verb, as written
    [
      "Until a treaty is signed, the Council meets every month.",
      { subject: "the Council", predicate: "meets every month until a treaty is signed" },
    ],
    // history: "before" limits when the main clause held, so it stays
    [
      "Before the Suez Canal opened, Samuel Ortega shipped grain around Africa.",
      { subject: "Samuel Ortega", predicate: "shipped grain around Africa before the Suez Canal opened" },
    ],
  ])("%s", (sentence, expected) => {
    expect(subjectRelation(sentence)).toEqual(expected);
  });

  it("asks the object of the main clause after a cause", () => {
    // engineering / geography
    expect(objectRelation("Because the river flooded often, the Romans built dikes along the Rhine.")).toEqual({
      question: "What did the Romans build along the Rhine?",
      object: "dikes",
    });
  });

  it.each([
    "When water is scarce, cacti close their stomata.", // the kept condition leans on the subject ("their")
    "If the treaty is ratified, the Senate sends the text to the President.", // "the treaty", "the text": said before
  ])("nothing from %s", (sentence) => {
    expect(subjectRelation(sentence)).toBeUndefined();
    expect(objectRelation(sentence)).toBeUndefined();
  });
});

describe("relation items in a document", () => {
  const doc = [
    "# Engineers of the isthmus",
    "",
    "Srinivasa Ramanujan was an Indian mathematician born in Erode in 1887. He sailed for England in March 1914.",
    "The Panama Canal was built by the United States between 1904 and 1914.",
    "Canberra is the capital of Australia. Paris is the home of many artists.",
    "John Frank Stevens persuaded President Theodore Roosevelt that a canal with locks would be cheaper.",
  ].join("\n");
  const kit = createKit(extractFacts(parseDocument(doc)), 7);
  const prompts = relationItems(kit, doc).map((i) => `${i.prompt} → ${i.answer}`);

  it("asks a passive's agent in the active voice, with its type", () => {
    expect(prompts).toContain("Which country built the Panama Canal between 1904 and 1914? → United States");
  });

  it("asks a copula that names one thing, and not one with many right answers", () => {
    expect(prompts).toContain("What is the capital of Australia? → Canberra");
    expect(prompts.filter((p) => p.includes("home of"))).toEqual([]);
  });

  it("never asks on a pronoun's antecedent from the sentence before, nor a person as an object", () => {
    expect(prompts.filter((p) => p.includes("sailed"))).toEqual([]);
    expect(prompts.filter((p) => p.endsWith("Theodore Roosevelt"))).toEqual([]);
  });
});
