/**
 * Times "Help me decide" (lib/srs/workload.ts simulateWorkload: 28 retentions × 365 days) for a learner with
 * `--cards` studied items (default 2,000) and `--unseen` items still new (default 1,000), as the page computes it.
 * Usage: npx tsx bench/workload.ts [--cards 2000] [--unseen 1000] [--runs 5]
 */
import { parseArgs } from "node:util";
import { createRng } from "@/lib/prng";
import { DEFAULT_SRS_SETTINGS } from "@/lib/srs";
import {
  DEFAULT_FIRST_RATING_SHARES,
  DEFAULT_RECALL_RATING_SHARES,
  simulateWorkload,
  type WorkloadCard,
} from "@/lib/srs/workload";

const { values } = parseArgs({
  options: {
    cards: { type: "string", default: "2000" },
    unseen: { type: "string", default: "1000" },
    runs: { type: "string", default: "5" },
  },
});
const now = new Date("2026-03-02T12:00:00Z");
const random = createRng(1);
const DAY = 86_400_000;
// Stabilities spread log-uniformly over 1–400 days, each card reviewed one interval ago ± 30 % (some overdue).
const cards: WorkloadCard[] = Array.from({ length: Number(values.cards) }, () => {
  const stability = Math.exp(random() * Math.log(400));
  const interval = Math.max(1, Math.round(stability));
  const ago = Math.round(interval * (0.4 + random() * 0.9));
  const lastReview = new Date(now.getTime() - ago * DAY);
  return {
    state: "review",
    stability,
    difficulty: 1 + random() * 9,
    lastReview,
    due: new Date(lastReview.getTime() + interval * DAY),
  };
});
const input = {
  cards,
  unseenItems: Number(values.unseen),
  settings: DEFAULT_SRS_SETTINGS,
  secondsPerAnswer: 8,
  firstRatingShares: DEFAULT_FIRST_RATING_SHARES,
  recallRatingShares: DEFAULT_RECALL_RATING_SHARES,
  now,
  seed: 1,
};
const times: number[] = [];
let result = simulateWorkload(input);
for (let i = 0; i < Number(values.runs); i++) {
  const t = performance.now();
  result = simulateWorkload(input);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(
  `${cards.length} studied + ${input.unseenItems} unseen items, 28 retentions × 365 days, ${times.length} runs:`,
);
console.log(
  `  median ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms, min ${times[0]!.toFixed(0)} ms, max ${times.at(-1)!.toFixed(0)} ms`,
);
const at = (r: number) => result.points.find((p) => Math.abs(p.retention - r) < 1e-9)!;
for (const r of [0.7, 0.8, 0.9, 0.97]) {
  const p = at(r);
  console.log(
    `  ${r.toFixed(2)}: ${p.reviewsPerDay.toFixed(1)} reviews/day, ${p.minutesPerDay.toFixed(1)} min/day, ${p.memorized.toFixed(0)} remembered`,
  );
}
console.log(`  recommended: ${result.recommended?.retention.toFixed(2)}`);
