import { GAP } from "@/lib/content/gap";
import type { GeneratedItem, ItemKind, Topic } from "@/lib/content/types";
import { IMPORT_LIMITS } from "./limits";

/**
 * One row of a CSV/TSV file or one note of an Anki package, as text (HTML already removed).
 * `kind` is what the file says: "flashcard" (Anki's Basic: shown, then self-rated), "typed" (Anki's "type in the
 * answer", graded), "cloze" (Anki's Cloze: `{{c1::…}}` in the front), or undefined when the file does not say.
 */
export interface Note {
  /** Row of the file (header counted, so it matches a spreadsheet's row number) or number of the note (1 = first). */
  row: number;
  kind?: "flashcard" | "typed" | "cloze";
  front: string;
  back: string;
  alternatives: string[];
  topic?: string;
  source?: string;
}

/** A problem with one row or note; any of them blocks the import. */
export interface RowError {
  row: number;
  message: string;
}

/** The kinds imported items can have: imports have no options, pairs or sequences to grade against. */
export type ImportedKind = Extract<ItemKind, "typed" | "flashcard" | "cloze">;

export const DEFAULT_TOPIC = "general";
const CLOZE_PREFIX = "Fill in the blank: ";
const CLOZE = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;
// The same starting difficulty lib/content/item-kit.ts gives these kinds; FSRS takes over after the first answers.
const DIFFICULTY: Record<ImportedKind, number> = { flashcard: 0.4, cloze: 0.5, typed: 0.65 };

/**
 * Turns notes into items a deck stores, and the deck's text: each note becomes a paragraph of the text, and its items
 * cite that paragraph as their source (an imported item has no document sentence; its note is its source). A cloze
 * note makes one item per cloze number, like Anki's cards. Notes without a front or back, or with too long a field,
 * are reported with their row and make no item.
 * @example notesToItems([{ row: 2, front: "Capital of France?", back: "Paris", alternatives: [] }], "row")
 * // { items: [{ kind: "flashcard", prompt: "Capital of France?", answer: "Paris", … }], body: "…", errors: [] }
 */
