import { numberCandidates, pickDistractors } from "./distractors";
import { GAP } from "./gap";
import { coin, gapSentence, makeItem, multipleChoice, swapInSentence, trueFalse, type Kit } from "./item-kit";
import { conversion, formatNumber, numberInAnswer, numberToWords } from "./numbers";
import { CITY_POOL, COUNTRY_POOL, ORGANISATION_POOL, poolFor } from "./pools";
import { analyse } from "./tokens";
import { knownCity, placeKindOf } from "./place-kind";
import { tidy } from "./text";
import type { DefinitionFact, GeneratedItem, ObjectiveFact, OrganisationFact, PlaceFact, QuantityFact } from "./types";

/** "650 million" → 650000000 (distractors are formatted for display). */
function numberInText(text: string): number {
  return numberInAnswer(text) ?? Number(text);
}

const ABOUT = new Set(["around", "about", "approximately", "roughly", "nearly", "almost", "some", "an estimated"]);

/** "around 500" → "500" (the hedge goes into the question); "more than 350" stays. */
function quantityAnswer(q: QuantityFact, value = q.value): string {
  return q.modifier && !ABOUT.has(q.modifier) ? `${q.modifier} ${formatNumber(value)}` : formatNumber(value);
}

/** The values of the document's quantities, in order: found once per document, not for each quantity. */
function quantityValues(facts: Kit["facts"]): readonly number[] {
  let values = valuesOf.get(facts);
  if (!values) valuesOf.set(facts, (values = facts.flatMap((f) => (f.type === "quantity" ? [f.value] : []))));
  return values;
}
const valuesOf = new WeakMap<Kit["facts"], number[]>();

/** Count questions (multiple choice, typed), a cloze on the number, and a true/false with a near number. */
export function quantityItems(kit: Kit, q: QuantityFact): GeneratedItem[] {
  if (q.measure) return amountItems(kit, q, q.measure);
  if (q.upTo !== undefined) return rangeItems(q);
  const items: GeneratedItem[] = [];
  const rng = kit.rngFor(q.key);
  const answer = quantityAnswer(q);
  const accepted = [q.valueText, String(q.value)];
  const docValues = quantityValues(kit.facts);
  const near = pickDistractors(
    formatNumber(q.value),
    numberCandidates(q.value, docValues).map((t) => t.map((v) => formatNumber(Number(v)))),
    [],
    rng,
  );
  const distractors = near?.map((v) => quantityAnswer(q, numberInText(v)));
  const topic = "figures" as const;
  if (q.question) {
    const prompt = q.modifier && ABOUT.has(q.modifier) ? q.question.replace(/^How many/, "About how many") : q.question;
    const mc = multipleChoice(
      kit,
      q,
      { variant: "count", prompt, answer, accepted, answerType: "number", topic },
      distractors,
    );
    if (mc) items.push(mc);
    items.push(makeItem(q, { kind: "typed", variant: "count", prompt, answer, accepted, answerType: "number", topic }));
  }
  const numberText = q.valueText.replace(new RegExp(`^${q.modifier ?? ""}\\s*`, "i"), "");
  const found = gapSentence(q.source.text, numberText);
  const gapped = found && conversion.dropAfterGap(found);
  if (gapped) {
    items.push(
      makeItem(q, {
        kind: "cloze",
        variant: "number",
        prompt: `Fill in the blank: ${gapped}`,
        answer: formatNumber(q.value),
        accepted: [numberText],
        answerType: "number",
        topic,
      }),
    );
    if (!q.question) {
      const mc = multipleChoice(
        kit,
        q,
        {
          variant: "cloze-number",
          prompt: `Which number fills the blank? ${gapped}`,
          answer: formatNumber(q.value),
          accepted: [numberText],
          answerType: "number",
          topic,
        },
        near,
      );
      if (mc) items.push(mc);
    }
  }
  if (near && !coin(kit, q.key)) {
    const wrong = /^\d/.test(numberText) ? near[0] : numberToWords(numberInText(near[0]));
    const swapped = swapInSentence(q.source.text, numberText, wrong);
    if (swapped) items.push(trueFalse(q, "number", swapped, false, topic, 0.1));
  } else items.push(trueFalse(q, "number", q.source.text, true, topic));
  return items;
}

/**
 * A range ("60 to 80 people", "between two and three months"), asked whole: "How many people …?" typed, and a cloze
 * whose blank holds both ends ("every _____ months" → "two to three"). The grader wants both ends (grade-facts.ts
 * `gradeNumber`). No multiple choice or true/false: a range shifted by hand would be an invented figure.
 */
