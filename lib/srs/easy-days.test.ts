import { describe, expect, it } from "vitest";
import { easyDayCapacities, formatEasyDays, parseEasyDays } from "./easy-days";

describe("easy days", () => {
  it("round-trips the stored form and gives balanceInterval's capacities", () => {
    const levels = parseEasyDays("onnnnnr");
    expect(levels).toEqual(["off", "normal", "normal", "normal", "normal", "normal", "reduced"]);
    expect(formatEasyDays(levels!)).toBe("onnnnnr");
    expect(easyDayCapacities(levels!)).toEqual([0, 1, 1, 1, 1, 1, 0.5]);
  });

  it("refuses anything but seven known characters", () => {
    expect(parseEasyDays("nnnnnn")).toBeNull();
    expect(parseEasyDays("nnnnnnnn")).toBeNull();
    expect(parseEasyDays("nnnnnnx")).toBeNull();
  });
});
