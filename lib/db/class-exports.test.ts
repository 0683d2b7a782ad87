import { describe, expect, it } from "vitest";
import type { ClassDashboard } from "./class-dashboard";
import { itemAnalysisCsv } from "./class-exports";

describe("itemAnalysisCsv", () => {
  it("keeps a negative discrimination a number, and defuses a formula in a prompt", () => {
    const row = {
      itemId: "i1",
      prompt: "=HYPERLINK(1)",
      answers: 4,
      facility: 0.25,
      discrimination: -0.5,
      distractors: [{ option: "-x", count: 1, share: 0.25, nonFunctional: false }],
      fsrsDifficulty: null,
      lapseRate: null,
    };
    const csv = itemAnalysisCsv({ itemAnalysis: [row] } as unknown as ClassDashboard);
    expect(csv.split("\r\n")[1]).toBe("'=HYPERLINK(1),4,0.250,-0.500,,'-x: 25%,,");
  });
});
