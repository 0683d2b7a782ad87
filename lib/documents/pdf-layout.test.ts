import { describe, expect, it } from "vitest";
import { pdfItemsToMarkdown, type PdfTextItem } from "./pdf-layout";

/** One text run per line, top to bottom from y=700, each `spacing` below the last (or at an explicit y). */
function page(lines: Array<[text: string, size?: number, x?: number, y?: number]>, spacing = 14): PdfTextItem[] {
  let y = 700 + spacing;
  return lines.map(([str, fontSize = 11, x = 72, at]) => {
    y = at ?? y - spacing;
    return { str, x, y, width: str.length * fontSize * 0.5, fontSize, hasEOL: true };
  });
}

describe("pdfItemsToMarkdown", () => {
  it("joins wrapped lines into paragraphs and splits them where the gap grows", () => {
    const items = page([
      ["Apollo 11 was the first crewed mission"],
      ["to land on the Moon."],
      ["It lifted off in July 1969.", 11, 72, 650],
    ]);
    expect(pdfItemsToMarkdown([items])).toBe(
      "Apollo 11 was the first crewed mission to land on the Moon.\n\nIt lifted off in July 1969.",
    );
  });

  it("joins a word hyphenated at a line end but keeps a real hyphen", () => {
    const items = page([
      ["The lunar mod-"],
      ["ule landed after the Franco-"],
      ["Prussian war - no, a soft\u00AD"],
      ["ware team."],
    ]);
    expect(pdfItemsToMarkdown([items])).toBe(
      "The lunar module landed after the Franco-Prussian war - no, a software team.",
    );
  });

  it("makes larger lines headings, by size: the largest #, the next ##", () => {
    const items = page([
      ["Apollo 11", 24],
      ["The crew", 16],
      ["Three astronauts flew."],
      ["The return", 16],
      ["They came back."],
    ]);
    expect(pdfItemsToMarkdown([items])).toBe(
      "# Apollo 11\n\n## The crew\n\nThree astronauts flew.\n\n## The return\n\nThey came back.",
    );
  });

  it("joins a heading wrapped over two lines", () => {
    const text = "Most of the page is body text, set smaller than the heading above it.";
    const items = page([["The first crewed landing", 16], ["on the Moon", 16], [text]], 18);
    expect(pdfItemsToMarkdown([items])).toBe(`# The first crewed landing on the Moon\n\n${text}`);
  });

  it("turns bullet and numbered lines into list items, an indented line continuing the item", () => {
    const items = page([
      ["The crew:"],
      ["• Neil Armstrong, commander"],
      ["• Michael Collins, who stayed"],
      ["in orbit", 11, 84],
      ["1. Launch"],
      ["2) Landing"],
    ]);
    expect(pdfItemsToMarkdown([items])).toBe(
      "The crew:\n\n- Neil Armstrong, commander\n- Michael Collins, who stayed in orbit\n1. Launch\n2. Landing",
    );
  });

  it("does not take a number inside a wrapped sentence for a list", () => {
    const items = page([["The crew flew on mission"], ["11. It was July."]]);
    expect(pdfItemsToMarkdown([items])).toBe("The crew flew on mission 11. It was July.");
  });

  it("drops page numbers and running headers, and continues a paragraph across the page break", () => {
    const pages = [1, 2, 3].map((n) => [
      ...page([["Mission handbook", 8, 72, 760]]),
      ...page(n === 2 ? [["The crew splashed down and"]] : [[`Page ${n} text.`]]),
      ...page([[`${n}`, 8, 300, 40]]),
    ]);
    pages[2] = [
      ...page([["Mission handbook", 8, 72, 760]]),
      ...page([["was recovered."]]),
      ...page([["3", 8, 300, 40]]),
    ];
    expect(pdfItemsToMarkdown(pages)).toBe("Page 1 text.\n\nThe crew splashed down and was recovered.");
  });

  it("drops table-of-contents lines (dot leaders and a page number)", () => {
    const items = page([
      ["Contents", 16],
      ["1 Introduction . . . . . . . . . 1", 16, 72, 660],
      ["2.1 Naming.............. 3", 11, 72, 630],
      ["Preface ..... iv", 11, 72, 600],
      ["The text ends here... and goes on.", 11, 72, 570],
    ]);
    expect(pdfItemsToMarkdown([items])).toBe("# Contents\n\nThe text ends here... and goes on.");
  });

  it("puts a space between runs on one line only where there is a gap", () => {
    const items: PdfTextItem[] = [
      { str: "Apol", x: 72, y: 700, width: 22, fontSize: 11, hasEOL: false },
      { str: "lo", x: 94, y: 700, width: 10, fontSize: 11, hasEOL: false },
      { str: "landed", x: 110, y: 700, width: 30, fontSize: 11, hasEOL: true },
    ];
    expect(pdfItemsToMarkdown([items])).toBe("Apollo landed");
  });

  it("returns nothing for pages without text", () => {
    expect(pdfItemsToMarkdown([[], []])).toBe("");
  });
});
