/** A large document of varied factual prose, for the content benchmarks and the upload tests. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * ~`targetBytes` of text: the shipped documents and the pipeline's fixtures, with years, numbers and names shifted
 * per copy so the facts differ.
 * @example const body = largeDocument(500 * 1024)
 */
export function largeDocument(targetBytes = 300 * 1024): string {
  const sources = [
    readFileSync("content/nato-mission-iraq.md", "utf8"),
    ...readdirSync("lib/content/fixtures")
      .filter((f) => f.endsWith(".md"))
      .sort()
      .map((f) => readFileSync(path.join("lib/content/fixtures", f), "utf8")),
  ].map((text) => text.replace(/^---[\s\S]*?---\n/, ""));
  const parts = ["# Collected facts\n"];
  let size = 0;
  for (let copy = 0; size < targetBytes; copy += 1) {
    for (const text of sources) {
      const shifted = text
        .replace(/\b(1[89]\d\d|20\d\d)\b/g, (y) => String(Number(y) - (copy % 40)))
        .replace(/\b(\d{2,3})\b/g, (n) => String(Number(n) + copy))
        .replace(/^# (.*)$/gm, `## $1 (part ${copy + 1})`);
      parts.push(shifted);
      size += Buffer.byteLength(shifted);
      if (size >= targetBytes) break;
    }
  }
  return parts.join("\n\n");
}
