import { describe, expect, it } from "vitest";
import {
  ambiguousOptions,
  cutTitle,
  derivableNumber,
  hedgedVariant,
  logisticsSource,
  questionScope,
  roleDebris,
  topicEntity,
} from "./informative";
import { unresolvedAnaphora } from "./well-formed";
import type { GeneratedItem } from "./types";
import { sourceOf, testItem } from "./test-kit";

// Made-up texts in the shapes an outside reader found worthless (decision 035); none is from a fixture document.
const item = (overrides: Partial<GeneratedItem> = {}): GeneratedItem =>
  testItem({
    kind: "cloze",
    prompt: "Fill in the blank: The lighthouse was built in _____.",
    answer: "1871",
    source: sourceOf("The lighthouse was built in 1871."),
    ...overrides,
  });

describe("logistics and apparatus as sources", () => {
  it.each([
    "The gallery is open daily from 09:30 to 18:00, and until 21:00 on Thursdays.",
    "Last admission is 45 minutes before closing.",
    "Audio guides are available in eight languages.",
    "Allow about two hours for the visit.",
    "Booking in advance is recommended in July and August.",
    "Explain why the ice floats on water.",
    "Why does the ice float on water?",
    "Write to us at 14 Harbour Street, Port Ellen, or call +44 1496 300 400.",
  ])("refuses %s", (text) => {
    expect(logisticsSource(item({ source: sourceOf(text) }))).toHaveLength(1);
  });

  it("refuses a sentence of a learning-objectives box, by its heading", () => {
    const documentText = "# Ice\n\n## Learning objectives\n\n- State that ice is less dense than water.\n";
    const start = documentText.indexOf("State");
    expect(
      logisticsSource(item({ source: sourceOf("State that ice is less dense than water.", start) }), { documentText }),
    ).toHaveLength(1);
  });

  it.each([
    "The lighthouse was built in 1871 by the engineer Alan Brodie.",
    "The tram line will open to passengers on Saturday 3 May.",
    "Ice is less dense than liquid water because its molecules form an open lattice.",
  ])("keeps %s", (text) => {
    expect(logisticsSource(item({ source: sourceOf(text) }))).toEqual([]);
  });
});

describe("the document's own topic as the answer", () => {
  it("refuses a biography's subject, by full name or surname, even in a definition", () => {
    const context = { title: "Ada Brook (1820–1890)" };
    const full = item({
      prompt: "Fill in the blank: _____ was a Welsh bridge builder.",
      answer: "Ada Brook",
      answerType: "person",
    });
    const surname = item({
      prompt: "Fill in the blank: In 1851 _____ opened her first bridge.",
      answer: "Brook",
      answerType: "person",
    });
    expect(topicEntity(full, context)).toHaveLength(1);
    expect(topicEntity(surname, context)).toHaveLength(1);
  });

  it("refuses the place a document's lead sets it in and repeats, keeps other places", () => {
    const documentText =
      "# The Great Flood\n\nThe Great Flood struck lowland Norland in 1721.\n\nRain fell in Norland for weeks. " +
      "The river rose at Kell. Norland lost its harvest.\n";
    const context = { title: "The Great Flood", documentText };
    const setting = item({
      prompt: "Fill in the blank: Rain fell in _____ for weeks.",
      answer: "Norland",
      answerType: "place",
    });
    const town = item({ prompt: "Fill in the blank: The river rose at _____.", answer: "Kell", answerType: "place" });
    expect(topicEntity(setting, context)).toHaveLength(1);
    expect(topicEntity(town, context)).toEqual([]);
  });

  it("refuses a false statement made by putting the topic in another thing's place", () => {
    const tf = item({
      kind: "true_false",
      answer: "False",
      answerType: "boolean",
      prompt: "True or false: Ada Brook was the first iron ship.",
      source: sourceOf("The Osprey was the first iron ship."),
    });
    expect(topicEntity(tf, { title: "Ada Brook (1820–1890)" })).toHaveLength(1);
  });

  it("keeps recalling a thing from its definition", () => {
    const definition = item({
      prompt: "Fill in the blank: _____ is the slow wearing away of rock.",
      answer: "Erosion",
      answerType: "text",
    });
    expect(topicEntity(definition, { title: "Erosion" })).toEqual([]);
  });
});

describe("numbers the prompt gives away", () => {
  const number = (prompt: string, answer: string, start = 0) =>
    item({ prompt: `Fill in the blank: ${prompt}`, answer, answerType: "number", source: sourceOf(prompt, start) });
  it.each([
    ["Boron has _____ stable isotopes, boron-10 and boron-11.", "2"],
    ["A molecule of N₂ has _____ atoms.", "2"],
    ["The first member joined in 1950 and the other _____ members in 1952.", "4"],
  ])("refuses %s", (prompt, answer) => {
    expect(derivableNumber(number(prompt, answer))).toHaveLength(1);
  });

  it("refuses a definite count of a set the document named before", () => {
    const documentText = "The tablet bears three older scripts. Scholars read the Latin one first.";
    const prompt = "Scholars read the Latin, which gave them a key to the _____ older scripts.";
    expect(derivableNumber(number(prompt, "2", documentText.length), { documentText })).toHaveLength(1);
  });

  it("keeps a count the prompt does not give", () => {
    expect(derivableNumber(number("The bridge has _____ arches.", "7"))).toEqual([]);
  });
});

