import { describe, expect, it } from "vitest";
import { buildItems } from "./pipeline";

const asked = (text: string) =>
  buildItems(text, { seed: 1 }).items.map((i) => [i.prompt, i.answer] as [string, string]);

describe("role cards: who a person is", () => {
  it("asks the role of 'X (dates) was a/an …', not a later 'was a …' about the same person", () => {
    const text = [
      "# Ada Brook",
      "",
      "Ada Brook (3 May 1901 – 9 June 1980) was a Welsh chemist who studied the salts of rare metals.",
      "",
      "Brook taught at Cardiff for thirty years. Ada Brook was a keen walker and climbed in the Alps every summer.",
    ].join("\n");
    const cards = asked(text).filter(([prompt]) => prompt === "Who was Ada Brook?");
    expect(cards).toEqual([["Who was Ada Brook?", "a Welsh chemist"]]);
    // The card asks the role once: no blank on "chemist" besides it.
    expect(asked(text).some(([, answer]) => answer === "chemist")).toBe(false);
    // The first document of a run loads the tagger's model.
  }, 30_000);
});
