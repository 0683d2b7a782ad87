import { describe, expect, it } from "vitest";
import { itemEditSchema } from "@/lib/validations/items";
import { applyItemEdit } from "./edit-item";
import { grade } from "./grade";
import type { GeneratedItem } from "./types";

const base: GeneratedItem = {
  key: "k",
  factKey: "f",
  kind: "typed",
  prompt: "How many trainers?",
  answer: "around 500",
  accepted: [],
  options: null,
  answerType: "number",
  topic: "figures",
  difficulty: 0.5,
  source: { text: "Around 500 trainers.", start: 0, end: 20 },
};

/** Validates `fields` for `item`, applies them and returns the edited item (throws on invalid input). */
const edit = (item: GeneratedItem, fields: Record<string, string>) =>
  applyItemEdit(item, itemEditSchema(item).parse({ prompt: item.prompt, topic: item.topic, ...fields }));

describe("editing an item keeps it gradable", () => {
  it("number answers must read as numbers; the edited one is graded", () => {
    expect(itemEditSchema(base).safeParse({ prompt: "P", topic: "figures", answer: "many" }).success).toBe(false);
    const item = edit(base, { answer: "about 600", accepted: "" });
    expect(grade(item, "six hundred").correct).toBe(true);
    expect(grade(item, "500").correct).toBe(false);
  });

  it("a fill-in-the-blank prompt keeps its blank", () => {
    const cloze: GeneratedItem = { ...base, kind: "cloze", answerType: "text", prompt: "It was built of _____." };
    expect(itemEditSchema(cloze).safeParse({ prompt: "No blank", topic: "figures", answer: "granite" }).success).toBe(
      false,
    );
    const item = edit(cloze, { prompt: "It was made of _____.", answer: "granite", accepted: "stone\n\n  rock " });
    expect(item.accepted).toEqual(["stone", "rock"]);
    expect(grade(item, "rock").correct).toBe(true);
  });

  it("true or false takes only True or False", () => {
    const tf: GeneratedItem = { ...base, kind: "true_false", answer: "True", options: ["True", "False"] };
    expect(itemEditSchema(tf).safeParse({ prompt: "P", topic: "figures", answer: "Maybe" }).success).toBe(false);
    const item = edit(tf, { answer: "False" });
    expect(item.options).toEqual(["True", "False"]);
    expect(grade(item, "false").correct).toBe(true);
  });

  it("ordering derives its answer from the entries", () => {
    const ordering: GeneratedItem = {
      ...base,
      kind: "ordering",
      answerType: "order",
      sequence: ["a", "b"],
      answer: "a → b",
    };
    expect(itemEditSchema(ordering).safeParse({ prompt: "P", topic: "figures", sequence: "a\na" }).success).toBe(false);
    const item = edit(ordering, { sequence: "2004\n2011\n2018" });
    expect(item.answer).toBe("2004 → 2011 → 2018");
    expect(grade(item, ["2004", "2011", "2018"]).correct).toBe(true);
    expect(grade(item, ["2011", "2004", "2018"]).correct).toBe(false);
  });

  it("a 'which is NOT' item keeps its members consistent with new options", () => {
    const not: GeneratedItem = {
      ...base,
      kind: "multiple_choice",
      answerType: "text",
      answer: "Paris",
      options: ["Paris", "Vienna", "Budapest", "Bratislava"],
      members: ["Vienna", "Budapest", "Bratislava"],
    };
    const item = edit(not, { options: "Paris\nVienna\nBelgrade", answer: "paris" });
    expect(item).toMatchObject({ answer: "Paris", members: ["Vienna", "Belgrade"] });
  });
});
