import { makeItem } from "./item-kit";
import type { CauseFact, GeneratedItem } from "./types";

/**
 * "Why did Brunel choose a broad gauge?" → "wider track allowed higher speeds and a smoother ride": a flashcard, since
 * a reason in the learner's own words cannot be graded by string; its answer is the sentence's own claim.
 */
export function causeItem(c: CauseFact): GeneratedItem {
  return makeItem(c, {
    kind: "flashcard",
    variant: "why",
    prompt: c.question,
    answer: c.cause,
    answerType: "text",
    topic: "history",
  });
}
