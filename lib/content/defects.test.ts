import { describe, expect, it } from "vitest";
import {
  acronymMismatch,
  promptUnsupported,
  tableHeadings,
  pronounResolution,
  answerInPrompt,
  answerPunctuation,
  barePronounOpening,
  blankOnCommonWord,
  capitalMidQuestion,
  captionSource,
  coordinatedCount,
  countByDetector,
  DEFAULT_LIMITS,
  detectDefects,
  DETECTORS,
  documentLists,
  duplicateOptions,
  frontedPhraseQuestion,
  hasFiniteVerb,
  inventedDistractor,
  itAntecedent,
  leadInSource,
  malformedPrompt,
  optionTypeMismatch,
  redundancy,
  sameListDistractor,
  splitToken,
  spellingVariantOptions,
  subordinatorAfterWh,
  tfClaimUnsupported,
  truncatedName,
} from "./defects";
import type { GeneratedItem } from "./types";

/** A hand-made item: a typed question unless overridden; `source.text` defaults to a sentence stating the answer. */
function item(overrides: Partial<GeneratedItem> & { sourceText?: string; sourceStart?: number } = {}): GeneratedItem {
  const { sourceText, sourceStart, ...rest } = overrides;
  const text = sourceText ?? "NATO agreed to establish the mission in October 2018.";
  const start = sourceStart ?? 0;
  return {
    key: "k",
    factKey: "f",
    kind: "typed",
    prompt: "When did NATO agree to establish the mission?",
    answer: "October 2018",
    accepted: [],
    options: null,
    answerType: "date",
    topic: "dates",
    difficulty: 0.5,
    source: { text, start, end: start + text.length },
    ...rest,
  };
}

const mc = (prompt: string, answer: string, options: string[], extra: Parameters<typeof item>[0] = {}) =>
  item({ kind: "multiple_choice", prompt, answer, options, answerType: "place", ...extra });

describe("subordinatorAfterWh", () => {
  it("flags a subordinator or fronted adverbial moved behind the auxiliary", () => {
    expect(
      subordinatorAfterWh(item({ prompt: "When did although the treaty was signed, it enter into force?" })),
    ).toHaveLength(1);
    expect(subordinatorAfterWh(item({ prompt: "When did after the war the canal reopen?" }))).toHaveLength(1);
    expect(subordinatorAfterWh(item({ prompt: "What did in 2019, NATO decide?" }))).toHaveLength(1);
  });
  it("passes well-formed questions, including subordinate clauses later in the question", () => {
    expect(subordinatorAfterWh(item({ prompt: "When did the canal open?" }))).toEqual([]);
    expect(subordinatorAfterWh(item({ prompt: "Who took over after Stevens resigned?" }))).toEqual([]);
    expect(subordinatorAfterWh(item({ prompt: "When did NATO deploy a team in Baghdad?" }))).toEqual([]);
  });
});

describe("barePronounOpening", () => {
  it("flags statements and questions that open with a pronoun or demonstrative", () => {
    expect(
      barePronounOpening(item({ kind: "true_false", prompt: "True or false: He will command NMI." })),
    ).toHaveLength(1);
    expect(
      barePronounOpening(item({ kind: "cloze", prompt: "Fill in the blank: This campaign began in _____." })),
    ).toHaveLength(1);
    expect(barePronounOpening(item({ prompt: "When did they reach Cambridge?" }))).toHaveLength(1);
    expect(
      barePronounOpening(item({ kind: "cloze", prompt: "Fill in the blank: In 1907, he resigned as _____." })),
    ).toHaveLength(1);
    const noComma = item({ kind: "cloze", prompt: "Fill in the blank: In _____ he married Janaki Ammal." });
    expect(barePronounOpening(noComma)).toHaveLength(1);
  });
  it("passes pronouns that have an antecedent in the same sentence", () => {
    expect(
      barePronounOpening(item({ kind: "cloze", prompt: "Fill in the blank: After Stevens resigned, he left _____." })),
    ).toEqual([]);
    expect(barePronounOpening(item({ prompt: "When did Goethals finish the canal?" }))).toEqual([]);
    expect(barePronounOpening(item({ prompt: "Where did Hardy and his colleague work?" }))).toEqual([]);
  });
});

