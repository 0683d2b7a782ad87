import { Rating as FsrsRating, State, type Card, type Grade } from "ts-fsrs";
import type { CardState, CardStateName, Rating } from "./types";

// Internal: maps between the app's camelCase types and ts-fsrs's snake_case ones.

const STATE_TO_FSRS: Record<CardStateName, State> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};
const STATE_FROM_FSRS: Record<State, CardStateName> = {
  [State.New]: "new",
  [State.Learning]: "learning",
  [State.Review]: "review",
  [State.Relearning]: "relearning",
};
const RATING_TO_GRADE: Record<Rating, Grade> = {
  again: FsrsRating.Again,
  hard: FsrsRating.Hard,
  good: FsrsRating.Good,
  easy: FsrsRating.Easy,
};

export const toFsrsState = (state: CardStateName): State => STATE_TO_FSRS[state];
export const fromFsrsState = (state: State): CardStateName => STATE_FROM_FSRS[state];
export const toGrade = (rating: Rating): Grade => RATING_TO_GRADE[rating];

export function toFsrsCard(card: CardState): Card {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: 0,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: toFsrsState(card.state),
    ...(card.lastReview ? { last_review: card.lastReview } : {}),
  };
}

export function fromFsrsCard(card: Card): CardState {
  return {
    state: fromFsrsState(card.state),
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    lastReview: card.last_review ?? null,
  };
}
