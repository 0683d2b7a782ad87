/**
 * Seeded randomness, the one generator of the project: item generation, the order of a card's choices, simulated
 * learners in tests and bench databases must be reproducible, so nothing here reads Math.random or the clock.
 */

export type Rng = () => number;

/**
 * mulberry32: a tiny, well-distributed 32-bit PRNG returning floats in [0, 1).
 *
 * @example
 * const rng = createRng(42); rng() // same value on every run
 */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle into a new array. */
export function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * A seed from a text (a 31-multiplier string hash), for randomness tied to a thing: the same item shows its choices
 * in the same order on every load.
 * @example shuffle(options, createRng(seedFromText(item.id)))
 */
export function seedFromText(text: string): number {
  let seed = 0;
  for (const char of text) seed = (Math.imul(seed, 31) + char.charCodeAt(0)) | 0;
  return seed;
}
