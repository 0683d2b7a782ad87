import { describe, expect, it } from "vitest";
import { buildItems } from "./pipeline";
import { plainText, shapeDefects } from "./item-shapes";
import type { GeneratedItem } from "./types";
import { sourceOf, testItem } from "./test-kit";

const item = (overrides: Partial<GeneratedItem> = {}): GeneratedItem =>
  testItem({
    prompt: "When did NATO agree to establish the mission?",
    answer: "October 2018",
    source: sourceOf("NATO agreed to establish the mission in October 2018."),
    ...overrides,
  });

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
    expect(cloze("Fill in the blank: Its name is the Persian _____', the blue gate.", "dar-e abi")).toContain(
      "blank-runs-on",
    );
    expect(cloze("Fill in the blank: The _____'s ships sailed at dawn.", "Navy")).toEqual([]);
  });
});

describe("round 2 shapes (made-up sentences in the shapes an outside reading found)", () => {
  const question = (prompt: string, answerType: GeneratedItem["answerType"] = "date") =>
    checks(item({ prompt, answerType, answer: "1902" }));

  it.each([
    "When was the Harbour Act a law in northern Ruritania in the spring, when the port was rebuilt?",
    "When was Old Ferrybridge an island in the late winter?",
    "When were the Grey Sisters a choir in the capital?",
  ])("refuses a copular sentence's date as the subject's date: %s", (prompt) => {
    expect(question(prompt)).toContain("unsafe-question");
  });

  it.each(["When was the Harbour Act passed by a vote of the parliament?", "When was a new bridge opened?"])(
    "keeps a passive date question: %s",
    (prompt) => expect(question(prompt)).toEqual([]),
  );

  it.each([
    ["How many members and usually has the council?", "number"],
    ["About how many pupils and also has the school?", "number"],
    ["How many hours a day does the agency also Warning Centre (FWC), which operate?", "number"],
    ["How many days a week does the museum still Visitor Hall (VH), which open?", "number"],
    ["How many staff does the clinic employ at the Heart Unit, which treats?", "number"],
  ])("refuses the garbled question %s", (prompt, answerType) => {
    expect(question(prompt, answerType as GeneratedItem["answerType"])).toContain("unsafe-question");
  });

  it.each([
    "How many members does the council have?",
    "How many trainers, advisors and supporting personnel does the mission involve?",
    "How many hours a day does the Flood Warning Centre (FWC) operate?",
  ])("keeps the whole-clause question %s", (prompt) => {
    expect(question(prompt, "number")).toEqual([]);
  });

  it.each([
    ["When did floods hit the valley, 1967, 1993 and 2011?", "1951"],
    ["Fill in the blank: Floods hit the valley in 1951, _____, 1993 and 2011.", "1967"],
    ["Fill in the blank: The fair was held in _____ and 1888.", "1851"],
    ["Fill in the blank: Rainfall rose by 4%, _____ and 9% in three years.", "6%"],
    ["How many seats did the party win, 12 and 15?", "9"],
  ])("refuses one member of a list of values: %s", (prompt, answer) => {
    expect(checks(item({ prompt, answer, answerType: /%|^\d$/.test(answer) ? "number" : "date" }))).toContain(
      "list-member",
    );
  });

  it.each([
    "Fill in the blank: Prices rose between _____ and 1990.",
    "When did floods hit the valley?",
    "Fill in the blank: The hall seats 1,200 people and opened in _____.",
  ])("keeps a single value or a range: %s", (prompt) => {
    expect(checks(item({ prompt, answer: "1951" }))).not.toContain("list-member");
  });

  it.each([
    ["Fill in the blank: _____ birds migrate at night over the hills.", "Night-flying"],
    ["Fill in the blank: The _____ squirrels live in the pine forests.", "red"],
    ["Fill in the blank: Most _____ boats were sold after the war.", "flat-bottomed"],
  ])("refuses a blank on a lone modifier: %s", (prompt, answer) => {
    expect(checks(item({ kind: "cloze", prompt, answer, answerType: "text" }))).toContain("modifier-blank");
  });

  it.each([
    ["Fill in the blank: The _____ opened in 1902 after a long debate.", "bridge"],
    ["Fill in the blank: The port was rebuilt by the _____ in 1902.", "crown"],
    ["Fill in the blank: _____ nest on the cliffs every spring.", "Gulls"],
    ["Fill in the blank: The agency is a _____ body that advises the council.", "non-statutory"],
    ["Fill in the blank: The mission was largely _____ work done by volunteers.", "unpaid"],
  ])("keeps a blank on a noun, or on a modifier that is the claim after a copula: %s", (prompt, answer) => {
    expect(checks(item({ kind: "cloze", prompt, answer, answerType: "text" }))).not.toContain("modifier-blank");
  });

  it.each([
    ["When was the **Harbour Act** passed?", "1902", null],
    ["Fill in the blank: The __Harbour Act__ was passed in _____.", "1902", null],
    ["Which river feeds the bay?", "the *Tarn*", null],
    ["Which river feeds the bay?", "Tarn", ["_Tarn_", "Ouse", "Wye"]],
  ])("refuses emphasis markup: %s", (prompt, answer, options) => {
    expect(checks(item({ prompt, answer, options }))).toContain("markup-left");
  });

  it("keeps the blank, snake_case and a lone asterisk, and strips emphasis to its text", () => {
    expect(checks(item({ prompt: "Fill in the blank: The file_name field holds _____ *", answer: "1902" }))).toEqual(
      [],
    );
    expect(plainText("The **Harbour Act** and __the Port__ and *Tarn* and _Wye_ in _____.")).toBe(
      "The Harbour Act and the Port and Tarn and Wye in _____.",
    );
    // An italic title keeps its bounds as quotation marks, with or without the blank inside it.
    expect(plainText("She wrote the novel *The Long Pier* in 1931.")).toBe(
      "She wrote the novel “The Long Pier” in 1931.",
    );
    expect(plainText("She wrote the novel *The _____* in 1931.")).toBe("She wrote the novel “The _____” in 1931.");
    expect(checks(item({ prompt: "Fill in the blank: She wrote *The Long _____.", answer: "Pier*" }))).toContain(
      "markup-left",
    );
  });

  it("serves no emphasis markup and no list member from a Markdown document", () => {
    const md =
      "# Harbours\n\nThe **Harbour Act** was passed by the parliament of Ruritania in 1902 after a long debate.\n\n" +
      "Storms hit the coast in 1921, 1948, 1976 and 2003. The __old pier__ was rebuilt in 1931 by the *city*.\n";
    const items = buildItems(md, { seed: 7 }).items;
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) {
      const texts = [i.prompt, i.answer, ...(i.options ?? [])].map((t) => t.split("_____").join(""));
      expect(texts.join(" ")).not.toMatch(/\*|__/);
      expect(["1921", "1948", "1976", "2003"]).not.toContain(i.answer);
    }
  });
});

