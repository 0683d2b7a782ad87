/**
 * `tsx scripts/content-pronouns.ts [<file.md | folder …>] [--items]`: where the sentences whose subject is a pronoun
 * ("It was completed in 1914.", "In 1890 she moved to Paris.", "They signed the treaty in 1648.") go in the
 * generator (issue 13, decision 036). For each such sentence it prints the antecedent coreference.ts gave the
 * pronoun (or none), how many items the sentence served, and, when it served none, the last stage that dropped its
 * items: no fact extracted, no candidate built, a check of precision.ts (`item-shapes`, `informative`, well-formedness
 * and the rest, by reason), the detectors' last gate (`gate:…`), the one-item-per-fact ration, or the review line.
 * Then a summary per stage. `--items` also lists the candidates of each sentence with what dropped them.
 * Default input: the dev corpus (tests/fixtures/corpus) and the NATO page, like content:quality.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { isExpletiveIt } from "../lib/content/coreference";
import { gateDefects } from "../lib/content/defects";
import { extractFacts, type ExtractTrace } from "../lib/content/extract";
import { generateCandidates } from "../lib/content/generate";
import { parseDocument } from "../lib/content/parse";
import { assessItem, selectItems } from "../lib/content/precision";
import { tidy } from "../lib/content/text";
import type { GeneratedItem, Sentence } from "../lib/content/types";
import { CORPUS_DIR, covers, NATO_PAGE, readKeyFacts, type KeyFact } from "./content-quality";
import { fold } from "../lib/content/text";

const SEED = 7;

// A subject pronoun opening the sentence, after at most a fronted phrase ("In 1909 he …", "When it opened, it …").
const PRONOUN_SUBJECT =
  /^(?:[^,]{0,160}, |(?:In|On|From|By|Since|After|Before|Until|During)(?: [A-Z]?[a-z]+| \d{1,2}){0,3} \d{4} )?(it|its|he|his|she|her|they|their)\b/i;

export interface PronounSentence {
  sentence: string;
  /** The sentence before, where the antecedent should be. */
  before: string;
  pronoun: string;
  antecedent: string | undefined;
  expletive: boolean;
  facts: number;
  candidates: number;
  served: GeneratedItem[];
  /** The stage that dropped every item, when none is served. */
  lost?: string;
  /** The document's key facts anchored in this sentence, and whether a served item covers each. */
  keyFacts: { id: string; covered: boolean }[];
  /** Each candidate with what dropped it ("" when kept). */
  fates: { item: GeneratedItem; fate: string }[];
}

/** What an assessment defect is called in the summary: the check before its colon, or the reason itself. */
function stageOf(defect: string): string {
  const named = /^([a-z][a-z-]+): /.exec(defect);
  return named ? named[1]! : `precision: ${defect}`;
}

