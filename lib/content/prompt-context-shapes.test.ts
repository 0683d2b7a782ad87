import { describe, expect, it } from "vitest";
import { parseDocument } from "./parse";
import { shapeDefects } from "./item-shapes";
import { optionUnit, reviewShapes } from "./prompt-context-shapes";
import type { GeneratedItem } from "./types";
import { sourceOf, testItem } from "./test-kit";

const item = (overrides: Partial<GeneratedItem> = {}): GeneratedItem =>
  testItem({
    kind: "cloze",
    prompt: "Fill in the blank: The museum opened in _____.",
    answer: "1961",
    source: sourceOf("The museum opened in 1961."),
    ...overrides,
  });

const checks = (i: GeneratedItem, documentText = "") => shapeDefects(i, { documentText }).map((d) => d.check);

describe("outside shapes (decision 045): made-up items in the shapes outside readers found", () => {
  it.each([
    // weather service, software project, hospital
    [
      "When has Forecasting – the service measured rainfall?",
      "Forecasting – the service has measured rainfall since 1880.",
    ],
    ["When did Releases: the team ship version 2?", "Releases: the team shipped version 2 in 2019."],
    ["When did Cardiology the unit open its first ward?", "**Cardiology** – the unit opened its first ward in 1974."],
  ])("refuses the bullet label glued into %s", (prompt, text) => {
    expect(checks(item({ kind: "typed", prompt, answer: "1880", source: sourceOf(text) }))).toContain("glued-label");
  });

  it("keeps a question whose subject is the label of a verbless description", () => {
    const text = "**Hubble** – launched in 1990 and serviced five times.";
    expect(checks(item({ kind: "typed", prompt: "When was Hubble launched?", source: sourceOf(text) }))).not.toContain(
      "glued-label",
    );
  });

  it.each([
    "Fill in the blank: Work there began in _____.",
    "True or false: The monks there built a library in 1120.",
    "Fill in the blank: Conditions there improved after _____.",
  ])("refuses the place-less there of %s", (prompt) => {
    expect(checks(item({ prompt }))).toContain("dangling-there");
  });

  it.each([
    "Fill in the blank: There were _____ stations on the line.",
    "How many locks are there?",
    "Fill in the blank: She moved to Vienna in 1890 and taught there until _____.",
    "Fill in the blank: Getting there took _____ days.",
  ])("keeps the existential or bound there of %s", (prompt) => {
    expect(checks(item({ prompt, kind: /^How/.test(prompt) ? "typed" : "cloze" }))).not.toContain("dangling-there");
  });

  it.each([
    "Fill in the blank: GENEVA, 14 March 2025 – The agency opened _____ regional offices.",
    "Fill in the blank: LONDON (Reuters) — The bank raised its rate to _____ per cent.",
    "True or false: Nairobi, 3 May 2024 – Health ministers agreed a plan in 2024.",
  ])("refuses the dateline quoted in %s", (prompt) => {
    expect(checks(item({ prompt }))).toContain("dateline-left");
  });

  it("strips a dateline from the first sentence, and only there", () => {
    const text =
      "# Release\n\n**Geneva, 25 November 2020.** The agency has issued new guidelines. They replace older ones.\n\nOSLO, 2 May 2021 – Later text keeps its words.\n";
    const doc = parseDocument(text);
    expect(doc.sentences.map((s) => s.text)).toEqual([
      "The agency has issued new guidelines.",
      "They replace older ones.",
      "OSLO, 2 May 2021 – Later text keeps its words.",
    ]);
    for (const s of doc.sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    const plain = parseDocument("NATO – The alliance was founded in 1949.\n");
    expect(plain.sentences[0]!.text).toBe("NATO – The alliance was founded in 1949.");
    const today = parseDocument("OSLO, 2 May 2021 – The tunnel opened to traffic this morning.\n");
    expect(today.sentences[0]!.text).toBe("OSLO, 2 May 2021 – The tunnel opened to traffic this morning.");
    const asked = "Fill in the blank: OSLO, _____ – The tunnel opened to traffic this morning.";
    expect(checks(item({ prompt: asked, answer: "2 May 2021" }))).not.toContain("dateline-left");
    const other = "Fill in the blank: OSLO, 2 May 2021 – The tunnel opened to _____ this morning.";
    expect(checks(item({ prompt: other, answer: "traffic", answerType: "text" }))).not.toContain("dateline-left");
    const wire = parseDocument("LONDON (Reuters) — The bank raised rates by half a point.\n");
    expect(wire.sentences[0]!.text).toBe("The bank raised rates by half a point.");
  });

  it.each([
    ["Fill in the blank: One adult in four (_____ %) is not active enough.", "25"],
    ["Fill in the blank: Nearly a third of the land (_____ per cent) is forest.", "33"],
    ["Fill in the blank: About one adult in four (_____) is not active enough.", "27.5%"],
    ["Fill in the blank: The bridge opened _____ days after its inauguration on 1 December, on 14 December.", "13"],
    ["Fill in the blank: The club was founded in 1950 and, _____ years later, in 1975, it moved north.", "25"],
    ["Fill in the blank: The _____ (four) stations are staffed.", "4"],
  ])("refuses the answer given away in %s", (prompt, answer) => {
    expect(checks(item({ prompt, answer, answerType: "number" }))).toContain("answer-given");
  });

  it.each([
    ["Fill in the blank: One adult in four is not active enough, and _____ % of teenagers.", "81"],
    ["Fill in the blank: One adult in four (_____) is not active enough.", "27.5%"],
    ["Fill in the blank: The club was founded in 1950 and moved _____ years later.", "25"],
    ["Fill in the blank: The line has _____ stations and four depots.", "12"],
  ])("keeps the blank no other figure gives: %s", (prompt, answer) => {
    expect(checks(item({ prompt, answer, answerType: "number" }))).not.toContain("answer-given");
  });

  it("refuses a true/false statement whose figures check each other", () => {
    const tf = (prompt: string, text: string) =>
      item({
        kind: "true_false",
        prompt: `True or false: ${prompt}`,
        answer: "False",
        answerType: "boolean",
        source: sourceOf(text),
      });
    expect(checks(tf("Four adults in five (15 %) walk daily.", "Four adults in five (81 %) walk daily."))).toContain(
      "answer-given",
    );
    expect(
      checks(
        tf(
          "The ferry left on 2 March 2021 and returned nine months later, on 2 September 2021.",
          "The ferry left on 2 March 2021 and returned six months later, on 2 September 2021.",
        ),
      ),
    ).toContain("answer-given");
    const both = "The ferry left on 2 March 2021 and returned six months later, on 2 September 2021.";
    expect(checks({ ...tf(both, both), answer: "True" })).toContain("answer-given");
    expect(
      checks(tf("Four adults in five walk for 90 minutes a day.", "Four adults in five walk for 30 minutes a day.")),
    ).not.toContain("answer-given");
  });

  it("refuses a blank inside a remark, keeps one inside a title or a stressed motto", () => {
    const remark = item({
      prompt: "Fill in the blank: She said: “We have found _____ in the water.”",
      answer: "lead",
      answerType: "text",
    });
    expect(checks(remark)).toContain("quoted-blank");
    const short = item({
      prompt: "Fill in the blank: The engine was known as “the iron _____”.",
      answer: "horse",
      answerType: "text",
    });
    expect(checks(short)).not.toContain("quoted-blank");
    const figure = item({
      prompt: "Fill in the blank: The minister said: “The line will carry _____ passengers a day by 2030.”",
      answer: "40,000",
      answerType: "number",
    });
    expect(checks(figure)).not.toContain("quoted-blank");
    const said = item({
      prompt: "Fill in the blank: The mayor said, “Build the _____ now.”",
      answer: "bridge",
      answerType: "text",
    });
    expect(checks(said)).toContain("quoted-blank");
    const title = item({
      prompt: "Fill in the blank: He wrote “The Wealth of _____” in 1776.",
      answer: "Nations",
      answerType: "text",
    });
    expect(checks(title)).not.toContain("quoted-blank");
    const motto = item({
      prompt: "Fill in the blank: The school's motto is “learn to _____”.",
      answer: "serve",
      answerType: "text",
    });
    expect(
      checks(motto, "Its motto, “learn to serve”, … The motto “learn to serve” is carved above the door."),
    ).toEqual([]);
    expect(checks(motto, "Its motto is “learn to serve”.")).toContain("quoted-blank");
  });

  it("refuses number options in another unit or scale", () => {
    const mc = (answer: string, options: string[]) =>
      item({
        kind: "multiple_choice",
        prompt: "Which number fills the blank? It is _____ long.",
        answer,
        answerType: "number",
        options,
      });
    expect(checks(mc("300 m", ["300 m", "2 km", "450 m", "600 m"]))).toContain("option-unit");
    expect(checks(mc("1,450", ["1,450", "40 %", "2,000", "900"]))).toContain("option-unit");
    expect(checks(mc("801,000", ["2.4 million", "801,000", "1.2 million", "1 million"]))).toContain("option-unit");
    expect(checks(mc("300 m", ["300 m", "150 m", "450 m", "600 m"]))).not.toContain("option-unit");
    expect(checks(mc("1,450 staff", ["1,450 staff", "900", "2,000 staff", "700 staff"]))).not.toContain("option-unit");
    expect(optionUnit("about 40 per cent")).toBe("%");
  });

  it("sends a bare occupation and the region after a place to review", () => {
    const who = (answer: string) =>
      item({ kind: "flashcard", prompt: "Who was Ernst Chain?", answer, answerType: "text" });
    expect(reviewShapes(who("a biochemist"))).toHaveLength(1);
    expect(reviewShapes(who("a German-born biochemist"))).toHaveLength(1);
    expect(reviewShapes(who("the first director of the institute"))).toEqual([]);
    expect(reviewShapes(who("a biochemist who isolated penicillin with Florey"))).toEqual([]);
    // A biography's own subject: what the person was is a key fact.
    expect(reviewShapes(who("a biochemist"), "Ernst Chain: a life")).toEqual([]);
    const after = (prompt: string, answer: string) => item({ kind: "cloze", prompt, answer, answerType: "place" });
    expect(reviewShapes(after("Fill in the blank: The court sits in Strasbourg, _____.", "France"))).toHaveLength(1);
    expect(
      reviewShapes(after("Fill in the blank: The plant opened in Toulouse, _____, in 1970.", "France")),
    ).toHaveLength(1);
    expect(
      reviewShapes(after("Fill in the blank: The river flows through Austria, _____, Hungary and Serbia.", "Slovakia")),
    ).toEqual([]);
    expect(reviewShapes(after("Fill in the blank: It flows through Austria, Slovakia and _____.", "Hungary"))).toEqual(
      [],
    );
  });
});
