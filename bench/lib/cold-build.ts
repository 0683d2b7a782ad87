/**
 * One content build in a fresh process: `tsx bench/lib/cold-build.ts nato|large` prints `{"cold_ms": …, "cold_cpu_ms":
 * …}`, the wall and CPU time (`process.cpuUsage`: all threads, user + system, so garbage collection included) of the
 * first `buildItems` after the imports, with every cache of the pipeline still empty (compromise's tags and
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
const cpu = process.cpuUsage();
buildItems(body);
const used = process.cpuUsage(cpu);
console.log(
  JSON.stringify({
    cold_ms: Math.round(performance.now() - started),
    cold_cpu_ms: Math.round((used.user + used.system) / 1000),
  }),
);
