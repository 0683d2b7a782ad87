import { describe, expect, it } from "vitest";
import { spellsOut, termsOf } from "./extract-terms";
import { buildItems } from "./pipeline";
import { ONE_ITEM_PER_ROLE } from "./precision";
import type { Block, Sentence } from "./types";
import { paragraphSentence } from "./test-kit";

const terms = (text: string) =>
  termsOf(paragraphSentence(text)).map((f) => [f.shape, f.term, ...(f.meaning ? [f.meaning] : [])]);

describe("spellsOut: an abbreviation's letters matched word by word", () => {
  it("accepts initials and further letters of the same word, linking words optional", () => {
    expect(spellsOut("DNA", "deoxyribonucleic acid")).toBe(true);
    expect(spellsOut("NADPH", "nicotinamide adenine dinucleotide phosphate")).toBe(true);
    expect(spellsOut("NIRCam", "Near-Infrared Camera")).toBe(true);
    expect(spellsOut("AFBiH", "Armed Forces of Bosnia and Herzegovina")).toBe(true);
    expect(spellsOut("WHO", "World Health Organization")).toBe(true);
  });
  it("refuses a word that gives no letter, letters left over, or a long form of one word", () => {
    expect(spellsOut("EUFOR", "European Union Force in Bosnia and Herzegovina")).toBe(false);
    expect(spellsOut("ABC", "Council")).toBe(false);
    expect(spellsOut("UN", "United")).toBe(false);
    expect(spellsOut("GPS", "a satellite service")).toBe(false);
    expect(spellsOut("GDP", "gross domestic product growth")).toBe(false);
  });
});

