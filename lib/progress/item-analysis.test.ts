import { describe, expect, it } from "vitest";
import { analyseItems, pointBiserial } from "./item-analysis";

describe("pointBiserial", () => {
  it("matches a value computed by hand", () => {
    // M1 = 10/3, M0 = 1.5, mean 2.6, population s = √1.04, p = 0.6: r = (1.8333 / 1.0198) · √0.24 = 0.8807
    expect(pointBiserial([1, 1, 1, 0, 0], [4, 3, 3, 1, 2])).toBeCloseTo(0.8807, 4);
  });

  it("is undefined when everyone (or no one) got it right or all scores are equal", () => {
    expect(pointBiserial([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(pointBiserial([0, 0], [1, 2])).toBeNull();
    expect(pointBiserial([1, 0, 1], [2, 2, 2])).toBeNull();
  });
});

describe("analyseItems", () => {
  it("computes facility, corrected discrimination and distractor use for a small class", () => {
    // Four attempts at a two-item quiz. Item q1: attempts a, b right; c, d wrong (chose B twice).
    const answers = [
      { attemptId: "a", itemId: "q1", correct: true, response: "A" },
      { attemptId: "a", itemId: "q2", correct: true, response: "x" },
      { attemptId: "b", itemId: "q1", correct: true, response: "A" },
      { attemptId: "b", itemId: "q2", correct: false, response: "y" },
      { attemptId: "c", itemId: "q1", correct: false, response: "B" },
      { attemptId: "c", itemId: "q2", correct: true, response: "x" },
      { attemptId: "d", itemId: "q1", correct: false, response: "B" },
      { attemptId: "d", itemId: "q2", correct: false, response: "z" },
    ];
    const [q1, q2] = analyseItems(answers, [
      { id: "q1", answer: "A", options: ["A", "B", "C", "D"] },
      { id: "q2", answer: "x", options: null },
    ]);
    // q1 right/wrong = 1,1,0,0 against rest-scores (q2) 1,0,1,0: M1 = M0 = 0.5 → r = 0.
    expect(q1).toEqual({
      itemId: "q1",
      answers: 4,
      facility: 0.5,
      discrimination: 0,
      distractors: [
        { option: "B", count: 2, share: 0.5, nonFunctional: false },
        { option: "C", count: 0, share: 0, nonFunctional: true },
        { option: "D", count: 0, share: 0, nonFunctional: true },
      ],
    });
    expect(q2).toMatchObject({ itemId: "q2", answers: 4, facility: 0.5, discrimination: 0, distractors: [] });
  });
});