describe("capitalMidQuestion", () => {
  it("flags a closed-class word left capitalised by a transformation", () => {
    expect(capitalMidQuestion(item({ prompt: "How many units are There in the brigade?" }))).toHaveLength(1);
    expect(capitalMidQuestion(item({ prompt: "When did The mission start?" }))).toHaveLength(1);
  });
  it("passes names and titles that start with a capitalised article", () => {
    expect(capitalMidQuestion(item({ prompt: "When did he borrow A Synopsis of Elementary Results?" }))).toEqual([]);
    expect(capitalMidQuestion(item({ prompt: "Which court sits in The Hague?" }))).toEqual([]);
    expect(capitalMidQuestion(item({ prompt: "Fill in the blank: In 1903, Panama declared _____." }))).toEqual([]);
  });
});

describe("splitToken", () => {
  const cloze = (prompt: string, answer: string) => item({ kind: "cloze", prompt, answer, answerType: "number" });
  it("flags blanks that cut a time, a number, a word or a date", () => {
    expect(splitToken(cloze("Fill in the blank: The launch was at 16:_____ GMT.", "00"))).not.toEqual([]);
    expect(splitToken(cloze("Fill in the blank: About _____,000 troops served.", "7"))).not.toEqual([]);
    expect(splitToken(cloze("Fill in the blank: It sank on _____ August 1628.", "10"))).not.toEqual([]);
    expect(splitToken(cloze("Fill in the blank: NATO agreed in _____ 2018.", "October"))).not.toEqual([]);
    expect(splitToken(cloze("Fill in the blank: The _____-based training moved.", "Jordan"))).not.toEqual([]);
    expect(splitToken(cloze("Fill in the blank: He borrowed G. _____'s book.", "S. Carr"))).not.toEqual([]);
  });
  it("passes blanks on whole tokens", () => {
    expect(splitToken(cloze("Fill in the blank: The launch was at _____ GMT.", "16:00"))).toEqual([]);
    expect(splitToken(cloze("Fill in the blank: It sank on _____.", "10 August 1628"))).toEqual([]);
    expect(splitToken(cloze("Fill in the blank: _____'s term ended in 2019.", "Fortin"))).toEqual([]);
    expect(splitToken(cloze("Fill in the blank: About _____ troops served.", "7,000"))).toEqual([]);
  });
});

describe("truncatedName", () => {
  const place = (answer: string, sourceText: string, answerType: GeneratedItem["answerType"] = "place") =>
    item({ kind: "cloze", prompt: "Fill in the blank: _____", answer, answerType, sourceText });
  it("flags names cut short or starting inside a longer name", () => {
    expect(truncatedName(place("Camp Silver", "The brigade moved to Camp Silver Lake in May."))).toHaveLength(1);
    expect(
      truncatedName(place("Major General Pietro", "Major General Pietro ROSSI took command.", "person")),
    ).toHaveLength(1);
    const typed = item({ answer: "Lake", answerType: "place", sourceText: "The Gatun Dam created Gatun Lake." });
    expect(truncatedName(typed)).toHaveLength(1);
    expect(
      truncatedName(place("Wren Library of Trinity", "It was in the Wren Library of Trinity College.")),
    ).toHaveLength(1);
  });
  it("passes whole names, names after a rank, and list members", () => {
    expect(truncatedName(place("Camp Silver Lake", "The brigade moved to Camp Silver Lake in May."))).toEqual([]);
    expect(truncatedName(place("Pietro ROSSI", "Major General Pietro ROSSI took command.", "person"))).toEqual([]);
    expect(truncatedName(place("Sweden", "Partners include Australia, Sweden and Finland."))).toEqual([]);
    expect(truncatedName(place("Camp Butmir", "The headquarters is Camp Butmir, Sarajevo."))).toEqual([]);
    expect(truncatedName(place("Stockholm", "In Stockholm the ship sank."))).toEqual([]);
    expect(truncatedName(place("Brussels", "At the Brussels Summit NATO agreed."))).toEqual([]); // "the _____ Summit"
    expect(truncatedName(place("Rolf Heuer", "CERN Director-General Rolf Heuer spoke.", "person"))).toEqual([]);
  });
});

