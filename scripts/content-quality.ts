/**
 * `npm run content:quality [-- <file.md | folder …>] [--json] [--items] [--seed N]`: the yardstick of issue 13. For each
 * document it runs the generator and prints the number of items, the key facts covered (of the document's
 * `<name>.keyfacts.json`), items per key fact, items per sentence, and the count of each automatic defect detector
 * (lib/content/defects.ts); then the totals. Default input: every document of tests/fixtures/corpus plus the NATO
 * page; a folder stands for its `.md` documents (`tests/fixtures/holdout` holds the documents never tuned on, reported
 * apart as "held-out"). `--json` prints the same figures as JSON (the corpus test reads them); `--items` lists every item with its
 * defects, for reading the output as a teacher would.
 *
 * A key fact is covered when some item (not a true/false one) has an answer — or accepted spelling, matching
 * pair, or member of a list a flashcard asks whole — equal to one of the fact's accepted terms (ignoring case, accents, punctuation and a leading article) and
 * a source containing the fact's anchor words. That is a floor: it does not tell a right item from a wrong one.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { z } from "zod";
import { countByDetector, detectDefects, DETECTORS, type Defect, type DetectorName } from "../lib/content/defects";
import { buildItems } from "../lib/content/pipeline";
import { isRangeAnswer, rangeIn } from "../lib/content/grade-facts";
import { fold } from "../lib/content/text";
import * as pools from "../lib/content/pools";
import { REVIEW_BELOW } from "../lib/content/precision";
import type { GeneratedItem } from "../lib/content/types";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const CORPUS_DIR = path.join(ROOT, "tests/fixtures/corpus");
export const NATO_PAGE = path.join(ROOT, "content/nato-mission-iraq.md");
/** Documents never tuned on (issue 13's overfitting guard): measured and reported apart from the corpus. */
export const HOLDOUT_DIR = path.join(ROOT, "tests/fixtures/holdout");
const SEED = 7;

const KeyFactSchema = z.object({
  id: z.string().min(1),
  fact: z.string().min(1),
  answers: z.array(z.string().min(1)).min(1),
  anchor: z.string().min(1),
});
export const KeyFactFileSchema = z.object({
  document: z.string().min(1),
  domain: z.string().optional(),
  style: z.string().optional(),
  facts: z.array(KeyFactSchema).min(1),
});
export type KeyFact = z.infer<typeof KeyFactSchema>;

/** How a careful teacher judged an item by hand (tests/fixtures/corpus/<doc>.judged.json, decision 038). */
export const VERDICTS = ["sound", "false", "ambiguous", "ill-formed", "worthless"] as const;
export type Verdict = (typeof VERDICTS)[number];
const JudgedItemSchema = z.object({
  kind: z.string().min(1),
  prompt: z.string().min(1),
  answer: z.string(),
  source: z.string(),
  verdict: z.enum(VERDICTS),
  reason: z.string().min(1).optional(),
  /** 2 for the items judged after decision 038's changes brought them in. */
  round: z.number().int().optional(),
});
export const JudgedFileSchema = z.object({
  document: z.string().min(1),
  judged: z.string().min(1),
  items: z.array(JudgedItemSchema).min(1),
});
export type JudgedFile = z.infer<typeof JudgedFileSchema>;
export type KeyFactFile = z.infer<typeof KeyFactFileSchema>;

export interface DocumentReport {
  file: string;
  title: string;
  words: number;
  items: number;
  keyFacts: number | null;
  covered: number | null;
  coverage: number | null;
  uncovered: string[];
  /** Items divided by key facts: the issue's "items per key fact" (target ≤ 2). */
  itemsPerKeyFact: number | null;
  /** Mean number of items covering each covered key fact. */
  itemsPerCoveredFact: number | null;
  itemsPerSentence: { max: number; mean: number };
  defects: Record<DetectorName, number>;
  defectList: Defect[];
  itemList: GeneratedItem[];
  /** What the hand-judged set says about the current output; null when the document has no .judged.json. */
  judged: JudgedReport | null;
}

