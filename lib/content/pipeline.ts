import { extractFacts } from "./extract";
import { generateItems } from "./generate";
import { parseDocument } from "./parse";
import type { PerFact } from "./precision";
import { startDocument } from "./tokens";
import type { Fact, GeneratedItem, ParsedDocument } from "./types";

export interface BuildResult {
  doc: ParsedDocument;
  facts: Fact[];
  items: GeneratedItem[];
}

export interface BuildOptions {
  seed?: number;
  /**
   * Also return the low-scoring items kept for the instructor's review (`item.review` says why). Off by default, so
   * whatever stores or serves items without an instructor looking (content:build, scripts) never serves them.
   */
  includeReview?: boolean;
  /** How many items one fact may give (precision.ts ONE_ITEM_PER_FACT by default). */
  perFact?: PerFact;
}

/**
 * parse → extract → generate in one call.
 *
 * @example
 * const { items } = buildItems('# Apollo 11\n\nApollo 11 landed on the Moon on 20 July 1969.', { seed: 7 })
 * buildItems(text, { includeReview: true }).items.filter((i) => i.review) // for the deck preview, unticked
 */
export function buildItems(text: string, options: BuildOptions = {}): BuildResult {
  startDocument();
  const doc = parseDocument(text);
  const facts = extractFacts(doc);
  const all = generateItems(facts, {
    seed: options.seed,
    perFact: options.perFact,
    document: { title: doc.title, knownTexts: [text], documentText: text },
  });
  const items = options.includeReview ? all : all.filter((item) => !item.review);
  return { doc, facts, items };
}
