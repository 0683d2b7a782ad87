import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractFacts } from "./extract";
import { parseDocument } from "./parse";
import type { Fact, PersonFact } from "./types";

const NATO_MD = readFileSync(new URL("../../content/nato-mission-iraq.md", import.meta.url), "utf8");
const NATO_TXT = readFileSync(new URL("./fixtures/nato-mission-iraq.txt", import.meta.url), "utf8");

const facts = extractFacts(parseDocument(NATO_MD));
const ofType = <T extends Fact["type"]>(type: T) =>
  facts.filter((f): f is Extract<Fact, { type: T }> => f.type === type);

describe("extractFacts on a small document", () => {
  it("returns typed facts with provenance, compared whole", () => {
    const text = "# Moon\n\nApollo 11 landed on the Moon on 20 July 1969. Around 600 million people watched it.\n";
    expect(extractFacts(parseDocument(text))).toEqual([
      {
        type: "event",
        key: "event:apollo-11-landed-on-the-moon-330fb394",
        date: { year: 1969, month: 7, day: 20, precision: "day" },
        what: "Apollo 11 landed on the Moon",
        dateText: "20 July 1969",
        question: "When did Apollo 11 land on the Moon?",
        source: { text: "Apollo 11 landed on the Moon on 20 July 1969.", start: 8, end: 53 },
      },
      {
        type: "quantity",
        key: "quantity:people-963335ee",
        value: 600000000,
        unit: "people",
        what: "people",
        modifier: "around",
        valueText: "Around 600 million",
        question: "How many people watched it?",
        source: { text: "Around 600 million people watched it.", start: 54, end: 91 },
      },
    ]);
  });

  it("keeps each source as an exact slice of the document", () => {
    for (const f of facts) expect(NATO_MD.slice(f.source.start, f.source.end)).toBe(f.source.text);
  });
});

describe("extractFacts on the NATO page", () => {
  it("dates events at the precision the text states", () => {
    const byQuestion = Object.fromEntries(ofType("event").map((e) => [e.question, e.date]));
    expect(byQuestion["When did NATO leaders agree to launch NATO Mission Iraq?"]).toEqual({
      year: 2018,
      month: 7,
      precision: "month",
    });
    expect(byQuestion["When was NMI established in Baghdad?"]).toEqual({ year: 2018, month: 10, precision: "month" });
    expect(byQuestion["When did Jordan-based training transfer to Iraq?"]).toEqual({
      year: 2017,
      month: 2,
      precision: "month",
    });
    const ntmi = ofType("event").find((e) => e.dateText === "2004 to 2011");
    expect(ntmi).toMatchObject({
      date: { year: 2004, precision: "year" },
      endDate: { year: 2011, precision: "year" },
      what: "NATO conducted a relatively small but important support operation in Iraq",
    });
  });

  it('resolves "it" to the last named subject', () => {
    expect(ofType("event").map((e) => e.question)).toContain(
      'When did NATO begin conducting a number of "train-the-trainer" courses in Jordan?',
    );
  });

  it("reads rank, nationality, tenure, role and succession of people", () => {
    const people = Object.fromEntries(ofType("person").map((p) => [p.name, p])) as Record<string, PersonFact>;
    expect(people["Jennie Carignan"]).toMatchObject({
      rank: "Major General",
      nationality: "Canada",
      role: "commander",
      roleOf: "NATO Mission Iraq",
      tenureStart: { year: 2019, month: 11, day: 26, precision: "day" },
      predecessor: "Dany Fortin",
    });
    expect(people["Dany Fortin"]).toMatchObject({
      rank: "Major General",
      nationality: "Canada",
      role: "commander",
      roleOf: "NATO Mission Iraq",
      tenureStart: { year: 2018, month: 10, day: 31, precision: "day" },
      tenureEnd: { year: 2019, month: 11, day: 25, precision: "day" },
      successor: "Jennie Carignan",
    });
    expect(people["Jens Stoltenberg"]).toMatchObject({ role: "Secretary General", roleOf: "NATO" });
    expect(Object.keys(people).sort()).toEqual(["Dany Fortin", "Jennie Carignan", "Jens Stoltenberg"]);
  });

  it("reads quantities in digits and words with their hedges", () => {
    const q = ofType("quantity").map(({ value, modifier, what, question }) => ({ value, modifier, what, question }));
    expect(q).toEqual([
      {
        value: 500,
        modifier: "around",
        what: "trainers, advisors and supporting personnel",
        question: "How many trainers, advisors and supporting personnel does NMI involve?",
      },
      { value: 2, modifier: undefined, what: "operational-level commands", question: undefined },
      {
        value: 350,
        modifier: "more than",
        what: "Iraqi security and military personnel",
        question: "How many Iraqi security and military personnel were trained?",
      },
      { value: 8, modifier: undefined, what: "civilian and military personnel", question: undefined },
    ]);
  });

  it("reads list items as institutions with the caption as group, and never invents one", () => {
    const inst = ofType("institution");
    expect(inst).toHaveLength(15);
    expect(inst.filter((i) => i.group === "Baghdad area").map((i) => i.name)).toEqual([
      "Ministry of Defence",
      "Office of the National Security Advisor",
      "Prime Minister's National Operations Centre",
      "Defence University for Military Studies",
      "Computer Science School",
      "Military Medical School",
    ]);
    expect(inst.filter((i) => !i.group).map((i) => i.name)).toContain("Armour School");
    expect(new Set(inst.map((i) => i.collection))).toEqual(
      new Set(["military schools considered as initial training locations"]),
    );
  });

  it("reads definitions, acronyms, objectives and places", () => {
    expect(ofType("definition").map((d) => [d.subject, d.is])).toContainEqual([
      "NMI",
      "a non-combat training and capacity-building mission",
    ]);
    expect(
      ofType("organisation")
        .filter((o) => o.acronym)
        .map((o) => [o.acronym, o.name]),
    ).toEqual([
      ["NMI", "NATO Mission Iraq"],
      ["JFC", "Joint Force Command"],
      ["NTM-I", "NATO Training Mission in Iraq"],
    ]);
    expect(ofType("objective").find((o) => o.question)).toMatchObject({
      subject: "NMI",
      question: "What is NMI designed to do?",
      objective: "help strengthen Iraqi security forces and Iraqi military education institutions",
    });
    expect(ofType("objective").filter((o) => !o.question)).toHaveLength(5);
    const places = new Set(ofType("place").map((p) => p.name));
    for (const p of [
      "Baghdad",
      "Baghdad area",
      "Besmaya",
      "Taji",
      "Jordan",
      "Australia",
      "Sweden",
      "Finland",
      "Canada",
    ])
      expect(places).toContain(p);
    expect(ofType("place").find((p) => p.question)?.question).toBe("Where was NMI established?");
  });

  it("finds the same facts in the plain-text copy of the page", () => {
    const fromTxt = extractFacts(parseDocument(NATO_TXT));
    const summary = (fs: Fact[]) =>
      fs
        .filter((f) => f.type === "event" || f.type === "person" || f.type === "quantity")
        .map((f) => f.key)
        .sort();
    expect(summary(fromTxt)).toEqual(summary(facts));
  });
});

