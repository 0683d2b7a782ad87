/**
 * The blank of a cloze prompt. A module of its own so that the grader (lib/content/key-frame.ts, on every answer)
 * does not load the generator's modules and their language models with it.
 */
export const GAP = "_____";
