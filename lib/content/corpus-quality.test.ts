/**
 * The development corpus of issue 13 (tests/fixtures/corpus) as a regression guard: the corpus is what the issue
 * asks for, and the generator does no worse on it than it did when the corpus was written.
 *
 * The thresholds below are the values measured on main on 2026-12-01 (`npm run content:quality`), so this test
 * passes today and fails on a regression. The issue's targets, which the generator work should move these
 * numbers towards (tighten them here as it does):
 *   - ≥ 90 % of key facts covered by an item (main 46 %; wip-gen 52 %);
 *   - ≤ 2 items per key fact on average (main 2.55; wip-gen 1.34);
 *   - every automatic defect detector at 0.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  CORPUS_DIR,
  defaultInputs,
  documentsIn,
  HOLDOUT_DIR,
  KeyFactFileSchema,
  measureCorpus,
  readKeyFacts,
  type QualityReport,
  VERDICTS,
} from "../../scripts/content-quality";
import { DETECTORS, type DetectorName } from "./defects";
import { fold } from "./text";

/**
 * Key facts covered per document: a document may gain coverage, never lose it. Re-measured on wip-content
 * (issue 13 precision work, decision 013) where a fact was covered on main only by a defective item or is not yet
 * recovered; the comments give main's figure.
 */
