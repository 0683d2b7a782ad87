/**
 * Decision 039: whole spans and labels. Every sentence here is made up for the test, in several domains; none is
 * taken from the corpus or from a document an outside reader judged.
 */
import { describe, expect, it } from "vitest";
import { findDates, formatDate } from "./dates";
import { fragmentOption, listShowsMembers } from "./defects";
import { pickDistractors, wholeSpan } from "./distractors";
import { extractAttributes } from "./extract-attributes";
import { findOrganisations } from "./extract-names";
import { parseDocument } from "./parse";
import { lowerFirst, reduceClause, toQuestion } from "./phrase";
import { buildItems } from "./pipeline";
import { surnameOf } from "./text";
import { createRng } from "../prng";
import type { GeneratedItem } from "./types";

function item(overrides: Partial<GeneratedItem> = {}): GeneratedItem {
  const text = "The station is run by the Coastal Search and Rescue Service.";
  return {
    key: "k",
    factKey: "f",
    kind: "multiple_choice",
    prompt: "Which service runs the station?",
    answer: "Coastal Search and Rescue Service",
    accepted: [],
    options: null,
    answerType: "organisation",
    topic: "organisations",
    difficulty: 0.5,
    source: { text, start: 0, end: text.length },
    ...overrides,
  };
}

/** The clause a date dates, and its "When …?" question, as the event rules build them. */
function when(sentence: string, date: string): string | undefined {
  const at = sentence.indexOf(date);
  const clause = reduceClause(sentence, [{ start: at, stop: at + date.length }]);
  return clause && toQuestion("When", clause, true);
}

describe("lowerFirst", () => {
  it.each([
    ["Sessions last", "sessions last"],
    ["Wolves returned", "wolves returned"],
    ["Construction was completed", "construction was completed"],
    ["Athens lies", "Athens lies"],
    ["Holmes wrote", "Holmes wrote"],
    ["Vasa is", "Vasa is"],
  ])(
    "%s → %s (a common noun, even plural, loses the capital its sentence gave it; a name keeps it)",
    (text, lowered) => {
      expect(lowerFirst(text)).toBe(lowered);
    },
  );
});

describe("a plural after a number is a noun", () => {
  it("never takes it for the clause's verb", () => {
    expect(toQuestion("When", "a dollar cost about 190 marks", true) ?? "").not.toMatch(/\bmark\?$/);
    expect(toQuestion("When", "The bank hired 40 clerks", true)).toBe("When did the bank hire 40 clerks?");
  });
});