describe("answerPunctuation", () => {
  it("flags list debris and unbalanced brackets", () => {
    expect(answerPunctuation(item({ answer: "Baghdad -" }))).toHaveLength(1);
    expect(answerPunctuation(item({ answer: "EOD/" }))).toHaveLength(1);
    expect(answerPunctuation(item({ answer: "Bomb Disposal (EOD/C-IED" }))).toHaveLength(1);
  });
  it("passes clean answers, abbreviations with full stops and balanced brackets", () => {
    expect(answerPunctuation(item({ answer: "Ulysses S. Grant" }))).toEqual([]);
    expect(answerPunctuation(item({ answer: "Bomb Disposal (EOD/C-IED) School" }))).toEqual([]);
  });
});

describe("acronymMismatch", () => {
  it("flags stand-for questions, abbreviation questions and matching pairs whose letters do not fit", () => {
    expect(acronymMismatch(item({ prompt: "What does UNSC stand for?", answer: "Council" }))).toHaveLength(1);
    expect(
      acronymMismatch(item({ prompt: "What is the abbreviation of Panama Canal Authority?", answer: "ACP" })),
    ).toHaveLength(1);
    const matching = item({
      kind: "matching",
      prompt: "Match each abbreviation to what it stands for.",
      pairs: [
        { left: "NMI", right: "NATO Mission Iraq" },
        { left: "JFC", right: "Council" },
      ],
    });
    expect(acronymMismatch(matching)).toHaveLength(1);
    expect(acronymMismatch(item({ prompt: "What does NMI stand for?", answer: "NATO Mission Iraq" }))).toEqual([]);
  });
});

describe("options", () => {
  it("flags spelling variants of one another, of the answer, and name variants of a person", () => {
    const variants = mc("Which body?", "World Health Organisation", [
      "World Health Organisation",
      "World Health Organization",
      "World Bank",
      "United Nations",
    ]);
    expect(spellingVariantOptions(variants)).toHaveLength(1);
    const people = mc(
      "Who rebuilt the railroad?",
      "John F. Stevens",
      ["John F. Stevens", "John Stevens", "George Washington Goethals", "William C. Gorgas"],
      { answerType: "person" },
    );
    expect(spellingVariantOptions(people)).toHaveLength(1);
  });
  it("passes distinct entities that look alike, and nearby dates", () => {
    expect(spellingVariantOptions(mc("Which?", "Austria", ["Austria", "Australia", "Slovakia", "Slovenia"]))).toEqual(
      [],
    );
    expect(
      spellingVariantOptions(
        mc("When?", "5 March 2018", ["5 March 2018", "15 March 2018", "July 2016", "2019"], { answerType: "date" }),
      ),
    ).toEqual([]);
  });
  it("flags duplicate options", () => {
    expect(duplicateOptions(mc("Where?", "Baghdad", ["Baghdad", "baghdad", "Taji", "Besmaya"]))).toHaveLength(1);
    expect(duplicateOptions(mc("Where?", "Baghdad", ["Baghdad", "Basra", "Taji", "Besmaya"]))).toEqual([]);
  });
  it("flags options not of the answer's type", () => {
    expect(
      optionTypeMismatch(
        mc("When?", "July 2018", ["July 2018", "Baghdad", "2016", "May 2019"], { answerType: "date" }),
      ),
    ).toHaveLength(1);
    expect(
      optionTypeMismatch(mc("How many?", "500", ["500", "350", "many", "eight"], { answerType: "number" })),
    ).toHaveLength(1);
    expect(
      optionTypeMismatch(
        mc("Who?", "Jens Stoltenberg", ["Jens Stoltenberg", "Dany Fortin", "in 2018", "Jennie Carignan"], {
          answerType: "person",
        }),
      ),
    ).toHaveLength(1);
    expect(
      optionTypeMismatch(
        mc("When?", "July 2018", ["July 2018", "2016", "May 2019", "5 March 2018"], { answerType: "date" }),
      ),
    ).toEqual([]);
  });
});

