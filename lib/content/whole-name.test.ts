/**
 * Decision 039 (update): a document's option is written there whole at least once. Every sentence is made up for
 * the test, in several domains and name shapes.
 */
import { describe, expect, it } from "vitest";
import { fragmentOption } from "./defects";
import { createKit, multipleChoice } from "./item-kit";
import { partOfLongerName } from "./whole-name";
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
];

const whole: [string, string][] = [
  ["The beacon alerts the Galileo Search and Rescue (SAR) Service within minutes.", "Search and Rescue"],
  ["It falls under Allied Joint Force Command (JFC) Naples.", "Joint Force Command"],
  ["The Rescue Service runs the station. It is part of the Coastal Search and Rescue Service.", "Rescue Service"],
  ["The NATO-led Stabilisation Force (SFOR) replaced it.", "Stabilisation Force"],
  ["Funding comes from the EU's Space Programme.", "Space Programme"],
  ["It was proposed by Robert Brout and François Englert.", "François Englert"],
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
