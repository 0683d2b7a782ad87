import { describe, expect, it } from "vitest";
import { buildItems } from "./pipeline";
import { ONE_ITEM_PER_ROLE } from "./precision";
import { extractFacts } from "./extract";
import { parseDocument } from "./parse";
import { grade } from "./grade";
import type { QuantityFact } from "./types";

const quantities = (body: string) =>
  extractFacts(parseDocument(`# Test\n\n${body}\n`)).filter((f): f is QuantityFact => f.type === "quantity");
// Items kept for the instructor's review too: these tests read how quantities are asked and graded; whether a time of
// day is served is precision.ts's call (decision 038 sends it to review).
const itemsOf = (body: string) =>
  buildItems(`# Test\n\n${body}\n`, { seed: 3, includeReview: true, perFact: ONE_ITEM_PER_ROLE }).items;

describe("quantities: money, clock times, durations", () => {
  it("reads a sum of money whole, with its sign and scale, and asks it as written", () => {
    const body = "The council spent £3.5 million on the new library. Tickets for the opening gala were $40 each.";
    expect(quantities(body).map(({ value, valueText, measure }) => ({ value, valueText, measure }))).toEqual([
      { value: 3500000, valueText: "£3.5 million", measure: "money" },
      { value: 40, valueText: "$40", measure: "money" },
    ]);
    const cloze = itemsOf(body).find((i) => i.kind === "cloze" && i.answer === "£3.5 million");
    expect(cloze?.prompt).toBe("Fill in the blank: The council spent _____ on the new library.");
    expect(grade(cloze!, "3.5 million").correct).toBe(true);
    expect(grade(cloze!, "£3 million").correct).toBe(false);
  });

  it("reads a sum written with its currency after it", () => {
    expect(quantities("The dam cost 250 million euros to build.").map((q) => q.valueText)).toEqual([
      "250 million euros",
    ]);
  });

  it("reads clock times, spans and pairs as one answer, graded to the minute", () => {
    const body =
      "The ferry leaves Kettle Pier at 07:45 GMT. The reading room is open 9:30–16:00. Talks start at 10:15 and 14:15.";
    expect(quantities(body).map((q) => q.valueText)).toEqual(["07:45 GMT", "9:30–16:00", "10:15 and 14:15"]);
    const typed = { ...itemsOf(body).find((i) => i.answer === "07:45 GMT")!, kind: "typed" as const };
    expect(grade(typed, "7:45").correct).toBe(true);
    expect(grade(typed, "07:45 GMT").correct).toBe(true);
    expect(grade(typed, "7:46").correct).toBe(false);
    expect(grade(typed, "7.45").correct).toBe(false);
    const span = { ...itemsOf(body).find((i) => i.answer === "9:30–16:00")!, kind: "typed" as const };
    expect(grade(span, "09:30 to 16:00").correct).toBe(true);
    expect(grade(span, "9:30").correct).toBe(false);
  });

  it("offers other times an hour or two away, never across noon for a.m./p.m.", () => {
    const mc = itemsOf("The visitor centre opens at 11:00 a.m. in winter.").find((i) => i.kind === "multiple_choice");
    expect(mc?.answer).toBe("11:00 a.m.");
    for (const o of mc?.options ?? []) expect(o).toMatch(/^(?:[1-9]|1[01]):\d\d a\.m\.$/);
  });

  it("keeps a second sentence counting the same noun as its own fact", () => {
    const body = "The survey took 14 years to finish. The lease runs for 75 years.";
    expect(quantities(body).map((q) => [q.value, q.what])).toEqual([
      [14, "years"],
      [75, "years"],
    ]);
    expect(new Set(quantities(body).map((q) => q.key)).size).toBe(2);
  });

  it("never takes the second end of a range for the quantity: the range is one (decision 047)", () => {
    expect(
      quantities("The beetles measure 12–15 millimetres and live about 3-4 years.").map((q) => [q.valueText, q.upTo]),
    ).toEqual([
      ["12–15", 15],
      ["3-4", 4],
    ]);
    expect(itemsOf("Most bridges of the valley span 40–60 metres.").some((i) => /\d[–-]\d/.test(i.prompt))).toBe(false);
  });

  it("counts what a kind, a pair or a set is of", () => {
    expect(quantities("Botanists recognise four kinds of pollen grain.")[0]).toMatchObject({
      what: "kinds of pollen grain",
      question: "How many kinds of pollen grain do botanists recognise?",
    });
  });

  it("does not read a unit conversion in brackets, nor a decimal, as a new fact or a time", () => {
    const qs = quantities("The lake lies at 1,200 feet (366 metres) above sea level and is 6.5 kilometres long.");
    expect(qs.map((q) => q.value)).toEqual([1200, 6.5]);
    expect(qs.some((q) => q.measure === "time")).toBe(false);
  });
});

describe("quantities: the clause a count is asked from", () => {
  it("asks a second clause with its own subject from that subject, not the first clause's", () => {
    const body =
      "The Rhône is a river of western Europe. From its source in the Alps, it flows for about 810 kilometres, " +
      "and its basin covers some 98,000 square kilometres.";
    const basin = quantities(body).find((q) => q.value === 98000);
    expect(basin?.question).toBe("How many square kilometres does the Rhône's basin cover?");
  });

  it("still asks a coordinated predicate with the first clause's subject", () => {
    const body = "The new tram line links the station with the harbour and serves 14 stops.";
    expect(quantities(body).find((q) => q.value === 14)?.question).toBe("How many stops does the new tram line serve?");
  });
});
