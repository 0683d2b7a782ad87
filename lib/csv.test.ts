import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("toCsv", () => {
  it("quotes what needs quoting and defuses formulas", () => {
    expect(
      toCsv([
        ["a,b", 'say "hi"', "line\nbreak", 3, null],
        ["=SUM(A1)", "-A1", "@x", "+y", "plain"],
      ]),
    ).toBe('"a,b","say ""hi""","line\nbreak",3,\r\n\'=SUM(A1),\'-A1,\'@x,\'+y,plain\r\n');
  });

  it("leaves numbers as numbers, negative ones too", () => {
    expect(toCsv([["-0.500", "+3", "-1e-4", "-.5", "12."]])).toBe("-0.500,+3,-1e-4,-.5,12.\r\n");
  });

  it("still defuses formulas that start like a number", () => {
    expect(toCsv([["-1+2", "+1-cmd|' /C calc'!A0", "-2e", "--1", "\t1"]])).toBe(
      "'-1+2,'+1-cmd|' /C calc'!A0,'-2e,'--1,'\t1\r\n",
    );
  });
});