const COVERED_AT_LEAST: Record<string, number> = {
  "danube.md": 22, // wip-gen-prec: 23 → 22, "branches" asked "divides into _____ main branches, the Chilia, the Sulina and the Sfântu Gheorghe" (the list counts itself: derivable-number, decision 035); // session 6 merge (terms + lists + roles): 22 → 23; // wip-gen-terms: "danubius", "istros" (a name given by a named subject) — was 20; // main: 21; wip-gen: "the Danube is one of the largest wetlands" (it is the delta) and "The Danube Commission, was first performed" were false items
  "eufor-althea.md": 21, // session 6 merge (terms + lists + roles): 20 → 21; // wip-gen round 3: 21 → 20, "eufor-acronym" was a blank cutting "European Union Force in Bosnia and Herzegovina" (blank-runs-on) — // wip-gen (statement facts); before: 20 — main: 18
  // Round 2: 21 → 19, both facts were covered only by one member of a list of values ("collected in _____ and 2012"
  // → 2011, "energies of 7 and _____ TeV" → 8; list-member): a list becomes one item or none.
  // genjudged: 22 → 19, "seminar-time" and "press-conference" were times of day (logistics), "cern-hq" only the
  // garbled "Where has CERN its headquarters?"; all judged bad by hand (decision 038).
  "higgs-press-release.md": 19, // session 6 merge (terms + lists + roles): 19 → 22; // wip-gen (statement facts); before: 20 — main: 21; "mass" was covered only by the split blank "125–_____ GeV"
  "jwst-fact-sheet.md": 25, // session 6 merge (terms + lists + roles): 23 → 25; // wip-gen-terms: "beryllium" (made of) — was 22; // wip-gen (statement facts); before: 18 — main: 19; "nirspec" lost (not yet recovered)
  // genjudged: 32 → 31, "cape-horn" only quoted "Ships that use it avoid …" (dangling "it", decision 038).
  // unresolved: 31 → 29, "treaty-1903" and "canal-zone" were asked only from "On 18 November 1903 the two countries
  // signed …", which names neither country (the sentence before names three): sent to review (decision 040).
  // session 9: 29 → 28, the first sentence keeps two blanks (decision 041) and "connects the _____ … Pacific Ocean" is
  // the third, now that the km blank lost its "(51 miles)" give-away; earlier: session 6 merge 31 → 32, wip-gen, decision 013
  "panama-canal.md": 28,
  // only by reading "Agua Clara Locks" as a person
  "photosynthesis.md": 15, // wip-gen-prec: 16 → 15, "ingenhousz" quoted "Eight years later … plants do this" (no date to count from: unresolved-anaphora, decision 035); // session 6 merge (terms + lists + roles): 17 → 16; // wip-gen-terms: "atp", "nadph" (abbreviations), "photolysis" (sentence split at "photosystem I.") — was 14; // wip-gen (statement facts); before: 5
  "srinivasa-ramanujan.md": 18, // session 8 merge: 19 → 18, "trinity-fellow" loses its sentence's item room to the newly resolved "In _____ Srinivasa Ramanujan was elected …" (wip-gencoref), "carr-book" gained there, "ba-1916"/"maths-day" went to review (wip-genjudged, decision 038); // session 6 merge (terms + lists + roles): 19 → 19; // wip-gen-terms: "amoebiasis" (appositive) — was 18; // wip-gen round 3: "vegetarian" gained (a definition cut before its second predicate); "carr-book"/"carr-theorems" lost (an unresolved "he" after "In 1903, at the age of 16,": dangling-pronoun, decision 024); "port-trust", "ill-1917" gained ("From 1912 he worked …" names him now) — wip-gen (statement facts); before: 13 — main: 12
  "un-security-council.md": 17, // session 6 merge (terms + lists + roles): 15 → 17; // wip-gen-terms: "resolution-", "sanctions-definition" (glossary) — was 13; // wip-gen (statement facts); before: 12
  // genjudged: 19 → 15, "franzen", "depth", "falting" quoted "… Anders Franzén found it at a depth of …" and
  // "deaths" "At least 30 people died." (a dangling "it"; a sentence naming nothing): for review (decision 038).
  "vasa-museum.md": 15, // wip-gen-prec: 22 → 19, "opening-hours" and "wednesday-hours" are opening hours (logistics-source), "wasavarvet" quoted "During this time …" (unresolved-anaphora), decision 035; // session 6 merge (terms + lists + roles): 16 → 22; // wip-gen-terms: "peg", "bolts" — was 14; // wip-gen round 3: 15 → 14, "sinking-distance" quoted "… and she sank" ("she" is the ship: dropped as a dangling pronoun, decision 024) — wip-gen (statement facts); before: 14
  // genjudged: 21 → 20, "next" quoted "Both ran on a NeXT computer" (a dangling "Both", decision 038).
  // keys (decision 041): 20 → 19, "servers-1993" was the third number blank of one sentence ("By the end of 1993 there
  // were more than _____ known web servers, and the Web carried about one percent …"); two blanks per sentence.
  "world-wide-web.md": 19, // session 6 merge (terms + lists + roles): 21 → 21; // wip-gen-terms: "html", "uri", "http" (abbreviations in a list), "next" — was 17; // wip-gen round 3: 18 → 17, "vague-exciting" read "He wrote …" as Mike Sendall where Berners-Lee is also named (a guess: pronoun-resolution) — wip-gen (statement facts); before: 16 — main: 17; main's "netscape" item named the wrong person (Eric Bina, from "He" after two names)
  // genjudged: 22 → 20, "states" quoted "Most of it lies in …" (dangling "it"), "albright" a visitor centre's
  // opening days (logistics), decision 038.
  "yellowstone-visitor.md": 20, // wip-gendistract: 22 → 21, "Before the NPS was created in 1916, the US Army ran …" now dates the NPS (was "the US Army ran the park … in 1916", a false T/F); its two items take the sentence's room and "army" (a statement blank) waits (decision 039); // session 6 merge (terms + lists + roles): 20 → 22; // wip-gen (statement facts); before: 16 — main: 20; "roosevelt-arch" and "eruption-age" were covered by false items
  // ("the US Army's cornerstone", "At the North Entrance's last very large eruption"); "distance-bears" lost
  // corpus2 (issue 13, widening the judged corpus): two documents added on main 21e0e45, at what they cover there.
  // falsefix: 21 → 20, "six-months" was covered only by "The time limit used to be _____ months", judged ambiguous
  // (which time limit? decision 042): now for review.
  "echr-application-procedure.md": 20,
  // garble: 11 → 10, "chronic-list" was covered only by the judged ill-formed "Name all four: … adults with _____ of
  // cancer" (a cut last member, "a history"), which is now dropped (decision 043); falsefix: 10 → 9, "children-3-days"
  // was covered only by three items judged ambiguous (the heading "Children and adolescents" sets the rule's scope;
  // decision 042): now for review.
  // outside shapes: 9 → 7 (main measured 10): "published" was asked only from the dateline ("Geneva, _____. The
  // World Health Organization …", judged ill-formed; parse.ts now strips the dateline), "adolescents-inactive" and
  // "adults-inactive" only where "about one adult in four (_____)" / "four adolescents in five (_____)" give the
  // percentage away (judged worthless; answer-given, decision 045).
  "who-physical-activity.md": 7,
  // The tuning page. main: 62. Its 15 schools and 3 partner nations are now asked as one list item each ("Which one
  // is NOT …"), which this answer-match count cannot see; the Stoltenberg caption's 2 facts go to review.
  "nato-mission-iraq.md": 42,
};

