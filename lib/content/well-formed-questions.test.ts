/**
 * Issue 13, round 2 ("garble"): questions built badly, sentences split at "v.", cut spans and cut lists. Each check is
 * played on sentences written for it (new subjects), unit by unit and through the whole pipeline (decision 043).
 */
import { describe, expect, it } from "vitest";
import { articleFor } from "./items-other";
import { buildItems } from "./pipeline";
import { assessItem, obviousFill } from "./precision";
import { splitSentences } from "./split-sentences";
import type { GeneratedItem } from "./types";
import { cutQuestionDefects, listPromptDefects, promptDefects, spanCut } from "./well-formed";

const itemsOf = (text: string) => buildItems(text, { seed: 7, includeReview: true }).items;
const served = (text: string) => buildItems(text, { seed: 7 }).items;

const item = (over: Partial<GeneratedItem>): GeneratedItem =>
  ({
    key: "k",
    kind: "cloze",
    topic: "other",
    prompt: "",
    answer: "",
    answerType: "text",
    accepted: [],
    source: { text: "", start: 0, end: 0 },
    ...over,
  }) as GeneratedItem;

describe("sentence splitter", () => {
  it("does not end a sentence at the 'v.' of a case name", () => {
    const text = "The leading cases are MARBURY v. MADISON (1803) and Roe v. Wade (1973). Both are taught today.";
    const spans = splitSentences(text).map((s) => text.slice(s.start, s.end));
    expect(spans).toEqual([
      "The leading cases are MARBURY v. MADISON (1803) and Roe v. Wade (1973).",
      "Both are taught today.",
    ]);
  });

  it("never serves a blank cut at 'v.'", () => {
    const doc = "# Cases\n\nThe best-known ruling is KEATING v. THE BOARD OF WORKS (1911), on river tolls in Leeds.\n";
    expect(itemsOf(doc).filter((i) => /v\.$/.test(i.answer) || /^[A-Z ]+\(/.test(i.prompt))).toEqual([]);
  });
});

describe("questions built badly", () => {
  it("drops a singular auxiliary before a quantified plural subject", () => {
    expect(promptDefects("Why does most orchards never produce a crop?", "typed")).toContain(
      "plural subject with a singular verb",
    );
    expect(promptDefects("Why does the orchard never produce a crop?", "typed")).toEqual([]);
  });

  it("drops an example list left right after the auxiliary", () => {
    expect(cutQuestionDefects("Under which law does such as a flood, the city may close the bridge?")).toEqual([
      "example list after the auxiliary",
    ]);
  });

  it("drops a question whose date belonged to an aside between commas", () => {
    const source = "The ferry service was started by the Harbour Act, in effect since 3 May 1921, to link the islands.";
    expect(
      cutQuestionDefects(
        "When was the ferry service started by the Harbour Act, in effect, to link the islands?",
        "3 May 1921",
        source,
      ),
    ).toEqual(["the date belonged to an aside"]);
    expect(cutQuestionDefects("When did the Harbour Act come into effect?", "3 May 1921", source)).toEqual([]);
  });

  it("drops a question that ends on the first of two coordinated verbs", () => {
    const source = "In 1961 the mill opened its archive, so that anyone could read and copy it for free.";
    expect(
      cutQuestionDefects("When did the mill open its archive, so that anyone could read?", "1961", source),
    ).toEqual(["question ends on the first of two coordinated verbs"]);
  });

  it("drops a comma before a full stop and 'one' before a plural noun", () => {
    expect(promptDefects("When has Leeds,. The council opened a new library?", "typed")).toContain(
      "comma before a full stop",
    );
    expect(
      promptDefects("True or false: By 1850 the firm had built the one bridges over the river.", "true_false"),
    ).toContain('"one" before a plural noun');
    expect(
      promptDefects("True or false: By 1850 the firm had built one of the bridges over the river.", "true_false"),
    ).toEqual([]);
  });

  it("keeps the article a table row's name takes in the prose", () => {
    const doc =
      "# Parliament\n\nBills are examined by the Upper House and the Lower House.\n\n| Body | Members |\n|---|---|\n" +
      "| Upper House | 75 |\n| Lower House | 210 |\n";
    const prompts = itemsOf(doc).map((i) => i.prompt);
    expect(prompts.filter((p) => /does (?:Upper|Lower) House\b/.test(p))).toEqual([]);
  });

  it("keeps the indefinite article a title takes in its sentence", () => {
    expect(articleFor("Member of Parliament", "In 1990 she became a Member of Parliament (MP).")).toBe("a ");
  });
});

describe("cut spans and cut lists", () => {
  it("sees a name cut before the words its acronym spells", () => {
    expect(spanCut("The town backs the Clean River Plan for Wetlands (CRPW) of 2019.", "Clean River Plan")).toBe(true);
    expect(spanCut("The town backs the Clean River Plan (CRP) of 2019.", "Clean River Plan")).toBe(false);
  });

  it("drops a capitalised answer cut out of its name, and a description taken with a name", () => {
    const cut = assessItem(
      item({
        prompt: "Fill in the blank: The town backs the _____ for Wetlands (CRPW), which began in 2019.",
        answer: "Clean River Plan",
        source: {
          text: "The town backs the Clean River Plan for Wetlands (CRPW), which began in 2019.",
          start: 0,
          end: 0,
        },
      }),
    );
    expect(cut.defects).toContain("answer is part of a longer name in its sentence");
    const described = assessItem(
      item({
        prompt: "Fill in the blank: The bridge was designed by the _____.",
        answer: "Scottish engineer Thomas Telford",
        source: { text: "The bridge was designed by the Scottish engineer Thomas Telford.", start: 0, end: 0 },
      }),
    );
    expect(described.defects).toContain("answer takes a description with the name");
  });

  it("drops a list item with a member outside the blank, a cut last member, or a pronoun-led member", () => {
    expect(listPromptDefects("Foxes, _____ also hunt in the valley.", "badgers, owls and stoats")).toContain(
      "a list member outside the blank",
    );
    expect(listPromptDefects("In 1990, _____ joined the league.", "Leeds, Hull and York")).toEqual([]);
    expect(
      listPromptDefects("The lake is fed by two rivers, _____, from the north.", "the Aire and the Wharfe"),
    ).toEqual([]);
    expect(
      listPromptDefects("The rule covers workers with _____ of injury.", "asthma, back pain or a record"),
    ).toContain("the last list member is cut");
    expect(
      listPromptDefects("A claim is heard only if: _____", "it is filed in time; the claimant lives in the county"),
    ).toContain("a list member opens with a pronoun");
  });
});

describe("obvious fills", () => {
  it("drops a number blank inside a fixed term", () => {
    const ask = (prompt: string) => obviousFill(item({ prompt, answer: "1", answerType: "number" }));
    expect(ask("Fill in the blank: Most children with the disease have type _____ diabetes.")).toBe(
      "obvious fill: the number of a fixed term",
    );
    expect(ask("Fill in the blank: The tumour was found at stage _____ in most patients.")).toBeUndefined();
  });
});

describe("whole documents", () => {
  it("serves no garbled question from a document full of the shapes above", () => {
    const doc =
      "# Orchards\n\nMost orchards never produce a crop, because they are planted on poor soil. The replanting scheme " +
      "was set up by the Farm Act, in force since 2 March 1998, to help growers. In 2004 the board put its records " +
      "online, so that anyone could read and copy them for free.\n";
    const prompts = served(doc).map((i) => i.prompt);
    expect(prompts.length).toBeGreaterThan(0);
    expect(prompts.filter((p) => /does most|, in force,|could read\?/.test(p))).toEqual([]);
  });
});