describe("sameListDistractor", () => {
  const doc = [
    "# Canal",
    "",
    "The original canal has three sets of locks:",
    "",
    "- the Gatun Locks, on the Atlantic side;",
    "- the Pedro Miguel Locks;",
    "- the Miraflores Locks, on the Pacific side.",
    "",
    "Partners include Australia, Sweden and Finland.",
  ].join("\n");
  it("reads bulleted lists", () => {
    expect(documentLists(doc)).toEqual([
      [
        "the Gatun Locks, on the Atlantic side;",
        "the Pedro Miguel Locks;",
        "the Miraflores Locks, on the Pacific side.",
      ],
    ]);
  });
  it("flags another member of the same inline or bulleted list offered as wrong", () => {
    const inline = mc("Which partner country is named?", "Sweden", ["Sweden", "Finland", "Chile", "Peru"], {
      sourceText: "Partners include Australia, Sweden and Finland.",
    });
    expect(sameListDistractor(inline, { documentText: doc })).toHaveLength(1);
    const options = ["Gatun Locks", "Miraflores Locks", "Agua Clara Locks", "Cocolí Locks"];
    const bulleted = mc("Which of these is one of the original locks?", "Gatun Locks", options, {
      sourceText: "The original canal has three sets of locks:",
    });
    expect(sameListDistractor(bulleted, { documentText: doc })).toHaveLength(1);
  });
  it("passes other members when the item is about one entry of the list", () => {
    const options = ["Gatun Locks", "Miraflores Locks", "Agua Clara Locks", "Cocolí Locks"];
    const oneEntry = mc("Which place fills the blank? The _____, on the Atlantic side;", "Gatun Locks", options, {
      sourceText: "the Gatun Locks, on the Atlantic side;",
    });
    expect(sameListDistractor(oneEntry, { documentText: doc })).toEqual([]);
  });
  it("flags a NOT question whose answer is in the list, and passes a right one", () => {
    const options = ["Gatun Locks", "Pedro Miguel Locks", "Miraflores Locks", "Agua Clara Locks"];
    const wrong = mc("Which of these is NOT one of the original locks?", "Miraflores Locks", options);
    expect(sameListDistractor(wrong, { documentText: doc })).toHaveLength(1);
    const right = mc("Which of these is NOT one of the original locks?", "Agua Clara Locks", options);
    expect(sameListDistractor(right, { documentText: doc })).toEqual([]);
  });
  it("passes distractors from elsewhere in the document", () => {
    const fine = mc("Which partner country is named?", "Sweden", ["Sweden", "Chile", "Peru", "Japan"], {
      sourceText: "Partners include Australia, Sweden and Finland.",
    });
    expect(sameListDistractor(fine, { documentText: doc })).toEqual([]);
  });
});

describe("inventedDistractor", () => {
  const known = ["The Gatun Locks and the Miraflores Locks.", "Camp Taji lies north of Baghdad."];
  it("flags options no document states and the pool lacks", () => {
    const invented = mc("Which camp?", "Camp Taji", ["Camp Taji", "Camp Fictional", "Baghdad", "Brussels"]);
    const defects = inventedDistractor(invented, { knownTexts: known, pool: ["Brussels"] });
    expect(defects.map((d) => d.message)).toEqual(['"Camp Fictional" is in no document and not in the pool']);
  });
  it("does not judge dates and numbers, nor run without the library", () => {
    const dates = mc("When?", "1914", ["1914", "1915", "1916", "1917"], { answerType: "date" });
    expect(inventedDistractor(dates, { knownTexts: known })).toEqual([]);
    expect(inventedDistractor(mc("Which camp?", "Camp Taji", ["Camp Taji", "X", "Y", "Z"]))).toEqual([]);
  });
});

