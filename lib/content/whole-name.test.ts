/**
 * Decision 039 (update): a document's option is written there whole at least once. Every sentence is made up for
 * the test, in several domains and name shapes.
 */
import { describe, expect, it } from "vitest";
import { fragmentOption } from "./defects";
import { wellFormedValue } from "./distractors";
import { extractAttributes } from "./extract-attributes";
import { createKit, multipleChoice } from "./item-kit";
import { parseDocument } from "./parse";
import { partOfLongerName, realOption } from "./whole-name";
import type { GeneratedItem } from "./types";

const cut: [string, string][] = [
  ["The beacon alerts the Galileo Search and Rescue (SAR) Service within minutes.", "Rescue Service"],
  ["Calls go to the Search-and-Rescue Service in Bodø.", "Rescue Service"],
  ["Grants come from the Arts & Humanities Research Council.", "Humanities Research Council"],
  ["The Museum of the Ancient Régime Foundation owns the chair.", "Ancient Régime Foundation"],
  ["She studied at the École Normale Supérieure de Lyon.", "Normale Supérieure"],
  ["The NORTHERN FLEET COMMAND moved to the port.", "FLEET COMMAND"],
  ["Trains of the Franco-Swiss Railway Company stop here.", "Swiss Railway Company"],
  [
    "The Coastal Search and Rescue Service runs it; the Coastal Search and Rescue Service is paid by the state.",
    "Rescue Service",
  ],
  // Two names joined by "and" without "the" before them (decision 039, update 9).
  ["Maritime Search and Rescue Service replies within minutes.", "Rescue Service"],
  ["Calls reach Arctic Search and Rescue Service at Bodø.", "Rescue Service"],
  ["Grants come from Food and Agriculture Research Council funds.", "Agriculture Research Council"],
];

const whole: [string, string][] = [
  ["The beacon alerts the Galileo Search and Rescue (SAR) Service within minutes.", "Search and Rescue"],
  ["It falls under Allied Joint Force Command (JFC) Naples.", "Joint Force Command"],
  ["The Rescue Service runs the station. It is part of the Coastal Search and Rescue Service.", "Rescue Service"],
  ["The NATO-led Stabilisation Force (SFOR) replaced it.", "Stabilisation Force"],
  ["Funding comes from the EU's Space Programme.", "Space Programme"],
  ["It was proposed by Robert Brout and François Englert.", "François Englert"],
  ["Norway and Coastal Rescue Service signed the plan.", "Coastal Rescue Service"],
  ["It is run by NASA and European Space Agency staff.", "European Space Agency"],
  ["It supports Allied Command Operations and NATO Headquarters.", "NATO Headquarters"],
  ["The Royal Navy, Fisheries Agency and Harbour Office share it.", "Harbour Office"],
  ["The treaty was signed by Norway, Sweden and United Kingdom.", "United Kingdom"],
  ["The École Normale Supérieure trains teachers.", "École Normale Supérieure"],
  ["The Arts & Humanities Research Council pays for it.", "Arts & Humanities Research Council"],
  ["Lieutenant General Ana Ruiz took command.", "Lieutenant General"],
  ["The chair went to the Bank of England in 1920.", "Bank of England"],
  ["The chair went to the museum in 1920.", "Oslo Museum"], // never written: not judged here
];

describe("partOfLongerName", () => {
  it.each(cut)("%s → %s is a fragment", (text, option) => expect(partOfLongerName(text, option)).toBe(true));
  it.each(whole)("%s → %s is whole", (text, option) => expect(partOfLongerName(text, option)).toBe(false));
});

