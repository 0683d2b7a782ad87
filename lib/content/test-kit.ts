/**
 * Hand-made inputs for lib/content's unit tests: a sentence as the parser gives one, an item as the generator makes
 * one. Tests only; nothing in the pipeline imports this module.
 */
import type { GeneratedItem, Sentence, SourceRef } from "./types";

/**
 * `text` as a sentence of its own paragraph, at `start` in its document.
 *
 * @example
 * paragraphSentence('The mill closed in 1902.') // { text: 'The mill closed in 1902.', start: 0, end: 24, section: [], blockKind: 'paragraph', blockIndex: 0 }
 */
export function paragraphSentence(text: string, start = 0): Sentence {
  return { text, start, end: start + text.length, section: [], blockKind: "paragraph", blockIndex: 0 };
}

/**
 * Where `text` stands in its document: from `start` to its end.
 *
 * @example
 * sourceOf('The mill closed in 1902.', 10) // { text: 'The mill closed in 1902.', start: 10, end: 34 }
 */
export function sourceOf(text: string, start = 0): SourceRef {
  return { text, start, end: start + text.length };
}

/**
 * A hand-made item: `fields` over a typed date question ("When did the bridge open?" → "May 1990") quoting its own
 * source sentence. A test file that makes many items of one shape gives its shape once:
 * `const item = (o = {}) => testItem({ kind: "cloze", …, ...o })`.
 *
 * @example
 * testItem({ kind: 'cloze', prompt: 'Fill in the blank: The bridge opened in _____.' }).answer // 'May 1990'
 */
export function testItem(fields: Partial<GeneratedItem> = {}): GeneratedItem {
  return {
    key: "k",
    factKey: "f",
    kind: "typed",
    prompt: "When did the bridge open?",
    answer: "May 1990",
    accepted: [],
    options: null,
    answerType: "date",
    topic: "dates",
    difficulty: 0.5,
    source: sourceOf("The bridge opened in May 1990."),
    ...fields,
  };
}
