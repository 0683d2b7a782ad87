import { describe, expect, it } from "vitest";
import { splitSentences } from "./split-sentences";

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