/** Defects per detector over the corpus and the NATO page, tightened to wip-content's figures (target: 0 each). */
const DEFECTS_AT_MOST: Record<DetectorName, number> = {
  "subordinator-after-wh": 0, // main: 2
  "bare-pronoun-opening": 0, // main: 48
  "capital-mid-question": 0, // main: 15
  "split-token": 0, // main: 5
  "truncated-name": 0, // main: 17
  "answer-punctuation": 0, // main: 8
  "acronym-mismatch": 0, // main: 10
  "spelling-variant-options": 0, // main: 1
  "duplicate-options": 0, // main: 0
  "same-list-distractor": 0, // main: 2
  "invented-distractor": 0, // main: 6
  "option-type-mismatch": 0, // main: 0
  "caption-source": 0, // main: 25
  "pronoun-resolution": 0, // main: 43
  "tf-claim-unsupported": 0, // main: 5
  // corpus2: 0 → 3 on echr-application-procedure's table rows; blankworth: back to 0, the detector reads a row with
  // its column headings ("Judges").
  "prompt-unsupported": 0, // main: 3
  "answer-in-prompt": 0, // main: 0
  "blank-on-common-word": 0, // main: 1
  "malformed-prompt": 0, // main: 0
  "fronted-phrase-question": 0, // main: 8 ("How many wolves did Between 1995 and 1997, biologists release?")
  "coordinated-count": 0, // main: 2 ("About how many kilometres long and freezes is Yellowstone Lake?")
  "lead-in-source": 0, // main: 6 ("Fill in the blank: The park has _____ entrances:")
  // Decision 024's shapes; "before" = the previous generator measured with these detectors (corpus + NATO /
  // held-out / evaluation).
  "unsafe-question": 0, // before: 0 / 0 / 6 ("How many cm tall, 75.7 cm wide and 28.4 cm is the stone?")
  "dangling-pronoun": 0, // before: 8 / 4 / 9 ("On 27 September 1821 he announced …")
  "topic-blank": 0, // before: 1 / 0 / 1 ("The _____ is in Room 4" → the document's topic)
  "cut-option": 0, // before: 1 / 0 / 0 ("James Webb Space" among a person's options)
  "blank-runs-on": 0, // before: 3 / 0 / 3 ("an _____ than 1.5 billion years" → "ancestral cell more")
  // Round 2 (outside reading of untuned documents); before = wip-gen 48f2c8f (corpus + NATO / held-out / evaluation).
  "markup-left": 0, // before: 3 / 0 / 0 ("When was the **Harbour Act** a law …?")
  "list-member": 0, // before: 2 / 0 / 0 ("When did floods hit the valley, 1967, 1993 and 2011?")
  "modifier-blank": 0, // before: 0 / 0 / 0 (unit tests only: "_____ birds migrate at night" → "Night-flying")
  "absurd-variant": 0, // wip-gen-lists: new ("operates 35 hours a day", a range turned backwards)
  // Round 3's outside shapes (prompt-context-shapes.ts, decision 045): dropped by the gate, so 0 on served items.
  "glued-label": 0,
  "dangling-there": 0,
  "dateline-left": 0,
  "answer-given": 0,
  "quoted-blank": 0,
  "option-unit": 0,
  "range-end": 0, // decision 047: one end of a range blanked ("every two to _____ months")
  // Decision 035's checks (worthless items); before = the generator without them, corpus + NATO / held-out / evaluation.
  "logistics-source": 0, // before: 8 / 6 / 3 (opening hours, guided-tour times, a "Key terms" box, an exercise)
  "topic-entity": 0, // before: 2 / 7 / 5 ("The Great Stink was an event in central _____" → London)
  "derivable-number": 0, // before: 3 / 0 / 1 ("where _____ small streams, the Breg and the Brigach, meet" → 2)
  "ambiguous-options": 0, // before: 6 / 2 / 5 ("At least _____ people died" beside a smaller option)
  "cut-title": 0, // before: 0 / 0 / 0 (unit tests only: "_____ Views of Lake Orm")
  "role-debris": 0, // before: 0 / 0 / 0 (unit tests only: "Who was X? → a Meanwhile his assistant")
  "question-scope": 0, // before: 0 / 2 / 0 ("How many kilometres north does a toll plaza stand?")
  "hedged-variant": 0, // before: 6 / 0 / 0 ("more than 500" made False as "more than 300", still true)
  // Decision 041 (what is blanked); before = main 21e0e45, corpus + NATO / held-out / evaluation.
  "name-number": 0, // before: 0 on the corpus (unit tests only: "Soyuz _____", "the _____ Punic War")
  "general-knowledge": 0,
  "thin-role": 0, // sent to review, never served (prompt-context-shapes.ts)
  "region-after-place": 0, // sent to review, never served (prompt-context-shapes.ts) // before: 4 on the corpus ("the largest high-elevation lake in _____" → North America)
  "unresolved-anaphora": 0, // before: 4 / 0 / 1 ("During this time …", "Later that year …")
  "unresolved-reference": 0, // decision 040, second round; before: see the decision ("both", "it", "the agency")
  // Decision 039 (whole spans); before = main b405413, corpus + NATO / held-out / evaluation.
  "fragment-option": 0, // before: 0 / 0 / 0 (unit tests only: "Rescue Service" of "Coastal Search and Rescue Service", "Oslo)")
  "option-kind": 0, // before (main 21e0e45): 12 / 0 / 0 (England and Putney among towns; decision 039, session 9)
  "list-shows-members": 0, // before: 0 / 0 / 0 (unit tests only: "… such as the Ljungan. The most important include _____")
  "it-antecedent": 0, // main: 13 ("About how many metres wide is the US Army?", "The Danube Commission, was first performed")
  "list-exploded": 0, // wip-gen-why: 1 (members counted, not items from one member's line); main: 25
  // corpus2: 0 → 1, echr-application-procedure's "On 2 July 2024 Marko Bošnjak, the judge elected in respect of
  // Slovenia, took over the presidency from Síofra O'Leary of Ireland, …" (5 items, 4 judged sound, 1 worthless).
  "items-per-sentence": 1, // wip-gen-why: 58 (one item per fact a sentence states, decision 034); main: 522
  "items-per-fact": 0, // wip-gen-why: 13 (a fact is one value of one record, decision 034); main: 334
  "answer-asked-repeatedly": 0, // main: 108
};