/** Counts by verdict, plus the items not judged yet (new since the judgement). */
export type VerdictCounts = Record<Verdict | "not judged", number>;

export interface JudgedReport {
  /** Items served by default (quality ≥ REVIEW_BELOW), by verdict. */
  served: VerdictCounts;
  /** Items kept only for the instructor's review, by verdict. */
  review: VerdictCounts;
  /** Judged items the generator no longer makes, by verdict. */
  gone: Record<Verdict, number>;
  /** The quality score of every judged item still made (served or for review), for the separation figures. */
  scores: { verdict: Verdict; quality: number }[];
}

export interface QualityReport {
  documents: DocumentReport[];
  totals: {
    documents: number;
    items: number;
    keyFacts: number;
    covered: number;
    coverage: number;
    itemsPerKeyFact: number;
    maxItemsPerSentence: number;
    defects: Record<DetectorName, number>;
  };
  /** Key-fact figures over the corpus documents alone: the issue's targets are for text the generator never saw. */
  unseen: KeyFactSummary;
  /** The same figures over the held-out documents (tests/fixtures/holdout), when any were measured. */
  holdout: KeyFactSummary;
  /** The hand-judged figures summed over the documents that have a judged set. */
  judged: JudgedSummary | null;
}

export interface JudgedSummary {
  documents: number;
  served: VerdictCounts;
  review: VerdictCounts;
  gone: Record<Verdict, number>;
  /** Judged-sound items served divided by judged items served. */
  precision: number;
  separation: Separation;
}

/** How well the quality score tells judged-bad items from judged-sound ones. */
export interface Separation {
  bad: number;
  sound: number;
  badBelow: number;
  soundBelow: number;
  meanBad: number;
  meanSound: number;
  /** Chance that a random bad item scores below a random sound one (ties count half): 0.5 is no separation. */
  auc: number;
}

export interface KeyFactSummary {
  documents: number;
  keyFacts: number;
  covered: number;
  coverage: number;
  itemsPerKeyFact: number;
}

/** Every string the curated distractor pools hold, whatever the pools module calls its exports. */
function poolEntries(): string[] {
  const out: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === "string") out.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  walk(pools);
  return out;
}

/** The corpus documents (tests/fixtures/corpus/*.md) and the NATO page, in a stable order. */
export function defaultInputs(): string[] {
  return [...documentsIn(CORPUS_DIR), NATO_PAGE];
}

/** The `.md` documents of a folder, in a stable order. */
export function documentsIn(dir: string): string[] {
  return (
    readdirSync(dir)
      // A folder's README.md describes the folder; it is not a document to generate from.
      .filter((f) => f.endsWith(".md") && f.toLowerCase() !== "readme.md")
      .sort()
      .map((f) => path.join(dir, f))
  );
}

