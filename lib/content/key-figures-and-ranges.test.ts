import { describe, expect, it } from "vitest";
import { ranges } from "./extract-quantities";
import { releaseDate } from "./extract-release-date";
import { grade } from "./grade";
import { shapeDefects } from "./item-shapes";
import { parseDocument } from "./parse";
import { buildItems } from "./pipeline";
import type { GeneratedItem } from "./types";

// Made-up documents in the shapes of press releases, fact sheets and annual reports (issue 13, decision 047).
const EXPEDITION = `# Press Release: Arctic Drift Expedition Sets Sail

The Arctic Drift Expedition left Tromsø on 14 March 2025 for a year frozen into the sea ice north of Svalbard. The research vessel Kolbeinsey will drift with the ice while scientists measure the atmosphere and the ocean.

## Key figures

- Budget: €140 million
- Countries taking part – 20
- Duration: 390 days
- Lowest temperature expected: −45 °C
- Crew on board: 60 to 80 people
`;

// A programme whose title is only the genre: the first sentence names what the figures belong to.
const PROGRAMME = `# Press release

The Lumen Reading Programme has opened in 140 public libraries across the region. Children aged 6 to 12 borrow one book a week.

## At a glance

- Libraries taking part: 140
- Volunteers trained: about 1,200
- Books lent per year – 310,000
`;

// An annual report's line under a heading with no name anywhere: no subject, no item from the line.
const NAMELESS = `# Annual figures

## Key figures

- Staff at year end: 412
- Sites in operation – 9
`;

const show = (items: GeneratedItem[]) => items.map((i) => `${i.kind}: ${i.prompt} => ${i.answer}`);

describe("key-figure lines under a genre heading (decision 047)", () => {
  it("asks them of the subject the body names, not of the headline or the genre", () => {
    const items = show(buildItems(EXPEDITION, { seed: 7 }).items);
    expect(items).toEqual(
      expect.arrayContaining([
        "typed: What is the budget of the Arctic Drift Expedition? => €140 million",
        "cloze: Fill in the blank: The Arctic Drift Expedition – countries taking part: _____ => 20",
        "cloze: Fill in the blank: The Arctic Drift Expedition – lowest temperature expected: _____ °C => −45",
        "cloze: Fill in the blank: The Arctic Drift Expedition – crew on board: _____ people => 60 to 80",
      ]),
    );
    expect(items.join("\n")).not.toMatch(/Sets Sail|Press Release\?|True or false: Budget/);
  }, 60_000); // the first build loads the language models

  it("takes the first sentence's subject when the title is only a genre", () => {
    const items = show(buildItems(PROGRAMME, { seed: 7 }).items);
    expect(items).toEqual(
      expect.arrayContaining([
        "cloze: Fill in the blank: The Lumen Reading Programme – volunteers trained: about _____ => 1,200",
        "cloze: Fill in the blank: The Lumen Reading Programme – books lent per year: _____ => 310,000",
      ]),
    );
  });

  it("drops the lines when nothing names a subject", () => {
    const items = buildItems(NAMELESS, { seed: 7 }).items;
    expect(items.filter((i) => /412|9/.test(i.answer))).toEqual([]);
  });
});

describe("an annual report's table whose columns are years (decision 047)", () => {
  const REPORT = `# Halden Line Annual Report 2024

The Halden Line carried more passengers in 2024 than in any year since 1955.

## Key figures

| Indicator | 2022 | 2023 | 2024 |
|---|---|---|---|
| Revenue | €38 million | €41 million | €45 million |
| Employees | 410 | 425 | 452 |
`;

  // A short money figure is asked for recall on a tie (decision 048); a multiple choice offers the other years.
  it("asks each row's latest year of the subject the title names, the other years as options", () => {
    const items = buildItems(REPORT, { seed: 7 }).items.filter((i) => /in 2024\?$/.test(i.prompt));
    expect(items.map((i) => [i.prompt, i.answer, [...(i.options ?? [])].sort()])).toEqual([
      ["What was the revenue of the Halden Line in 2024?", "€45 million", []],
      ["How many employees did the Halden Line have in 2024?", "452", expect.arrayContaining(["410", "425", "452"])],
    ]);
  });
});