export function notesToItems(
  notes: readonly Note[],
  label: "row" | "note",
): { items: GeneratedItem[]; body: string; errors: RowError[] } {
  const items: GeneratedItem[] = [];
  const errors: RowError[] = [];
  const paragraphs: string[] = [];
  let offset = 0;
  const max = IMPORT_LIMITS.fieldCharacters;
  for (const note of notes) {
    const where = `${label[0]!.toUpperCase()}${label.slice(1)} ${note.row}`;
    const fail = (message: string) => errors.push({ row: note.row, message: `${where}: ${message}` });
    const clozes = note.kind === "cloze" || (note.kind === undefined && /\{\{c\d+::/.test(note.front));
    if (note.front === "") {
      fail(clozes ? "no text." : "no front (question).");
      continue;
    }
    if (!clozes && note.back === "") {
      fail("no back (answer).");
      continue;
    }
    const long = (["front", "back", "source"] as const).find((f) => (note[f]?.length ?? 0) > max);
    if (long || note.alternatives.some((a) => a.length > max)) {
      fail(`the ${long ?? "alternatives"} is longer than ${max.toLocaleString("en")} characters.`);
      continue;
    }
    if (note.topic !== undefined && note.topic.length > 100) {
      fail("the topic is longer than 100 characters.");
      continue;
    }
    const paragraph = noteText(note, clozes);
    const source = { text: paragraph, start: offset, end: offset + paragraph.length };
    const topic = (note.topic || DEFAULT_TOPIC) as Topic; // free text: decks show an unknown topic as written
    const base = { factKey: `${label}-${note.row}`, options: null, answerType: "text" as const, topic, source };
    if (clozes) {
      const deletions = clozeDeletions(note.front);
      if (deletions.length === 0) {
        fail("a cloze note needs a deletion such as {{c1::Paris}}.");
        continue;
      }
      for (const { n, prompt, answer } of deletions)
        items.push({
          ...base,
          key: `${label}-${note.row}|cloze|c${n}`,
          kind: "cloze",
          prompt: `${CLOZE_PREFIX}${prompt}`,
          answer,
          accepted: deletions.length === 1 ? accepted(note.alternatives, answer) : [],
          difficulty: DIFFICULTY.cloze,
        });
    } else {
      const kind: ImportedKind = note.kind ?? (note.alternatives.length > 0 ? "typed" : "flashcard");
      items.push({
        ...base,
        key: `${label}-${note.row}|${kind}`,
        kind,
        prompt: note.front,
        answer: note.back,
        accepted: accepted(note.alternatives, note.back),
        difficulty: DIFFICULTY[kind],
      });
    }
    paragraphs.push(paragraph);
    offset += paragraph.length + 2;
  }
  return { items, body: paragraphs.join("\n\n"), errors };
}

/** The note as the deck's text shows it: "front — back" (a cloze as its whole sentence), then its source, if any. */
function noteText(note: Note, cloze: boolean): string {
  const main = cloze ? note.front.replace(CLOZE, (_m, _n, answer: string) => answer) : `${note.front} — ${note.back}`;
  return note.source ? `${main}\nSource: ${note.source}` : main;
}

function accepted(alternatives: readonly string[], answer: string): string[] {
  return [...new Set(alternatives.filter((a) => a !== "" && a !== answer))];
}

/**
 * The cards of a cloze text, as Anki makes them: one per cloze number, with that number's deletions blanked (and their
 * hint shown after the blank) and the others filled in.
 * @example clozeDeletions("{{c1::Paris}} is in {{c2::France}}")
 * // [{ n: 1, prompt: "_____ is in France", answer: "Paris" }, { n: 2, prompt: "Paris is in _____", answer: "France" }]
 */
export function clozeDeletions(text: string): { n: number; prompt: string; answer: string }[] {
  const numbers = [...new Set([...text.matchAll(CLOZE)].map((m) => Number(m[1])))].sort((a, b) => a - b);
  return numbers.flatMap((n) => {
    const answers: string[] = [];
    const prompt = text.replace(CLOZE, (_m, k: string, answer: string, hint?: string) => {
      if (Number(k) !== n) return answer;
      answers.push(answer);
      return hint ? `${GAP} (${hint})` : GAP;
    });
    const answer = answers.join(", ").trim();
    return answer === "" ? [] : [{ n, prompt, answer }];
  });
}

/** How an exported item is asked after it comes back: kinds with options, pairs or sequences lose them. */
export function exportedKind(kind: ItemKind): ImportedKind {
  if (kind === "cloze" || kind === "typed" || kind === "flashcard") return kind;
  // A choice's answer is one of its options, short enough to type; a matching's or ordering's is a whole list.
  return kind === "multiple_choice" || kind === "true_false" ? "typed" : "flashcard";
}

/**
 * An item as a note for export. A cloze item whose prompt has one blank becomes Anki cloze text ("{{c1::answer}}" in
 * place of the blank); every other item is front (its prompt) and back (its answer). Options of a multiple-choice
 * or true/false item, and the pairs and sequences of matching and ordering items, are not kept: only their prompt and
 * answer text travel.
 * @example itemToNote({ kind: "cloze", prompt: "Fill in the blank: _____ is in France", answer: "Paris", … })
 * // { kind: "cloze", front: "{{c1::Paris}} is in France", back: "Paris", … }
 */
export function itemToNote(item: GeneratedItem, sourceText: string): Omit<Note, "row"> & { kind: ImportedKind } {
  const common = { back: item.answer, alternatives: item.accepted, topic: item.topic, source: sourceText };
  const kind = exportedKind(item.kind);
  if (kind === "cloze") {
    const text = item.prompt.startsWith(CLOZE_PREFIX) ? item.prompt.slice(CLOZE_PREFIX.length) : item.prompt;
    // An answer holding "::" or "}}" would end the deletion early; such an item travels as a question instead.
    if (text.split(GAP).length === 2 && !/\{\{c\d+::/.test(text) && !/::|\}\}/.test(item.answer))
      return { ...common, kind, front: text.replace(GAP, () => `{{c1::${item.answer}}}`) };
    return { ...common, kind: "typed", front: item.prompt };
  }
  return { ...common, kind, front: item.prompt };
}