function rangeItems(q: QuantityFact): GeneratedItem[] {
  const items: GeneratedItem[] = [];
  // "60 to 110 minutes" answers "every _____ minutes" too.
  const accepted = q.what.split(" ").length <= 3 ? [`${q.valueText} ${q.what}`] : [];
  const spec = { answer: q.valueText, accepted, answerType: "number" as const, topic: "figures" as const };
  if (q.question) items.push(makeItem(q, { ...spec, kind: "typed", variant: "count", prompt: q.question }));
  const found = gapSentence(q.source.text, q.valueText);
  const gapped = found && conversion.dropAfterGap(found);
  if (gapped)
    items.push(makeItem(q, { ...spec, kind: "cloze", variant: "number", prompt: `Fill in the blank: ${gapped}` }));
  return items;
}

/**
 * A sum of money or a clock time, asked as written ("close to _____" → "€400 million", "at _____" → "09:00 CEST"): a
 * cloze, a multiple choice whose other options are the document's other sums (times), else near ones written alike,
 * and a true/false.
 */
function amountItems(kit: Kit, q: QuantityFact, measure: "money" | "time" | "percent"): GeneratedItem[] {
  const written = q.valueText.replace(new RegExp(`^${q.modifier ?? ""}\\s*`, "i"), "");
  const gapped = gapSentence(q.source.text, written);
  if (!gapped) return [];
  const items: GeneratedItem[] = [];
  const rng = kit.rngFor(q.key);
  const topic = "figures" as const;
  const same = kit.facts.flatMap((f) =>
    f.type === "quantity" && f.measure === measure && f.unit === q.unit && f.valueText !== q.valueText
      ? [f.valueText.replace(new RegExp(`^${f.modifier ?? ""}\\s*`, "i"), "")]
      : [],
  );
  const alike = same.filter((t) => shapeOf(t) === shapeOf(written));
  const near =
    measure === "time"
      ? shiftedTimes(written)
      : numberCandidates(q.value, [])
          .flat()
          .map((v) => writtenLike(written, Number(v)));
  const options = pickDistractors(written, [alike, near.filter((t): t is string => !!t)], [], rng);
  // "1–2 %" is a range: graded as written, since its first number alone is not the answer.
  const range = measure === "percent" && /\d\s?[–-]\s?\d/.test(written);
  const spec = {
    answer: written,
    accepted: measure === "time" ? timeVariants(written) : range ? [] : [formatNumber(q.value), String(q.value)],
    // A time is graded as a number: "9:00" answers "09:00 CEST", "9:30" does not (grade-facts.ts reads clock times).
    answerType: range ? ("text" as const) : ("number" as const),
    topic,
  };
  items.push(makeItem(q, { ...spec, kind: "cloze", variant: measure, prompt: `Fill in the blank: ${gapped}` }));
  const which = measure === "money" ? "amount" : measure === "percent" ? "percentage" : "time";
  const mc = multipleChoice(
    kit,
    q,
    { ...spec, variant: `cloze-${measure}`, prompt: `Which ${which} fills the blank? ${gapped}` },
    options,
  );
  if (mc) items.push(mc);
  if (options && !coin(kit, q.key))
    items.push(trueFalse(q, measure, gapped.replace(GAP, options[0]!), false, topic, 0.1));
  else items.push(trueFalse(q, measure, q.source.text, true, topic));
  return items;
}

/** "€400 million" and "€1.2 billion" alike; "10:00–17:00" unlike "11:00": the pattern of digits and signs. */
function shapeOf(text: string): string {
  return text.replace(/\d+/g, "9").replace(/\b(?:million|billion|thousand|trillion)\b/g, "x");
}

/**
 * `value` written like `text`: "€400 million" + 300000000 → "€300 million"; "400 million euros" → "300 million euros";
 * "45 %" + 60 → "60 %" (a percentage never above 100, a range "1–2 %" never rewritten).
 */
function writtenLike(text: string, value: number): string | undefined {
  if (/(?:%|per ?cent|percent)$/.test(text)) {
    const number = /^[\d.,]+/.exec(text)?.[0];
    return number && value <= 100 && !/[–-]/.test(text)
      ? `${formatNumber(value)}${text.slice(number.length)}`
      : undefined;
  }
  const sign = /^[£€$¥]\s?/.exec(text)?.[0];
  const formatted = formatNumber(value);
  if (sign)
    return /million|billion|trillion/.test(text) === /million|billion|trillion/.test(formatted)
      ? `${sign}${formatted}`
      : undefined;
  const currency = text.split(/\s+/).pop()!;
  return `${formatted} ${currency}`;
}

