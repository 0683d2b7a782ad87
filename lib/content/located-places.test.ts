import { describe, expect, it } from "vitest";
import { findPlaces } from "./extract-names";
import { locatedPlaces } from "./located-places";
import { buildItems } from "./pipeline";

const names = (text: string) => locatedPlaces(text).map((p) => p.name);

describe("places a sentence itself marks as places", () => {
  it("takes the name after a locative verb or a place noun, whether or not a name list knows it", () => {
    expect(names("The painter was born in Tromsk, a fishing port on the northern coast.")).toEqual(["Tromsk"]);
    expect(names("She grew up in Valdenza, where her mother ran a bakery.")).toEqual(["Valdenza"]);
    expect(names("The cooperative is headquartered in Lower Brackwell and employs forty people.")).toEqual([
      "Lower Brackwell",
    ]);
    expect(names("He spent his last winter in a clinic near Ostermoor, then in a nursing home in Felsby.")).toEqual([
      "Felsby",
    ]);
    expect(names("The stream rises at Kellbrunn before turning north.")).toEqual(["Kellbrunn"]);
  });

  it("takes a name whose appositive is a place noun", () => {
    expect(names("Ferries run daily to Marrow, the largest island in the bay.")).toEqual(["Marrow"]);
    expect(names("The Oskva, a river that drains the eastern hills, floods every spring.")).toEqual(["Oskva"]);
  });

  it("never takes a month, a weekday, a sentence's first word or a name inside a longer capitalised run", () => {
    expect(names("The treaty was signed in March 1921 in the old town hall.")).toEqual([]);
    expect(names("The ceasefire was signed in Geneva on Tuesday.")).toEqual(["Geneva"]);
    expect(names("Downstream, the river widens into a marsh.")).toEqual([]);
    expect(names("She was born in Saint Anne Hospital.")).toEqual([]);
    expect(names("The records are kept in Old Mill Lane Archive Room cabinets.")).toEqual([]);
  });

  it("keeps a place word before a name: Camp, Fort, Lake", () => {
    expect(findPlaces("The battalion is based at Camp Ridgeford and trains nearby.").map((p) => p.name)).toContain(
      "Camp Ridgeford",
    );
  });

  it("asks a located place it found", () => {
    const { items } = buildItems("# Ana Petrova\n\nAna Petrova was born in Tromsk, a fishing port on the coast.\n", {
      seed: 1,
    });
    expect(items.some((i) => i.answer === "Tromsk" && i.answerType === "place")).toBe(true);
  });
});
