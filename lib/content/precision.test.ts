import { describe, expect, it } from "vitest";
import { buildItems } from "./pipeline";
import { assessItem, coordinatedLists, selectItems, spellingKey } from "./precision";
import { answerDefects, promptDefects, spanCut } from "./well-formed";
import type { GeneratedItem } from "./types";

const base: GeneratedItem = {
  key: "event:x|typed|when",
  factKey: "event:x",
  kind: "typed",
  prompt: "When did the bridge open?",
  answer: "May 1990",
  accepted: [],
  options: null,
  answerType: "date",
  topic: "dates",
  difficulty: 0.5,
  source: { text: "The bridge opened in May 1990.", start: 0, end: 30 },
};

describe("promptDefects: every prompt is checked before it is emitted", () => {
  it.each([
    ["When did although the treaty was signed?", "typed", "leading subordinator"],
    ["How many units are There?", "typed", "capitalised function word mid-sentence"],
    ["Fill in the blank: The eclipse began at 16:_____ GMT.", "cloze", "split token around the blank"],
    ["Fill in the blank: The canal opened on 15 _____ 1914.", "cloze", "split token around the blank"],
    ["Fill in the blank: The ship sank in _____ April.", "cloze", "split token around the blank"],
    ["True or false: They shared the prize in 1903.", "true_false", "bare pronoun or demonstrative opening the prompt"],
    ["True or false: This campaign ended in 1944.", "true_false", "bare pronoun or demonstrative opening the prompt"],
    ["When did he sign the treaty?", "typed", "pronoun in the question"],
    ["When did NATO agreed to launch the mission?", "typed", "did + past tense"],
    ["How many schools is there?", "typed", "plural counted with a singular verb"],
    [
      "True or false: Resolution 1244, adopted, authorised a presence.",
      "true_false",
      "dangling participle between commas",
    ],
    ["How many single points did Although the unfolding involve?", "typed", "leading subordinator"],
    ["When has India celebrated his birthday as a holiday?", "typed", "pronoun in the question"],
    ["When did the researcher find it at a depth of 32 metres?", "typed", "pronoun in the question"],
    ["Fill in the blank: Name the _____ and their products;", "cloze", "list debris: the source ends mid-list"],
    ["How many metres tall and about 7 is the tower?", "typed", "a second number in a count question"],
    [
      "When did divers dig six tunnels under the hull, and, after 333 years on the seabed, Vasa broke the surface?",
      "typed",
      "question spans two clauses",
    ],
    [
      "When did Stevens resign, and Roosevelt gave the job to George Washington Goethals?",
      "typed",
      "question spans two clauses",
    ],
    ["Fill in the blank: It is _____ metres tall. <script>x()</script>", "cloze", "markup in the prompt"],
    ["How many days did the Hubble Deep Field, take?", "typed", "comma before the question's last word"],
  ] as const)("%s", (prompt, kind, defect) => {
    expect(promptDefects(prompt, kind)).toContain(defect);
  });

  it("passes well-formed prompts", () => {
    for (const [prompt, kind] of [
      ["When did NATO leaders agree to launch NATO Mission Iraq?", "typed"],
      ["What does NMI stand for?", "typed"],
      ["When did Jordan-based training transfer to Iraq?", "typed"],
      ["Fill in the blank: The canal opened on _____.", "cloze"],
      ["True or false: NMI is a non-combat mission.", "true_false"],
      // A digit ending a name is no number cut in two.
      ["Name all three: The engines were grouped as the G7: _____", "flashcard"],
    ] as const)
      expect(promptDefects(prompt, kind), prompt).toEqual([]);
  });
});