describe("ranges (decision 047)", () => {
  it.each([
    ["Between 60 and 80 people will be on board.", "Between 60 and 80"],
    ["The crew changes every two to three months.", "two to three"],
    ["The kiln holds 300–400 pots.", "300–400"],
    ["Each group has five or six pupils.", "five or six"],
  ])("reads %s as one range", (sentence, text) => {
    expect(ranges(sentence, []).map((r) => r.text)).toEqual([text]);
  });

  it.each([
    "Staff rose from 60 to 80 people.", // a change: two values in time
    "The yard had 3 ships and 80 crew.", // two counts
    "Apollo 11–13 flew in two years.", // a name's number
    "Groups of 4, 5 or 6 pupils.", // a list
  ])("does not read %s as a range", (sentence) => {
    expect(ranges(sentence, [])).toEqual([]);
  });

  it("asks a range whole, never one end", () => {
    const doc =
      "# The Vellmar Kilns\n\nThe Vellmar kilns fired 300 to 400 pots a week. Each firing took two to three days.\n";
    const items = buildItems(doc, { seed: 7 }).items;
    expect(items.map((i) => i.answer)).toEqual(expect.arrayContaining(["300 to 400"]));
    expect(items.filter((i) => /^(?:3|400|three)$/.test(i.answer))).toEqual([]);
  });

  const cloze = (prompt: string, answer: string) =>
    ({
      key: "k",
      factKey: "f",
      kind: "cloze",
      prompt,
      answer,
      accepted: [],
      options: null,
      answerType: "number",
      source: { text: prompt, start: 0, end: prompt.length },
    }) as unknown as GeneratedItem;
  const checks = (i: GeneratedItem) => shapeDefects(i, { documentText: "" }).map((d) => d.check);

  it.each([
    ["Fill in the blank: The crew changes every two to _____ months.", "3"],
    ["Fill in the blank: The kiln held _____ to 400 pots.", "300"],
    ["Fill in the blank: Between 60 and _____ people took part.", "80"],
    ["Fill in the blank: The war lasted from 1914–_____.", "1918"],
    ["Fill in the blank: A ticket costs €2 to _____ per child.", "€3"],
    ["Fill in the blank: A ticket costs _____ to €3 per child.", "€2"],
  ])("drops a blank on one end: %s", (prompt, answer) => {
    expect(checks(cloze(prompt, answer))).toContain("range-end");
  });

  it.each([
    ["Fill in the blank: Staff rose from 60 to _____ people.", "80"],
    ["Fill in the blank: The yard had 3 ships and _____ crew.", "80"],
    ["Fill in the blank: The kiln held _____ pots.", "300 to 400"],
  ])("keeps %s", (prompt, answer) => {
    expect(checks(cloze(prompt, answer))).not.toContain("range-end");
  });

  const typed = (answer: string, answerType: GeneratedItem["answerType"] = "number") =>
    ({ kind: "typed", prompt: "How many?", answer, accepted: [], answerType }) as unknown as GeneratedItem;

  it.each([
    ["60 to 80", "60-80", true],
    ["60 to 80", "between sixty and eighty", true],
    ["Between 60 and 80", "60 – 80", true],
    ["two to three", "2 or 3", true],
    ["1–2 %", "1-2%", true],
    ["60 to 80", "60", false],
    ["60 to 80", "60 to 90", false],
    ["70", "60 to 80", false],
    ["−45", "45", false],
    ["−45", "-45", true],
  ])("grades %s answered %s: %s", (answer, response, correct) => {
    const type = /%/.test(answer) ? "text" : "number";
    expect(grade(typed(answer, type), response).correct).toBe(correct);
  });
});

describe("the dateline's date (decision 047)", () => {
  const dated = (claim: string) => releaseDate(parseDocument(`# Press release\n\n${claim}\n`));

  it.each([
    [
      "GENEVA, 14 March 2025 – The World Health Organization (WHO) has issued new guidelines on sleep for young children, which replace those of 2019.",
      "When did the World Health Organization issue new guidelines on sleep for young children?",
    ],
    [
      "OSLO, 2 May 2021 – The Norwegian Public Roads Administration has chosen Aker Solutions to build the new Stord bridge.",
      "When did the Norwegian Public Roads Administration choose Aker Solutions to build the new Stord bridge?",
    ],
    [
      "NAIROBI, 9 October 2023 – The Kenya Wildlife Service opened a new ranger school in Tsavo.",
      "When did the Kenya Wildlife Service open a new ranger school in Tsavo?",
    ],
  ])("asks the release date of %s", (claim, question) => {
    expect(dated(claim)?.question).toBe(question);
  });

  it.each([
    "GENEVA, 14 March 2025 – The new guidelines cover sleep and screen time.", // announces no deed
    "OSLO, 2 May 2021 – The tunnel opened to traffic this morning.", // dated by "this morning": kept whole
    "LONDON (Reuters) – The Bank of England has raised its main rate.", // no date
    "The Bank of England has raised its main rate to 5 %.", // no dateline
  ])("drops it for %s", (claim) => {
    expect(dated(claim)).toBeUndefined();
  });
});