describe("options that make an item ambiguous", () => {
  const mc = (prompt: string, answer: string, options: string[], answerType = "number") =>
    item({ kind: "multiple_choice", prompt, answer, options, answerType: answerType as GeneratedItem["answerType"] });
  it("refuses a smaller option after a lower bound", () => {
    expect(
      ambiguousOptions(
        mc("Which number fills the blank? At least _____ sailors drowned.", "40", ["40", "20", "55", "70"]),
      ),
    ).toHaveLength(1);
  });
  it("refuses a near option after a hedge", () => {
    expect(
      ambiguousOptions(
        mc("Which number fills the blank? The wall is about _____ metres long.", "300", ["300", "310", "600", "900"]),
      ),
    ).toHaveLength(1);
  });
  it("refuses the key's short name or abbreviation as a wrong option", () => {
    const prompt = "Who designed the pier?";
    expect(
      ambiguousOptions(mc(prompt, "Ada Brook", ["Ada Brook", "Brook", "Tom Hale", "Rhys Lloyd"], "person")),
    ).toHaveLength(1);
    const org = mc(
      "Which name fills the blank? The grant came from the _____.",
      "Northern Rail Board",
      ["Northern Rail Board", "NRB", "City Council", "Harbour Trust"],
      "organisation",
    );
    expect(ambiguousOptions(org)).toHaveLength(1);
  });
  it("keeps clean options", () => {
    expect(
      ambiguousOptions(
        mc("Which number fills the blank? The wall is _____ metres long.", "300", ["300", "310", "600", "900"]),
      ),
    ).toEqual([]);
  });
});

describe("titles, role cards, question scope, hedged variants", () => {
  it("refuses a blank inside a title of a work", () => {
    const print = item({
      prompt: "Fill in the blank: Her best-known series is _____ Views of Lake Orm.",
      answer: "24",
      answerType: "number",
    });
    const quoted = item({
      prompt: "Fill in the blank: He wrote “The _____ of the Sea” in 1901.",
      answer: "Song",
      answerType: "text",
    });
    expect(cutTitle(print)).toHaveLength(1);
    expect(cutTitle(quoted)).toHaveLength(1);
    expect(cutTitle(item({ prompt: "Fill in the blank: In _____ Ada Brook opened the bridge." }))).toEqual([]);
  });
  it("refuses a role card built from the words before the name", () => {
    expect(
      roleDebris(
        item({
          kind: "flashcard",
          prompt: "Who was Tom Hale?",
          answer: "a Meanwhile his assistant",
          answerType: "text",
        }),
      ),
    ).not.toEqual([]);
    expect(
      roleDebris(
        item({ kind: "flashcard", prompt: "Who was Tom Hale?", answer: "a Welsh surveyor", answerType: "text" }),
      ),
    ).toEqual([]);
  });
  it.each([
    ["When did the architect die, in 1902 after the hall opened?", "date"],
    ["How many kilometres north does the lighthouse stand?", "number"],
    ["How many plates move apart and lava rises to fill the gap?", "number"],
  ])("refuses the question %s", (prompt, answerType) => {
    expect(
      questionScope(item({ kind: "typed", prompt, answerType: answerType as GeneratedItem["answerType"] })),
    ).toHaveLength(1);
  });
  it("keeps a direction with its landmark", () => {
    expect(
      questionScope(
        item({
          kind: "typed",
          prompt: "How many kilometres north of the harbour does the lighthouse stand?",
          answerType: "number",
        }),
      ),
    ).toEqual([]);
  });
  it("refuses a hedged number nudged into a false statement, keeps a large change", () => {
    const tf = (prompt: string) =>
      item({
        kind: "true_false",
        answer: "False",
        answerType: "boolean",
        prompt,
        source: sourceOf("The bell weighs about 900 kg."),
      });
    expect(hedgedVariant(tf("True or false: The bell weighs about 1,100 kg."))).toHaveLength(1);
    expect(hedgedVariant(tf("True or false: The bell weighs about 4,000 kg."))).toEqual([]);
  });
});

describe("unresolved anaphora in a prompt", () => {
  it.each([
    "True or false: Three years later she won the same prize.",
    "Fill in the blank: During this period the hall was used as a _____.",
    "Fill in the blank: In May 1903 its roof was replaced by _____.",
    "When did Ada Brook win the same prize?",
  ])("refuses %s", (prompt) => {
    expect(unresolvedAnaphora(prompt)).not.toEqual([]);
  });
  it.each([
    "True or false: In 1890, three years later, Ada Brook won the Telford Medal.",
    "Fill in the blank: The tablet repeats the same decree in three scripts.",
    "Fill in the blank: The bridge opened in 1851. This design is known as a _____.",
    "Fill in the blank: The hall lost its roof in a storm in _____.",
  ])("keeps %s", (prompt) => {
    expect(unresolvedAnaphora(prompt)).toEqual([]);
  });
});

describe("false statements a reader judges without the document", () => {
  const tf = (prompt: string, source: string) =>
    item({
      kind: "true_false",
      answer: "False",
      answerType: "boolean",
      prompt: `True or false: ${prompt}`,
      source: sourceOf(source),
    });
  it.each([
    ["The lamp should last for well over four years.", "The lamp should last for well over 10 years."],
    ["The ferry carries up to 900 cars.", "The ferry carries up to 400 cars."],
    [
      "The valley is drained by three rivers, the Lune and the Wenning.",
      "The valley is drained by two rivers, the Lune and the Wenning.",
    ],
  ])("refuses %s", (prompt, source) => {
    expect(hedgedVariant(tf(prompt, source))).toHaveLength(1);
  });
  it("keeps a clearly false count", () => {
    expect(
      hedgedVariant(tf("The lamp should last for well over 40 years.", "The lamp should last for well over 10 years.")),
    ).toEqual([]);
  });
});