describe("captionSource", () => {
  const doc = [
    "# Canal",
    "",
    "The canal opened on 15 August 1914.",
    "",
    "Workers in the Culebra Cut, 1913. Photograph: Panama Canal Museum",
    "",
    "The Chain Bridge over the Danube in Budapest, opened in 1849.",
    "",
    "Old Faithful erupting at dusk.",
    "",
    "- Launch date: 25 December 2021, 12:20 GMT",
    "",
    "NATO Secretary General Jens Stoltenberg views activities at Camp Besmaya, Iraq, March 5, 2018. He greeted trainers.",
  ].join("\n");
  const at = (sentence: string) =>
    item({
      kind: "cloze",
      prompt: "Fill in the blank: _____",
      sourceText: sentence,
      sourceStart: doc.indexOf(sentence),
    });
  it("tells finite verbs from participles and names", () => {
    expect(hasFiniteVerb("The canal opened on 15 August 1914.")).toBe(true);
    expect(hasFiniteVerb("Workers in the Culebra Cut, 1913.")).toBe(false);
    expect(hasFiniteVerb("The Chain Bridge over the Danube in Budapest, opened in 1849.")).toBe(false);
    expect(hasFiniteVerb("Old Faithful erupting at dusk.")).toBe(false);
  });
  it("flags captions, credits and photo datelines", () => {
    for (const s of [
      "Workers in the Culebra Cut, 1913.",
      "The Chain Bridge over the Danube in Budapest, opened in 1849.",
      "Old Faithful erupting at dusk.",
      "NATO Secretary General Jens Stoltenberg views activities at Camp Besmaya, Iraq, March 5, 2018.",
    ])
      expect(captionSource(at(s), { documentText: doc }), s).toHaveLength(1);
  });
  it("passes sentences of prose and fact-sheet bullets", () => {
    expect(captionSource(at("The canal opened on 15 August 1914."), { documentText: doc })).toEqual([]);
    expect(captionSource(at("Launch date: 25 December 2021, 12:20 GMT"), { documentText: doc })).toEqual([]);
    expect(captionSource(at("He greeted trainers."), { documentText: doc })).toEqual([]);
  });
});

describe("pronounResolution", () => {
  const doc =
    "On 31 January 2024, Major General László STICZ took over command from Major General Helmut HABERMAYER. " +
    "He thanked the soldiers for their work.";
  const sentence = "He thanked the soldiers for their work.";
  const resolved = (answer: string) =>
    item({
      prompt: "Who thanked the soldiers for their work?",
      answer,
      answerType: "person",
      sourceText: sentence,
      sourceStart: doc.indexOf(sentence),
    });
  it("flags a pronoun resolved while the sentence before names two people", () => {
    expect(pronounResolution(resolved("László STICZ"), { documentText: doc })).toHaveLength(1);
  });
  it("passes when only one person precedes", () => {
    const single = "Major General Helmut HABERMAYER left in January. He thanked the soldiers for their work.";
    const one = item({
      prompt: "Who thanked the soldiers?",
      answer: "Helmut HABERMAYER",
      sourceText: sentence,
      sourceStart: single.indexOf(sentence),
    });
    expect(pronounResolution(one, { documentText: single })).toEqual([]);
  });
  it("flags a name taken from a possessive or cut from a longer name, and a name from far back", () => {
    const doc = "# Ramanujan\n\nIn 1903 he borrowed G. S. Carr's book. He won a scholarship. It rained. He left.";
    const from = (sentence: string, answer: string) =>
      item({
        prompt: "Who did it?",
        answer,
        answerType: "person",
        sourceText: sentence,
        sourceStart: doc.indexOf(sentence),
      });
    expect(pronounResolution(from("He won a scholarship.", "S. Carr"), { documentText: doc })).toHaveLength(1);
    const far = "# Ramanujan\n\nG. H. Hardy met him. It rained. Years passed. He returned to India.";
    const distant = (answer: string) =>
      item({
        prompt: "Who returned to India?",
        answer,
        answerType: "person",
        sourceText: "He returned to India.",
        sourceStart: far.indexOf("He returned"),
      });
    expect(pronounResolution(distant("G. H. Hardy"), { documentText: far })).toHaveLength(1);
    expect(pronounResolution(distant("Ramanujan"), { documentText: far })).toEqual([]); // the title's subject
  });
  it("flags a name other than the person the sentence before names", () => {
    const doc =
      "The cycle was found by Melvin Calvin and James Bassham. Calvin won the prize. He shared the work with Benson.";
    const wrong = item({
      prompt: "Who shared the work with Benson?",
      answer: "James Bassham",
      answerType: "person",
      sourceText: "He shared the work with Benson.",
      sourceStart: doc.indexOf("He shared"),
    });
    expect(pronounResolution(wrong, { documentText: doc })).toHaveLength(1);
    expect(pronounResolution({ ...wrong, answer: "Melvin Calvin" }, { documentText: doc })).toEqual([]);
  });
});

