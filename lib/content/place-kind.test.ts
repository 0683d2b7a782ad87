/**
 * Decision 039 (update 9): a place distractor is of the answer's kind and granularity. Every sentence is made up for
 * the test (Arctic Norway, the Loire, the Andes), none taken from a corpus or held-out document.
 */
import { describe, expect, it } from "vitest";
import { optionKind } from "./defects";
import { sameFormat } from "./distractors";
import { createKit, multipleChoice } from "./item-kit";
import { documentPlaceKinds, placeKindOf, sameKind } from "./place-kind";
import type { GeneratedItem } from "./types";

describe("placeKindOf", () => {
  it.each([
    ["Europe", "continent"],
    ["South America", "continent"],
    ["Peru", "country"],
    ["USA", "country"],
    ["Scotland", "country"],
    ["Loire", "river"],
    ["River Clyde", "river"],
    ["Orinoco River", "river"],
    ["Lake Ladoga", "lake"],
    ["Gulf of Bothnia", "sea"],
    ["Barents Sea", "sea"],
    ["Adriatic", "sea"],
    ["Kola Peninsula", "peninsula"],
    ["Mount Aconcagua", "mountain"],
    ["Lofoten Islands", "island"],
    ["Camp Silver Lake", "head:camp"],
    ["Bavaria", "region"],
    ["Lyon", "settlement"],
    ["Baghdad area", "head:area"],
    ["Panama Canal Zone", "head:zone"],
  ])("%s is a %s", (name, kind) => expect(placeKindOf(name)).toBe(kind));

  it("reads what the document says a place is", () => {
    const text = [
      "Hammerfest, a town on the island of Kvaløya, claims to be the northernmost town in the world.",
      "The Alta river runs past the town of Alta. Finnmark is the largest county of Norway.",
      "Ships call at the port of Honningsvåg; the island of Magerøya lies beyond it.",
    ].join("\n");
    const cues = documentPlaceKinds(text);
    expect(cues.get("Hammerfest")).toBe("settlement");
    expect(cues.get("Kvaløya")).toBe("island");
    expect(cues.get("Alta")).toBeUndefined(); // a river and a town: the document calls it both
    expect(cues.get("Finnmark")).toBe("region");
    expect(cues.get("Magerøya")).toBe("island");
    expect(placeKindOf("Hammerfest", cues)).toBe("settlement");
  });

  it("offers no continent, river or region among towns, and nothing for a place of unknown kind", () => {
    expect(sameKind("Lyon", "Europe")).toBe(false);
    expect(sameKind("Lyon", "Loire")).toBe(false);
    expect(sameKind("Lyon", "Bavaria")).toBe(false);
    expect(sameKind("Lyon", "Munich")).toBe(true);
    expect(sameKind("Peru", "South America")).toBe(false);
    expect(sameKind("Qorvath", "Zembla")).toBe(false); // neither is known: no guess
  });
});

describe("every place option is of the answer's kind, and the detector sees the same", () => {
  const text = "Tromsø, a city in northern Norway, lies on the island of Tromsøya. Most visitors arrive from Oslo.";
  const source = { text, start: 0, end: text.length };
  const spec = {
    variant: "where",
    prompt: "Where does the Arctic Cathedral stand?",
    answer: "Tromsø",
    answerType: "place" as const,
    topic: "places" as const,
  };

  it("drops the continent, the river and the country", () => {
    const kit = createKit([], 1, undefined, documentPlaceKinds(text));
    const item = multipleChoice(kit, { key: "k", source }, spec, [
      "Europe",
      "Oslo",
      "Danube",
      "Bergen",
      "Norway",
      "Trondheim",
    ]);
    expect(new Set(item?.options)).toEqual(new Set(["Tromsø", "Oslo", "Bergen", "Trondheim"]));
  });

  it("builds no item when too few options of the kind remain", () => {
    const kit = createKit([], 1, undefined, documentPlaceKinds(text));
    expect(multipleChoice(kit, { key: "k", source }, spec, ["Europe", "Oslo", "Danube", "Norway"])).toBeUndefined();
  });

  it("flags a served option of another kind", () => {
    const served = {
      key: "k",
      factKey: "k",
      kind: "multiple_choice",
      prompt: spec.prompt,
      answer: "Tromsø",
      accepted: [],
      options: ["Tromsø", "Oslo", "Europe", "Bergen"],
      answerType: "place",
      topic: "places",
      difficulty: 0.35,
      source,
    } as GeneratedItem;
    expect(optionKind(served, { documentText: text }).map((d) => d.message)).toEqual([
      `"Europe" is a place of kind continent, the answer of kind settlement`,
    ]);
    const years = { ...served, answerType: "date", answer: "1965", options: ["1965", "1990s", "1961", "1970"] };
    expect(optionKind(years as GeneratedItem).map((d) => d.message)).toEqual([
      `"1990s" is written unlike the answer "1965"`,
    ]);
  });
});

describe("sameFormat", () => {
  it.each([
    ["1965", "1961", "date", true],
    ["1965", "1990s", "date", false],
    ["3 May 1965", "4 June 1966", "date", true],
    ["3 May 1965", "May 1965", "date", false],
    ["801,000", "1.2 million", "number", true],
    ["7,000 troops", "9,000 troops", "number", true],
    ["2 thirds", "9 halves", "number", false],
  ] as const)("%s ~ %s (%s): %s", (a, b, type, same) => expect(sameFormat(a, b, type)).toBe(same));
});
