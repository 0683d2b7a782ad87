import type { ItemKind, Topic } from "./types";

/** How each item kind is named in the interface. */
export const KIND_LABELS: Record<ItemKind, string> = {
  multiple_choice: "Multiple choice",
  cloze: "Fill in the blank",
  true_false: "True or false",
  typed: "Short answer",
  matching: "Matching",
  ordering: "Ordering",
  flashcard: "Flashcard",
};

/** Topics in the order a deck page lists them. */
export const TOPIC_LABELS: Record<Topic, string> = {
  dates: "Dates",
  history: "History",
  commanders: "Commanders",
  figures: "Figures",
  schools: "Schools",
  places: "Places",
  organisations: "Organisations",
  objectives: "Objectives",
  definitions: "Definitions",
};
