import { gapSentence, makeItem, type Kit } from "./item-kit";
import type { GeneratedItem, StatementFact, Topic } from "./types";

const TOPIC: Record<StatementFact["role"], Topic> = {
  term: "definitions",
  definition: "definitions",
  superlative: "definitions",
  agent: "organisations",
  name: "organisations",
  where: "places",
  purpose: "objectives",
  object: "definitions",
};

/**
 * One recall item for a statement fact: its sentence with the focus blanked. A sentence read whole by no other rule
 * still teaches its claim once; the per-sentence ration (precision.ts) serves it only where the sentence has room.
 * TODO: a recognition item too (multiple choice among the document's other foci of the same role, e.g. its other
 * terms), and "Why …?" for "because" clauses — neither is built yet.
 *
 * @example
 * statementItems(kit, { type: 'statement', focus: 'lithosphere', role: 'term', … })[0].prompt
 * // 'Fill in the blank: The outer shell of the Earth is called the _____.'
 */
export function statementItems(_kit: Kit, f: StatementFact): GeneratedItem[] {
  const gapped = gapSentence(f.source.text, f.focus);
  if (!gapped) return [];
  return [
    makeItem(f, {
      kind: "cloze",
      variant: `statement-${f.role}`,
      prompt: `Fill in the blank: ${gapped}`,
      answer: f.focus,
      accepted: f.focus.startsWith("the ") ? [f.focus.slice(4)] : [],
      answerType: "text",
      topic: TOPIC[f.role],
      difficulty: f.role === "object" ? 0.05 : 0,
    }),
  ];
}
