import { pickDistractors } from "./distractors";
import { singlesOut } from "./extract-definitions";
import { gapSentence, makeItem, multipleChoice, type Kit } from "./item-kit";
import { joinSources, tidy } from "./text";
import type { GeneratedItem, TermFact } from "./types";

const topic = "definitions" as const;

/**
 * The document's other common-noun terms: what it names ("pores called stomata"), glosses or lists in a glossary.
 * Real terms of the same document, so a distractor is never invented and is of the answer's kind.
 */
function siblingTerms(kit: Kit, f: TermFact): string[] {
  const terms = kit.facts.flatMap((o) => {
    // Named or listed as a term by the document itself; an appositive's or a material's noun may be a plain word.
    if (o.type === "term" && !o.proper && /^(?:naming|glossary|definition)$/.test(o.shape)) return [o.term];
    if (o.type === "statement" && o.role === "term" && !/\p{Lu}/u.test(o.focus)) return [o.focus.replace(/^the /, "")];
    return [];
  });
  return [...new Set(terms)].filter((t) => t.toLowerCase() !== f.term.toLowerCase());
}

/**
 * Items for a term (extract-terms.ts): recall — the term blanked in its sentence (with the sentence before when the
 * sentence only reads after it), or, for a glossary entry or an abbreviation, the term asked from its meaning — and
 * recognition — multiple choice among the document's other terms — where a common-noun term has three siblings.
 *
 * @example
 * termItems(kit, { type: 'term', term: 'photolysis', shape: 'appositive', … })[0].prompt
 * // 'Fill in the blank: The missing electrons are replaced by splitting water, a step called _____, …'
 */
export function termItems(kit: Kit, f: TermFact): GeneratedItem[] {
  const rng = kit.rngFor(f.key);
  const exclude = [f.term, ...(f.meaning ? [f.meaning] : [])];
  if (f.shape === "abbreviation") {
    return [
      makeItem(f, {
        kind: "typed",
        variant: "term-stands-for",
        prompt: `What does ${f.term} stand for?`,
        answer: f.meaning!,
        answerType: "text",
        topic,
      }),
    ];
  }
  if (f.shape === "definition")
    return definitionItems(kit, f, pickDistractors(f.term, [siblingTerms(kit, f)], exclude, rng));
  if (f.shape === "glossary") {
    const spec = {
      variant: "term-glossary",
      prompt: `Which term means: ${f.meaning!.replace(/[.;:]$/, "")}?`,
      answer: f.term,
      answerType: "text" as const,
      topic,
    };
    const items = [makeItem(f, { ...spec, kind: "typed" })];
    const mc = !f.proper && multipleChoice(kit, f, spec, pickDistractors(f.term, [siblingTerms(kit, f)], exclude, rng));
    if (mc) items.push(mc);
    return items;
  }
  const gapped = gapSentence(f.source.text, f.term);
  if (!gapped) return [];
  const lead = f.lead ? `${tidy(f.lead.text)} ` : "";
  const source = f.lead ? joinSources([f.lead, f.source]) : f.source;
  const items = [
    makeItem(f, {
      kind: "cloze",
      variant: `term-${f.shape}`,
      prompt: `Fill in the blank: ${lead}${gapped}`,
      answer: f.term,
      accepted: f.term.startsWith("the ") ? [f.term.slice(4)] : [],
      answerType: "text",
      topic,
      source,
    }),
  ];
  if (!f.proper && f.shape !== "material") {
    const mc = multipleChoice(
      kit,
      f,
      {
        variant: `term-${f.shape}`,
        prompt: `Which term fills the blank? ${lead}${gapped}`,
        answer: f.term,
        answerType: "text",
        topic,
        source,
      },
      pickDistractors(f.term, [siblingTerms(kit, f)], exclude, rng),
    );
    if (mc) items.push(mc);
  }
  return items;
}

/**
 * A definition (extract-definitions.ts): the definiens asked from the term ("What is an enzyme?" → "a protein that
 * speeds up …", a flashcard, since a definition in the learner's own words cannot be graded by string), and the term
 * from the definiens ("What is a protein that speeds up …?" → "enzyme", typed, or multiple choice among the
 * document's other terms). "X means that …" is asked one way only: a clause names no term to ask for.
 *
 * @example
 * definitionItems(kit, { term: 'enzyme', meaning: 'a protein that …', copula: 'is', article: 'an', … }, [])[0].prompt
 * // 'What is an enzyme?'
 */
function definitionItems(kit: Kit, f: TermFact, distractors: string[] | undefined): GeneratedItem[] {
  const meaning = f.meaning!;
  const named = f.article ? `${f.article} ${f.term}` : f.term;
  const means = f.copula === "means";
  const items = [
    makeItem(f, {
      kind: "flashcard",
      variant: "term-definition",
      prompt: means ? `What does ${named} mean?` : `What is ${named}?`,
      answer: meaning,
      answerType: "text",
      topic,
    }),
  ];
  if (means && /^that\b/.test(meaning)) return items;
  // "What is an element that every living cell needs?" has many right answers: asked back only where the definiens
  // singles the term out (extract-definitions.ts `singlesOut`); otherwise the forward card alone.
  if (!singlesOut({ term: f.term, meaning, copula: f.copula, article: f.article })) return items;
  const spec = {
    variant: "term-definition",
    prompt: means ? `Which term means: ${meaning}?` : `What is ${meaning}?`,
    answer: f.term,
    accepted: f.article ? [named] : f.term.startsWith("the ") ? [f.term.slice(4)] : [],
    answerType: "text" as const,
    topic,
  };
  items.push(makeItem(f, { ...spec, kind: "typed" }));
  const mc = !f.proper && multipleChoice(kit, f, spec, distractors);
  if (mc) items.push(mc);
  return items;
}
