import type { GeneratedItem } from "./types";

/** The new content of an item, checked against its kind (lib/validations/items.ts itemEditSchema). */
export type ItemEdit = Pick<
  GeneratedItem,
  "prompt" | "answer" | "accepted" | "options" | "topic" | "pairs" | "sequence"
>;

/**
 * The item after its owner's edit: the generated item with the edited fields replaced, everything grading reads
 * (kind, answer type, source) kept. The result is what lib/content/grade.ts grades, so the stored data and the
 * columns shown in lists (prompt, answer, topic) stay the same text. A "Which of these is NOT …" item keeps its
 * members consistent: every option but the answer.
 * @example applyItemEdit(item, { prompt: "When…?", answer: "July 2018", accepted: [], options: null, topic: "dates" })
 */
export function applyItemEdit(item: GeneratedItem, edit: ItemEdit): GeneratedItem {
  const next: GeneratedItem = {
    ...item,
    prompt: edit.prompt,
    answer: edit.answer,
    accepted: edit.accepted,
    options: edit.options,
    topic: edit.topic,
  };
  if (edit.pairs) next.pairs = edit.pairs;
  if (edit.sequence) next.sequence = edit.sequence;
  if (item.members && edit.options) next.members = edit.options.filter((option) => option !== edit.answer);
  return next;
}