describe("tfClaimUnsupported", () => {
  const tf = (prompt: string, answer: "True" | "False", sourceText: string) =>
    item({ kind: "true_false", prompt, answer, options: ["True", "False"], answerType: "boolean", sourceText });
  const source = "The canal opened on 15 August 1914, when the SS Ancon made the first official transit.";
  it("flags a True statement with a date, name or words its source lacks", () => {
    expect(tfClaimUnsupported(tf("True or false: The canal opened on 15 August 1915.", "True", source))).toHaveLength(
      1,
    );
    expect(
      tfClaimUnsupported(tf("True or false: The SS Panama made the first official transit.", "True", source)),
    ).toHaveLength(1);
  });
  it("flags a False statement that repeats its source", () => {
    expect(tfClaimUnsupported(tf("True or false: The canal opened on 15 August 1914.", "False", source))).toHaveLength(
      1,
    );
  });
  it("passes the source's own claim keyed True and a changed claim keyed False", () => {
    expect(tfClaimUnsupported(tf("True or false: The canal opened on 15 August 1914.", "True", source))).toEqual([]);
    expect(tfClaimUnsupported(tf("True or false: The canal opened on 15 August 1915.", "False", source))).toEqual([]);
  });
});

describe("promptUnsupported", () => {
  it("flags a question its source does not ask about", () => {
    const wrong = item({
      prompt: "Who returned to India in 1919?",
      answer: "S. Carr",
      answerType: "person",
      sourceText: "In 1903, at the age of 16, he borrowed a copy of G. S. Carr's book.",
    });
    expect(promptUnsupported(wrong)).toHaveLength(1);
  });
  it("passes questions rephrasing their source, inflections included", () => {
    expect(promptUnsupported(item())).toEqual([]);
    const rephrased = item({
      prompt: "When did Cambridge award him a Bachelor of Arts by research?",
      sourceText: "In March 1916 Cambridge awarded him a Bachelor of Arts by research.",
    });
    expect(promptUnsupported(rephrased)).toEqual([]);
  });
  it("reads a table row with its column headings", () => {
    const doc = "The fleet:\n\n| Ship | Crew | Role |\n|---|---|---|\n| Frigate | 190 | Escorts convoys |\n";
    const start = doc.indexOf("| Frigate");
    expect(tableHeadings(doc, start)).toBe("| Ship | Crew | Role |");
    expect(tableHeadings(doc, 0)).toBe("");
    const row = item({
      prompt: "How many crew does the frigate have?",
      answer: "190",
      answerType: "number",
      sourceText: "Frigate | 190 | Escorts convoys",
      sourceStart: start,
    });
    expect(promptUnsupported(row, { documentText: doc })).toEqual([]);
    expect(promptUnsupported(row, { documentText: doc.replace("| Crew |", "| Size |") })).toHaveLength(1);
  });
});

describe("worthless and malformed items", () => {
  it("flags the answer printed in the prompt", () => {
    expect(answerInPrompt(item({ prompt: "When did the canal open in 1914?", answer: "1914" }))).toHaveLength(1);
    expect(answerInPrompt(item({ prompt: "When did the canal open?", answer: "1914" }))).toEqual([]);
  });
  it("flags blanks on common words", () => {
    expect(blankOnCommonWord(item({ kind: "cloze", answer: "people", answerType: "text" }))).toHaveLength(1);
    expect(blankOnCommonWord(item({ kind: "cloze", answer: "photolysis", answerType: "text" }))).toEqual([]);
  });
  it("flags structural faults", () => {
    expect(
      malformedPrompt(item({ kind: "cloze", prompt: "Fill in the blank: NATO was founded in 1949." })),
    ).toHaveLength(1);
    expect(malformedPrompt(item({ prompt: "When did NATO agree" }))).toHaveLength(1);
    expect(malformedPrompt(mc("Where?", "Baghdad", ["Taji", "Basra", "Erbil", "Mosul"]))).toHaveLength(1);
    expect(malformedPrompt(item())).toEqual([]);
  });
});

