import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildItems } from "./pipeline";
import { analyse, startDocument, tokenize } from "./tokens";

// A document's items carry stable ids (keys.ts): rebuilding it in a long-running process, after other documents,
// must give what a fresh process gives, or learners' progress on "changed" items is lost (decision 005,
// "Determinism").

const read = (file: string) => readFileSync(file, "utf8");
const DOCUMENTS = {
  nato: read("content/nato-mission-iraq.md"),
  danube: read("tests/fixtures/corpus/danube.md"),
  photosynthesis: read("tests/fixtures/corpus/photosynthesis.md"),
};
type Name = keyof typeof DOCUMENTS;

/** Everything a learner sees of each item, and its id. */
function items(name: Name): string {
  return JSON.stringify(
    buildItems(DOCUMENTS[name], { seed: 7, includeReview: true }).items.map((i) => [
      i.key,
      i.prompt,
      i.answer,
      i.options,
      i.review,
    ]),
  );
}

describe("items do not depend on what the process built before", () => {
  it("gives each document the same items in either order and when rebuilt", () => {
    const first: Partial<Record<Name, string>> = {};
    for (const name of ["nato", "danube", "photosynthesis"] as const) first[name] = items(name);
    for (const name of ["photosynthesis", "danube", "nato"] as const) expect(items(name), name).toBe(first[name]);
  }, 180_000);

  it("tags a document's words from that document, not from a text analysed for an earlier one", () => {
    const verbs = (clause: string) =>
      tokenize(clause)
        .filter((t) => t.tags.has("Verb"))
        .map((t) => t.text);
    startDocument(["Delegates present their reports to the council each spring."]);
    const cold = verbs("Delegates present their reports to the council");
    expect(cold).toContain("present");
    startDocument(["The present building dates from 1990."]); // "present" an adjective
    verbs("The present building dates");
    startDocument(["Delegates present their reports to the council each spring."]); // a cached analysis
    expect(verbs("Delegates present their reports to the council")).toEqual(cold);
  });

  it("tags a clause from its own sentence, whatever else was tagged first", () => {
    const sentences = [
      "The present building dates from 1990.",
      "Each spring, delegates present their reports to the council.",
      "The council then votes on the budget.",
    ];
    const clauses = [
      "The present building dates",
      "delegates present their reports to the council",
      "The council votes on the budget",
      "It votes on the budget",
      "The council meets in the present building",
    ];
    const tags = (order: readonly string[]) => {
      startDocument(sentences);
      analyse("Present the budget."); // an analysis of another text changes nothing
      const out = new Map(order.map((c) => [c, tokenize(c).map((t) => [t.text, [...t.tags].sort()])]));
      return JSON.stringify(clauses.map((c) => out.get(c)));
    };
    const forward = tags(clauses);
    expect(tags([...clauses].reverse())).toBe(forward);
    expect(tags([clauses[4]!, clauses[1]!, clauses[3]!, clauses[0]!, clauses[2]!])).toBe(forward);
    startDocument(sentences);
    const present = (clause: string) => tokenize(clause).find((t) => t.text === "present")!.tags;
    expect(present("delegates present their reports to the council").has("Verb")).toBe(true);
    expect(present("The present building dates").has("Verb")).toBe(false);
  });

  it("gives a document the same items when its sentences are tagged in another order first", () => {
    const before = items("danube");
    // Tag the Danube page's sentences back to front before building it: tags are per sentence, so nothing moves.
    const sentences = DOCUMENTS.danube.split(/(?<=[.!?])\s+/).reverse();
    startDocument(sentences);
    for (const s of sentences) tokenize(s);
    expect(items("danube")).toBe(before);
  }, 60_000);
});