describe("round 3 shapes (wip-gen-lists: made-up sentences in the shapes an outside reading found)", () => {
  it.each([
    ["Fill in the blank: The _____ trams run on the northern lines.", "old low-floor"],
    ["Fill in the blank: Two _____ engines drained the marsh.", "steam-driven pumping"],
    ["Fill in the blank: The _____ corals grow slowly in warm water.", "hard reef-building"],
  ])("refuses a blank on a two-word modifier: %s", (prompt, answer) => {
    expect(checks(item({ kind: "cloze", prompt, answer, answerType: "text" }))).toContain("modifier-blank");
  });

  it.each([
    ["Fill in the blank: The _____ opened the new hall in 1902.", "Lord Mayor"],
    ["Fill in the blank: The _____ was rebuilt after the fire.", "town hall"],
  ])("keeps a two-word blank that is a name or a noun phrase: %s", (prompt, answer) => {
    expect(checks(item({ kind: "cloze", prompt, answer, answerType: "text" }))).not.toContain("modifier-blank");
  });

  it.each([
    "True or false: The warning centre operates 35 hours a day.",
    "True or false: The lab is staffed 9 days a week.",
    "True or false: Turnout reached 130 per cent in the capital.",
    "True or false: The dam was built from 1972 to 1964.",
    "True or false: Most plates move between 100 and 10 millimetres a year.",
  ])("refuses a false variant no reader needs the document to judge: %s", (prompt) => {
    const tf = item({ kind: "true_false", prompt, answer: "False", options: ["True", "False"], answerType: "boolean" });
    expect(checks(tf)).toContain("absurd-variant");
  });

  it.each([
    ["True or false: The warning centre operates 24 hours a day.", "False"],
    ["True or false: The dam was built from 1964 to 1972.", "False"],
    ["True or false: The herd fell from 5,000 to 3,000 animals.", "True"],
  ])("keeps a false variant inside its bounds, and the source's own claim: %s", (prompt, answer) => {
    const tf = item({ kind: "true_false", prompt, answer, options: ["True", "False"], answerType: "boolean" });
    expect(checks(tf)).not.toContain("absurd-variant");
  });

  it("refuses a question that kept a label's colon", () => {
    const question = item({ prompt: "How many eggs a day does Queen: lay?", answer: "2,000", answerType: "number" });
    expect(checks(question)).toContain("unsafe-question");
  });

  it("refuses a statement opening on a preposition whose object is the sentence before", () => {
    const prompt = "Fill in the blank: Under it, member states accept _____ on their nuclear material.";
    expect(checks(item({ kind: "cloze", prompt, answer: "inspections", answerType: "text" }))).toContain(
      "dangling-pronoun",
    );
    const named = "Fill in the blank: Under the treaty, member states accept _____ on their nuclear material.";
    expect(checks(item({ kind: "cloze", prompt: named, answer: "inspections", answerType: "text" }))).not.toContain(
      "dangling-pronoun",
    );
  });
});
