/**
 * Daily review load of a simulated learner over 90 days, with load balancing off — without fuzz (what the answer
 * path does today) and with ts-fsrs's random fuzz (Anki without its load balancer) — and on (lib/srs/load-balance.ts
 * scheduleBalanced), and on with easy days (no reviews on Sundays, half on Saturdays). Usage: npx tsx scripts/load-balance-report.ts [--days 90] [--new 20] [--seed 7]
 */
import { parseArgs } from "node:util";
import { DEFAULT_SRS_SETTINGS } from "@/lib/srs";
import type { EasyDays } from "@/lib/srs/load-balance";
import { simulateDailyLoad, type LoadSimulation } from "@/lib/srs/load-simulation";

const { values } = parseArgs({
  options: {
    days: { type: "string", default: "90" },
    new: { type: "string", default: "20" },
    seed: { type: "string", default: "7" },
  },
});
const days = Number(values.days);
const newPerDay = Number(values.new);
const seed = Number(values.seed);
if (![days, newPerDay, seed].every(Number.isInteger) || days < 1 || newPerDay < 1) {
  console.error("--days, --new and --seed must be whole numbers (days and new at least 1).");
  process.exit(2);
}

// Monday 2026-01-05, 10:00 UTC: day d of the simulation falls on weekday (1 + d) % 7.
const start = new Date("2026-01-05T10:00:00Z");
const base = { settings: DEFAULT_SRS_SETTINGS, days, newPerDay, seed, start };
const weekends: EasyDays = [0, 1, 1, 1, 1, 1, 0.5];

const runs: [string, LoadSimulation][] = [
  ["off (fuzz)", simulateDailyLoad({ ...base, mode: "fuzz" })],
  ["off (no fuzz)", simulateDailyLoad({ ...base, mode: "plain" })],
  ["on", simulateDailyLoad({ ...base, mode: "balanced" })],
  ["on + easy days", simulateDailyLoad({ ...base, mode: "balanced", easyDays: weekends })],
];

const onSundays = (daily: number[]) => daily.filter((_, d) => (1 + d) % 7 === 0);
const mean = (xs: number[]) => xs.reduce((s, n) => s + n, 0) / Math.max(1, xs.length);
const pad = (s: string | number, n: number) => String(s).padStart(n);

console.log(
  `Simulated learner: ${newPerDay} new items a day for ${days} days, default FSRS-6 parameters, seed ${seed}.`,
);
console.log("Reviews per day (answers to cards in review state):\n");
console.log(
  `${"load balancing".padEnd(16)}${pad("total", 7)}${pad("mean", 7)}${pad("std dev", 9)}${pad("max", 6)}${pad("spikiness", 11)}${pad("Sundays", 9)}${pad("recalled", 10)}${pad("shift", 8)}`,
);
for (const [name, s] of runs) {
  console.log(
    `${name.padEnd(16)}${pad(s.total, 7)}${pad(s.mean.toFixed(1), 7)}${pad(s.standardDeviation.toFixed(2), 9)}${pad(s.max, 6)}${pad(s.spikiness.toFixed(2), 11)}${pad(mean(onSundays(s.daily)).toFixed(1), 9)}${pad(`${(100 * s.recalled).toFixed(1)} %`, 10)}${pad(name.startsWith("on") ? s.meanShift.toFixed(2) : "", 8)}`,
  );
}
console.log("\nspikiness: standard deviation of each day from its centred 7-day mean (the spikes without the growth).");
console.log("recalled: share of reviews the simulated learner recalled; shift: mean days the balancer moved a review");
console.log("interval (3+ days) from the one ts-fsrs proposed (negative: shorter, more reviews).");
const [off, on] = [runs[0]![1], runs[2]![1]];
console.log(
  `With load balancing on (against fuzz): spikiness ${(100 * (1 - on.spikiness / off.spikiness)).toFixed(0)} % lower, busiest day ${off.max} → ${on.max} reviews.\n`,
);
console.log("Daily reviews, last 30 days:");
for (const [name, s] of runs) console.log(`${name.padEnd(16)}${s.daily.slice(-30).join(" ")}`);
