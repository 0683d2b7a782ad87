import { describe, expect, it } from "vitest";
import { buildItems } from "./pipeline";
import { competingThing } from "./extract";
import { frontedCandidate } from "./coreference";
import { absurdVariant } from "./item-shapes";
import type { GeneratedItem } from "./types";

/** Items served (not for review) whose prompt matches `re`. */
const served = (text: string, re: RegExp) =>
  buildItems(text, { seed: 3, includeReview: true }).items.filter((i) => !i.review && re.test(i.prompt));
const review = (text: string, re: RegExp) =>
  buildItems(text, { seed: 3, includeReview: true }).items.filter((i) => i.review && re.test(i.prompt));

describe("'it' is not given a wrong antecedent (shape C)", () => {
  it("sees a second clause with its own subject, or a described object, as a second candidate", () => {
    expect(competingThing("The Loire is the longest river, but the Rhône carries more water.")).toBe(true);
    expect(competingThing("The ministry funds a weekly clinic, which offers free vaccines.")).toBe(true);
    expect(competingThing("The Loire flows into the Bay of Biscay, which borders Spain.")).toBe(false);
    expect(competingThing("The Loire rises in the Massif Central.")).toBe(false);
  });

  it("leaves 'it' unresolved after such a sentence", () => {
    const text =
      "# Rivers\n\nThe Loire is the longest river in the country, but the Rhône carries more water. It discharges about 1,700 cubic metres of water per second at its mouth.\n\nThe ministry funds a weekly clinic, which offers free vaccines to families. It should be attended at least twice a year by every child under five.\n";
    const items = buildItems(text, { seed: 3, includeReview: true }).items;
    expect(items.some((i) => /(?:Loire|Rhône) discharges/.test(i.prompt))).toBe(false);
    expect(items.some((i) => /ministry should be attended/i.test(i.prompt))).toBe(false);
  });

  it("reads 'By the time …' as a fronted clause with its own candidates", () => {
    expect(frontedCandidate("By the time the glacier reaches the valley, it has lost most of its ice.", "it")).toBe(
      null,
    );
  });
});

describe("what the item says (shapes B, K, L, M)", () => {
  it("sends a rule under a heading naming a group to review when the card does not name the group", () => {
    const text =
      "# Sleep advice\n\n## Teenagers\n\nScreens should be switched off at least one hour before bedtime on school nights. Teenagers should sleep eight to ten hours a night.\n";
    expect(served(text, /Screens should be switched off/)).toEqual([]);
    expect(review(text, /Screens should be switched off/).length).toBeGreaterThan(0);
  });

  it("sends a blank inside a negation to review", () => {
    const text =
      "# Courts\n\nThe Caribbean Court of Justice is not a body of the Organization of American States: it was set up by the Caribbean Community in 2001.\n";
    expect(served(text, /is not a body of the _____/)).toEqual([]);
  });

  it("never asks 'Name all' of a list the sentence leaves open", () => {
    const text =
      "# Soil\n\nErosion is one of the main threats to farmland in dry regions, such as the Sahel, the Gobi, the Karoo and the Atacama.\n";
    expect(served(text, /^Name all .*such as _____/)).toEqual([]);
  });

  it("sends 'What does X stand for?' to review when the document names another reading of X", () => {
    const text =
      "# Rights in Africa\n\nThe African Court on Human and Peoples' Rights sits in Arusha. States are bound by the African Charter on Human and Peoples' Rights (ACHPR), which was adopted in Nairobi in 1981 and entered into force in 1986. The African Commission on Human and Peoples' Rights was set up in 1987.\n";
    expect(served(text, /What does ACHPR stand for\?/)).toEqual([]);
  });

  it("sends a short sentence naming only 'the X' to review (shape A)", () => {
    const text =
      "# Visas\n\nA tourist visa allows a stay of up to ninety days in any half-year. The waiting period used to be twelve weeks.\n";
    expect(served(text, /The waiting period used to be/)).toEqual([]);
  });

  it("drops a false variant that changes a number inside a name (shape I)", () => {
    const tf = (prompt: string, source: string): GeneratedItem => ({
      key: "k",
      factKey: "f",
      kind: "true_false",
      prompt,
      answer: "False",
      accepted: [],
      options: null,
      answerType: "boolean",
      topic: "dates",
      difficulty: 0.5,
      source: { text: source, start: 0, end: source.length },
    });
    const source = "Patients with stage 3 kidney disease should see a specialist every 6 months.";
    expect(absurdVariant(tf(`True or false: ${source.replace("stage 3", "stage 7")}`, source)).length).toBe(1);
    // A count varied is a fair false statement.
    expect(absurdVariant(tf(`True or false: ${source.replace("6 months", "9 months")}`, source))).toEqual([]);
    const dated = "The bridge opened on 12 June 1931.";
    expect(absurdVariant(tf("True or false: The bridge opened on 19 June 1931.", dated))).toEqual([]);
  });
});