describe("class 1: a distractor is a whole span", () => {
  it.each([
    ["The station is run by the Coastal Search and Rescue Service.", "Coastal Search and Rescue Service"],
    ["She joined the Arts and Humanities Research Council in 2005.", "Arts and Humanities Research Council"],
    ["The Fish and Wildlife Service counted the geese.", "Fish and Wildlife Service"],
  ])("reads the capitalised words joined by 'and' before an institution's head as its name: %s", (sentence, name) => {
    expect(findOrganisations(sentence).map((o) => o.name)).toEqual([name]);
  });

  it.each([
    [
      "Grants came from the Office for Science and Technology Policy last year.",
      "Office for Science and Technology Policy",
    ],
    [
      "The Society for the Study of Inborn Errors of Metabolism met in Leeds.",
      "Society for the Study of Inborn Errors of Metabolism",
    ],
    ["She advised the Department of Health and Social Care until 2019.", "Department of Health and Social Care"],
    [
      "The Ministry of Education, Culture and Science paid for the scanning.",
      "Ministry of Education, Culture and Science",
    ],
    [
      "Files went to the Institute for War, Holocaust and Genocide Studies in 2020.",
      "Institute for War, Holocaust and Genocide Studies",
    ],
    [
      "It was the Department for Digital, Culture, Media and Sport.",
      "Department for Digital, Culture, Media and Sport",
    ],
  ])("reads a name on through further links and 'and' after its head: %s", (sentence, name) => {
    expect(findOrganisations(sentence).map((o) => o.name)).toContain(name);
  });

  it("ends a name before 'and' when a country, an acronym or another institution follows", () => {
    expect(findOrganisations("The Ministry of Defence and NATO signed it.").map((o) => o.name)).toContain(
      "Ministry of Defence",
    );
    expect(findOrganisations("The Office of Fisheries and Canada's coast guard agreed.").map((o) => o.name)).toContain(
      "Office of Fisheries",
    );
    expect(findOrganisations("The Ministry of Defence, Germany and NATO met.").map((o) => o.name)).toContain(
      "Ministry of Defence",
    );
    expect(findOrganisations("The Ministry of Finance, the bank and the courts agreed.").map((o) => o.name)).toContain(
      "Ministry of Finance",
    );
  });

  it("keeps a country or another institution before 'and' apart", () => {
    expect(findOrganisations("France and European Space Agency staff met in Toulouse.").map((o) => o.name)).toEqual([
      "European Space Agency",
    ]);
    expect(
      findOrganisations("The Ministry of Health and Royal College of Nursing signed it.").map((o) => o.name),
    ).toContain("Ministry of Health");
  });

  it.each([
    ["Vienna", true],
    ["Acme Co.", true],
    ["11:00 a.m.", true],
    ["(Oslo)", true],
    ["−12 °C", true],
    ["Vienna.*", false],
    ["Oslo)", false],
    ["Bergen,", false],
    ["-Tromsø", false],
  ])("wholeSpan(%s) is %s", (text, whole) => {
    expect(wholeSpan(text)).toBe(whole);
  });

  it("never picks a candidate with punctuation glued to an edge", () => {
    const picked = pickDistractors("Paris", [["Vienna.*", "Oslo)", "Rome", "Lisbon", "Madrid"]], [], createRng(3));
    expect(picked).toEqual(expect.arrayContaining(["Rome", "Lisbon", "Madrid"]));
    expect(picked).not.toContain("Vienna.*");
    expect(picked).not.toContain("Oslo)");
  });

  it("detects an option that is only ever a piece of a longer name in the document", () => {
    const documentText =
      "The Coastal Search and Rescue Service has a base here. The Mountain Rescue Service trains on the glacier.";
    const options = [
      "Coastal Search and Rescue Service",
      "Search and Rescue",
      "Mountain Rescue Service",
      "Harbour Police",
    ];
    const found = fragmentOption(item({ options }), { documentText });
    expect(found.map((d) => d.message)).toEqual([
      '"Search and Rescue" is only ever part of a longer name in the document',
    ]);
  });

  it("detects punctuation at an option's edge, and leaves ranks, defined long forms and values alone", () => {
    expect(
      fragmentOption(item({ options: ["Oslo)", "Bergen", "Tromsø", "Narvik"], answerType: "place" })),
    ).toHaveLength(1);
    const documentText =
      "Major General Anna Berg leads the NATO-led Stabilisation Force (SFOR). The EU's Common Fisheries Policy applies.";
    expect(
      fragmentOption(
        item({ options: ["Major General", "Stabilisation Force", "Common Fisheries Policy", "Rear Admiral"] }),
        {
          documentText,
        },
      ),
    ).toEqual([]);
    expect(fragmentOption(item({ options: ["1990.", "1991", "1992", "1993"], answerType: "date" }))).toEqual([]);
  });
});

describe("class 2: an answer key is a whole, minimal name", () => {
  it.each([
    ["Jennie Carignan", "Carignan"],
    ["Elizabeth II", undefined],
    ["Count Adolf II", undefined],
    ["Martin Luther King Jr.", undefined],
    ["Valdemar", undefined],
  ])("surnameOf(%s) is %s", (name, surname) => {
    expect(surnameOf(name)).toBe(surname);
  });

  it("never accepts a regnal numeral or a title with it as the answer for a monarch or a count", () => {
    const text = [
      "# Harlow",
      "",
      "In 1361 the town was besieged by King Valdemar IV. The charter was granted by Count Adolf II in 1143.",
      "The abbey was consecrated by Bishop Absalon Hvide in 1178.",
    ].join("\n");
    const { items } = buildItems(text, { seed: 7 });
    const people = items.filter((i) => i.answerType === "person");
    expect(people.length).toBeGreaterThan(0);
    for (const i of people)
      for (const a of [i.answer, ...i.accepted]) expect(a).not.toMatch(/^(?:King |Count |Bishop )?[IVX]+$/);
    // A title before a name is no part of the answer, and no rank to ask about.
    expect(people.map((i) => i.answer)).not.toContain("Count Adolf II");
    expect(items.some((i) => /rank of/.test(i.prompt))).toBe(false);
  });
});

describe("class 3: a list item never prints its own members", () => {
  it("drops a list whose context sentence names a member", () => {
    const text = [
      "# The Amber Coast",
      "",
      "More than 40 rivers reach the coast, such as the Ljungan. The most important include the Ljungan, the Dal and the Ume.",
      "",
      "The region grows rye, oats and barley.",
    ].join("\n");
    const lists = buildItems(text, { seed: 7 }).items.filter((i) => /^Name all/.test(i.prompt));
    expect(lists.map((i) => i.answer)).toEqual(["rye, oats and barley"]);
  });

  it("detects a list prompt that shows a member", () => {
    const shows = item({
      kind: "flashcard",
      prompt: "Name all three: Kalmar is the busiest of the three ports. The ports are _____.",
      answer: "Kalmar, Visby and Ronneby",
      answerType: "text",
    });
    expect(listShowsMembers(shows).map((d) => d.message)).toEqual([
      'the prompt already names "kalmar", a member it asks for',
    ]);
    expect(listShowsMembers({ ...shows, prompt: "Name all three: The ports are _____." })).toEqual([]);
  });
});