describe("answerDefects and spanCut: answers are whole names", () => {
  it("rejects separators, unbalanced brackets and dangling function words", () => {
    expect(answerDefects("Camp Silver -")).toContain("answer ends with a separator");
    expect(answerDefects("Taji /")).toContain("answer ends with a separator");
    expect(answerDefects("Bomb Disposal (EOD/C-IED School")).toContain("answer has unbalanced brackets");
    expect(answerDefects("Office of the")).toContain("answer ends with a function word");
    expect(answerDefects("Bomb Disposal (EOD/C-IED) School")).toEqual([]);
  });

  it("sees a name cut out of a longer one, but not a title before a person", () => {
    expect(spanCut("The battalion camped at Camp Silver Lake in May.", "Camp Silver")).toBe(true);
    expect(spanCut("It is led by Major General Pietro ROSSI of Italy.", "Major General Pietro")).toBe(true);
    expect(spanCut("It set up the Economic and Social Council.", "Social Council")).toBe(true);
    expect(spanCut("NATO Secretary General Jens Stoltenberg visited.", "Jens Stoltenberg")).toBe(false);
    expect(spanCut("The battalion camped at Camp Silver Lake in May.", "Camp Silver Lake")).toBe(false);
  });
});

describe("assessItem", () => {
  it("drops an answer the source does not state, and options that differ only in spelling", () => {
    expect(assessItem({ ...base, answer: "June 1990" }).defects).toContain("answer not stated by the source");
    const mc: GeneratedItem = {
      ...base,
      kind: "multiple_choice",
      prompt: "Which body approved the plan?",
      answer: "World Health Organisation",
      answerType: "organisation",
      options: ["World Health Organisation", "World Health Organization", "United Nations", "World Bank"],
      source: { text: "The World Health Organisation approved the plan.", start: 0, end: 48 },
    };
    expect(assessItem(mc).defects).toContain("two options differ only in spelling");
    expect(spellingKey("Organisation")).toBe(spellingKey("Organization"));
  });

  it("drops a true statement rephrased across clauses (the date may have moved clause)", () => {
    const tf: GeneratedItem = {
      ...base,
      kind: "true_false",
      prompt: "True or false: The Council had only eleven members; an amendment raised the number in 1965.",
      answer: "True",
      options: ["True", "False"],
      answerType: "boolean",
      source: {
        text: "When the Council first met, it had only eleven members; an amendment raised the number in 1965.",
        start: 0,
        end: 95,
      },
    };
    expect(assessItem(tf).defects).toContain("rephrased true statement with several clauses");
  });

  it("scores a question from a sentence opening with a subordinate clause low enough for review", () => {
    const item = { ...base, source: { ...base.source, text: "When the war ended, the bridge opened in May 1990." } };
    expect(assessItem(item).quality).toBeLessThan(0.6);
  });
});

describe("selectItems", () => {
  const cloze: GeneratedItem = {
    ...base,
    key: "event:x|cloze|date",
    kind: "cloze",
    prompt: "Fill in the blank: The bridge opened in _____.",
  };
  const mc: GeneratedItem = {
    ...base,
    key: "event:x|multiple_choice|when",
    kind: "multiple_choice",
    options: ["May 1990", "June 1990", "May 1991", "April 1990"],
  };
  const tf: GeneratedItem = {
    ...base,
    key: "event:x|true_false|date-true",
    kind: "true_false",
    prompt: "True or false: The bridge opened in May 1990.",
    answer: "True",
    options: ["True", "False"],
    answerType: "boolean",
  };

  it("keeps one recognition and one recall item per fact, the best ones", () => {
    const kept = selectItems([tf, cloze, base, mc]);
    expect(kept.map((i) => i.kind).sort()).toEqual(["multiple_choice", "typed"]);
    expect(kept.every((i) => i.quality === 1 && !i.review)).toBe(true);
  });

  it("flags a low-scoring item for review instead of serving it, and drops a failing one", () => {
    const vague = { ...base, source: { ...base.source, text: "When the war ended, the bridge opened in May 1990." } };
    const [flagged] = selectItems([vague]);
    expect(flagged!.review).toMatch(/subordinate clause/);
    expect(selectItems([{ ...base, prompt: "When did although it open?" }])).toEqual([]);
  });
});

