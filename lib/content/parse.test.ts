import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDocument } from "./parse";
import { splitSentences } from "./split-sentences";
import { tidy } from "./text";

// The plain-text copy of the page as it was supplied (web-page debris and all), and the cleaned Markdown.
const NATO_TXT = readFileSync(new URL("./fixtures/nato-mission-iraq.txt", import.meta.url), "utf8");
const NATO_MD = readFileSync(new URL("../../content/nato-mission-iraq.md", import.meta.url), "utf8");

const texts = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe("splitSentences", () => {
  it("does not split on abbreviations, initials or decimals", () => {
    const text =
      "Maj. Gen. Smith arrived on Aug. 5, 2019 with U.S. officials. He had 3.5 tonnes of No. 2 fuel. J. R. Tolkien wrote it. It ended.";
    expect(texts(text)).toEqual([
      "Maj. Gen. Smith arrived on Aug. 5, 2019 with U.S. officials.",
      "He had 3.5 tonnes of No. 2 fuel.",
      "J. R. Tolkien wrote it.",
      "It ended.",
    ]);
  });

  it("splits after a unit symbol that ends a sentence", () => {
    expect(texts("It fails above 75 °C. Silicon lasts. It weighs 5 K. Then it cools.")).toEqual([
      "It fails above 75 °C.",
      "Silicon lasts.",
      "It weighs 5 K.",
      "Then it cools.",
    ]);
  });

  it("keeps closing quotes and brackets with their sentence", () => {
    expect(texts('He said "stop." Then (quietly) he left. (It rained.) Done!')).toEqual([
      'He said "stop."',
      "Then (quietly) he left.",
      "(It rained.)",
      "Done!",
    ]);
  });
});

describe("parseDocument", () => {
  it("reads front matter, headings, paragraphs and list items of Markdown", () => {
    const text =
      '---\ntitle: "Moon"\nsource: https://example.org\ndate: 2024-01-02\n---\n\n# Moon\n\nIt is round. It orbits Earth.\n\n## Facts\n\nFacts follow:\n\n- Distance: far\n- Size: small\n';
    const doc = parseDocument(text);
    expect(doc.frontMatter).toEqual({ title: "Moon", source: "https://example.org", date: "2024-01-02" });
    expect(doc.title).toBe("Moon");
    expect(doc.sections.map((s) => ({ heading: s.heading, level: s.level, path: s.path }))).toEqual([
      { heading: "Moon", level: 1, path: ["Moon"] },
      { heading: "Facts", level: 2, path: ["Moon", "Facts"] },
    ]);
    expect(doc.blocks.map((b) => [b.kind, b.text, b.listLeadIn ?? null])).toEqual([
      ["paragraph", "It is round. It orbits Earth.", null],
      ["paragraph", "Facts follow:", null],
      ["list_item", "Distance: far", "Facts follow:"],
      ["list_item", "Size: small", "Facts follow:"],
    ]);
    expect(doc.sentences[1]).toEqual({
      text: "It orbits Earth.",
      start: text.indexOf("It orbits"),
      end: text.indexOf("It orbits") + 16,
      section: ["Moon"],
      blockKind: "paragraph",
      blockIndex: 0,
    });
  });

  for (const [name, text] of [
    ["txt", NATO_TXT],
    ["md", NATO_MD],
  ] as const) {
    describe(`the NATO page (${name})`, () => {
      const doc = parseDocument(text);

      it("indexes every sentence into the original text", () => {
        expect(doc.sentences.length).toBeGreaterThan(45);
        for (const s of doc.sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
        for (const b of doc.blocks) expect(text.slice(b.start, b.end)).toBe(b.text);
      });

      it("finds the title and the three sections", () => {
        expect(doc.title).toBe("NATO Mission Iraq");
        expect(doc.sections.filter((s) => s.level === 2).map((s) => s.heading.replace("’", "'"))).toEqual([
          "The aim and contours of the mission",
          "Command of the mission",
          "The evolution of NATO's training effort in Iraq",
        ]);
      });

      it('labels only the first school list "Baghdad area" and keeps the other lists apart', () => {
        const schools = doc.blocks.filter(
          (b) =>
            b.kind === "list_item" &&
            /School|Academy|Ministry|Office|Centre|University/.test(b.text) &&
            !/\.$/.test(b.text),
        );
        const lists = [...new Set(schools.map((b) => b.listId))];
        expect(lists).toHaveLength(3);
        expect(schools.map((b) => b.listCaption ?? null)).toEqual([
          ...Array(6).fill("Baghdad area"),
          ...Array(9).fill(null),
        ]);
        expect(schools.filter((b) => b.listId === lists[1]).map((b) => b.text)).toEqual([
          "Bomb Disposal (EOD/C-IED) School",
          "Armour School",
        ]);
        for (const b of schools)
          expect(b.listLeadIn).toBe("The following military schools are considered as initial training locations:");
      });

      it('splits "20 Aug. 2020" page furniture into metadata, not content', () => {
        expect(doc.sentences.some((s) => /Last updated/.test(s.text))).toBe(false);
      });
    });
  }
});

describe("pictures", () => {
  it("reads neither a Markdown picture nor the caption right below it as text", () => {
    const doc = parseDocument(
      "# Hubble\n\nHubble was launched in 1990.\n\n![Hubble seen from Atlantis](hubble.jpg)\n*Hubble after its release in May 2009. Photo: NASA*\n\n*An emphasised paragraph elsewhere is text.*\n",
    );
    const texts = doc.sentences.map((s) => s.text);
    expect(texts).toContain("Hubble was launched in 1990.");
    expect(texts.some((t) => t.includes("Atlantis") || t.includes("Photo: NASA"))).toBe(false);
    expect(texts.some((t) => t.includes("emphasised paragraph"))).toBe(true);
  });
});

describe("list items wrapped over lines (CommonMark continuation)", () => {
  const texts = (md: string) => parseDocument(md).sentences.map((s) => tidy(s.text));

  it("joins an indented line to its numbered item, never starting a sentence mid-phrase", () => {
    const md =
      "# Roads\n\n1. **Ring roads** circle the town. The longest is the\n   Outer Loop near Ashby, which is 40 km long.\n2. **Radial roads** end at the coast.\n";
    expect(texts(md)).toContain("The longest is the Outer Loop near Ashby, which is 40 km long.");
    expect(texts(md).some((t) => t.startsWith("Outer Loop"))).toBe(false);
  });

  it("joins a lazy (unindented) line while the item's sentence is unfinished", () => {
    const md = "# Birds\n\n- Swifts can stay in the air for ten\nmonths without landing.\n- Owls hunt at night.\n";
    expect(texts(md)).toEqual(["Swifts can stay in the air for ten months without landing.", "Owls hunt at night."]);
  });

  it("joins a word broken at its hyphen without a space", () => {
    const md = "# Treaty\n\n* Several non-\n  member states signed the treaty in 1995.\n";
    expect(texts(md)).toEqual(["Several non-member states signed the treaty in 1995."]);
  });

  it("keeps a finished item and the paragraph right below it apart, and the item's block offsets true", () => {
    const md = "# Birds\n\n- Owls hunt at night.\nGulls nest on cliffs.\n";
    const doc = parseDocument(md);
    expect(doc.sentences.map((s) => s.text)).toEqual(["Owls hunt at night.", "Gulls nest on cliffs."]);
    for (const s of doc.sentences) expect(md.slice(s.start, s.end)).toBe(s.text);
  });
});
