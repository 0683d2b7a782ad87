import { describe, expect, it } from "vitest";
import { shapeDefects } from "./item-shapes";
import type { GeneratedItem } from "./types";

function item(overrides: Partial<GeneratedItem> = {}): GeneratedItem {
  return {
    key: "k",
    factKey: "f",
    kind: "typed",
    prompt: "When did NATO agree to establish the mission?",
    answer: "October 2018",
    accepted: [],
    options: null,
    answerType: "date",
    source: { text: "NATO agreed to establish the mission in October 2018.", start: 0, end: 53 },
    ...overrides,
  } as GeneratedItem;
}

const checks = (i: GeneratedItem, context = {}) => shapeDefects(i, context).map((d) => d.check);

describe("shape checks (decision 024): made-up items in the shapes seen on unseen documents", () => {
  it.each([
    ["How many cm tall, 75.7 cm wide and 28.4 cm is the slab?", "number"],
    ["About how many kg does the slab it weigh?", "number"],
    ["How many low-floor buses built does the city use?", "number"],
    ["When was the theory championed by the biologist Ann Smith in a paper published?", "date"],
  ])("refuses the question %s", (prompt, answerType) => {
    expect(checks(item({ prompt, answerType: answerType as GeneratedItem["answerType"], answer: "5" }))).toContain(
      "unsafe-question",
    );
  });

  it.each([
    "When did NATO agree to establish the mission?",
    "About how many trainers, advisors and supporting personnel does the mission involve?",
    "When was planning permission granted?",
    "How many metres long is each tram?",
  ])("keeps the safe question %s", (prompt) => {
    expect(checks(item({ prompt }))).toEqual([]);
  });

  it("finds he/they/it that the statement does not name, and keeps a pronoun pointing forward", () => {
    const tf = (prompt: string) => checks(item({ kind: "true_false", prompt, answer: "True", answerType: "boolean" }));
    expect(tf("True or false: On 3 May 1901 he announced his results in a letter.")).toContain("dangling-pronoun");
    expect(tf("True or false: As they move, ions are pumped across the membrane.")).toContain("dangling-pronoun");
    expect(tf("True or false: Two findings support it.")).toContain("dangling-pronoun");
    expect(tf("True or false: After his success at Suez, the diplomat Jean Dupont raised money.")).toEqual([]);
    expect(tf("True or false: Ada Byron published her notes in 1843.")).toEqual([]);
  });

  it("refuses the document's topic as an answer, except when recalled from its definition", () => {
    const context = { title: "The Harbour Crane – Visitor guide" };
    const blank = (prompt: string) =>
      checks(item({ kind: "cloze", prompt, answer: "Harbour Crane", answerType: "text" }), context);
    expect(blank("Fill in the blank: The _____ is in Hall 2, on the ground floor.")).toContain("topic-blank");
    expect(blank("Fill in the blank: The _____ is a steam crane built in 1890.")).toEqual([]);
  });

  it("refuses an option that the text always continues with one more word of its name", () => {
    const mc = item({
      kind: "multiple_choice",
      prompt: "Who launched the probe?",
      answer: "Ann Smith",
      answerType: "person",
      options: ["Ann Smith", "Deep Sky Survey", "Major General", "Bob Jones"],
    });
    const knownTexts = [
      "The Deep Sky Survey Telescope opened. Major General Bob Jones and Major General Ann Smith came.",
    ];
    expect(shapeDefects(mc, { knownTexts }).map((d) => d.message)).toEqual([
      'option "Deep Sky Survey" is always followed by "Telescope"',
    ]);
  });

  it("refuses a blank that runs into a comparative, cuts a prize's name or holds the title of the name after it", () => {
    const cloze = (prompt: string, answer: string) =>
      checks(item({ kind: "cloze", prompt, answer, answerType: "text" }));
    expect(
      cloze("Fill in the blank: It was swallowed by an _____ than two billion years ago.", "old cell more"),
    ).toContain("blank-runs-on");
    expect(cloze("Fill in the blank: She shared the _____ in Physiology or Medicine.", "Nobel Prize")).toContain(
      "blank-runs-on",
    );
    expect(
      cloze("Fill in the blank: The city uses trams built by the _____ Škoda Transportation.", "Czech maker"),
    ).toContain("blank-runs-on");
    expect(cloze("Fill in the blank: The _____ in Karlskrona is open daily.", "Naval Museum")).toEqual([]);
  });
});
