import { dateCandidates, pickDistractors } from "./distractors";
import { formatDate, formatPeriod } from "./dates";
import { NATO_SUMMIT_CITIES } from "./pools";
import { surnameOf } from "./text";
import { coin, gapSentence, makeItem, multipleChoice, swapInSentence, trueFalse, type Kit } from "./item-kit";
import type { DocDate, EventFact, GeneratedItem, PersonFact } from "./types";

/** Every date the document states, for same-document date distractors. */
export function documentDates(kit: Kit): { date: DocDate; end?: DocDate }[] {
  const out: { date: DocDate; end?: DocDate }[] = [];
  for (const f of kit.facts) {
    if (f.type === "event") out.push({ date: f.date, end: f.endDate });
    if (f.type === "person") {
      if (f.tenureStart) out.push({ date: f.tenureStart });
      if (f.tenureEnd) out.push({ date: f.tenureEnd });
    }
  }
  return out;
}

/** "in July 2018", "on 26 November 2019", "from 2004 to 2011", "by the end of 1990" — for statements. */
function datePhrase(date: DocDate, end?: DocDate, deadline?: string): string {
  if (end) return `from ${formatDate(date)} to ${formatDate(end)}`;
  if (deadline) return `${deadline} ${formatDate(date)}`;
  return `${date.precision === "day" ? "on" : "in"} ${formatDate(date)}`;
}

/**
 * Items for a dated event: "When …?" as multiple choice and typed answer, a cloze on the date,
 * a true/false statement (the date swapped for a near one when false), and the occasion question.
 */
export function eventItems(kit: Kit, f: EventFact): GeneratedItem[] {
  const items: GeneratedItem[] = [];
  const answer = formatPeriod(f.date, f.endDate);
  const accepted = [f.dateText];
  const rng = kit.rngFor(f.key);
  const others = documentDates(kit).filter((d) => formatPeriod(d.date, d.end) !== answer);
  const distractors = pickDistractors(answer, dateCandidates(f.date, f.endDate, others), [], rng);
  const topic = "dates" as const;
  if (f.question) {
    const mc = multipleChoice(
      kit,
      f,
      {
        variant: "when",
        prompt: f.question,
        answer,
        accepted,
        answerType: "date",
        topic,
        difficulty: f.date.precision === "day" ? 0.15 : 0.05,
      },
      distractors,
    );
    if (mc) items.push(mc);
    items.push(
      makeItem(f, { kind: "typed", variant: "when", prompt: f.question, answer, accepted, answerType: "date", topic }),
    );
  }
  const gapped = gapSentence(f.source.text, f.dateText);
  if (gapped)
    items.push(
      makeItem(f, {
        kind: "cloze",
        variant: "date",
        prompt: `Fill in the blank: ${gapped}`,
        answer,
        accepted,
        answerType: "date",
        topic,
      }),
    );
  const truth = coin(kit, f.key);
  const wrong = distractors?.[0];
  // A later date would make a deadline statement true too, so a deadline is only ever stated as written.
  if (truth || !wrong || f.deadline) {
    items.push(trueFalse(f, "date", `${f.what} ${datePhrase(f.date, f.endDate, f.deadline)}`, true, topic));
  } else {
    const swapped = swapInSentence(f.source.text, f.dateText, wrong);
    if (swapped) items.push(trueFalse(f, "date", swapped, false, topic, 0.1));
  }
  if (f.occasion && f.occasionQuestion) {
    const head = f.occasion.split(" ").pop() ?? "";
    const docOccasions = kit.facts.flatMap((o) =>
      o.type === "event" && o.occasion && o.occasion !== f.occasion ? [o.occasion] : [],
    );
    // Real NATO summits only; no "<city> Conference" is made up for other occasions.
    const pool =
      head === "Summit" && /\bNATO\b/.test(f.source.text) ? NATO_SUMMIT_CITIES.map((c) => `${c} ${head}`) : [];
    const d = pickDistractors(f.occasion, [docOccasions, pool], [], rng);
    const mc = multipleChoice(
      kit,
      f,
      { variant: "occasion", prompt: f.occasionQuestion, answer: f.occasion, answerType: "text", topic: "history" },
      d,
    );
    if (mc) items.push(mc);
  }
  return items;
}

/** "Major General Jennie Carignan" */
export function displayName(p: PersonFact): string {
  return p.rank ? `${p.rank} ${p.name}` : p.name;
}

/**
 * Other ways to write a person's name: without rank, surname alone when no other person shares it. A name that ends
 * in a regnal numeral has no surname ("Valdemar IV" is never "IV", nor "King IV").
 */
export function nameVariants(kit: Kit, p: PersonFact): string[] {
  const surname = surnameOf(p.name);
  if (!surname) return [p.name];
  const people = kit.facts.filter((f): f is PersonFact => f.type === "person");
  const unique = people.filter((o) => surnameOf(o.name) === surname).length === 1;
  return [p.name, ...(unique ? [surname, ...(p.rank ? [`${p.rank} ${surname}`] : [])] : [])];
}
