import { describe, expect, it } from "vitest";
import { findPeople, findRoles, isRoleNoun } from "./extract-people";
import { buildItems } from "./pipeline";

const roles = (s: string) => findRoles(s).map(({ name, role, tense }) => ({ name, role, tense }));

describe("roles: what a document calls a person", () => {
  it("reads an appositive before the name, after it, and a sentence's own claim", () => {
    expect(roles("In 1931 the Danish astronomer Karen Holm charted the comet.")).toEqual([
      { name: "Karen Holm", role: "Danish astronomer", tense: "was" },
    ]);
    expect(roles("Lena Okafor, a Nigerian marine biologist, leads the survey.")).toEqual([
      { name: "Lena Okafor", role: "Nigerian marine biologist", tense: "is" },
    ]);
    expect(roles("Tomas Vidal (1801–1870) was a Catalan civil and hydraulic engineer of the early railways.")).toEqual([
      { name: "Tomas Vidal", role: "Catalan civil and hydraulic engineer", tense: "was" },
    ]);
    expect(roles("Museum director Hanna Berg opened the exhibition.")).toEqual([
      { name: "Hanna Berg", role: "Museum director", tense: "was" },
    ]);
  });

  it("finds people compromise does not know by the role next to them", () => {
    expect(findPeople("The survey was led by the geologist Oskar Lindqvist.").map((p) => p.name)).toEqual([
      "Oskar Lindqvist",
    ]);
    expect(findPeople("Agency Director-General Maria Ruiz welcomed it.").map((p) => p.name)).toEqual(["Maria Ruiz"]);
  });

  it("reads no person in a name the document writes after 'the'", () => {
    const text =
      "# Stones\n\nThe Harlow Stone was found in 1820. Harlow Stone carried the decree, the curator Ada Pike said.\n";
    const people = buildItems(text)
      .facts.filter((f) => f.type === "person")
      .map((f) => (f as { name: string }).name);
    expect(people).not.toContain("Harlow Stone");
  });

  it("gives no role for a pronoun's role, a thing, a cut name or a verb before a name", () => {
    expect(roles("His assistant Jon Dahl finished the ship.")).toEqual([]);
    expect(roles("The bridge crosses the Tarn near Millau.")).toEqual([]);
    expect(roles("In 1866 the Austrian composer Johann Strauss II wrote a waltz.")).toEqual([]);
    expect(roles("Secretary General Ana Silva visits Camp Dara.")).toEqual([]);
    expect(isRoleNoun("views")).toBe(false);
    expect(isRoleNoun("engineer")).toBe(true);
    expect(isRoleNoun("meteorologist")).toBe(true);
  });

  it("asks the role once, as a card, and never breaks the verb of a caption-like sentence", () => {
    const text =
      "# Comets\n\nThe Danish astronomer Karen Holm charted the comet. Chief Secretary Jens Olsen views the observatory at Camp Vik, March 5, 2018.\n";
    const { items, facts } = buildItems(text, { seed: 1, includeReview: true });
    const role = items.filter((i) => i.factKey.startsWith("role:"));
    // A bare occupation is kept for the instructor's review, not served (decision 045).
    expect(role.map((i) => [i.kind, i.prompt, i.answer, Boolean(i.review)])).toEqual([
      ["flashcard", "Who was Karen Holm?", "a Danish astronomer", true],
    ]);
    expect(facts.some((f) => f.type === "event" && f.what.startsWith("Chief Secretary Jens Olsen views"))).toBe(true);
  });
});
