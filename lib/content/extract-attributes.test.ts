import { describe, expect, it } from "vitest";
import { extractAttributes } from "./extract-attributes";
import { parseDocument } from "./parse";
import { buildItems } from "./pipeline";
import { ONE_ITEM_PER_ROLE } from "./precision";
import type { GeneratedItem } from "./types";

const show = (items: GeneratedItem[]) => items.map((i) => `${i.kind}: ${i.prompt} => ${i.answer}`);

// Made-up documents in the shapes real fact sheets, visitor pages and textbooks use (issue 13).
const FACT_SHEET = `# Korven Fusion Test Rig

## Main components

| Component | Weight |
|---|---|
| Vacuum chamber | 4,100 tonnes |
| Magnet coil | 310 tonnes |
| Cryostat lid | 650 tonnes |
| Divertor cassette | 9 tonnes |

## Milestones

1. 2009 – Site chosen near Tampere
2. 2014 – Construction began
3. 2021: first magnet delivered
4. 2027: first plasma planned
`;

const VISITOR_PAGE = `---
title: Stormholm Castle – Plan your visit
---

# Welcome to Stormholm Castle

## Key figures

- Architect: Henrik Valdemar
- Completed: 14 June 1611
- Length: 156 m
- Towers: 7
- **Pangolin**: the mascot of the castle shop.

Stormholm Castle stands on a rock above the harbour. About 45 % of its walls are original.
`;

const TEXTBOOK = `# The Haber process

## Conditions

The reaction is run under three conditions:

1. a pressure of 200 atmospheres
2. a temperature of 450 °C
3. an iron catalyst

In the Haber process only about 15 % of the gases react in one pass, and the plant supplies 1–2 % of the world's energy use. Leaks lose about one percent of the ammonia.
`;

describe("fact-sheet attributes", () => {
  it("reads a table's rows as things with the column's attribute, and asks the weight with the column as options", () => {
    const facts = extractAttributes(parseDocument(FACT_SHEET)).filter((f) => f.type === "attribute");
    expect(facts.map((f) => f.type === "attribute" && [f.entity, f.label, f.value])).toEqual([
      ["the vacuum chamber", "Weight", "4,100 tonnes"],
      ["the magnet coil", "Weight", "310 tonnes"],
      ["the cryostat lid", "Weight", "650 tonnes"],
      ["the divertor cassette", "Weight", "9 tonnes"],
    ]);
    const items = buildItems(FACT_SHEET, { seed: 3, perFact: ONE_ITEM_PER_ROLE }).items.filter((i) =>
      i.factKey.startsWith("attribute:"),
    );
    const mc = items.find((i) => i.kind === "multiple_choice" && i.prompt.includes("vacuum chamber"))!;
    expect(mc.prompt).toBe("What is the weight of the vacuum chamber?");
    expect(mc.answer).toBe("4,100 tonnes");
    // The other rows of the column come first among the options, written like the answer.
    expect(mc.options).toEqual(expect.arrayContaining(["4,100 tonnes", "310 tonnes", "650 tonnes"]));
    expect(items.find((i) => i.kind === "typed" && i.prompt.includes("magnet coil"))?.accepted).toContain("310");
  });

  it("names the document's subject for a key-figures list under a generic heading, and leaves a description alone", () => {
    const items = buildItems(VISITOR_PAGE, { seed: 3, perFact: ONE_ITEM_PER_ROLE }).items.filter((i) =>
      i.factKey.startsWith("attribute:"),
    );
    expect(show(items.filter((i) => i.kind === "typed"))).toEqual([
      "typed: Who is the architect of Stormholm Castle? => Henrik Valdemar",
      "typed: When was Stormholm Castle completed? => 14 June 1611",
      "typed: What is the length of Stormholm Castle? => 156 m",
      "typed: How many towers does Stormholm Castle have? => 7",
    ]);
    // "Pangolin: the mascot …" is a glossary line (a lower-case description), not a value.
    expect(items.some((i) => /Pangolin|mascot/.test(i.prompt))).toBe(false);
  });

  it("reads key figures written 'Label – value' as it reads 'Label: value'", () => {
    const page = `# Ostberg Lighthouse

## At a glance

- Height – 38 m
- Completed — 3 October 1872
- Architect – Ingrid Solberg
- Beam – visible for about 40 km at sea
`;
    const items = buildItems(page, { seed: 3, perFact: ONE_ITEM_PER_ROLE }).items.filter((i) =>
      i.factKey.startsWith("attribute:"),
    );
    expect(show(items.filter((i) => i.kind === "typed"))).toEqual([
      "typed: What is the height of Ostberg Lighthouse? => 38 m",
      "typed: When was Ostberg Lighthouse completed? => 3 October 1872",
      "typed: Who is the architect of Ostberg Lighthouse? => Ingrid Solberg",
    ]);
    // A lower-case description after the dash is a sentence, not a value: no attribute.
    expect(items.some((i) => /beam/i.test(i.prompt))).toBe(false);
  });

  it("names a row keyed by a bare number with the first column's header, and asks nothing without one", () => {
    const doc =
      "# Flood alerts\n\nThe river authority issues flood alerts in four stages.\n\n| Stage | Colour |\n|---|---|\n" +
      "| 1 | Green |\n| 2 | Yellow |\n\n| # | Station |\n|---|---|\n| 1 | Kelby Weir |\n| 2 | Marrow Bridge |\n";
    const prompts = buildItems(doc, { seed: 7, includeReview: true }).items.map((i) => i.prompt);
    expect(prompts).toContain("What is the colour of Stage 1?");
    expect(prompts.filter((p) => /\bof \d\?$/.test(p))).toEqual([]);
  });

  it("reads 'Label: value' lines written one under another without bullets as key figures", () => {
    const doc =
      "# Harbour Board of Kelby\n\nThe Harbour Board runs the port of Kelby.\n\nFounded: 1 March 1877\n" +
      "Headquarters: Quay Street 4, 24937 Kelby\nStaff: about 1,450\n";
    const items = buildItems(doc, { seed: 7, includeReview: true }).items;
    expect(items.filter((i) => /Founded:.*Staff:/s.test(i.prompt))).toEqual([]);
    expect(items.find((i) => /founded\?$/.test(i.prompt))?.answer).toBe("1 March 1877");
    expect(items.some((i) => /staff of/.test(i.prompt) && i.answer === "1,450")).toBe(true);
  });

  it("never takes a genre ('Press Release', 'Fact sheet') for the subject; the title's other part when it is a name", () => {
    const figures = "\n\n## Key figures\n\n- Length: 98 km\n- Locks: 2\n";
    const release = buildItems(`# Press Release: Canal Reopens after Repairs${figures}`, {
      seed: 7,
      includeReview: true,
    });
    expect(release.items.filter((i) => /Press Release|Repairs/.test(i.prompt))).toEqual([]);
    const sheet = buildItems(`# Fact sheet: Kiel Canal${figures}`, { seed: 7 }).items.map((i) => i.prompt);
    expect(sheet).toContain("What is the length of Kiel Canal?");
  });

  it("asks nothing when no heading or title names what the values belong to", () => {
    const doc = parseDocument("## Key figures\n\n- Length: 156 m\n- Towers: 7\n");
    expect(extractAttributes(doc)).toEqual([]);
  });

  it("reads a two-column table without a header as label and value rows", () => {
    const doc = parseDocument(
      "# Harbour Authority of Velm\n\nThe Harbour Authority of Velm runs the port.\n\n| | |\n|---|---|\n| Staff | 420 |\n| Budget | €35 million |\n",
    );
    const facts = extractAttributes(doc);
    expect(facts.map((f) => f.type === "attribute" && f.question)).toEqual([
      "What is the staff of the Harbour Authority of Velm?",
      "What is the budget of the Harbour Authority of Velm?",
    ]);
  });
});

