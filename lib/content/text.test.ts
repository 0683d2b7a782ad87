import { describe, expect, it } from "vitest";
import { createRng } from "../prng";
import { boundedOccurrences, escapeRegExp, tidy } from "./text";

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
  }, 30_000); // 12,000 patterns compiled: seconds on the shared machine
});

describe("tidy", () => {
  // The four replacements tidy makes, without its shortcut for texts that are tidy already.
  const replaced = (text: string) =>
    text
      .replace(/(\p{L})-[ \t]*\r?\n\s*(?=\p{L})/gu, "$1-")
      .replace(/[’‘]/g, "'")
      .replace(/[“”]/g, '"')
      .replace(/\s+/g, " ")
      .trim();

  it("joins a word broken at its hyphen and unifies quotes and whitespace", () => {
    expect(tidy("  the non-\n  member states’ “seat”\u00a0 ")).toBe('the non-member states\' "seat"');
    expect(tidy("Already tidy: one space.")).toBe("Already tidy: one space.");
  });

  it("returns what the replacements return on generated text (quotes, kinds of whitespace, hyphens)", () => {
    const rng = createRng(29);
    const alphabet = [
      "a",
      "B",
      "-",
      " ",
      "  ",
      "\n",
      "\t",
      "\r\n",
      "\u00a0",
      "\u2009",
      "\ufeff",
      "’",
      "“",
      "'",
      ".",
      "é",
    ];
    const pick = () => alphabet[Math.floor(rng() * alphabet.length)]!;
    for (let i = 0; i < 2000; i += 1) {
      const text = Array.from({ length: Math.floor(rng() * 12) }, pick).join("");
      expect(tidy(text), JSON.stringify(text)).toBe(replaced(text));
    }
  });
});