describe("fact keys", () => {
  it("do not change when another paragraph changes", () => {
    const edited = NATO_MD.replace(
      "The mission builds on work previously conducted",
      "The mission, as noted, builds on work conducted",
    ).replace("In sum, ", "To sum up, ");
    const before = new Map(facts.map((f) => [f.key, f]));
    const after = extractFacts(parseDocument(edited));
    const unchanged = after.filter((f) => !/builds on|sum up/.test(f.source.text));
    for (const f of unchanged) expect(before.has(f.key), f.key).toBe(true);
  });

  it("are unique", () => {
    expect(new Set(facts.map((f) => f.key)).size).toBe(facts.length);
  });
});

describe("events", () => {
  const events = (text: string) =>
    extractFacts(parseDocument(`# Money\n\n${text}\n`)).flatMap((f) =>
      f.type === "event" ? [[f.dateText, f.what]] : [],
    );

  it("dates each clause of a sentence joined by a semicolon with its own date", () => {
    expect(
      events(
        "In January 1922 the bank opened a branch in Hamburg; in November 1923 the bank closed its branch in Bremen.",
      ),
    ).toEqual([
      ["January 1922", "the bank opened a branch in Hamburg"],
      ["November 1923", "the bank closed its branch in Bremen"],
    ]);
  });

  it("reads a date after '<noun> of' as naming that noun, not as the time of the clause", () => {
    expect(events("Many argue that the collapse made voters angry after the depression of 1929.")).toEqual([]);
    expect(events("Parliament signed the Treaty of 1648 in a hurry.")).toEqual([]);
    expect(events("The Great Stink occurred in the summer of 1858.")).toEqual([["1858", "The Great Stink occurred"]]);
  });
});

describe("generality", () => {
  it("keeps document-specific words out of the extraction rules", () => {
    const files = [
      "extract.ts",
      "extract-people.ts",
      "extract-names.ts",
      "extract-quantities.ts",
      "phrase.ts",
      "parse.ts",
      "dates.ts",
      "lexicon.ts",
      "tokens.ts",
    ];
    for (const file of files) {
      const code = readFileSync(new URL(`./${file}`, import.meta.url), "utf8").replace(
        /\/\/.*$|\/\*[\s\S]*?\*\//gm,
        "",
      );
      for (const word of [
        "NATO",
        "NMI",
        "Baghdad",
        "Carignan",
        "Fortin",
        "Besmaya",
        "Taji",
        "Brussels",
        "Warsaw Summit",
        "Da'esh",
      ]) {
        expect(code.includes(word), `${file} mentions ${word}`).toBe(false);
      }
    }
  });
});

describe("pronouns", () => {
  it('reads "it" past a time phrase fronted without its comma', () => {
    const doc = parseDocument(
      "# Radios\n\nThe same year the Regency TR-1, the first transistor radio, went on sale. It used four transistors.\n",
    );
    const q = extractFacts(doc).find((f) => f.type === "quantity");
    expect(q && q.type === "quantity" && q.question).toBe("How many transistors did the Regency TR-1 use?");
  });
});
