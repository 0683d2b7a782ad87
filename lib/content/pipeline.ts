import { extractFacts } from "./extract";
import { generateItems } from "./generate";
import { parseDocument } from "./parse";
import type { Fact, GeneratedItem, ParsedDocument } from "./types";

export interface BuildResult {
  doc: ParsedDocument;
  facts: Fact[];
  items: GeneratedItem[];
}

/**
 * parse → extract → generate in one call.
 *
 * @example
 * const { items } = buildItems('# Apollo 11\n\nApollo 11 landed on the Moon on 20 July 1969.', { seed: 7 })
 */
export function buildItems(text: string, options: { seed?: number } = {}): BuildResult {
  const doc = parseDocument(text);
  const facts = extractFacts(doc);
  const items = generateItems(facts, { seed: options.seed });
  return { doc, facts, items };
}
