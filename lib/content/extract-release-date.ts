/**
 * A press release's date as a fact of the document (issue 13, decision 047). parse.ts strips the dateline
 * ("GENEVA, 14 March 2025 – ") from the first sentence (decision 045), so its date was lost: the release says what
 * was done that day. When the claim is an announcement of the subject's own deed ("The World Health Organization has
 * issued new guidelines …"), the date is asked as "When did the World Health Organization issue new guidelines …?";
 * any other claim names nothing the date belongs to, and the date is dropped.
 */
import { findDates } from "./dates";
import { factKey } from "./keys";
import { DATELINE, DATELINE_DEIXIS } from "./parse";
import { toQuestion } from "./phrase";
import { tidy } from "./text";
import type { EventFact, ParsedDocument } from "./types";

/** Deeds a release announces on its own day: participle → simple past (the clause the question is built from). */
const ANNOUNCED: Record<string, string> = {
  announced: "announced",
  issued: "issued",
  published: "published",
  released: "released",
  launched: "launched",
  unveiled: "unveiled",
  presented: "presented",
  adopted: "adopted",
  approved: "approved",
  signed: "signed",
  awarded: "awarded",
  selected: "selected",
  chosen: "chose",
  chose: "chose",
  named: "named",
  appointed: "appointed",
  opened: "opened",
  inaugurated: "inaugurated",
};

/**
 * The release date as an event of the first sentence, or undefined: no dateline, a dateline without a full date,
 * a claim dated by "today" (kept whole by parse.ts, dated by the event rules), or a claim that announces nothing.
 *
 * @example
 * releaseDate(parseDocument('GENEVA, 14 March 2025 – The World Health Organization has issued new guidelines on sleep.'))?.question
 * // 'When did the World Health Organization issue new guidelines on sleep?'
 */
export function releaseDate(doc: ParsedDocument): EventFact | undefined {
  const lead = doc.blocks.find((b) => b.kind === "paragraph");
  const claim = doc.sentences[0];
  if (!lead || !claim || claim.start <= lead.start) return undefined;
  const dateline = lead.text.slice(0, claim.start - lead.start);
  if (!DATELINE.test(lead.text) || DATELINE_DEIXIS.test(claim.text)) return undefined;
  const dates = findDates(dateline);
  if (dates.length !== 1 || dates[0]!.date.precision !== "day") return undefined;
  // "The World Health Organization (WHO) has issued new guidelines on …, which …": subject, deed, what was done.
  const m =
    /^((?:The\s+)?\p{Lu}[\p{L}\d’'-]*(?:\s+(?:\p{Lu}[\p{L}\d’'-]*|of|for|and|the|de))*)(?:\s+\([A-Z]{2,}\))?\s+(?:has\s+|have\s+)?([a-z]+)\s+([^,;:–—()]+?)(?:[,;:–—(]|\.$|$)/u.exec(
      claim.text,
    );
  const past = m && ANNOUNCED[m[2]!];
  if (!m || !past) return undefined;
  const object = tidy(m[3]!);
  const words = object.split(/\s+/);
  // A short object that names what was done, with nothing that needs an earlier sentence ("this", "them").
  if (words.length > 14 || /\b(?:this|these|those|them|it|they|today|here)\b/i.test(object)) return undefined;
  const what = `${m[1]} ${past} ${object}`;
  const question = toQuestion("When", what, true);
  if (!question) return undefined;
  const d = dates[0]!;
  return {
    type: "event",
    key: factKey("event", what),
    date: d.date,
    what,
    question,
    dateText: d.text,
    source: { text: doc.text.slice(lead.start, claim.end), start: lead.start, end: claim.end },
  };
}
