import { describe, expect, it } from "vitest";
import { median, ratingFromAnswer } from "./rating";

describe("ratingFromAnswer", () => {
  it("rates a wrong answer again, however fast", () => {
    expect(ratingFromAnswer({ correct: false, responseMs: 500, medianResponseMs: 4000, medianSampleSize: 50 })).toBe(
      "again",
    );
  });

  it("rates a right answer good near the median", () => {
    expect(ratingFromAnswer({ correct: true, responseMs: 4000, medianResponseMs: 4000, medianSampleSize: 50 })).toBe(
      "good",
    );
    expect(ratingFromAnswer({ correct: true, responseMs: 8000, medianResponseMs: 4000, medianSampleSize: 50 })).toBe(
      "good",
    );
    expect(ratingFromAnswer({ correct: true, responseMs: 2000, medianResponseMs: 4000, medianSampleSize: 50 })).toBe(
      "good",
    );
  });

  it("rates a right but slow (> 2× median) answer hard", () => {
    expect(ratingFromAnswer({ correct: true, responseMs: 8001, medianResponseMs: 4000 })).toBe("hard");
  });

  it("rates a right and fast (< 0.5× median) answer easy only once the median is known from ≥ 10 answers", () => {
    expect(ratingFromAnswer({ correct: true, responseMs: 1999, medianResponseMs: 4000, medianSampleSize: 10 })).toBe(
      "easy",
    );
    expect(ratingFromAnswer({ correct: true, responseMs: 1999, medianResponseMs: 4000, medianSampleSize: 9 })).toBe(
      "good",
    );
  });

  it("rates a right answer good when no median is known", () => {
    expect(ratingFromAnswer({ correct: true, responseMs: 60_000 })).toBe("good");
    expect(ratingFromAnswer({ correct: true, responseMs: 60_000, medianResponseMs: null })).toBe("good");
    expect(ratingFromAnswer({ correct: true, responseMs: 60_000, medianResponseMs: 0 })).toBe("good");
  });
});

describe("median", () => {
  it("takes the middle value, or the mean of the two middle values", () => {
    expect(median([3000, 1000, 2000])).toBe(2000);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNull();
    expect(median([Number.NaN, 5, Infinity])).toBe(5);
  });

  it("does not reorder the caller's array", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});