describe("timelines", () => {
  it("takes a numbered timeline whole: one ordering of its events and one matching with their years", () => {
    const items = buildItems(FACT_SHEET, { seed: 3 }).items.filter((i) => i.factKey.startsWith("timeline-list:"));
    expect(items.map((i) => i.kind).sort()).toEqual(["matching", "ordering"]);
    const ordering = items.find((i) => i.kind === "ordering")!;
    expect(ordering.sequence).toEqual([
      "Site chosen near Tampere",
      "Construction began",
      "First magnet delivered",
      "First plasma planned",
    ]);
    expect(items.find((i) => i.kind === "matching")?.pairs?.[0]).toEqual({
      left: "Site chosen near Tampere",
      right: "2009",
    });
  });
});

describe("percentages and numbered conditions", () => {
  it("asks a percentage whole, never a split '45 _____ %', and a range graded as written", () => {
    // With the items kept for review: "About 45 % of its walls …" has a dangling "its" (decision 038).
    const options = { seed: 3, includeReview: true };
    const items = buildItems(TEXTBOOK, options).items.concat(buildItems(VISITOR_PAGE, options).items);
    const percent = items.filter((i) => /%/.test(i.answer));
    expect(percent.map((i) => i.answer).sort()).toEqual(expect.arrayContaining(["1–2 %", "15 %", "45 %"]));
    for (const i of items) expect(i.prompt).not.toMatch(/_____ ?(?:%|per ?cent|percent)/);
    expect(percent.map((i) => i.answer).concat(items.map((i) => i.answer))).toContain("one percent");
    expect(percent.find((i) => i.answer === "1–2 %")?.accepted).toEqual([]);
    expect(percent.find((i) => i.answer === "1–2 %")?.answerType).toBe("text");
  });

  it("asks a textbook's numbered conditions as one list item", () => {
    const items = buildItems(TEXTBOOK, { seed: 3 }).items.filter((i) => i.factKey.startsWith("list:"));
    expect(show(items)).toEqual([
      "flashcard: Name all three: The reaction is run under three conditions: _____ => a pressure of 200 atmospheres; a temperature of 450 °C; an iron catalyst",
    ]);
  });
});
