/** Numbers written in digits or words, for extraction and grading. */

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1e6, billion: 1e9 };

/** Regex source for a number in digits or words ("500", "1,200", "3.5", "eight", "twenty-one", "two hundred"). */
export const NUMBER_PATTERN = `(?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|(?:(?:${Object.keys(UNITS).join("|")})(?:[- ](?:${Object.keys(UNITS).join("|")}))?)(?:\\s+(?:hundred|thousand|million|billion)(?:\\s+(?:and\\s+)?(?:${Object.keys(UNITS).join("|")}))?)*)(?:\\s+(?:thousand|million|billion))?`;

/** Regex source for one number word ("four", "twenty", "hundred"), as in "one in four" or "(four)". */
export const NUMBER_WORD_PATTERN = [...Object.keys(UNITS), "hundred", "thousand"].join("|");

/** Hedges written before a quantity. */
export const QUANTITY_MODIFIERS = [
  "more than",
  "less than",
  "fewer than",
  "over",
  "under",
  "around",
  "about",
  "approximately",
  "nearly",
  "almost",
  "some",
  "up to",
  "at least",
  "at most",
  "roughly",
  "an estimated",
  "some",
  "exactly",
  "just over",
  "just under",
];

/**
 * Value of a number in digits or English words, or null.
 *
 * @example
 * parseNumber('five hundred') // 500
 * parseNumber('1,200') // 1200
 */
export function parseNumber(text: string): number | null {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/,(?=\d{3}\b)/g, "");
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  const words = t.split(/[\s-]+/).filter((w) => w !== "and" && w !== "a");
  if (words.length === 0) return null;
  let total = 0;
  let current = 0;
  for (const w of words) {
    if (w in UNITS) current += UNITS[w];
    else if (w === "hundred") current = (current || 1) * 100;
    else if (w in SCALES) {
      total += (current || 1) * SCALES[w];
      current = 0;
    } else if (/^\d+(\.\d+)?$/.test(w)) current += Number(w);
    else return null;
  }
  return total + current;
}

/**
 * First number in a free answer, ignoring hedges and units: "around 500 personnel" → 500.
 *
 * @example
 * numberInAnswer('about five hundred people') // 500
 */
export function numberInAnswer(text: string): number | null {
  const m = new RegExp(NUMBER_PATTERN, "i").exec(text.replace(/,(?=\d{3}\b)/g, ""));
  return m ? parseNumber(m[0]) : null;
}

const SMALL = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/**
 * English words for 0–99; larger numbers stay in digits.
 *
 * @example
 * numberToWords(42) // 'forty-two'
 */
export function numberToWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 20) return SMALL[n];
  return TENS[Math.floor(n / 10)] + (n % 10 ? `-${SMALL[n % 10]}` : "");
}

/**
 * A number as people write it: "650 million", "12,000", "21.5".
 *
 * @example
 * formatNumber(650000000) // '650 million'
 */
export function formatNumber(n: number): string {
  for (const [scale, word] of [
    [1e9, "billion"],
    [1e6, "million"],
  ] as const) {
    if (n >= scale && Number.isInteger((n / scale) * 100)) return `${n / scale} ${word}`;
  }
  if (Number.isInteger(n) && n >= 10000) return String(n).replace(/\B(?=(\d{3})+$)/g, ",");
  return String(n);
}

/** A figure's unit: one or two words after it ("kilometres", "square miles", "°C"). */
const UNIT_WORDS = String.raw`(?:\s+[\p{L}°]+){1,2}`;
/** The opening of a bracketed figure in another unit: " (", " (about ", " (c. ". */
const CONVERSION_OPENING = String.raw`\s*\(\s*(?:about\s+|around\s+|c\.\s*)?`;
/** "7,732 feet (": a figure with its unit, then the opening bracket of its restatement. */
const BEFORE_CONVERSION = new RegExp(String.raw`\d[\d,.]*${UNIT_WORDS}${CONVERSION_OPENING}$`, "u");
/** "_____ kilometres (1,770 miles)": a blank with its unit, then the same figure restated in brackets. */
const GAP_CONVERSION = new RegExp(
  String.raw`(_____${UNIT_WORDS})${CONVERSION_OPENING}\d[\d,.]*${UNIT_WORDS}\s*\)`,
  "u",
);

/**
 * Bracketed unit conversions ("7,732 feet (2,357 metres)"): the number in brackets restates the one before it in
 * another unit. Extraction skips it (not a new fact); a cloze drops it after its blank (it would give the answer away).
 */
export const conversion = {
  /**
   * Does the number starting at `numberStart` restate the figure before it?
   * @example conversion.restates("It is 7,732 feet (2,357 metres) high.", 18) // true
   */
  restates: (text: string, numberStart: number): boolean => BEFORE_CONVERSION.test(text.slice(0, numberStart)),
  /**
   * A gapped sentence without the conversion that follows its blank.
   * @example conversion.dropAfterGap("It runs for _____ kilometres (1,770 miles), and …") // "It runs for _____ kilometres, and …"
   */
  dropAfterGap: (gapped: string): string => gapped.replace(GAP_CONVERSION, "$1"),
};
