const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = (365 / 12) * DAY;
const YEAR = 365 * DAY;

function oneDecimal(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

/**
 * A short label for a time span, as Anki shows above its answer buttons:
 * under a minute "<1m"; minutes "10m"; hours "1.5h"; days "4d"; months (365/12 days) "2.3mo"; years "1.1y".
 *
 * @example
 * formatInterval(10 * 60_000); // "10m"
 * formatInterval(70 * 86_400_000); // "2.3mo"
 */
export function formatInterval(ms: number): string {
  if (ms < MINUTE) return "<1m";
  if (ms < HOUR) return `${Math.round(ms / MINUTE)}m`;
  if (ms < DAY) return `${oneDecimal(ms / HOUR)}h`;
  if (ms < MONTH) return `${Math.round(ms / DAY)}d`;
  if (ms < YEAR) return `${oneDecimal(ms / MONTH)}mo`;
  return `${oneDecimal(ms / YEAR)}y`;
}

const SPOKEN_UNITS: Record<string, [string, string]> = {
  m: ["minute", "minutes"],
  h: ["hour", "hours"],
  d: ["day", "days"],
  mo: ["month", "months"],
  y: ["year", "years"],
};

/**
 * The words a screen reader should say for a label of formatInterval: "10m" → "10 minutes", "<1m" → "less than a
 * minute", "2.3mo" → "2.3 months". A label it does not know is returned as it is.
 *
 * @example
 * spokenInterval("1m"); // "1 minute"
 * spokenInterval("1.5h"); // "1.5 hours"
 */
export function spokenInterval(label: string): string {
  if (label === "<1m") return "less than a minute";
  const match = /^(\d+(?:\.\d)?)(mo|m|h|d|y)$/.exec(label);
  if (!match) return label;
  const [singular, plural] = SPOKEN_UNITS[match[2]!]!;
  return `${match[1]} ${match[1] === "1" ? singular : plural}`;
}
