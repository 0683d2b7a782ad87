import { describe, expect, it } from "vitest";
import { createRng } from "../prng";
import { boundedOccurrences, escapeRegExp } from "./text";

describe("boundedOccurrences: the matches of a bounded pattern, found without compiling one", () => {
  const cases: [string, string][] = [
    ["[\\p{L}\\p{N}-]", "[\\p{L}\\p{N}]|-\\p{L}"],
    ["[\\p{L}\\p{N}]", "[\\p{L}\\p{N}]"],
  ];
  const viaPattern = (text: string, target: string, before: string, after: string) =>
    [...text.matchAll(new RegExp(`(?<!${before})${escapeRegExp(target)}(?!${after})`, "gu"))].map((m) => m.index);

  it("finds whole words and numbers", () => {
    expect(boundedOccurrences("Al-Anbar and Anbar", "Anbar", ...cases[0]!)).toEqual([13]);
    expect(boundedOccurrences("In 1998 and 19981 and 1998-a", "1998", ...cases[0]!)).toEqual([3]);
    expect(boundedOccurrences("In 1998 and 19981 and 1998-a", "1998", ...cases[1]!)).toEqual([3, 22]);
  });

  it("agrees with the pattern on generated text (letters, digits, hyphens, accents, astral letters, spaces)", () => {
    const rng = createRng(13);
    const alphabet = ["a", "b", "1", "-", " ", "é", "𝒜", "\uD835", "\uDC9C", ".", "b-a", "ab"];
    const pick = () => alphabet[Math.floor(rng() * alphabet.length)]!;
    for (let i = 0; i < 1000; i += 1) {
      const text = Array.from({ length: 3 + Math.floor(rng() * 14) }, pick).join("");
      const target = Array.from({ length: Math.floor(rng() * 3) }, pick).join("");
      for (const [before, after] of cases)
        expect(boundedOccurrences(text, target, before, after), JSON.stringify([text, target])).toEqual(
          viaPattern(text, target, before, after),
        );
    }
  });
});
