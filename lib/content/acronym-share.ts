/**
 * Acronym drills ("What does ESA stand for?", "What is the abbreviation of …?") are cheap to make and easy to make
 * many of: a fact sheet that writes every body's abbreviation gave a quarter of its items as drills, crowding out
 * what the sheet teaches (issue 13; decision 041). They keep a share of a document's served items: the acronyms the
 * document uses most, because an abbreviation written once beside its long form is a gloss, one the text goes on
 * using is a name the reader must know.
 */
import type { GeneratedItem } from "./types";

/** Acronym drills may make up this share of a document's served items … */
const ACRONYM_SHARE = 0.15;
/** … and never fewer than this many (a short document with one or two central acronyms keeps them). */
const ACRONYM_FLOOR = 2;

const DRILL_VARIANTS = new Set(["acronym", "abbreviation", "term-stands-for"]);

/** The abbreviation an acronym drill asks about or for, or null for any other item. */
export function drilledAcronym(item: GeneratedItem): string | null {
  // The matching item ("Match each abbreviation …") asks several at once and stays: it is one item, not a drill each.
  if (item.kind === "matching" || !DRILL_VARIANTS.has(item.key.split("|").pop() ?? "")) return null;
  const asked = /^What does (.+) stand for\?$/.exec(item.prompt);
  return asked ? asked[1]! : item.answer;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** How often the document writes the abbreviation as a word of its own. */
function uses(acronym: string, documentText: string): number {
  return documentText.match(new RegExp(`(?<![\\p{L}\\p{N}])${escape(acronym)}(?![\\p{L}\\p{N}])`, "gu"))?.length ?? 0;
}

/**
 * The items without the acronym drills over the share: served drills are kept acronym by acronym, most used first
 * (then in document order), while the kept drills stay within `ACRONYM_SHARE` of the served items. Items kept only
 * for review are left as they are.
 *
 * @example
 * capAcronymDrills(items, text).filter((i) => drilledAcronym(i)).length <= Math.max(2, items.length * 0.15) // true
 */
export function capAcronymDrills(items: readonly GeneratedItem[], documentText = ""): GeneratedItem[] {
  const served = items.filter((i) => !i.review);
  const limit = Math.max(ACRONYM_FLOOR, Math.floor(served.length * ACRONYM_SHARE));
  const drills = new Map<string, GeneratedItem[]>();
  for (const item of served) {
    const acronym = drilledAcronym(item);
    if (acronym) drills.set(acronym, [...(drills.get(acronym) ?? []), item]);
  }
  const total = [...drills.values()].reduce((n, d) => n + d.length, 0);
  if (total <= limit) return [...items];
  const first = (d: GeneratedItem[]) => Math.min(...d.map((i) => i.source.start));
  const ranked = [...drills.entries()]
    .map(([acronym, d]) => ({ d, count: uses(acronym, documentText), at: first(d) }))
    .sort((a, b) => b.count - a.count || a.at - b.at);
  const dropped = new Set<GeneratedItem>();
  let kept = 0;
  for (const { d } of ranked) {
    if (kept + d.length <= limit) kept += d.length;
    else for (const item of d) dropped.add(item);
  }
  return items.filter((i) => !dropped.has(i));
}
