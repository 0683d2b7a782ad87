import { describe, expect, it } from "vitest";
import { splitFrame, unframeKey } from "./key-frame";
import type { GeneratedItem } from "./types";

const item = (over: Partial<GeneratedItem>): GeneratedItem => ({
  key: "k",
  factKey: "f",
  kind: "cloze",
  prompt: "",
  answer: "",
  accepted: [],
  options: null,
  answerType: "place",
  topic: "places",
  difficulty: 0.5,
  source: { text: "", start: 0, end: 0 },
  ...over,
});

describe("splitFrame", () => {
  it("cuts a place frame or a demonym off the entity", () => {
    expect(splitFrame("the Portuguese town of Sagres")).toEqual({ frame: "the Portuguese town of ", core: "Sagres" });
    expect(splitFrame("the port city of Mombasa")?.core).toBe("Mombasa");
    expect(splitFrame("the small Alpine village of Zermatt")?.core).toBe("Zermatt");
    expect(splitFrame("the Greek island of Naxos")?.core).toBe("Naxos");
    expect(splitFrame("Russian GLONASS")).toEqual({ frame: "Russian ", core: "GLONASS" });
  });

  it("keeps names whose frame is part of the name, and relational nouns", () => {
    for (const name of [
      "City of London",
      "French Guiana",
      "Bank of England",
      "the Republic of Ireland",
      "the capital of Kenya",
      "the University of Bologna",
      "the Dutch town",
      "the town of the dead",
    ])
      expect(splitFrame(name), name).toBeNull();
  });
});

describe("unframeKey", () => {
  it("keeps the frame before the blank and keys the entity", () => {
    const out = unframeKey(
      item({ prompt: "Fill in the blank: Henry founded a school in _____.", answer: "the Portuguese town of Sagres" }),
    );
    expect(out.prompt).toBe("Fill in the blank: Henry founded a school in the Portuguese town of _____.");
    expect(out.answer).toBe("Sagres");
    expect(out.accepted).toContain("the Portuguese town of Sagres");
  });

  it("capitalises a frame that opens the sentence", () => {
    const out = unframeKey(
      item({ prompt: "Fill in the blank: _____ lies on the coast.", answer: "the port city of Mombasa" }),
    );
    expect(out.prompt).toBe("Fill in the blank: The port city of _____ lies on the coast.");
  });

  it("drops the frame from a question's key and from every option", () => {
    const typed = unframeKey(
      item({ kind: "typed", prompt: "Where did Henry found a school?", answer: "the Portuguese town of Sagres" }),
    );
    expect(typed.answer).toBe("Sagres");
    const mc = unframeKey(
      item({
        kind: "multiple_choice",
        prompt: "Where did Henry found a school?",
        answer: "the Portuguese town of Sagres",
        options: ["Lisbon", "the Portuguese town of Sagres", "Porto", "the city of Coimbra"],
      }),
    );
    expect(mc.options).toEqual(["Lisbon", "Sagres", "Porto", "Coimbra"]);
    expect(mc.answer).toBe("Sagres");
  });

  it("leaves true/false and unframed keys alone", () => {
    const tf = item({ kind: "true_false", answer: "True", answerType: "boolean" });
    expect(unframeKey(tf)).toBe(tf);
    const plain = item({ prompt: "Fill in the blank: It lies in _____.", answer: "City of London" });
    expect(unframeKey(plain)).toBe(plain);
  });
});
