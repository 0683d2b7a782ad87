import { gapSentence, makeItem, multipleChoice, type Kit } from "./item-kit";
import { shuffle } from "../prng";
import type { GeneratedItem, ReferenceFact } from "./types";

/**
 * "Under which article can the Security Council impose sanctions?" (typed, and multiple choice when the document names
 * three other parts of the same kind: never an invented "Article 40"), and a cloze on the part in its sentence.
 */
export function referenceItems(kit: Kit, r: ReferenceFact): GeneratedItem[] {
  const items: GeneratedItem[] = [];
  const accepted = [r.reference.split(" ").pop()!];
  const others = [
    ...new Set(
      kit.facts.flatMap((f) =>
        f.type === "reference" && f.part === r.part && f.reference !== r.reference ? [f.reference] : [],
      ),
    ),
  ];
  const distractors = shuffle(others, kit.rngFor(`${r.key}|others`));
  const spec = { accepted, answer: r.reference, answerType: "text" as const, topic: "organisations" as const };
  if (r.question) {
    const mc = multipleChoice(kit, r, { ...spec, variant: "which", prompt: r.question }, distractors);
    if (mc) items.push(mc);
    items.push(makeItem(r, { ...spec, kind: "typed", variant: "which", prompt: r.question }));
  }
  const gapped = gapSentence(r.source.text, r.reference);
  if (gapped) {
    items.push(makeItem(r, { ...spec, kind: "cloze", variant: "gap", prompt: `Fill in the blank: ${gapped}` }));
    if (!r.question) {
      const prompt = `Which ${r.part.toLowerCase()} fills the blank? ${gapped}`;
      const mc = multipleChoice(kit, r, { ...spec, variant: "gap", prompt }, distractors);
      if (mc) items.push(mc);
    }
  }
  return items;
}
