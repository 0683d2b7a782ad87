import { default_w, FSRSAlgorithm } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { createRng } from "../prng";
import { FsrsKernel } from "./fsrs-kernel";

describe("FsrsKernel", () => {
  const personal = default_w.map((w, i) => (i === 20 ? 0.3 : i < 4 ? w * 1.7 : w * 0.9));
  for (const [name, weights, retention] of [
    ["default parameters at 0.90", default_w, 0.9],
    ["other parameters at 0.74", personal, 0.74],
  ] as const) {
    it(`gives exactly ts-fsrs 5.4.2's R, interval and next state (${name})`, () => {
      const reference = new FSRSAlgorithm({ w: [...weights], request_retention: retention, enable_short_term: true });
      const kernel = new FsrsKernel(weights, retention, 36500);
      const random = createRng(9);
      for (let k = 0; k < 5000; k++) {
        const state = { stability: 0.01 + random() * 400, difficulty: 1 + random() * 9 };
        const t = random() < 0.2 ? 0 : Math.floor(random() * 500);
        const g = 1 + Math.floor(random() * 4);
        expect(kernel.recall(t, state.stability)).toBe(reference.forgetting_curve(t, state.stability));
        expect(kernel.interval(state.stability)).toBe(reference.next_interval(state.stability, t));
        expect(kernel.next(state, t, g)).toEqual(reference.next_state(state, t, g));
      }
      for (const g of [1, 2, 3, 4]) expect(kernel.next(null, 0, g)).toEqual(reference.next_state(null, 0, g));
    });
  }
});
