import { describe, expect, it } from "vitest";
import { memberNoun } from "./extract-described";
import { buildItems } from "./pipeline";

const served = (text: string) => buildItems(text, { seed: 3 }).items.filter((i) => i.key.endsWith("|described-member"));

const HARBOUR = `# Port of Valdmark

The harbour offers four services to visiting ships:

- Pilotage, which guides large vessels through the narrow northern channel;
- Towage, the service that pushes ships into berths with tugboats;
- Bunkering, carried out by a barge company from the eastern quay;
- Mooring (Line Handling), which secures each ship to the quay with heavy ropes.

Ships must book these services a day in advance.
`;

describe("memberNoun", () => {
  it("reads the counted plural of a lead-in as a singular kind", () => {
    expect(memberNoun("The harbour offers four services to visiting ships:")).toBe("service");
    expect(memberNoun("The probe carries three science instruments:")).toBe("science instrument");
    expect(memberNoun("The kit rests on the following libraries:")).toBe("library");
  });

  it("names no kind for a lead-in that only refers back", () => {
    expect(memberNoun("They are:")).toBeUndefined();
    expect(memberNoun("These include:")).toBeUndefined();
  });
});

describe("described list members", () => {
  it("asks what each member does as a choice among the list's members, each member once", () => {
    const items = served(HARBOUR);
    const mc = items.filter((i) => i.kind === "multiple_choice");
    expect(mc.map((i) => [i.prompt, i.answer])).toEqual([
      ["Which service guides large vessels through the narrow northern channel?", "Pilotage"],
      ["Which service is the service that pushes ships into berths with tugboats?", "Towage"],
      ["Which service was carried out by a barge company from the eastern quay?", "Bunkering"],
      ["Which service secures each ship to the quay with heavy ropes?", "Mooring"],
    ]);
    for (const item of mc) {
      expect([...(item.options ?? [])].sort()).toEqual(["Bunkering", "Mooring", "Pilotage", "Towage"]);
      // The lead-in says what the members are: the item quotes it with the member's line.
      expect(item.source.text).toMatch(/^The harbour offers four services/);
    }
    expect(mc.find((i) => i.answer === "Mooring")?.accepted).toEqual(["Mooring (Line Handling)", "Line Handling"]);
  });

  it("gives a list of three a typed question only (no option is invented)", () => {
    const items = served(
      "# Relay\n\nThe network rests on three protocols:\n\n- QTP (Quick Transfer Protocol), which moves files between stations;\n- LRM, the format in which station logs are stored, commonly called a Logbook;\n- KSP, which checks the identity of every caller.\n",
    );
    expect(items.map((i) => [i.kind, i.prompt, i.answer])).toEqual([
      ["typed", "Which protocol moves files between stations?", "QTP"],
      ["typed", "Which protocol is the format in which station logs are stored?", "LRM"],
      ["typed", "Which protocol checks the identity of every caller?", "KSP"],
    ]);
    // The other name the description gives ("commonly called a Logbook") is accepted too.
    expect(items.find((i) => i.answer === "LRM")?.accepted).toEqual(["Logbook"]);
  });

  it("reads nothing from lists that are not names with descriptions", () => {
    // Members without a description, a lead-in that names no kind, a description with a pronoun.
    expect(served("# Dam\n\nThe dam has three gates:\n\n- North Gate;\n- Centre Gate;\n- South Gate.\n")).toEqual([]);
    expect(
      served(
        "# Dam\n\nThey are:\n\n- North Gate, which opens in spring;\n- Centre Gate, which opens in summer;\n- South Gate, which opens in autumn.\n",
      ),
    ).toEqual([]);
    expect(
      served(
        "# Dam\n\nThe dam has three gates:\n\n- North Gate, which it opens first;\n- Centre Gate, which it opens next;\n- South Gate, which it opens last.\n",
      ),
    ).toEqual([]);
  });
});