/** Times an hour or two earlier or later, written alike ("09:00 CEST" → "10:00 CEST", "11:00 CEST", "08:00 CEST"). */
function shiftedTimes(text: string): string[] {
  const twelveHour = /\d\s?[ap]\.?m\b/i.test(text);
  return [60, -60, 120, -120, 30].flatMap((shift) => {
    let bad = false;
    const out = text.replace(/\b(\d{1,2}):(\d{2})\b/g, (_, h: string, m: string) => {
      const total = Number(h) * 60 + Number(m) + shift;
      // "11:00 a.m." an hour later is not "12:00 a.m.": a twelve-hour time stays within its half of the day.
      const hour = Math.floor(total / 60);
      if (total < 0 || hour >= 24 || (twelveHour && (Number(h) === 12 || hour < 1 || hour > 11))) bad = true;
      const hh = String(Math.floor(total / 60)).padStart(h.startsWith("0") ? 2 : 1, "0");
      return `${hh}:${String(total % 60).padStart(2, "0")}`;
    });
    return bad ? [] : [out];
  });
}

/** Other ways to write a time: without its zone, without a leading zero, "to" for a dash. */
function timeVariants(text: string): string[] {
  const bare = text.replace(/\s?(?:[A-Z]{3,4}|a\.m\.|p\.m\.|am|pm)$/, "");
  const forms = [text, bare].flatMap((t) => [t, t.replace(/\b0(\d):/g, "$1:")]);
  const spans = forms.flatMap((t) => [t, t.replace(/\s?[–-]\s?/, " to "), t.replace(/\s?[–-]\s?/, "-")]);
  return [...new Set(spans)].filter((t) => t !== text);
}

/**
 * "the " when the sentence gives a name the definite article ("the European Space Agency", "the NATO-led
 * Stabilisation Force"), "a "/"an " when it gives it an indefinite one ("a Fellow of the Royal Society"), else ""
 * ("NATO Mission Iraq"): "What is the abbreviation of European Space Agency?" reads as a slip.
 * @example articleFor('European Space Agency', 'a partnership of NASA and the European Space Agency (ESA)') // 'the '
 */
export function articleFor(name: string, sentence: string): string {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // The article may stand before a name or a hyphenated modifier: "the NATO-led Stabilisation Force", "the EU's Common …".
  const modifier = "(?:\\p{Lu}[\\p{L}-]*|\\p{L}+-[\\p{L}-]+)(?:['’]s)?\\s+";
  if (new RegExp(`\\b[Tt]he\\s+(?:${modifier}){0,2}?${escaped}\\b`, "u").test(sentence)) return "the ";
  // "elected a Fellow of the Royal Society (FRS)": a title the sentence gives an indefinite article keeps it.
  const indefinite = new RegExp(`\\b(an?)\\s+${escaped}\\b`, "u").exec(sentence)?.[1];
  return indefinite ? `${indefinite} ` : "";
}

/** Acronyms ("What does NMI stand for?") and, for other names, a cloze in their sentence. */
export function organisationItems(
  kit: Kit,
  o: OrganisationFact,
  mentions: ReadonlyMap<string, number>,
): GeneratedItem[] {
  const items: GeneratedItem[] = [];
  const rng = kit.rngFor(o.key);
  const topic = "organisations" as const;
  const docNames = kit.facts.flatMap((f) => (f.type === "organisation" && f.name !== o.name ? [f.name] : []));
  const accepted = acceptedNames(o.name);
  if (o.acronym) {
    const d = pickDistractors(
      o.name,
      [docNames.filter((n) => n.split(" ").length > 1), poolFor(o.name, ORGANISATION_POOL)],
      [],
      rng,
    );
    const spec = {
      variant: "acronym",
      prompt: `What does ${o.acronym} stand for?`,
      answer: o.name,
      accepted,
      answerType: "organisation" as const,
      topic,
    };
    const mc = multipleChoice(kit, o, spec, d);
    if (mc) items.push(mc);
    items.push(makeItem(o, { ...spec, kind: "typed" }));
    items.push(
      makeItem(o, {
        kind: "flashcard",
        variant: "abbreviation",
        prompt: `What is the abbreviation of ${articleFor(o.name, o.source.text)}${o.name}?`,
        answer: o.acronym,
        answerType: "text",
        topic: "definitions",
      }),
    );
    return items;
  }
  if ((mentions.get(o.name) ?? 0) > 3) return items; // named everywhere: gapping it tests nothing
  const gapped = gapSentence(o.source.text, o.name);
  if (!gapped) return items;
  items.push(
    makeItem(o, {
      kind: "cloze",
      variant: "name",
      prompt: `Fill in the blank: ${gapped}`,
      answer: o.name,
      accepted,
      answerType: "organisation",
      topic,
    }),
  );
  const inSentence = docNames.filter((n) => tidy(o.source.text).includes(n));
  const d = pickDistractors(o.name, [docNames, poolFor(o.name, ORGANISATION_POOL)], inSentence, rng);
  const mc = multipleChoice(
    kit,
    o,
    {
      variant: "cloze-name",
      prompt: `Which name fills the blank? ${gapped}`,
      answer: o.name,
      accepted,
      answerType: "organisation",
      topic,
    },
    d,
  );
  if (mc) items.push(mc);
  return items;
}

