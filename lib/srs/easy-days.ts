import type { EasyDays } from "./load-balance";

/** A weekday's review capacity as the learner picks it (Anki's easy days: normal, reduced, minimum). */
export type EasyDayLevel = "normal" | "reduced" | "off";

const CAPACITY: Record<EasyDayLevel, number> = { normal: 1, reduced: 0.5, off: 0 };
// One character per weekday in storage (Preset.easyDays), Sunday first.
const CODE: Record<EasyDayLevel, string> = { normal: "n", reduced: "r", off: "o" };
const LEVEL_OF_CODE: Record<string, EasyDayLevel> = { n: "normal", r: "reduced", o: "off" };

/** Sunday to Saturday, as `Date.getUTCDay()` numbers them. */
export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

/**
 * Seven levels → the capacities `balanceInterval` takes.
 * @example easyDayCapacities(["off", "normal", "normal", "normal", "normal", "normal", "reduced"]); // [0, 1, 1, 1, 1, 1, 0.5]
 */
export function easyDayCapacities(levels: readonly EasyDayLevel[]): EasyDays {
  return levels.map((level) => CAPACITY[level]);
}

/**
 * The stored form ("onnnnnr") → levels; null when it is not seven known characters.
 * @example parseEasyDays("onnnnnr"); // ["off", "normal", …, "reduced"]
 */
export function parseEasyDays(stored: string): EasyDayLevel[] | null {
  if (stored.length !== 7) return null;
  const levels = [...stored].map((c) => LEVEL_OF_CODE[c]);
  return levels.every((level) => level !== undefined) ? (levels as EasyDayLevel[]) : null;
}

/**
 * Levels → the stored form.
 * @example formatEasyDays(["off", "normal", "normal", "normal", "normal", "normal", "reduced"]); // "onnnnnr"
 */
export function formatEasyDays(levels: readonly EasyDayLevel[]): string {
  return levels.map((level) => CODE[level]).join("");
}
