/**
 * A process written as prose steps (issue 13): "Digestion happens in three stages. First, … Then, … Finally, …" — one
 * ordering item, like a numbered list introduced as steps (extract-lists.ts). Read only where every step reads alone:
 * the sentence before the steps names the process with a word of order ("stages", "steps", "process", …), the steps are
 * consecutive sentences of one paragraph, the first opens with "First", the last with "Finally"/"Lastly", each one in
 * between with an ordinal or "Then"/"Next"/"After that", and no step leans on a pronoun once its marker is gone.
 */
import { hash } from "./keys";
import { tidy, upperFirst } from "./text";
import type { ListFact, ParsedDocument, Sentence } from "./types";

const FIRST = /^(?:First|Firstly|First of all|To begin with),?\s+/;
const MIDDLE = /^(?:Second|Secondly|Third|Thirdly|Fourth|Fourthly|Next|Then|After that|Afterwards|Subsequently),?\s+/;
const LAST = /^(?:Finally|Lastly|Last of all),?\s+/;
/** The sentence before names a process in order. */
const PROCESS = /\b(?:steps?|stages?|phases?|process|procedure|sequence|cycle|order)\b/i;
/** A step that leans on the sentence before once its marker is dropped ("Then it is …"). */
const LEANS = /\b(?:it|its|they|them|their|this|these|those|he|she|him|her)\b/i;

/**
 * The prose processes of a document, each as a list fact with `sequence` (asked as one ordering item).
 *
 * @example
 * proseSteps(parseDocument('# D\n\nDigestion has three stages. First, food is chewed. Then, the stomach churns food. Finally, the gut absorbs sugars.'))[0].members
 * // ['Food is chewed', 'The stomach churns food', 'The gut absorbs sugars']
 */
export function proseSteps(doc: ParsedDocument): ListFact[] {
  const out: ListFact[] = [];
  const sentences = doc.sentences;
  for (let i = 1; i < sentences.length; i++) {
    const lead = sentences[i - 1]!;
    const first = sentences[i]!;
    if (!FIRST.test(tidy(first.text)) || first.blockIndex !== lead.blockIndex) continue;
    if (!PROCESS.test(lead.text) || LEANS.test(lead.text) || /:\s*$/.test(lead.text)) continue;
    const steps: Sentence[] = [first];
    let j = i + 1;
    while (j < sentences.length && sentences[j]!.blockIndex === first.blockIndex) {
      const text = tidy(sentences[j]!.text);
      if (MIDDLE.test(text)) steps.push(sentences[j]!);
      else if (LAST.test(text)) {
        steps.push(sentences[j]!);
        break;
      } else break;
      j++;
    }
    const last = steps[steps.length - 1]!;
    if (steps.length < 3 || steps.length > 7 || !LAST.test(tidy(last.text))) continue;
    const members = steps.map((s) =>
      upperFirst(tidy(s.text).replace(FIRST, "").replace(MIDDLE, "").replace(LAST, "").replace(/[.!]$/, "")),
    );
    if (members.some((m) => LEANS.test(m) || m.split(/\s+/).length > 25 || m.split(/\s+/).length < 3)) continue;
    out.push({
      type: "list",
      key: `list:${hash(members.join("|"))}`,
      gapped: `${tidy(lead.text).replace(/[.!]$/, "")}: _____`,
      answer: members.join("; "),
      members,
      sequence: true,
      // The lead and its steps are one stretch of one paragraph: the source is that stretch as written.
      source: { text: doc.text.slice(lead.start, last.end), start: lead.start, end: last.end },
    });
    i = j;
  }
  return out;
}