/** "Allied Joint Force Command (JFC) Naples" is also "Allied Joint Force Command Naples" and "JFC Naples". */
function acceptedNames(name: string): string[] {
  const m = /^(.*?)\s*\(([A-Z][A-Z0-9/-]+)\)\s*(.*)$/.exec(name);
  if (!m) return [];
  return [`${m[1]} ${m[3]}`.trim(), `${m[2]} ${m[3]}`.trim()];
}

let placesOfKinds: { facts: Kit["facts"]; cues: Kit["placeCues"]; byKind: Map<string, string[]> } | undefined;

/** The document's place names by kind (place-kind.ts), each once, in fact order: found once per document. */
function placesOfKind(kit: Kit): ReadonlyMap<string, string[]> {
  if (placesOfKinds?.facts !== kit.facts || placesOfKinds.cues !== kit.placeCues) {
    const sets = new Map<string, Set<string>>();
    for (const f of kit.facts) {
      if (f.type !== "place") continue;
      const kind = placeKindOf(f.name, kit.placeCues);
      sets.set(kind, (sets.get(kind) ?? new Set()).add(f.name));
    }
    const byKind = new Map([...sets].map(([kind, names]) => [kind, [...names]]));
    placesOfKinds = { facts: kit.facts, cues: kit.placeCues, byKind };
  }
  return placesOfKinds.byKind;
}

/** "Where …?" questions, and clozes on places the document names only a few times. */
export function placeItems(kit: Kit, p: PlaceFact, mentions: ReadonlyMap<string, number>): GeneratedItem[] {
  const items: GeneratedItem[] = [];
  const rng = kit.rngFor(p.key);
  const topic = "places" as const;
  // Only places of the answer's kind (place-kind.ts); the pools are offered to a country or a town of their kind.
  const kind = placeKindOf(p.name, kit.placeCues);
  const docPlaces = kind === "unknown" ? [] : (placesOfKind(kit).get(kind) ?? []);
  const inSentence = docPlaces.filter((n) => tidy(p.source.text).includes(n));
  const pool = kind === "country" ? COUNTRY_POOL : kind === "settlement" && knownCity(p.name) ? CITY_POOL : [];
  const d = pickDistractors(p.name, [docPlaces, pool], inSentence, rng);
  if (p.question) {
    const spec = { variant: "where", prompt: p.question, answer: p.name, answerType: "place" as const, topic };
    const mc = multipleChoice(kit, p, spec, d);
    if (mc) items.push(mc);
    items.push(makeItem(p, { ...spec, kind: "typed" }));
  }
  if ((mentions.get(p.name) ?? 0) <= 3) {
    const gapped = gapSentence(p.source.text, p.name);
    if (gapped) {
      items.push(
        makeItem(p, {
          kind: "cloze",
          variant: "place",
          prompt: `Fill in the blank: ${gapped}`,
          answer: p.name,
          answerType: "place",
          topic,
        }),
      );
      if (!p.question) {
        const mc = multipleChoice(
          kit,
          p,
          {
            variant: "cloze-place",
            prompt: `Which place fills the blank? ${gapped}`,
            answer: p.name,
            answerType: "place",
            topic,
          },
          d,
        );
        if (mc) items.push(mc);
      }
    }
  }
  return items;
}