describe("termsOf: terms a document teaches without a date, number or name", () => {
  it("reads an abbreviation either way round, citing only the words that define it", () => {
    const found = termsOf(
      paragraphSentence("Every cell stores its genes in DNA (deoxyribonucleic acid), a long molecule."),
    );
    expect(found.map((f) => [f.shape, f.term, f.meaning])).toEqual([
      ["abbreviation", "DNA", "deoxyribonucleic acid"],
      // The appositive reads the bracket as part of the term's sentence; the abbreviation is the fact asked.
    ]);
    expect(found[0]!.source.text).toBe("DNA (deoxyribonucleic acid)");
    expect(terms("The lab measured the basal metabolic rate (BMR) of each volunteer.")).toEqual([
      ["abbreviation", "BMR", "basal metabolic rate"],
    ]);
    expect(terms("The CCD sensors (charge-coupled devices) were cooled.")).toEqual([
      ["abbreviation", "CCD", "charge-coupled devices"],
    ]);
    expect(terms("The team used GPS (a satellite service) to map the coast.")).toEqual([]);
    expect(terms("The results (see table) were clear enough.")).toEqual([]);
  });

  it("reads an abbreviation whose letters spell the head of a name that a place qualifies", () => {
    expect(terms("The World Health Organization in Geneva (WHO) coordinates the response.")).toEqual([
      ["abbreviation", "WHO", "World Health Organization"],
    ]);
    // A letter that only the place gives belongs to the long form.
    expect(terms("The United Nations Mission in Liberia (UNMIL) ended in 2018.")).toEqual([
      ["abbreviation", "UNMIL", "United Nations Mission in Liberia"],
    ]);
    // Only a name's head: "main force" before "in Bosnia" is a plain noun phrase.
    expect(terms("The unit joined the main force in Bosnia (MF) for a year.")).toEqual([]);
  });

  it("reads a glossary paragraph, and only when every entry reads as one", () => {
    expect(
      terms("Key words: *isotope* – an atom with a different number of neutrons; *ion* – a charged atom or molecule."),
    ).toEqual([
      ["glossary", "isotope", "an atom with a different number of neutrons"],
      ["glossary", "ion", "a charged atom or molecule"],
    ]);
    expect(terms("Key words: isotope, ion and molecule.")).toEqual([]);
    expect(terms("Note: the museum is closed on Mondays; tickets – sold at the door.")).toEqual([]);
  });

  it("reads a glossary list under its heading, with the term as the text writes it", () => {
    const text = "Mantle: the thick layer of hot rock under the crust";
    const block: Block = { kind: "list_item", text, start: 0, end: text.length, sectionPath: ["Glossary"], listId: 1 };
    const found = termsOf(paragraphSentence(text), undefined, block, `${text}\nHeat rises through the mantle.`);
    expect(found.map((f) => [f.term, f.meaning, f.proper])).toEqual([
      ["mantle", "the thick layer of hot rock under the crust", false],
    ]);
    const other: Block = { ...block, sectionPath: ["Opening hours"] };
    expect(termsOf(paragraphSentence(text), undefined, other, text)).toEqual([]);
  });

  it("reads a naming sentence that only makes sense after the sentence before, quoting both", () => {
    const before = paragraphSentence("Water rises from the roots to the leaves and evaporates through small pores.");
    const found = termsOf(paragraphSentence("This loss of water is called transpiration.", 80), before);
    expect(found.map((f) => [f.shape, f.term, f.lead?.text])).toEqual([["naming", "transpiration", before.text]]);
    // The sentence before must read alone.
    expect(
      termsOf(paragraphSentence("This is called transpiration.", 80), paragraphSentence("It then evaporates.")),
    ).toEqual([]);
    expect(termsOf(paragraphSentence("This loss of water is called transpiration.", 80))).toEqual([]);
  });

  it("reads a sentence whose fronted phrase or possessive points to the sentence before, quoting that one", () => {
    const before = paragraphSentence("Each seed is wrapped in a hard coat.");
    const led = (text: string, previous?: Sentence) =>
      termsOf(paragraphSentence(text, 40), previous).map((f) => [f.term, f.lead?.text]);
    expect(led("Inside it, a tiny plant called the embryo waits for water.", before)).toEqual([
      ["embryo", before.text],
    ]);
    expect(led("Its outer layer is called the testa.", before)).toEqual([["testa", before.text]]);
    // Without a sentence before that reads alone, "it" names nothing: no term.
    expect(led("Inside it, a tiny plant called the embryo waits for water.")).toEqual([]);
    expect(led("Its outer layer is called the testa.", paragraphSentence("It then dries out."))).toEqual([]);
  });

  it("reads a term whose clause goes on after it, never half of a term", () => {
    expect(terms("In the cell, tiny structures called ribosomes build proteins from amino acids.")).toEqual([
      ["naming", "ribosomes"],
    ]);
    expect(terms("The river carries fine grains called silt into the delta, where they settle.")).toEqual([
      ["naming", "silt"],
    ]);
    // "push" read as a verb is the head of "ridge push".
    expect(terms("This force is called ridge push, and it acts at the ridges.")).toEqual([]);
    expect(terms("Cells make a protein called keratin of great strength.")).toEqual([]);
  });

  it("reads a term named inside a sentence, also a short one, and one set off by commas", () => {
    expect(terms("The central hall became a grand room known as the nave.")).toEqual([["naming", "nave"]]);
    expect(terms("Small openings in the leaf, called stomata, let gas in and out.")).toEqual([["naming", "stomata"]]);
    expect(terms("The town was named after its founder, a wealthy merchant.")).toEqual([]);
    expect(terms("She called the result a failure.")).toEqual([]);
  });

  it("reads a name given by a named subject, never by a pronoun", () => {
    expect(terms("The Vikings called the island Snæland, and later settlers knew it as Iceland.")).toEqual([
      ["naming", "Snæland"],
    ]);
    expect(terms("He called this river Oxus in his letters.")).toEqual([]);
  });

  it("reads an appositive that glosses the argument of a verb, and what a thing is made of", () => {
    expect(terms("The doctors finally diagnosed scurvy, a disease caused by a lack of vitamin C.")).toEqual([
      ["appositive", "scurvy"],
    ]);
    expect(terms("The walls were protected by a ditch, a deep trench full of water.")).toEqual([
      ["appositive", "ditch"],
    ]);
    expect(terms("The enzyme turns the starch into a simple sugar, maltose, which the yeast then ferments.")).toEqual(
      [],
    );
    expect(terms("The pathway makes a six-carbon sugar, F6P, from which the cell builds starch.")).toEqual([
      ["appositive", "F6P"],
    ]);
    expect(terms("The bell is cast from bronze, which rings clearly for centuries.")).toEqual([["material", "bronze"]]);
    expect(terms("The old bridge was made of two wooden spans.")).toEqual([]);
  });

  it("leaves fronted phrases, lists and the tail of a name alone", () => {
    expect(terms("In practice, a member that abstains is not counted as voting against.")).toEqual([]);
    expect(terms("Because the roads ran through swamps, a new railway, the first in the region, was built.")).toEqual(
      [],
    );
    expect(terms("The tour visits Lyon, a city on the Rhône, Dijon and Beaune.")).toEqual([]);
    expect(terms("The council debated the budget, the schools and the roads.")).toEqual([]);
    expect(terms("In 1990 the voters approved, in a referendum, a plan to build a bridge.")).toEqual([]);
    expect(terms("With its tower rising high above the river bank, the castle is the tallest in the land.")).toEqual(
      [],
    );
    expect(
      terms(
        "The name comes from the Conseil Européen pour la Recherche Nucléaire, the council that set up the laboratory.",
      ),
    ).toEqual([]);
  });
});

describe("term items", () => {
  it("asks a glossary entry from its meaning, with the document's other terms as options", () => {
    const doc = [
      "# Cells",
      "",
      "Each cell is wrapped in a thin layer called the membrane. Inside, a jelly called the cytoplasm fills the space.",
      "Proteins are built on small bodies called ribosomes.",
      "",
      "Key terms: *nucleus* – the part of the cell that holds its genes; *organelle* – a small structure with one job inside a cell.",
    ].join("\n");
    const items = buildItems(doc, { seed: 3, perFact: ONE_ITEM_PER_ROLE }).items.filter((i) =>
      i.factKey.startsWith("term:"),
    );
    const nucleus = items.filter((i) => i.answer === "nucleus");
    expect(nucleus.map((i) => i.kind).sort()).toEqual(["multiple_choice", "typed"]);
    expect(nucleus[0]!.prompt).toBe("Which term means: the part of the cell that holds its genes?");
    const mc = nucleus.find((i) => i.kind === "multiple_choice")!;
    expect(mc.options).toContain("nucleus");
    for (const option of mc.options!)
      expect(["nucleus", "membrane", "cytoplasm", "ribosomes", "organelle"]).toContain(option);
  });

  it("asks what an abbreviation stands for", () => {
    const items = buildItems("# Energy\n\nMuscles run on ATP (adenosine triphosphate), made in the mitochondria.", {
      seed: 1,
    }).items;
    expect(items.find((i) => i.prompt === "What does ATP stand for?")?.answer).toBe("adenosine triphosphate");
  });
});
