import { describe, expect, it } from "vitest";
import { statementsOf } from "./extract-statements";
import { buildItems } from "./pipeline";
import { paragraphSentence } from "./test-kit";

const foci = (text: string, resolvable = false) =>
  statementsOf(paragraphSentence(text), resolvable).map((f) => [f.role, f.focus]);

describe("statementsOf: the span a teacher would blank in a sentence with no date, number or name rule", () => {
  it("reads terms, agents, purposes, places and the one a sentence singles out", () => {
    expect(foci("The outer shell of the Earth is called the lithosphere.")[0]).toEqual(["term", "lithosphere"]);
    expect(foci("This process is known as sea-floor spreading in most textbooks.")).toEqual([]); // "This" points back
    expect(foci("Geologists call the sinking of one plate beneath another a process known as subduction.")[0]).toEqual([
      "term",
      "subduction",
    ]);
    expect(foci("Yellowstone is managed by the National Park Service, an agency of the government.")[0]).toEqual([
      "agent",
      "National Park Service",
    ]);
    expect(foci("Soldiers patrolled the park on horseback to stop poaching and vandalism.")[0]).toEqual([
      "purpose",
      "poaching and vandalism",
    ]);
    expect(foci("The first stage of the cycle takes place in the thylakoid membranes.")[0]).toEqual([
      "where",
      "thylakoid membranes",
    ]);
    expect(foci("Grand Prismatic Spring is the largest hot spring in the United States.")[0]).toEqual([
      "superlative",
      "Grand Prismatic Spring",
    ]);
    expect(foci("Photosynthesis is the process by which plants convert light energy into chemical energy.")[0]).toEqual(
      ["definition", "Photosynthesis"],
    );
  });

  it("reads a hedged superlative and a name glossed as the one singled out", () => {
    expect(foci("Lake Baikal is thought to be the oldest lake on Earth.")[0]).toEqual(["superlative", "Lake Baikal"]);
    expect(foci("The climbers finally reached Everest, the highest mountain in the world, in May 1953.")[0]).toEqual([
      "superlative",
      "Everest",
    ]);
    // A list's member is not glossed ("Lyon, the largest city of the region, Dijon and Beaune").
    expect(foci("The tour visits Grenoble, the largest city of the region, Dijon and Beaune.")).not.toContainEqual([
      "superlative",
      "Grenoble",
    ]);
  });

  it("ends a term before a verb the tagger read as a noun", () => {
    expect(foci("Tiny crustaceans called epischura filter the water of the lake.")[0]).toEqual(["term", "epischura"]);
  });

  it("gives a second strong reading of another span, never two overlapping ones", () => {
    expect(foci("Stacks of flattened sacs called thylakoids float in a fluid called the stroma.")).toEqual([
      ["term", "thylakoids"],
      ["term", "stroma"],
    ]);
  });

  it("never blanks half a name, a list's first member, a quantifier phrase or a caption", () => {
    const names = foci("Since the Rhine–Main–Danube Canal was opened, barges reach the Black Sea from the North Sea.");
    expect(names.map(([, f]) => f)).not.toContain("Danube Canal");
    expect(
      foci("Together with the Assembly, the Council elects the judges of the International Court of Justice."),
    ).not.toContainEqual(["name", "International Court"]);
    expect(
      foci("The canal is operated by the Panama Canal Authority, from the Spanish Autoridad del Canal de Panamá."),
    ).not.toContainEqual(["name", "Spanish Autoridad"]);
    expect(
      foci("The three main limiting factors are light intensity, carbon dioxide concentration and temperature."),
    ).not.toContainEqual(["definition", "light intensity"]);
    expect(foci("The park runs several visitor centers across the plateau.")).not.toContainEqual([
      "object",
      "several visitor centers",
    ]);
    expect(foci("Old Faithful erupting at dusk in the Upper Geyser Basin.")).toEqual([]);
    expect(foci("The NeXT computer used by Tim Berners-Lee as the first web server.")).toEqual([]);
  });

  it("skips what is not self-contained: an unresolved pronoun, a question, a lead-in, an instruction", () => {
    expect(foci("It is about 32 kilometres long and freezes over every winter.")).toEqual([]);
    expect(foci("They released the wolves into the park to restore the balance.")).toEqual([]);
    expect(foci("Why did most geologists reject continental drift in his lifetime?")).toEqual([]);
    expect(foci("The park has five entrances open to visitors:")).toEqual([]);
    expect(foci("Stay at least 100 yards from bears and wolves at all times.")).toEqual([]);
    // A resolved "It" is fine: the item names the antecedent (pronounRef).
    expect(foci("It is managed by the National Park Service.", true)).toEqual([["agent", "National Park Service"]]);
  });
});

describe("statement items in the generator", () => {
  it("asks a term the document names once, as a cloze that reads alone", () => {
    const doc = "# Leaves\n\nCarbon dioxide enters the leaf through small pores called stomata.\n";
    const items = buildItems(doc, { seed: 1 }).items;
    const cloze = items.find((i) => i.answer === "stomata");
    expect(cloze?.prompt).toBe("Fill in the blank: Carbon dioxide enters the leaf through small pores called _____.");
    expect(cloze?.kind).toBe("cloze");
    expect(cloze?.review).toBeUndefined();
  });

  it("gives a sentence whose specific rules already fill it no statement item", () => {
    const doc =
      "# Canal\n\nOn 7 September 1977, President Jimmy Carter and General Omar Torrijos signed the Torrijos–Carter " +
      "Treaties in Washington, which provided for the transfer of the canal to Panama.\n";
    const items = buildItems(doc, { seed: 1 }).items;
    expect(items.filter((i) => i.factKey.startsWith("statement:")).length).toBeLessThanOrEqual(
      Math.max(0, 3 - items.filter((i) => !i.factKey.startsWith("statement:")).length),
    );
  });
});
