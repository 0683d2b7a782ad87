import { describe, expect, it } from "vitest";
import { progressFraction, studyProgress } from "./assignment-progress";

describe("studyProgress", () => {
  it("gives a point per step, so the bar moves before any item is learned", () => {
    const none = { introduced: false, correct: false, learned: false };
    const seen = { introduced: true, correct: false, learned: false };
    const right = { introduced: true, correct: true, learned: false };
    const learned = { introduced: true, correct: true, learned: true };
    const p = studyProgress([none, seen, right, learned, undefined]);
    expect(p).toEqual({ done: 1, total: 5, introduced: 3, correct: 2, points: 6, maxPoints: 15, complete: false });
    expect(progressFraction(p)).toBeCloseTo(0.4);
    expect(studyProgress([learned, learned])).toMatchObject({ complete: true, points: 6, maxPoints: 6 });
    expect(studyProgress([])).toMatchObject({ complete: false, maxPoints: 0 });
    expect(progressFraction(studyProgress([]))).toBe(0);
  });
});
