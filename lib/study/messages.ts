import type { ReviewRefusal } from "@/lib/db/reviews";

/** What the learner reads when an answer is refused. */
export const REFUSAL_MESSAGES: Record<ReviewRefusal | "invalid" | "nothing", string> = {
  not_found: "That item isn't available any more. Here is the next one.",
  stale: "This card was already answered in another tab or window. Here is the current card.",
  suspended: "That item is suspended. Here is the next one.",
  invalid: "That answer couldn't be read. Try again.",
  nothing: "There is no answer to undo.",
};