describe("class 4: an event label keeps who did what to whom", () => {
  it.each([
    // A second predicate sharing a passive's auxiliary, with an agent: passive.
    [
      "The dish was cleaned in 2021 and inspected by the trust in 2022.",
      "2022",
      "When was the dish inspected by the trust?",
    ],
    [
      "The bridge was begun in 1890 and completed by a British firm in 1894.",
      "1894",
      "When was the bridge completed by a British firm?",
    ],
    // With an object of its own, or a past tense that is no participle: active.
    ["The mirror was polished in 2012 and entered service in 2013.", "2013", "When did the mirror enter service?"],
    ["The ship was launched in 1627 and sank in 1628.", "1628", "When did the ship sink?"],
    // Either reading fits: nothing.
    ["The treaty was drafted in Rome in 1956 and signed in Paris in 1957.", "1957", undefined],
    // A clause with its own subject after ", and"; its pronoun is the first clause's subject.
    [
      "Initial services were declared in 2016, and full services followed in 2024.",
      "2024",
      "When did full services follow?",
    ],
    [
      "The captain's mate Ole Dahl took command, and he sailed the ship home in 1841.",
      "1841",
      "When did the captain's mate Ole Dahl sail the ship home?",
    ],
    // A date in a fronted subordinate clause dates that clause.
    ["After the war ended in 1945, the town was rebuilt.", "1945", "When did the war end?"],
    ["Before the lab was founded in 1931, the physicists worked in a barn.", "1931", "When was the lab founded?"],
    // "By the end of <date>" goes whole.
    [
      "By the end of 1990 the team had written the first compiler.",
      "1990",
      "When had the team written the first compiler?",
    ],
  ])("%s (%s) → %s", (sentence, date, question) => {
    expect(when(sentence, date)).toBe(question);
  });

  it("asks no question of a passive written without its auxiliary", () => {
    expect(toQuestion("When", "The dish inspected by the trust", true)).toBeUndefined();
    expect(toQuestion("When", "The harbour burned", true)).toBe("When did the harbour burn?");
  });
});

describe("class 5: a fact sheet's value gets a question of its kind", () => {
  const sheet = (lines: string[]) =>
    extractAttributes(
      parseDocument(
        ["# Orion", "", "The Orion satellites carry clocks.", "", "## Key figures", "", ...lines].join("\n"),
      ),
    );

  it("asks 'When' for a date whose label is an event, 'What' for a date label, nothing for a plan", () => {
    const facts = sheet([
      "- First general assembly: 14 March 2005",
      "- Launch date: 21 October 2011",
      "- Planned upgrade: 12 May 2031",
    ]);
    expect(facts.map((f) => f.type === "attribute" && f.question)).toEqual([
      "When was the first general assembly of Orion?",
      "What is the launch date of Orion?",
    ]);
  });

  it("puts no 'the' before a name the text uses only as a modifier", () => {
    expect(sheet(["- Orbital altitude: 23,222 km"]).map((f) => f.type === "attribute" && f.question)).toEqual([
      "What is the orbital altitude of Orion?",
    ]);
    const river = extractAttributes(
      parseDocument(
        "# Vecht\n\nThe Vecht flows west. The Vecht valley is wide.\n\n## Key figures\n\n- Length: 167 km\n",
      ),
    );
    expect(river.map((f) => f.type === "attribute" && f.question)).toEqual(["What is the length of the Vecht?"]);
  });
});

describe("class 6: a date is as precise as the text writes it", () => {
  it.each([
    ["The lake froze over at the end of January 1963, and the ferries stopped.", "January 1963"],
    ["The tunnel opened at the beginning of May 1994.", "May 1994"],
    ["The ferry sailed on 3 March 1962.", "3 March 1962"],
  ])("reads %s as %s", (sentence, date) => {
    expect(findDates(sentence).map((d) => formatDate(d.date))).toEqual([date]);
  });

  it("asks 'When …?' of a part of a month without leaving its preposition behind", () => {
    const doc = "# Lake Vetter\n\nThe lake froze over at the end of January 1963, and the ferries stopped.\n";
    const items = buildItems(doc, { seed: 7, includeReview: true }).items;
    expect(items.filter((i) => /\bat the\?|\bend of\?| 31 /.test(`${i.prompt} ${i.answer}`))).toEqual([]);
    expect(items.map((i) => i.answer)).toContain("January 1963");
  });
});
