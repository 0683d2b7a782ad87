/** Text normalisation shared by grading and distractor checks. */

const normalised = new Map<string, string>();

/**
 * Lower-case, no diacritics, no punctuation, no leading article, single spaces.
 *
 * @example
 * normaliseText('  The Ministry of Défence! ') // 'ministry of defence'
 */
export function normaliseText(text: string): string {
  // The generator normalises the same answers, options and sources again and again (~8 % of a warm build): short
  // texts are remembered, a bounded number so the grader's long-running process stays small.
  const hit = normalised.get(text);
  if (hit !== undefined) return hit;
  const out = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’`]s\b/g, "s")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/^(?:the|a|an)\s+/, "");
  if (text.length <= 200) {
    if (normalised.size >= 5000) normalised.clear();
    normalised.set(text, out);
  }
  return out;
}

/**
 * Damerau–Levenshtein distance (optimal string alignment): insertions, deletions, substitutions, transpositions.
 *
 * @example
 * editDistance('carignan', 'carginan') // 1
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** Typos forgiven for an answer of this length: 0 up to 4 characters, 1 up to 8, 2 beyond. */
export function typoTolerance(length: number): number {
  return length <= 4 ? 0 : length <= 8 ? 1 : 2;
}