/** "What is NMI?" flashcard, a cloze on the defining modifier, and a true/false. */
export function definitionItems(kit: Kit, def: DefinitionFact, firstForSubject: boolean): GeneratedItem[] {
  const items: GeneratedItem[] = [];
  const topic = "definitions" as const;
  const isPerson = kit.facts.some((f) => f.type === "person" && f.name === def.subject);
  // The sentence's own tense, also when its subject is a pronoun ("He was a strict vegetarian" → "was").
  const verb =
    new RegExp(`\\b${def.subject.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?:\\s+\\([^()]*\\))?,?\\s+was\\b`).test(
      tidy(def.source.text),
    ) || /^(?:[^,]{0,60}, )?(?:He|She|It|he|she|it)\s+was\b/.test(tidy(def.source.text))
      ? "was"
      : "is";
  if (firstForSubject)
    items.push(
      makeItem(def, {
        kind: "flashcard",
        variant: "what-is",
        // "Augusta Ada King, Countess of Lovelace, was …": the appositive's closing comma is not part of the name.
        prompt: `${isPerson ? "Who" : "What"} ${verb} ${def.subject.replace(/[,;:]\s*$/, "")}?`,
        answer: def.is,
        answerType: "text",
        topic,
      }),
    );
  // A person's card already asks the role ("Who was X?" → "an Indian mathematician"): a blank on its key word
  // ("an Indian _____") would ask it again.
  const key = !(isPerson && firstForSubject) && keyWord(def.is);
  const gapped = key && gapSentence(def.source.text, key);
  const readable = gapped && /^It\b/.test(gapped) ? `${def.subject}${gapped.slice(2)}` : gapped;
  if (key && readable)
    items.push(
      makeItem(def, {
        kind: "cloze",
        variant: "key-word",
        prompt: `Fill in the blank: ${readable}`,
        answer: key,
        answerType: "text",
        topic,
      }),
    );
  const others = kit.facts.filter(
    (f): f is DefinitionFact =>
      f.type === "definition" &&
      f.subject !== def.subject &&
      !f.subject.includes(def.subject) &&
      !def.subject.includes(f.subject) &&
      // A person's description on a ship ("The Great Western was a British engineer") is false but teaches nothing.
      kit.facts.some((p) => p.type === "person" && p.name === f.subject) === isPerson,
  );
  if (others.length > 0 && !coin(kit, def.key))
    items.push(trueFalse(def, "definition", `${def.subject} ${verb} ${others[0].is}`, false, topic, 0.1));
  else items.push(trueFalse(def, "definition", `${def.subject} ${verb} ${def.is}`, true, topic));
  return items;
}

/** The word that carries a definition: its first adjective ("non-combat"), else its head noun. */
function keyWord(phrase: string): string | undefined {
  const words = phrase.replace(/^(?:a|an|the|one of)\s+/i, "").split(/\s+/);
  const doc = analyse(phrase);
  const adjectives = new Set(doc.adjectives().out("array") as string[]);
  const first = words[0];
  if (first && ((adjectives.has(first) && first.length >= 5) || /-/.test(first))) return first;
  return words.find((w) => /^[a-z]{5,}$/.test(w) && !adjectives.has(w));
}

/** Objective flashcards ("What is NMI designed to do?") and clozes on a key noun phrase of each objective. */
export function objectiveItems(kit: Kit, o: ObjectiveFact): GeneratedItem[] {
  const items: GeneratedItem[] = [];
  const topic = "objectives" as const;
  if (o.question)
    items.push(
      makeItem(o, {
        kind: "flashcard",
        variant: "goal",
        prompt: o.question,
        answer: o.objective,
        answerType: "text",
        topic,
      }),
    );
  const phrase = keyPhrase(o.objective);
  const gapped = phrase && gapSentence(o.source.text, phrase);
  if (phrase && gapped) {
    // A list item under "its objectives are:" starts with "It": name the subject so the gap can be read alone.
    const prompt = o.subject && /^It\b/.test(gapped) ? `${o.subject}${gapped.slice(2)}` : gapped;
    items.push(
      makeItem(o, {
        kind: "cloze",
        variant: "key-phrase",
        prompt: `Fill in the blank: ${prompt}`,
        answer: phrase,
        answerType: "text",
        topic,
      }),
    );
  }
  void kit;
  return items;
}

/** A gap worth learning: a capitalised name inside the sentence, else its longest 2–4 word noun phrase. */
function keyPhrase(text: string): string | undefined {
  const names = [
    ...text
      .slice(1)
      .matchAll(/(?<![\w'’])([A-Z][\w'’-]+(?:(?:,?\s(?:and\s)?|\s(?:of|for)\s(?:the\s)?)[A-Z][\w'’-]+)+)/g),
  ].map((m) => m[1]);
  const named = names.find((n) => !/^(?:It|The|In)\b/.test(n));
  if (named) return named;
  const nouns = (analyse(text).nouns().out("array") as string[]).map((n) =>
    n.replace(/^(?:the|a|an|its|their)\s+/i, "").replace(/[,.;:]+$/, ""),
  );
  const fit = nouns.filter(
    (n) => /^[a-z]/.test(n) && n.split(" ").length >= 2 && n.split(" ").length <= 4 && !/\band\b/.test(n),
  );
  return fit.sort((a, b) => b.length - a.length)[0];
}