describe("realOption: an option is written in the document or held by a pool", () => {
  const text = "Ferries from Vardø reach Kirkenes; the Varanger Museum keeps the logbooks.";
  it.each([
    ["Kirkenes", true],
    ["the Varanger Museum", true],
    ["Brussels", true], // the city pool
    ["Major General", true], // the rank pool
    ["Kirkenes Museum", false], // built from two names
    ["Vardø Kirkenes", false],
  ] as const)("%s → %s", (option, real) => expect(realOption(text, option)).toBe(real));

  it("drops an invented option in every multiple-choice item", () => {
    const source = { text, start: 0, end: text.length };
    const kit = createKit([], 1, undefined, undefined, (o) => realOption(text, o));
    const spec = {
      variant: "who",
      prompt: "Which body keeps the logbooks?",
      answer: "Varanger Museum",
      answerType: "organisation" as const,
      topic: "organisations" as const,
    };
    const item = multipleChoice(kit, { key: "k", source }, spec, ["Kirkenes Museum", "Vardø", "Kirkenes", "Oslo"]);
    expect(new Set(item?.options)).toEqual(new Set(["Varanger Museum", "Vardø", "Kirkenes", "Oslo"]));
  });
});

describe("every multiple-choice item drops a fragment distractor, and the detector sees the same", () => {
  const text = "Calls go to the Search-and-Rescue Service in Bodø. The Harbour Police and the Coast Guard help.";
  const source = { text, start: 0, end: text.length };
  const spec = {
    variant: "who",
    prompt: "Which body takes the calls?",
    answer: "Search-and-Rescue Service",
    answerType: "organisation" as const,
    topic: "organisations" as const,
  };
  const options = ["Rescue Service", "Harbour Police", "Coast Guard", "Port Authority"];

  it("keeps the whole names only", () => {
    const kit = createKit([], 1, (o) => partOfLongerName(text, o));
    const item = multipleChoice(kit, { key: "k", source }, spec, options);
    expect(item?.options).not.toContain("Rescue Service");
    expect(item?.options).toHaveLength(4);
  });

  it("flags the fragment when it is served", () => {
    const item = { ...multipleChoice(createKit([], 1), { key: "k", source }, spec, options)! };
    const served: GeneratedItem = {
      ...item,
      options: ["Search-and-Rescue Service", "Rescue Service", "Coast Guard", "Harbour Police"],
    };
    const defects = fragmentOption(served, { documentText: text });
    expect(defects.map((d) => d.message)).toEqual([
      `"Rescue Service" is only ever part of a longer name in the document`,
    ]);
  });
});

describe("a fact-sheet line whose value is a date asks when, or nothing", () => {
  const doc = parseDocument(
    [
      "# Lindholm Guild",
      "",
      "## Key figures",
      "",
      "- First general assembly: 1356",
      "- Year founded: 1358",
      "- Height of power: 14th century",
      "- Last diet: c. 1669",
      "- Dissolution: 1669, in Lübeck",
      "- Members: 300",
      "- Seat: Lübeck",
      "",
    ].join("\n"),
  );
  const questions = Object.fromEntries(
    extractAttributes(doc).flatMap((f) => (f.type === "attribute" ? [[f.label, f.question]] : [])),
  );

  it("asks a bare year as a when-question", () => {
    expect(questions["First general assembly"]).toBe("When was the first general assembly of Lindholm Guild?");
    expect(questions["Year founded"]).toBe("When was Lindholm Guild founded?");
  });

  it("builds nothing from a date no rule reads", () => {
    expect(questions["Height of power"]).toBeUndefined();
    expect(questions["Last diet"]).toBeUndefined();
    expect(questions["Dissolution"]).toBeUndefined();
  });

  it("keeps counts and names", () => {
    expect(questions["Members"]).toBe("How many members does Lindholm Guild have?");
    expect(questions["Seat"]).toBe("What is the seat of Lindholm Guild?");
  });
});

describe("number options are well formed for their unit", () => {
  it.each([
    ["9 thirds", "two thirds", false],
    ["1 thirds", "two thirds", false],
    ["two halves", "one half", false],
    ["120 %", "45 %", false],
    ["one third", "two thirds", true],
    ["three quarters", "two thirds", true],
    ["75 %", "45 %", true],
    ["180 %", "150 %", true],
  ] as const)("%s beside %s: %s", (option, answer, ok) => expect(wellFormedValue(option, answer)).toBe(ok));
});
