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
  }, 60_000);

  it("tags a document's words from that document, not from a text analysed for an earlier one", () => {
    const verbs = (clause: string) =>
      tokenize(clause)
        .filter((t) => t.tags.has("Verb"))
        .map((t) => t.text);
    startDocument();
    analyse("Delegates present their reports to the council each spring.");
    const cold = verbs("Delegates present their reports to the council");
    expect(cold).toContain("present");
    startDocument();
    analyse("The present building dates from 1990."); // "present" an adjective
    startDocument();
    analyse("Delegates present their reports to the council each spring."); // a cached analysis
    expect(verbs("Delegates present their reports to the council")).toEqual(cold);
  });
});
