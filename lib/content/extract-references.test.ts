import { describe, expect, it } from "vitest";
import { extractReferences } from "./extract-references";
import { buildItems } from "./pipeline";
import { ONE_ITEM_PER_ROLE } from "./precision";
import { paragraphSentence } from "./test-kit";

const refs = (text: string, resolve: (c: string) => string | undefined = (c) => c) =>
  extractReferences(paragraphSentence(text), resolve).map((r) => [r.reference, r.question]);

describe("numbered parts of a text: Article 12, Chapter IV", () => {
  it("asks under which part a clause holds, when the clause reads alone", () => {
    expect(refs("Under Article 12 of the Statute, each member appoints one judge.")).toEqual([
      ["Article 12", "Under which article of the Statute does each member appoint one judge?"],
    ]);
    expect(refs("Under Article 9, disputes between members go to the arbitration panel.")).toEqual([
      ["Article 9", "Under which article do disputes between members go to the arbitration panel?"],
    ]);
    expect(refs("Pursuant to Section 4B the board can suspend a licence.")).toEqual([
      ["Section 4B", "Under which section can the board suspend a licence?".replace("Under", "Pursuant to")],
    ]);
  });

  it("resolves a leading pronoun, and skips the part when the pronoun has no antecedent", () => {
    const resolve = (c: string) => (/^it\b/.test(c) ? c.replace(/^it/, "the Assembly") : c);
    expect(refs("Under Chapter IV it may expel a member.", resolve)).toEqual([
      ["Chapter IV", "Under which chapter may the Assembly expel a member?"],
    ]);
    expect(refs("Under Chapter IV it may expel a member.", () => undefined)).toEqual([]);
    expect(refs("Under Article 3, they agree to share their data.")).toEqual([]);
  });

  it("gives no question when a pronoun stays inside the clause, nothing for a question or a part named twice", () => {
    expect(refs("Under Article 7 of the Charter, the members lend it their fleets.")).toEqual([
      ["Article 7", undefined],
    ]);
    expect(refs("Which article gives the board its powers, Article 2 or Article 5?")).toEqual([]);
    expect(refs("Article 6 amends Article 6 of the earlier act.")).toEqual([]);
  });

  it("offers only parts of the same kind the document names as other options", () => {
    const text = [
      "# The Harbour Statute",
      "",
      "Under Article 2, every vessel pays a mooring fee. Under Article 5, pilots must be licensed.",
      "Under Article 8, the harbour master sets the tide tables. Under Article 11, cargo is inspected on landing.",
      "",
    ].join("\n");
    // Both roles: a short answer is recalled when the kinds tie (decision 048); this test reads the choices.
    const { items } = buildItems(text, { seed: 3, perFact: ONE_ITEM_PER_ROLE });
    const mc = items.filter((i) => i.kind === "multiple_choice" && /^Article \d+$/.test(i.answer));
    expect(mc.length).toBeGreaterThan(0);
    for (const item of mc)
      expect(item.options!.every((o) => ["Article 2", "Article 5", "Article 8", "Article 11"].includes(o))).toBe(true);
  });
});
