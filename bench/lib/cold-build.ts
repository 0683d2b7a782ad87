/**
 * One content build in a fresh process: `tsx bench/lib/cold-build.ts nato|large` prints `{"cold_ms": …}`, the time of
 * the first `buildItems` after the imports, with every cache of the pipeline still empty (compromise's tags and
 * analyses, wink's model, the per-text caches). bench/content-build.ts reports it as the cold figure: a second build
 * in the same process reuses those caches and flatters.
 */
import { readFileSync } from "node:fs";
import { buildItems } from "@/lib/content/pipeline";
import { largeDocument } from "./large-document";

const which = process.argv[2];
if (which !== "nato" && which !== "large") throw new Error("usage: tsx bench/lib/cold-build.ts nato|large");
const body = which === "nato" ? readFileSync("content/nato-mission-iraq.md", "utf8") : largeDocument();
const started = performance.now();
buildItems(body);
console.log(JSON.stringify({ cold_ms: Math.round(performance.now() - started) }));
