/**
 * `tsx scripts/content-preview.ts <file.md|file.txt> [--seed N]`: prints the items generated from a document as a
 * JSON array on stdout. Touches no database; use it to review what a document will turn into before loading it.
 */
import { readFileSync } from "node:fs";
import { buildItems } from "../lib/content/pipeline";

function main(argv: string[]): number {
  const args = argv.slice(2);
  const seedAt = args.indexOf("--seed");
  const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : undefined;
  const file = args.find((a, i) => !a.startsWith("--") && (seedAt < 0 || i !== seedAt + 1));
  if (!file) {
    process.stderr.write("usage: tsx scripts/content-preview.ts <file.md|file.txt> [--seed N]\n");
    return 1;
  }
  if (seed !== undefined && !Number.isInteger(seed)) {
    process.stderr.write(`content-preview: --seed must be an integer, got "${args[seedAt + 1]}"\n`);
    return 1;
  }
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    process.stderr.write(`content-preview: cannot read "${file}": ${reason}\n`);
    return 1;
  }
  const { items } = buildItems(text, { seed });
  process.stdout.write(`${JSON.stringify(items, null, 2)}\n`);
  return 0;
}

process.exitCode = main(process.argv);