/** Every pronoun-subject sentence of `text` and what became of it. */
export function pronounSentences(text: string, keyFacts: readonly KeyFact[] = []): PronounSentence[] {
  const doc = parseDocument(text);
  const trace: ExtractTrace = { antecedents: new Map() };
  const facts = extractFacts(doc, trace);
  const document = { title: doc.title, knownTexts: [text], documentText: text };
  const candidates = generateCandidates(facts, { seed: SEED, document });
  const kept = selectItems(candidates, undefined, document);
  const servedItems = kept.filter((k) => !k.review);
  const spans = (source: { start: number; end: number }, s: Sentence) => source.start <= s.start && source.end >= s.end;
  const out: PronounSentence[] = [];
  for (const [i, s] of doc.sentences.entries()) {
    const plain = tidy(s.text);
    const m = PRONOUN_SUBJECT.exec(plain);
    if (!m) continue;
    const mine = candidates.filter((c) => spans(c.source, s) && c.kind !== "matching" && c.kind !== "ordering");
    const fates = mine.map((item) => {
      const served = kept.find((k) => k.key === item.key);
      if (served) return { item, fate: served.review ? `review: ${served.review}` : "" };
      const defects = assessItem(item, document).defects;
      if (defects.length > 0) return { item, fate: stageOf(defects[0]!) };
      const gate = gateDefects(item, { documentText: text, knownTexts: [text] }).filter(
        (d) => d.detector !== "caption-source",
      );
      return { item, fate: gate.length > 0 ? `gate: ${gate[0]!.detector}` : "ration (one item per fact)" };
    });
    const served = fates.filter((f) => f.fate === "").map((f) => f.item);
    const factCount = facts.filter((f) => spans(f.source, s)).length;
    const entry: PronounSentence = {
      sentence: plain,
      before: tidy(doc.sentences[i - 1]?.text ?? ""),
      pronoun: m[1]!.toLowerCase(),
      antecedent: trace.antecedents.get(s.start),
      expletive: isExpletiveIt(plain),
      facts: factCount,
      candidates: mine.length,
      served,
      fates,
      keyFacts: keyFacts
        .filter((f) => ` ${fold(plain)} `.includes(` ${fold(f.anchor)} `))
        .map((f) => ({ id: f.id, covered: servedItems.some((i) => covers(i, f)) })),
    };
    if (served.length === 0) {
      if (factCount === 0) entry.lost = "no fact extracted";
      else if (mine.length === 0) entry.lost = "no candidate item";
      else {
        // The stage that dropped the candidate that got furthest: review > ration > gate > a check.
        const order = (fate: string) =>
          fate.startsWith("review") ? 0 : fate.startsWith("ration") ? 1 : fate.startsWith("gate") ? 2 : 3;
        entry.lost = [...fates].sort((a, b) => order(a.fate) - order(b.fate))[0]!.fate.replace(/^review: .*/, "review");
      }
    }
    out.push(entry);
  }
  return out;
}

function documentsOf(args: string[]): string[] {
  const inputs = args.length > 0 ? args : [CORPUS_DIR, NATO_PAGE];
  return inputs.flatMap((p) =>
    statSync(p).isDirectory()
      ? readdirSync(p)
          .filter((f) => f.endsWith(".md"))
          .sort()
          .map((f) => path.join(p, f))
      : [p],
  );
}

function main(argv: string[]): number {
  const args = argv.slice(2);
  const showItems = args.includes("--items");
  const files = documentsOf(args.filter((a) => !a.startsWith("--")));
  const lost = new Map<string, number>();
  let total = 0;
  let resolved = 0;
  let servedResolved = 0;
  const keyCount = [0, 0];
  for (const file of files) {
    const entries = pronounSentences(readFileSync(file, "utf8"), readKeyFacts(file)?.facts);
    process.stdout.write(`\n== ${path.relative(process.cwd(), file)}\n`);
    for (const e of entries) {
      total++;
      const ref = e.expletive ? "expletive" : e.antecedent ? `→ ${e.antecedent}` : "unresolved";
      if (e.antecedent) resolved++;
      if (e.antecedent && e.served.length > 0) servedResolved++;
      if (e.antecedent && e.lost) lost.set(e.lost, (lost.get(e.lost) ?? 0) + 1);
      const fate = e.served.length > 0 ? `served ${e.served.length}` : `LOST: ${e.lost}`;
      const keys = e.keyFacts.map((k) => `${k.covered ? "+" : "-"}${k.id}`).join(" ");
      for (const k of e.keyFacts) keyCount[k.covered ? 0 : 1]++;
      process.stdout.write(
        `[${e.pronoun} ${ref}] facts ${e.facts}, candidates ${e.candidates}, ${fate}${keys ? `; key facts ${keys}` : ""}\n  ${e.before}\n  » ${e.sentence}\n`,
      );
      if (showItems)
        for (const { item, fate: f } of e.fates)
          process.stdout.write(`    ${f ? `✗ ${f}` : "✓"} | ${item.kind} | ${item.prompt} → ${item.answer}\n`);
    }
  }
  process.stdout.write(
    `\npronoun-subject sentences: ${total}; resolved: ${resolved}; resolved and served: ${servedResolved}\n`,
  );
  process.stdout.write(`key facts anchored in these sentences: ${keyCount[0]} covered, ${keyCount[1]} not\n`);
  process.stdout.write("resolved but served nothing, by the stage that dropped the last item:\n");
  for (const [stage, n] of [...lost].sort((a, b) => b[1] - a[1])) process.stdout.write(`  ${n}\t${stage}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href)
  process.exitCode = main(process.argv);
