import type { ItemKind, MatchPair } from "@/lib/content/types";

export type Rating = "again" | "hard" | "good" | "easy";
export const RATINGS: readonly Rating[] = ["again", "hard", "good", "easy"];

/** What the browser gets to show a card: never the answer. */
export type StudyCard = {
  itemId: string;
  /** The card's version when it was shown; an answer for an older version is refused as stale. */
  version: number;
  kind: ItemKind;
  prompt: string;
  /** Choices in display order (multiple choice, true/false). */
  options: string[] | null;
  /** Matching: the left column in order and the right column shuffled. */
  matchLeft: string[] | null;
  matchRight: string[] | null;
  /** Ordering: the entries shuffled. */
  shuffled: string[] | null;
  topic: string;
  deckId: string;
  deckTitle: string;
  reason: "learning" | "review" | "new";
};

/** A learner's answer as the browser sends it. */
export type StudyResponse = string | string[] | MatchPair[] | null;

/** What the learner sees after answering: the verdict, the expected answer, its source and the rating choices. */
export type AnswerFeedback = {
  /** null for flashcards, which the learner rates themselves. */
  correct: boolean | null;
  /**
   * True when the answer is already recorded with the suggested rating (every auto-graded item): a rating button then
   * amends that review. False for a flashcard, recorded only once the learner rates it.
   */
  recorded: boolean;
  expected: string;
  /**
   * What the grader tolerated to accept the answer ("accepted — spelling: October") or why it refused it ("the
   * question asks for a day"); null for a plain right answer and for flashcards.
   */
  explanation: string | null;
  sourceText: string;
  sourceHref: string;
  suggested: Rating;
  /** Next interval each rating gives from the card as it was before this answer, as Anki shows it ("10m", "3d"). */
  intervals: Record<Rating, string>;
};

export type QueueCounts = { learning: number; review: number; new: number };

export type NextStep = {
  card: StudyCard | null;
  counts: QueueCounts;
  nextDue: string | null;
  /** `nextDue` as the learner reads it, in their Settings time zone (lib/progress/format.ts). */
  nextDueLabel?: string | null;
  /** Answers given so far this study day (every deck), for the session's progress bar. */
  doneToday: number;
  /** Cards in this scope buried until a later day (they can be unburied). */
  buried: number;
};