// wip-gen round 3: 212 → 210, the facts above (decision 024).
// Round 2: 210 → 208, the two Higgs list members above.
// wip-gen-terms: 208 → 223, terms and definitions (extract-terms.ts).
// Session 6 merge of terms (decision 028), lists (decision 030), roles, causes and quantities: 208 → 240.
// wip-gen-prec: 240 → 235 (241 measured before it), the worthless items of decision 035 (COVERED_AT_LEAST).
// corpus2: + the two new documents' 32 of 68 key facts (echr-application-procedure 21/35, who-physical-activity 11/33).
const TOTAL_COVERAGE_AT_LEAST = (235 + 32) / (411 + 68); // target 0.9; main: 189; wip-content: 183 (see COVERED_AT_LEAST)
// target 2; main: 2.55; wip-content 1.19; wip-gen 1.34 (one statement item for sentences no other rule reads)
const ITEMS_PER_KEY_FACT_AT_MOST = 1.4;
const MAX_ITEMS_PER_SENTENCE_AT_MOST = 8; // main: 40; issue 13 rule: one recognition and one recall item per fact

/**
 * The hand-judged items (tests/fixtures/corpus/*.judged.json, decision 038): judged bad (false, ambiguous, ill-formed,
 * worthless) yet served by default. main b405413: 125 of 635 served (3 false); after decision 038: 49 of 590 (2 false,
 * both "the Tisza" put for the river's "it"). Judged-sound items scoring below the review line: main 6, now 2.
 */