describe("redundancy", () => {
  const sentence = "NATO agreed to establish the mission in October 2018.";
  const many = ["multiple_choice", "true_false", "cloze", "typed"].map((kind) =>
    item({ key: `f|${kind}|when`, kind: kind as GeneratedItem["kind"], sourceText: sentence }),
  );
  it("counts one defect per item beyond each limit", () => {
    const defects = redundancy(many, { maxItemsPerSentence: 3, maxItemsPerFact: 2, maxAskedPerAnswer: 2 });
    expect(countByDetector(defects)).toMatchObject({
      "items-per-sentence": 1,
      "items-per-fact": 2,
      "answer-asked-repeatedly": 2,
    });
  });
  it("counts members of one list asked one by one beyond the first", () => {
    const doc =
      "# Danube\n\nIt flows through four capitals:\n\n- Vienna, in Austria;\n- Bratislava, in Slovakia;\n- Budapest.\n";
    const members = ["Vienna, in Austria;", "Bratislava, in Slovakia;", "Budapest."].map((line, i) =>
      item({
        key: `m${i}`,
        factKey: `f${i}`,
        kind: "cloze",
        prompt: "Fill in the blank: _____",
        answer: line.split(/[,.]/)[0]!,
        answerType: "place",
        sourceText: line,
        sourceStart: doc.indexOf(line),
      }),
    );
    expect(countByDetector(redundancy(members, DEFAULT_LIMITS, doc))["list-exploded"]).toBe(2);
    // Two items from one member's line ask about one member.
    const sameLine = [members[0]!, { ...members[0]!, key: "m0b", kind: "multiple_choice" as const }];
    expect(countByDetector(redundancy(sameLine, DEFAULT_LIMITS, doc))["list-exploded"]).toBe(0);
    const sheet = "# Webb\n\n- Launch date: 25 December 2021\n- Launch site: Kourou\n- Orbit: L2\n";
    const facts = ["Launch date: 25 December 2021", "Launch site: Kourou", "Orbit: L2"].map((line, i) =>
      item({
        key: `s${i}`,
        factKey: `g${i}`,
        kind: "cloze",
        prompt: "Fill in the blank: _____",
        answer: line.split(": ")[0]!,
        sourceText: line,
        sourceStart: sheet.indexOf(line),
      }),
    );
    expect(countByDetector(redundancy(facts, DEFAULT_LIMITS, sheet))["list-exploded"]).toBe(0);
  });
  it("passes one recognition and one recall item per fact", () => {
    expect(redundancy([many[0]!, many[2]!])).toEqual([]);
    expect(countByDetector(redundancy(many.slice(0, 2)))["items-per-fact"]).toBe(1); // two recognition items
  });
  it("reads each value of a fact record as its own fact, and a true/false as the value its statement shows", () => {
    const person = "Colonel Ada Brook of Chile, a surveyor, took command of the station in 1931.";
    const asks = [
      ["What is the rank of Ada Brook?", "Colonel"],
      ["Which country is Colonel Ada Brook from?", "Chile"],
      ["When did Colonel Ada Brook take command of the station?", "1931"],
    ].map(([prompt, answer], i) =>
      item({
        key: `person|multiple_choice|${["rank", "nationality", "start"][i]}`,
        factKey: "person",
        kind: "multiple_choice",
        prompt,
        answer,
        options: answer === "1931" ? ["1931", "1929", "1935", "1927"] : null,
        sourceText: person,
      }),
    );
    const judged = item({
      key: "tf",
      factKey: "person",
      kind: "true_false",
      prompt: "True or false: Colonel Ada Brook took command of the station in 1929.",
      answer: "False",
      answerType: "boolean",
      sourceText: person,
    });
    expect(countByDetector(redundancy(asks))).toMatchObject({ "items-per-fact": 0, "items-per-sentence": 0 });
    // The statement varies the date (a wrong option of the date's item): a second recognition item on the date.
    expect(countByDetector(redundancy([...asks, judged]))["items-per-fact"]).toBe(1);
  });
  it("lets a sentence give one item per fact it states, and flags a fourth item on a fact already asked", () => {
    const dense = "In 1907 the Ferrand brothers opened a glassworks with 40 workers at Lyon.";
    const facts = [
      ["1907", "date"],
      ["Ferrand brothers", "person"],
      ["40", "number"],
      ["Lyon", "place"],
    ].map(([answer, answerType], i) =>
      item({
        key: `d${i}`,
        factKey: `d${i}`,
        kind: "cloze",
        prompt: `Fill in the blank: ${dense.replace(answer!, "_____")}`,
        answer: answer!,
        answerType: answerType as GeneratedItem["answerType"],
        sourceText: dense,
      }),
    );
    expect(countByDetector(redundancy(facts))["items-per-sentence"]).toBe(0);
    const again = ["multiple_choice", "typed"].map((kind) =>
      item({ ...facts[0]!, key: `d0|${kind}|when`, kind: kind as GeneratedItem["kind"], prompt: "When?" }),
    );
    expect(countByDetector(redundancy([...facts, ...again]))).toMatchObject({
      "items-per-sentence": 2,
      "items-per-fact": 1,
    });
  });
});

