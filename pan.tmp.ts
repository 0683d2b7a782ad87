import { readFileSync } from "node:fs";
import { buildItems } from "./lib/content/pipeline";
const t = readFileSync("tests/fixtures/corpus/panama-canal.md", "utf8");
for (const i of buildItems(t, { seed: 7, includeReview: true }).items) if (/artificial waterway|Isthmus/.test(i.source.text)) console.log(i.kind, "|", i.prompt, "|", i.answer, i.review ?? "");