// corpus2: + the two documents added on main 21e0e45, judged there: echr-application-procedure serves 29 bad of 56
// (1 false), who-physical-activity 17 of 33 (2 false); neither sends a sound item to review. Lower these as the
// generator improves on them.
// session 10 merge (one item per fact, decision 034; round 4 judged): 48 judged bad served of 536.
// session 11 merge (kind follows the answer on a tie, decision 048; key figures, ranges; round 5 judged): 47 of 536.
const JUDGED_BAD_SERVED_AT_MOST = 47;
// falsefix (decision 042): 5 → 0 (competing antecedents for "it", a blank inside a negation).
const JUDGED_FALSE_SERVED_AT_MOST = 0;
// unresolved: 2 → 5, three items judged sound in round 1 quote "the two countries signed …" (the outside readers'
// unresolved-reference defect, decision 040; the same sentence's true/false was judged ill-formed for it).
// session 9: 5 → 6, "When was the Rhine–Main–Danube Canal opened?" (judged sound) goes to review because its source opens
// with the subordinate clause it asks about.
// blankworth: 6 → 7, "it excites _____ → electrons" (judged sound, Zipf 3.18) is doubted as an everyday word; the
// same signal sends "principle" and "terrorism" (judged worthless) to review (decision 041, round 2).
// outside shapes: 7 → 9, "Mons, _____ → Belgium" (the region after a place: readers split on it) and "Who was John
// F. Stevens? → a railway engineer" (a bare occupation) go to review on purpose; Strasbourg, Baltimore, Trinity
// College and Dayton, judged worthless, go with them (decision 045).
// session 10 merge: 9 → 11, two more bare occupations ("Who was Joseph Priestley? → an English chemist", "Who was
// Robert Cailliau? → a Belgian engineer") judged sound in round 4 and kept for review on purpose, as above.
const JUDGED_SOUND_FOR_REVIEW_AT_MOST = 11;

const corpusFiles = defaultInputs().filter((f) => path.dirname(f) === CORPUS_DIR);

/**
 * The held-out documents (tests/fixtures/holdout): written, with their key facts, before any generator change of
 * the second round and never tuned on. Their floors are what the generator reached on them (first measured at
 * 34/88 before that round); they guard against a change that helps the corpus by fitting it.
 */
// Round 3: 40 → 38, "royal-albert" was a false item ("Mary Elizabeth Horsley's last great railway work": "His" read as
// his wife); "poll" quoted "a BBC poll placed him second …" with "him" unresolved (dangling-pronoun, decision 024).
// Round 2: 38 → 40, the bold dateline of millau-viaduct-opening is read once its emphasis is stripped.
// wip-gen-terms: 40 → 42, "sea-floor-spreading" (naming after the sentence before) and "pangaea" (a glossary entry).
// Session 6 merge: 45 (terms +2, roles/quantities +4, lists −1: "Beneath it lies the _____", an unresolved "it").
// wip-gen-prec: 45 → 44, "pangaea" was asked only from the "Key terms" box (logistics-source, decision 035).
const HOLDOUT_COVERED_AT_LEAST = 44; // of 88; before the second round: 34
const HOLDOUT_DEFECTS_AT_MOST: Partial<Record<DetectorName, number>> = { "pronoun-resolution": 0 };
const holdoutFiles = documentsIn(HOLDOUT_DIR);

