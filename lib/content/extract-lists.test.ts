import { describe, expect, it } from "vitest";
import { extractLists } from "./extract-lists";
import { createKit } from "./item-kit";
import { listItems } from "./items-lists";
import { parseDocument } from "./parse";
import type { ListFact } from "./types";

const listsOf = (text: string) => extractLists(parseDocument(text));

describe("extractLists", () => {
  it("reads a bulleted list under its lead-in as one fact, with the count the lead-in states", () => {
    const [list] = listsOf(
      "# Canal\n\nThe original canal has three sets of locks:\n\n- the Gatun Locks, on the Atlantic side of the isthmus;\n- the Pedro Miguel Locks;\n- the Miraflores Locks.\n",
    );
    expect(list).toMatchObject({
      gapped: "The original canal has three sets of locks: _____",
      members: ["the Gatun Locks", "the Pedro Miguel Locks", "the Miraflores Locks"],
      answer: "the Gatun Locks; the Pedro Miguel Locks; the Miraflores Locks",
      count: "three",
    });
  });

  it("reads a list of noun phrases inside a sentence, the counted noun before it kept out", () => {
    const lists = listsOf(
      "# Cells\n\nThe organelle contains enzymes, ribosomes and its own DNA. The river divides into three main branches, the Kilia, the Sulina and the Saint George, and forms a delta.\n",
    );
    expect(lists.map((l) => [l.answer, l.count])).toEqual([
      ["enzymes, ribosomes and its own DNA", undefined],
      ["the Kilia, the Sulina and the Saint George", "three"],
    ]);
  });

  it("takes no members from the commas and 'and' inside one institution's name", () => {
    const lists = listsOf(
      "# Grants\n\nThe money came from the Ministry of Education, Culture and Science last spring. The survey counted foxes, badgers and hares.\n",
    );
    expect(lists.map((l) => l.answer)).toEqual(["foxes, badgers and hares"]);
  });

  it("quotes the sentence before a lead-in that only refers back to what it lists", () => {
    const [inside] = listsOf(
      "# Lakes\n\nAbout forty streams feed the lake. The largest include the Ord, the Vell and the Brannock.\n",
    );
    expect(inside).toMatchObject({
      gapped: "About forty streams feed the lake. The largest include _____.",
      members: ["the Ord", "the Vell", "the Brannock"],
    });
    expect(inside!.source.text).toBe(
      "About forty streams feed the lake. … The largest include the Ord, the Vell and the Brannock.",
    );
    const [bulleted] = listsOf(
      "# Board\n\nThe board has nine seats. Three of them are reserved for founders:\n\n1. Ames\n2. Brody\n3. Carr\n",
    );
    expect(bulleted).toMatchObject({
      gapped: "The board has nine seats. Three of them are reserved for founders: _____",
      members: ["Ames", "Brody", "Carr"],
      context: true,
    });
    // "It" could mean anything the document spoke of before; nothing before names a plural for "it" anyway.
    expect(
      listsOf("# Town\n\nNo other town has so many bridges. It also has three gates:\n\n- North\n- East\n- West\n"),
    ).toEqual([]);
    // The sentence before counts no set the list could pick from: nothing says what is listed.
    expect(
      listsOf("# Lakes\n\nThe lake lies in a valley. The largest include the Ord, the Vell and the Brannock.\n"),
    ).toEqual([]);
  });

  it("keeps a name with 'and' or 'of' in it whole", () => {
    const [list] = listsOf(
      "# UN\n\nThe Charter set up six principal organs: the General Assembly, the Security Council, the Economic and Social Council, the Trusteeship Council, the International Court of Justice and the Secretariat.\n",
    );
    expect(list!.members).toHaveLength(6);
    expect(list!.count).toBe("six");
    expect(list!.members).toContain("the Economic and Social Council");
  });

  it("marks numbered steps as a sequence and 'Term: description' members as pairs", () => {
    const [steps, pairs] = listsOf(
      "# Bread\n\nMaking bread takes four steps:\n\n1. Mix the flour and water.\n2. Knead the dough.\n3. Let it rise.\n4. Bake it.\n\nThe kitchen holds three tools:\n\n- Whisk: beats eggs\n- Sieve: sifts flour\n- Ladle: serves soup\n",
    );
    expect(steps!.sequence).toBe(true);
    expect(pairs!.pairs).toEqual([
      { left: "Whisk", right: "beats eggs" },
      { left: "Sieve", right: "sifts flour" },
      { left: "Ladle", right: "serves soup" },
    ]);
  });

  it("reads no list from coordinated modifiers, a fronted phrase, a verb read as a noun or a lead-in naming nothing", () => {
    expect(
      listsOf(
        [
          "# None",
          "",
          "In Melbourne, the ATLAS and CMS experiments presented their results.",
          "The most important include the Inn, the Drava and the Tisza.",
          "Students explain how light, water and temperature limit the rate of growth.",
          "It offers advice on planning, budgets, and training and education.",
          "Three pieces of evidence support it:",
          "",
          "- matching coastlines",
          "- identical fossils",
          "- ancient glaciers",
          "",
        ].join("\n"),
      ),
    ).toEqual([]);
  });
});

describe("listItems", () => {
  const kit = createKit([], 1);
  const fact = (extra: Partial<ListFact>): ListFact => ({
    type: "list",
    key: "list:x",
    gapped: "The kitchen holds three tools: _____",
    answer: "whisk; sieve; ladle",
    members: ["whisk", "sieve", "ladle"],
    source: { text: "The kitchen holds three tools:", start: 0, end: 30 },
    ...extra,
  });

  it("asks the whole list once, as a flashcard naming its count, with every member kept for the ration", () => {
    const [item] = listItems(kit, fact({ count: "three" }));
    expect(item).toMatchObject({
      kind: "flashcard",
      prompt: "Name all three: The kitchen holds three tools: _____",
      answer: "whisk; sieve; ladle",
      members: ["whisk", "sieve", "ladle"],
    });
  });

  it("asks nothing when a pronoun in the sentence names nobody", () => {
    const gapped = "Research: it helps member states use isotopes in _____.";
    expect(listItems(kit, fact({ gapped }))).toEqual([]);
  });

  it("matches pairs and orders steps instead", () => {
    const pairs = [
      { left: "Whisk", right: "beats eggs" },
      { left: "Sieve", right: "sifts flour" },
      { left: "Ladle", right: "serves soup" },
    ];
    expect(listItems(kit, fact({ pairs }))[0]).toMatchObject({ kind: "matching", pairs });
    expect(listItems(kit, fact({ sequence: true }))[0]).toMatchObject({
      kind: "ordering",
      sequence: ["Whisk", "Sieve", "Ladle"],
    });
  });
});