/** `<name>.keyfacts.json` beside the document, else in the corpus folder; null when the document has none. */
export function readKeyFacts(file: string): KeyFactFile | null {
  const base = path.basename(file).replace(/\.(md|txt)$/i, "");
  const candidates = [
    path.join(path.dirname(file), `${base}.keyfacts.json`),
    path.join(CORPUS_DIR, `${base}.keyfacts.json`),
  ];
  const found = candidates.find((c) => existsSync(c));
  if (!found) return null;
  const parsed = KeyFactFileSchema.safeParse(JSON.parse(readFileSync(found, "utf8")));
  if (!parsed.success)
    throw new Error(`${found}: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  return parsed.data;
}

/** `<name>.judged.json` beside the document, else in the corpus folder; null when the document has none. */
export function readJudged(file: string): JudgedFile | null {
  const base = path.basename(file).replace(/\.(md|txt)$/i, "");
  const found = [
    path.join(path.dirname(file), `${base}.judged.json`),
    path.join(CORPUS_DIR, `${base}.judged.json`),
  ].find((c) => existsSync(c));
  if (!found) return null;
  const parsed = JudgedFileSchema.safeParse(JSON.parse(readFileSync(found, "utf8")));
  if (!parsed.success)
    throw new Error(`${found}: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  return parsed.data;
}

/**
 * What identifies a judged item across unrelated changes: its kind, its prompt and its answer, folded (case,
 * accents and punctuation aside). A multiple-choice item's options are shuffled by seed and are not part of it.
 */
export function judgedKey(item: { kind: string; prompt: string; answer: string }): string {
  return `${item.kind}|${fold(item.prompt)}|${fold(item.answer)}`;
}

const noVerdicts = (): Record<Verdict, number> =>
  Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
const noCounts = (): VerdictCounts => ({ ...noVerdicts(), "not judged": 0 });

/** Matches the current output (served and for review) against the judged set. */
export function judgeItems(all: readonly GeneratedItem[], judged: JudgedFile): JudgedReport {
  const verdicts = new Map(judged.items.map((j) => [judgedKey(j), j.verdict]));
  const report: JudgedReport = { served: noCounts(), review: noCounts(), gone: noVerdicts(), scores: [] };
  const seen = new Set<string>();
  for (const item of all) {
    const key = judgedKey(item);
    seen.add(key);
    const verdict = verdicts.get(key);
    report[item.review ? "review" : "served"][verdict ?? "not judged"] += 1;
    if (verdict) report.scores.push({ verdict, quality: item.quality ?? 1 });
  }
  for (const [key, verdict] of verdicts) if (!seen.has(key)) report.gone[verdict] += 1;
  return report;
}

/** Separation figures for a list of judged scores. */
export function separation(scores: readonly { verdict: Verdict; quality: number }[]): Separation {
  const bad = scores.filter((s) => s.verdict !== "sound").map((s) => s.quality);
  const sound = scores.filter((s) => s.verdict === "sound").map((s) => s.quality);
  let wins = 0;
  for (const b of bad) for (const g of sound) wins += b < g ? 1 : b === g ? 0.5 : 0;
  const mean = (xs: number[]) => (xs.length ? round(xs.reduce((a, b) => a + b, 0) / xs.length) : 0);
  return {
    bad: bad.length,
    sound: sound.length,
    badBelow: bad.filter((q) => q < REVIEW_BELOW).length,
    soundBelow: sound.filter((q) => q < REVIEW_BELOW).length,
    meanBad: mean(bad),
    meanSound: mean(sound),
    auc: bad.length && sound.length ? round(wins / (bad.length * sound.length), 3) : 0.5,
  };
}

const withoutArticle = (text: string) => fold(text).replace(/^(?:the|a|an) /, "");

/** The values an item asks a learner for: its answer, accepted spellings, and both sides of matching pairs. */
function askedValues(item: GeneratedItem): string[] {
  if (item.kind === "true_false" || item.kind === "ordering") return [];
  if (item.kind === "matching") return (item.pairs ?? []).flatMap((p) => [p.left, p.right]);
  // "Name all three: …" asks for every member of the list (as nato-quality.test.ts counts a list item's members).
  if (item.kind === "flashcard" && item.members) return [item.answer, ...item.members];
  return [item.answer, ...item.accepted];
}

const NUMBER_WORDS: Record<string, number> = Object.fromEntries(
  "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty"
    .split(" ")
    .map((w, i) => [w, i]),
);

/** The number a short answer states ("1,300", "ten", "10 minutes" → 10), or null. */
function numberOf(text: string): number | null {
  const first = text.trim().toLowerCase().split(/\s+/)[0] ?? "";
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/.test(first)) return Number(first.replace(/,/g, ""));
  return NUMBER_WORDS[first] ?? null;
}