describe("lists become one item", () => {
  it("splits a written list at commas, keeping linked names whole", () => {
    expect(
      coordinatedLists(
        "It set up the General Assembly, the Economic and Social Council, the Court of Justice and the Secretariat.",
      )[0]!.members,
    ).toEqual(["General Assembly", "Economic and Social Council", "Court of Justice", "Secretariat"]);
  });

  const text = [
    "# Alliance",
    "",
    "The Nordic Alliance was founded in Oslo in 1990. Its first members were Norway, Denmark, Iceland and Finland.",
    "Sweden joined the Nordic Alliance in 1995.",
    "",
  ].join("\n");
  const { items } = buildItems(text);

  it("asks a written list once, with a real outsider and never a true member as the wrong option", () => {
    const lists = items.filter((i) => i.members && i.kind === "multiple_choice");
    expect(lists).toHaveLength(1);
    // Besides it, at most one recall item asks the whole list ("Name all four: …").
    const recall = items.filter((i) => i.members && i.kind === "flashcard");
    expect(recall.length).toBeLessThanOrEqual(1);
    for (const r of recall) expect(r.members).toEqual(["Norway", "Denmark", "Iceland", "Finland"]);
    const [list] = lists;
    expect(list!.answer).toBe("Sweden");
    expect(list!.members!.every((m) => ["Norway", "Denmark", "Iceland", "Finland"].includes(m))).toBe(true);
    const members = ["Norway", "Denmark", "Iceland", "Finland"];
    const perMember = items.filter((i) => !i.members && members.includes(i.answer));
    expect(perMember.length).toBeLessThanOrEqual(1);
  });

  it("asks a bulleted list once", () => {
    const doc = [
      "# Schools",
      "",
      "The academy runs these schools:",
      "",
      "**North campus**",
      "",
      "- Law School",
      "- Medical School",
      "- Music School",
      "- Art School",
      "",
      "",
      "**South campus**",
      "",
      "- Engineering School",
      "- Nursing School",
      "",
    ].join("\n");
    const built = buildItems(doc).items;
    const north = built.filter((i) => i.prompt === 'Which one is NOT listed in "North campus"?');
    expect(north).toHaveLength(1);
    expect(["Engineering School", "Nursing School"]).toContain(north[0]!.answer);
    expect(built.filter((i) => /listed/.test(i.prompt) && !i.members)).toEqual([]);
  });
});

describe("conservative coreference", () => {
  it("resolves 'he' only to the one person the sentence before named", () => {
    const { items } = buildItems(
      "# R\n\nThe letters were sent by Samuel Carr in 1913. Ramanujan's health suffered in England. He was a strict vegetarian and fell ill in 1917.\n",
    );
    expect(items.some((i) => /Samuel Carr (?:was|fell)/.test(i.prompt))).toBe(false);
  });

  it("reads 'Its' only against the sentence just before, never a fronted place phrase or an older subject", () => {
    const { items } = buildItems(
      "# Park\n\nThe US Army ran the park from 1886. At the North Entrance stands the Roosevelt Arch. Its cornerstone was laid by President Theodore Roosevelt in April 1903.\n",
    );
    expect(items.some((i) => /Army's cornerstone|Entrance's cornerstone/.test(i.prompt))).toBe(false);
  });

  it("lower-cases a common noun that only opened the sentence", () => {
    const { items } = buildItems("# T\n\nConstruction of the tower was completed on 31 March 1889.\n");
    expect(items.some((i) => i.prompt.startsWith("When was construction of the tower completed?"))).toBe(true);
    const vasa = buildItems("# V\n\nVasa is 69 metres long and sank on 10 August 1628.\n").items;
    expect(vasa.some((i) => /\bvasa\b/.test(i.prompt))).toBe(false);
  });

  it("leaves 'it' unresolved when the sentence before introduced a new thing", () => {
    const { items } = buildItems(
      "# Op\n\nFrom 2004 to 2011, NATO conducted a small training operation in the region. It was known as the Training Mission in Iraq (TMI) and ended in December 2011.\n",
    );
    expect(items.some((i) => /NATO was known|NATO ended/.test(i.prompt))).toBe(false);
  });

  it("turns a possessive pronoun into the antecedent's possessive, and never uses a part like 'Five of them'", () => {
    const { items } = buildItems(
      "# UN\n\nThe United Nations was founded in 1945. Its Charter was signed in San Francisco on 26 June 1945.\n",
    );
    expect(
      items.some(
        (i) => i.prompt.includes("the United Nations' Charter") || i.prompt.includes("The United Nations' Charter"),
      ),
    ).toBe(true);
    expect(items.some((i) => /\bIts\b|\bits Charter\b/.test(i.prompt))).toBe(false);
  });
});
