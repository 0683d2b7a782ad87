import type { ReviewRefusal } from "@/lib/db/reviews";

/** What the learner reads when an answer is refused. */
export const REFUSAL_MESSAGES: Record<ReviewRefusal | "invalid" | "nothing" | "not_latest", string> = {
  not_found: "That item isn't available any more. Here is the next one.",
  stale: "This card was already answered in another tab or window. Here is the current card.",
  suspended: "That item is suspended. Here is the next one.",
  in_quiz:
    "Finish your quiz first: this item (or one asking the same fact) is in a quiz you haven't finished. Here is the next card.",
  not_latest: "That answer can no longer be re-rated: the card changed since. Here is the current card.",
  invalid: "That answer couldn't be read. Try again.",
  nothing: "There is no answer to undo.",
};