/** Same value: equal text (case, accents, punctuation and a leading article aside) or the same number. */
function sameValue(asked: string, term: string): boolean {
  if (withoutArticle(asked) === withoutArticle(term)) return true;
  // A range asked whole ("60 to 110") covers the fact written as that range in any form ("60–110 minutes") or by
  // one of its ends ("110"), as the blank on one end did before ranges were asked whole (decision 047).
  const range = isRangeAnswer(asked) ? rangeIn(asked) : null;
  if (range) {
    const other = rangeIn(term);
    if (other) return other.from === range.from && other.to === range.to;
    const end = numberOf(term);
    return /^\S+$/.test(term.trim()) && (end === range.from || end === range.to);
  }
  const a = numberOf(asked);
  // A bare number answers "ten minutes" when the item's blank stands for the number alone.
  return a !== null && /^\S+$/.test(asked.trim()) && a === numberOf(term);
}

/**
 * Does `item` cover `fact`? Its answer equals an accepted term and its source contains the anchor.
 *
 * @example
 * covers(item, { id: "x", fact: "…", answers: ["Baghdad"], anchor: "established in" })
 */
export function covers(item: GeneratedItem, fact: KeyFact): boolean {
  if (!askedValues(item).some((v) => fact.answers.some((t) => sameValue(v, t)))) return false;
  return ` ${fold(item.source.text)} `.includes(` ${fold(fact.anchor)} `);
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Measures one document: runs the pipeline, matches key facts, counts items per sentence and every detector.
 *
 * @example
 * measureDocument("tests/fixtures/corpus/danube.md", readFileSync(…), { knownTexts, pool }).coverage // 0.41
 */
export function measureDocument(
  file: string,
  text: string,
  library: { knownTexts: string[]; pool: string[] },
  keyFactFile: KeyFactFile | null = readKeyFacts(file),
  judgedFile: JudgedFile | null = readJudged(file),
): DocumentReport {
  const { doc, items: all } = buildItems(text, { seed: SEED, includeReview: true });
  const items = all.filter((item) => !item.review);
  const facts = keyFactFile?.facts ?? null;
  const coveredBy = facts?.map((f) => items.filter((i) => covers(i, f)).length) ?? null;
  const covered = coveredBy ? coveredBy.filter((n) => n > 0).length : null;
  const perSentence = new Map<string, number>();
  for (const item of items.filter((i) => i.kind !== "matching" && i.kind !== "ordering")) {
    const key = `${item.source.start}:${item.source.end}`;
    perSentence.set(key, (perSentence.get(key) ?? 0) + 1);
  }
  const counts = [...perSentence.values()];
  const defectList = detectDefects(items, { documentText: text, ...library });
  return {
    file: path.relative(ROOT, file),
    title: doc.title ?? path.basename(file),
    words: text.split(/\s+/).filter(Boolean).length,
    items: items.length,
    keyFacts: facts ? facts.length : null,
    covered,
    coverage: facts && covered !== null ? round(covered / facts.length, 3) : null,
    uncovered: facts && coveredBy ? facts.filter((_, i) => coveredBy[i] === 0).map((f) => f.id) : [],
    itemsPerKeyFact: facts ? round(items.length / facts.length) : null,
    itemsPerCoveredFact:
      coveredBy && covered ? round(coveredBy.filter((n) => n > 0).reduce((a, b) => a + b, 0) / covered) : null,
    itemsPerSentence: {
      max: counts.length ? Math.max(...counts) : 0,
      mean: counts.length ? round(counts.reduce((a, b) => a + b, 0) / counts.length) : 0,
    },
    defects: countByDetector(defectList),
    defectList,
    itemList: items,
    judged: judgedFile ? judgeItems(all, judgedFile) : null,
  };
}

/**
 * Measures every document in `files` against the library made of all of them (for the invented-distractor check).
 *
 * @example
 * measureCorpus(defaultInputs()).totals.coverage
 */
export function measureCorpus(files: string[]): QualityReport {
  const texts = files.map((f) => readFileSync(f, "utf8"));
  const library = { knownTexts: [...texts], pool: poolEntries() };
  const documents = files.map((f, i) => measureDocument(f, texts[i]!, library));
  const withFacts = documents.filter((d) => d.keyFacts !== null);
  const keyFacts = withFacts.reduce((a, d) => a + d.keyFacts!, 0);
  const covered = withFacts.reduce((a, d) => a + d.covered!, 0);
  const defects = countByDetector(documents.flatMap((d) => d.defectList));
  const summary = (dir: string): KeyFactSummary => {
    const docs = withFacts.filter((d) => path.resolve(ROOT, d.file).startsWith(dir + path.sep));
    const facts = docs.reduce((a, d) => a + d.keyFacts!, 0);
    const hit = docs.reduce((a, d) => a + d.covered!, 0);
    return {
      documents: docs.length,
      keyFacts: facts,
      covered: hit,
      coverage: facts ? round(hit / facts, 3) : 0,
      itemsPerKeyFact: facts ? round(docs.reduce((a, d) => a + d.items, 0) / facts) : 0,
    };
  };
  return {
    judged: summariseJudged(documents),
    unseen: summary(CORPUS_DIR),
    holdout: summary(HOLDOUT_DIR),
    documents,
    totals: {
      documents: documents.length,
      items: documents.reduce((a, d) => a + d.items, 0),
      keyFacts,
      covered,
      coverage: keyFacts ? round(covered / keyFacts, 3) : 0,
      itemsPerKeyFact: keyFacts ? round(withFacts.reduce((a, d) => a + d.items, 0) / keyFacts) : 0,
      maxItemsPerSentence: Math.max(0, ...documents.map((d) => d.itemsPerSentence.max)),
      defects,
    },
  };
}

/** The judged figures summed over the documents that have a judged set. */
function summariseJudged(documents: readonly DocumentReport[]): JudgedSummary | null {
  const judged = documents.flatMap((d) => (d.judged ? [d.judged] : []));
  if (judged.length === 0) return null;
  const served = noCounts();
  const review = noCounts();
  const gone = noVerdicts();
  for (const j of judged) {
    for (const k of Object.keys(served) as (keyof VerdictCounts)[]) {
      served[k] += j.served[k];
      review[k] += j.review[k];
    }
    for (const v of VERDICTS) gone[v] += j.gone[v];
  }
  const servedJudged = VERDICTS.reduce((a, v) => a + served[v], 0);
  return {
    documents: judged.length,
    served,
    review,
    gone,
    precision: servedJudged ? round(served.sound / servedJudged, 3) : 0,
    separation: separation(judged.flatMap((j) => j.scores)),
  };
}

const counts = (c: VerdictCounts | Record<Verdict, number>) =>
  Object.entries(c)
    .map(([k, n]) => `${n} ${k}`)
    .join(", ");

/** The judged-set lines, appended after the other figures so earlier outputs still compare line by line. */
function judgedLines(report: QualityReport): string[] {
  const out: string[] = [];
  if (!report.judged) return out;
  out.push(`\n== judged items (<document>.judged.json, decision 038)`);
  for (const d of report.documents) {
    if (!d.judged) continue;
    const s = separation(d.judged.scores);
    out.push(`${d.file}: served ${counts(d.judged.served)}`);
    out.push(`  for review ${counts(d.judged.review)}; judged but no longer made ${counts(d.judged.gone)}`);
    out.push(
      `  quality below ${REVIEW_BELOW}: bad ${s.badBelow}/${s.bad}, sound ${s.soundBelow}/${s.sound}; AUC ${s.auc}`,
    );
  }
  const j = report.judged;
  const s = j.separation;
  const bad = VERDICTS.filter((v) => v !== "sound").reduce((a, v) => a + j.served[v], 0);
  out.push(`judged totals (${j.documents} documents): served ${counts(j.served)}`);
  out.push(`judged precision of served items: ${pct(j.precision)} (${j.served.sound} sound, ${bad} judged bad served)`);
  out.push(`judged for review: ${counts(j.review)}`);
  out.push(`judged but no longer made: ${counts(j.gone)}`);
  out.push(
    `quality score separation: bad below ${REVIEW_BELOW} ${s.badBelow}/${s.bad}, sound below ${s.soundBelow}/${s.sound}; ` +
      `mean bad ${s.meanBad}, mean sound ${s.meanSound}; AUC ${s.auc}`,
  );
  return out;
}

const pct = (n: number | null) => (n === null ? "n/a" : `${Math.round(n * 100)} %`);

function printText(report: QualityReport, withItems: boolean) {
  const out: string[] = [];
  for (const d of report.documents) {
    out.push(`\n== ${d.file} — ${d.title} (${d.words} words)`);
    out.push(`items: ${d.items}`);
    out.push(
      d.keyFacts === null
        ? "key facts: none (no .keyfacts.json)"
        : `key facts covered: ${d.covered}/${d.keyFacts} (${pct(d.coverage)}); items per key fact ${d.itemsPerKeyFact}; ` +
            `items per covered fact ${d.itemsPerCoveredFact ?? "n/a"}`,
    );
    out.push(`items per sentence: max ${d.itemsPerSentence.max}, mean ${d.itemsPerSentence.mean}`);
    const nonZero = DETECTORS.filter((x) => d.defects[x] > 0).map((x) => `${x} ${d.defects[x]}`);
    out.push(`defects: ${nonZero.length ? nonZero.join(", ") : "none"}`);
    if (d.uncovered.length) out.push(`uncovered: ${d.uncovered.join(", ")}`);
    if (withItems) {
      const byItem = new Map<string, Defect[]>();
      for (const x of d.defectList) byItem.set(x.itemKey, [...(byItem.get(x.itemKey) ?? []), x]);
      d.itemList.forEach((item, n) => {
        const options = item.options && item.kind === "multiple_choice" ? ` [${item.options.join(" | ")}]` : "";
        out.push(`  ${n + 1}. (${item.kind}) ${item.prompt} => ${item.answer}${options}`);
        for (const x of byItem.get(item.key) ?? []) out.push(`       ! ${x.detector}: ${x.message}`);
      });
    }
  }
  const t = report.totals;
  out.push(`\n== totals: ${t.documents} documents, ${t.items} items`);
  out.push(
    `key facts covered: ${t.covered}/${t.keyFacts} (${pct(t.coverage)}); items per key fact ${t.itemsPerKeyFact}`,
  );
  const u = report.unseen;
  out.push(
    `unseen corpus (${u.documents} documents): key facts covered ${u.covered}/${u.keyFacts} (${pct(u.coverage)}); ` +
      `items per key fact ${u.itemsPerKeyFact}`,
  );
  const h = report.holdout;
  if (h.documents > 0)
    out.push(
      `held-out (${h.documents} documents, never tuned on): key facts covered ${h.covered}/${h.keyFacts} ` +
        `(${pct(h.coverage)}); items per key fact ${h.itemsPerKeyFact}`,
    );
  out.push(`max items per sentence: ${t.maxItemsPerSentence}`);
  for (const x of DETECTORS) out.push(`  ${x.padEnd(26)} ${t.defects[x]}`);
  out.push(...judgedLines(report));
  process.stdout.write(`${out.join("\n")}\n`);
}

function main(argv: string[]): number {
  const args = argv.slice(2);
  const json = args.includes("--json");
  const withItems = args.includes("--items");
  const files = args.filter((a) => !a.startsWith("--"));
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length > 0) {
    process.stderr.write(`content-quality: no such file: ${missing.join(", ")}\n`);
    return 1;
  }
  // A folder stands for its .md documents (e.g. tests/fixtures/holdout).
  const inputs = files.flatMap((f) => (statSync(f).isDirectory() ? documentsIn(path.resolve(f)) : [path.resolve(f)]));
  const report = measureCorpus(inputs.length > 0 ? inputs : defaultInputs());
  if (json) {
    const slim = { ...report, documents: report.documents.map(({ itemList: _i, ...rest }) => rest) };
    process.stdout.write(`${JSON.stringify(slim, null, 2)}\n`);
  } else printText(report, withItems);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href)
  process.exitCode = main(process.argv);
