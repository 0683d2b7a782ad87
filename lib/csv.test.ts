import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("toCsv", () => {
  it("quotes what needs quoting and defuses formulas", () => {
    expect(
      toCsv([
        ["a,b", 'say "hi"', "line\nbreak", 3, null],
        ["=SUM(A1)", "-1", "@x", "+y", "plain"],
      ]),
    ).toBe('"a,b","say ""hi""","line\nbreak",3,\r\n\'=SUM(A1),\'-1,\'@x,\'+y,plain\r\n');
  });
});
