import { describe, expect, it } from "vitest";
import { sentencesBefore, splitSentences } from "./split-sentences";

const split = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe("splitSentences: a capital letter and a full stop", () => {
  it("keeps initials inside a name", () => {
    expect(split("His partnership with the mathematician G. H. Hardy began. It lasted.")).toEqual([
      "His partnership with the mathematician G. H. Hardy began.",
      "It lasted.",
    ]);
    expect(split("The telescope is named after James E. Webb, who led NASA.")).toHaveLength(1);
  });
  it("ends a sentence on a numeral or a letter after a common word", () => {
    expect(split("Electrons pass to photosystem I. Although it acts first, it is called II.")).toEqual([
      "Electrons pass to photosystem I.",
      "Although it acts first, it is called II.",
    ]);
    expect(split("Sailors lacked vitamin C. Many of them died.")).toHaveLength(2);
  });
});

describe("sentencesBefore: the last sentences of a prefix", () => {
  it("gives what splitting the prefix gives, at every offset", () => {
    const text = [
      "Maj. Gen. Smith arrived on Aug. 5. He left.  The mathematician G. H. Hardy came.",
      'A. Smith said no. 5 ships sailed at 75 \u00b0C. I. Then "Quote." (Yes.) U.S. troops left in 2004.',
      "\n\nElectrons pass to photosystem I. Although it acts first, it is called II. Sailors lacked vitamin C. End",
    ].join(" ");
    for (const count of [1, 2, 3])
      for (let end = 0; end <= text.length; end++)
        expect(sentencesBefore(text, end, count), `${count} before ${end}`).toEqual(
          splitSentences(text.slice(0, end)).slice(-count),
        );
  });
});