describe.each([
  ["the development corpus", corpusFiles, 10],
  ["the held-out documents", holdoutFiles, 3],
] as const)("%s", (_name, files, count) => {
  const documents = files.map((file) => ({ file, text: readFileSync(file, "utf8"), facts: readKeyFacts(file) }));

  it("has enough documents of 400–2,000 words with front matter", () => {
    expect(documents.length).toBeGreaterThanOrEqual(count);
    for (const { file, text } of documents) {
      const words = text.split(/\s+/).filter(Boolean).length;
      expect(words, file).toBeGreaterThanOrEqual(400);
      expect(words, file).toBeLessThanOrEqual(2000);
      expect(text, file).toMatch(/^---\ntitle: .+\nsource: https?:\/\/.+\ndate: \d{4}-\d{2}-\d{2}\n---\n/);
    }
  });

  it("spans several domains and source styles", () => {
    const facts = documents.map((d) => d.facts!);
    expect(new Set(facts.map((f) => f.domain)).size).toBeGreaterThanOrEqual(count === 3 ? 3 : 6);
    expect(new Set(facts.map((f) => f.style)).size).toBeGreaterThanOrEqual(count === 3 ? 3 : 5);
  });

  it("gives every document a key-fact list whose anchors and answers the document states", () => {
    for (const { file, text, facts } of documents) {
      expect(facts, `${file} has no .keyfacts.json`).not.toBeNull();
      expect(KeyFactFileSchema.safeParse(facts).success).toBe(true);
      expect(facts!.document).toBe(path.basename(file));
      expect(facts!.facts.length, file).toBeGreaterThanOrEqual(15);
      const ids = facts!.facts.map((f) => f.id);
      expect(new Set(ids).size, `${file}: duplicate ids`).toBe(ids.length);
      const body = ` ${fold(text)} `;
      for (const fact of facts!.facts) {
        expect(body.includes(` ${fold(fact.anchor)} `), `${file} ${fact.id}: anchor "${fact.anchor}"`).toBe(true);
        const stated = fact.answers.filter((a) => body.includes(` ${fold(a)} `));
        expect(stated.length, `${file} ${fact.id}: no accepted answer is in the text`).toBeGreaterThan(0);
      }
    }
  });
});

describe("generator quality on the corpus (regression guard; issue 13 targets in the header)", () => {
  let report: QualityReport;
  beforeAll(() => {
    report = measureCorpus(defaultInputs());
  }, 120_000);

  it("covers no fewer key facts in any document than on main", () => {
    const covered = Object.fromEntries(
      report.documents.filter((d) => d.keyFacts !== null).map((d) => [path.basename(d.file), d.covered]),
    );
    for (const [file, floor] of Object.entries(COVERED_AT_LEAST))
      expect(covered[file], `${file}: key facts covered`).toBeGreaterThanOrEqual(floor);
    expect(report.unseen.coverage).toBeGreaterThanOrEqual(Math.floor(TOTAL_COVERAGE_AT_LEAST * 1000) / 1000);
  });

  it("asks no more items per key fact, nor per sentence, than on main", () => {
    expect(report.unseen.itemsPerKeyFact).toBeLessThanOrEqual(ITEMS_PER_KEY_FACT_AT_MOST);
    expect(report.totals.maxItemsPerSentence).toBeLessThanOrEqual(MAX_ITEMS_PER_SENTENCE_AT_MOST);
  });

  it("serves no more hand-judged bad items than when last measured, and scores sound items above review", () => {
    const judged = report.judged!;
    const bad = VERDICTS.filter((v) => v !== "sound").reduce((a, v) => a + judged.served[v], 0);
    expect(judged.documents).toBe(defaultInputs().length);
    expect(bad).toBeLessThanOrEqual(JUDGED_BAD_SERVED_AT_MOST);
    expect(judged.served.false).toBeLessThanOrEqual(JUDGED_FALSE_SERVED_AT_MOST);
    expect(judged.separation.soundBelow).toBeLessThanOrEqual(JUDGED_SOUND_FOR_REVIEW_AT_MOST);
  });

  it.each([...DETECTORS])("finds no more %s defects than on main", (detector) => {
    const examples = report.documents
      .flatMap((d) => d.defectList)
      .filter((d) => d.detector === detector)
      .slice(0, 3)
      .map((d) => `${d.prompt} — ${d.message}`);
    expect(report.totals.defects[detector], examples.join("\n")).toBeLessThanOrEqual(DEFECTS_AT_MOST[detector]);
  });
});

describe("generator quality on the held-out documents (never tuned on)", () => {
  let report: QualityReport;
  beforeAll(() => {
    report = measureCorpus(holdoutFiles);
  }, 120_000);

  it("covers no fewer of their key facts than when last measured", () => {
    expect(report.holdout.documents).toBe(3);
    expect(report.holdout.covered).toBeGreaterThanOrEqual(HOLDOUT_COVERED_AT_LEAST);
    expect(report.holdout.itemsPerKeyFact).toBeLessThanOrEqual(2);
  });

  it("finds no more item defects than when last measured (redundancy included: 0 since decision 034)", () => {
    for (const detector of DETECTORS)
      expect(report.totals.defects[detector], detector).toBeLessThanOrEqual(HOLDOUT_DEFECTS_AT_MOST[detector] ?? 0);
  });
});
