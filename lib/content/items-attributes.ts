/**
 * Items from fact-sheet attributes and timelines (extract-attributes.ts, decision 037): "What is the length of the
 * Halden Barrage?", "When was EUFOR Operation Althea launched?", "What is the weight of the vacuum vessel?" (the
 * other rows of the column as options), and a timeline as one ordering and one matching item.
 */
import { dateCandidates, numberCandidates, pickDistractors } from "./distractors";
import { dateOrdinal, findDates } from "./dates";
import { readValue, type Value } from "./extract-attributes";
import { makeItem, multipleChoice, type Kit } from "./item-kit";
import { formatNumber } from "./numbers";
import type { AnswerType, AttributeFact, GeneratedItem, TimelineFact } from "./types";

/**
 * A typed (or, for a long value, flashcard) recall item and, where options of the same kind exist, a multiple
 * choice: the other rows of the table column first, else near numbers in the same unit or near dates.
 */
export function attributeItems(kit: Kit, f: AttributeFact): GeneratedItem[] {
  if (f.line) return [lineItem(f, f.line.answer)];
  const v = readValue(f.value);
  const prompt = f.question;
  const answerType: AnswerType =
    v.kind === "date" ? "date" : v.kind === "number" ? "number" : /^Who /.test(prompt) ? "person" : "text";
  const accepted =
    v.kind === "number"
      ? [f.value, v.number, formatNumber(v.value), String(v.value)]
      : [f.value, ...(v.kind === "text" ? [v.first] : [])];
  const topic = v.kind === "date" ? ("dates" as const) : ("figures" as const);
  const spec = { variant: "attribute", prompt, answer: v.answer, accepted, answerType, topic };
  const items: GeneratedItem[] = [];
  items.push(makeItem(f, { ...spec, kind: "typed" }));
  const mc = multipleChoice(kit, f, spec, distractors(kit, f, v));
  if (mc) items.push(mc);
  return items;
}

/**
 * A key-figure line as a cloze under its subject ("The Arctic Drift Expedition – countries taking part: _____" → 20),
 * graded as a number (a range wants both ends). No multiple choice: the line names no kind of option to draw from.
 */
function lineItem(f: AttributeFact, answer: string): GeneratedItem {
  const number = /^[−-]/.test(answer) ? [answer.replace(/^[−-]/, "-"), answer.replace(/^[−-]/, "−")] : [];
  return makeItem(f, {
    kind: "cloze",
    variant: "attribute-line",
    prompt: `Fill in the blank: ${f.question}`,
    answer,
    accepted: [...new Set([f.value, ...number])],
    answerType: "number",
    topic: "figures",
  });
}

function distractors(kit: Kit, f: AttributeFact, v: Value): string[] | undefined {
  const rng = kit.rngFor(f.key);
  const column = (f.column ?? []).map(readValue).filter((o) => o.kind === v.kind);
  if (v.kind === "number") {
    // Written like the answer: the same hedge and unit ("5,200 tonnes" → "3,900 tonnes").
    // "5,200 tonnes" → "3,900 tonnes": digits grouped as the answer groups them.
    const grouped = /\d,\d/.test(v.number);
    const like = (n: number) =>
      v.answer.replace(v.number.replace(/^[£€$¥]\s?/, ""), grouped ? n.toLocaleString("en-US") : formatNumber(n));
    const sameUnit = column.flatMap((o) => (o.kind === "number" && o.unit === v.unit ? [like(o.value)] : []));
    const near = numberCandidates(v.value, [])
      .flat()
      .map(Number)
      .filter((n) => v.unit !== "%" || n <= 100);
    return pickDistractors(v.answer, [sameUnit, near.map(like)], [], rng);
  }
  if (v.kind === "date") {
    const d = findDates(v.answer)[0];
    if (!d) return undefined;
    return pickDistractors(v.answer, dateCandidates(d.date, d.end, []), [], rng);
  }
  // Text has no near neighbours: only the column's other rows are of its kind.
  return column.length >= 3 ? pickDistractors(v.answer, [column.map((o) => o.answer)], [], rng) : undefined;
}

/**
 * A timeline asked whole: its events in order (earliest first, the dates hidden) and its events matched to their
 * dates. Up to six entries, spread over the timeline, chosen without randomness so the keys are stable.
 */
export function timelineListItems(kit: Kit, f: TimelineFact): GeneratedItem[] {
  const entries = spreadEntries(f.entries, 6);
  const items: GeneratedItem[] = [];
  const ordinals = f.entries.map((e) => findDates(`in ${e.date}`)[0]!.date);
  // Only a timeline written in date order is asked as an order (a list may be grouped otherwise).
  const rising = ordinals.every((d, i) => i === 0 || dateOrdinal(d) > dateOrdinal(ordinals[i - 1]!));
  if (rising) {
    const sequence = entries.map((e) => e.event);
    items.push(
      makeItem(f, {
        kind: "ordering",
        variant: "timeline-order",
        // Worded apart from the document-wide timeline (generate.ts): one prompt with two answers is dropped.
        prompt: "Put these events of the timeline in chronological order, earliest first.",
        answer: sequence.join(" → "),
        sequence,
        answerType: "order",
        topic: "history",
      }),
    );
  }
  const pairs = entries.slice(0, 5).map((e) => ({ left: e.event, right: e.date }));
  items.push(
    makeItem(f, {
      kind: "matching",
      variant: "timeline-dates",
      prompt: "Match each event of the timeline to its date.",
      answer: pairs.map((p) => `${p.left} → ${p.right}`).join("; "),
      pairs,
      answerType: "match",
      topic: "dates",
    }),
  );
  void kit;
  return items;
}

function spreadEntries<T>(entries: readonly T[], n: number): T[] {
  if (entries.length <= n) return [...entries];
  return Array.from({ length: n }, (_, i) => entries[Math.round((i * (entries.length - 1)) / (n - 1))]!);
}