describe("detectDefects", () => {
  it("runs every detector and reports a count for each, zero included", () => {
    const good = item();
    const bad = item({ key: "bad", prompt: "When did although NATO agree?", answer: "October 2018 -" });
    const counts = countByDetector(detectDefects([good, bad], { documentText: good.source.text }));
    expect(Object.keys(counts)).toEqual([...DETECTORS]);
    expect(counts["subordinator-after-wh"]).toBe(1);
    expect(counts["answer-punctuation"]).toBe(1);
    expect(detectDefects([good], { documentText: good.source.text })).toEqual([]);
  });
});

describe("question shape and sentence reading (issue 13, second round)", () => {
  it("flags a fronted phrase left after the auxiliary, not a subject there", () => {
    expect(
      frontedPhraseQuestion(item({ prompt: "How many wolves did Between 1995 and 1997, biologists release?" })),
    ).toHaveLength(1);
    expect(frontedPhraseQuestion(item({ prompt: "When did here the Iron Gate I complete?" }))).toHaveLength(1);
    expect(
      frontedPhraseQuestion(item({ prompt: "How many wolves did biologists release between 1995 and 1997?" })),
    ).toEqual([]);
    expect(frontedPhraseQuestion(item({ prompt: "When did NATO first launch the mission?" }))).toEqual([]);
    expect(frontedPhraseQuestion(item({ prompt: "How many entrances are there?" }))).toEqual([]);
  });

  it("flags a coordinated predicate inside a count", () => {
    expect(
      coordinatedCount(item({ prompt: "About how many kilometres long and freezes is Yellowstone Lake?" })),
    ).toHaveLength(1);
    expect(coordinatedCount(item({ prompt: "About how many kilometres long is Yellowstone Lake?" }))).toEqual([]);
    expect(coordinatedCount(item({ prompt: "How many trainers and advisors does NMI involve?" }))).toEqual([]);
  });

  it("flags a quoted list lead-in", () => {
    expect(
      leadInSource(item({ kind: "cloze", prompt: "Fill in the blank: The park has _____ entrances:" })),
    ).toHaveLength(1);
    expect(leadInSource(item({ prompt: "How many entrances does the park have?" }))).toEqual([]);
  });

  it("flags an 'it' read as a name the sentence before does not give, or as a person", () => {
    const doc =
      "Before 1916, the US Army ran the park. Grand Prismatic Spring is the largest hot spring in the United States. " +
      "It is about 110 metres wide. Its bands of orange are made by thermophiles.";
    const at = doc.indexOf("It is about");
    const wide = (subject: string) =>
      item({
        prompt: `About how many metres wide is ${subject}?`,
        answer: "110",
        answerType: "number",
        sourceText: "It is about 110 metres wide.",
        sourceStart: at,
      });
    expect(itAntecedent(wide("the US Army"), { documentText: doc })).toHaveLength(1);
    expect(itAntecedent(wide("Grand Prismatic Spring"), { documentText: doc })).toEqual([]);
    // A chain of "It"/"Its" sentences refers back to the sentence before the chain.
    const bands = item({
      kind: "cloze",
      prompt: "Fill in the blank: Grand Prismatic Spring's bands of orange are made by _____.",
      answer: "thermophiles",
      sourceText: "Its bands of orange are made by thermophiles.",
      sourceStart: doc.indexOf("Its bands"),
    });
    expect(itAntecedent(bands, { documentText: doc })).toEqual([]);
    const person = "Johann Strauss II wrote the waltz in 1866. It was first performed in Vienna in 1867.";
    const performed = item({
      prompt: "Where was Johann Strauss II first performed?",
      answer: "Vienna",
      answerType: "place",
      sourceText: "It was first performed in Vienna in 1867.",
      sourceStart: person.indexOf("It was"),
    });
    expect(itAntecedent(performed, { documentText: person })).toHaveLength(1);
  });
});
