import { describe, expect, it } from "vitest";
import { longForm, standsFor } from "./acronyms";

describe("standsFor", () => {
  it.each([
    ["NTM-I", "NATO Training Mission in Iraq"],
    ["EUFOR", "European Union Force"],
    ["EUMC", "European Union Military Committee"],
    ["NADPH", "nicotinamide adenine dinucleotide phosphate"],
    ["AFBiH", "Armed Forces of Bosnia and Herzegovina"],
    ["STScI", "Space Telescope Science Institute"],
    ["NIRCam", "Near-Infrared Camera"],
    ["UNESCO", "United Nations Educational, Scientific and Cultural Organization"],
    ["DoD", "Department of Defense"],
    ["DNA", "deoxyribonucleic acid"],
    ["EUNAVFOR", "EU Naval Force"],
    ["ACP", "Autoridad del Canal de Panamá"],
  ])("%s stands for %s", (acronym, expansion) => {
    expect(standsFor(acronym, expansion)).toBe(true);
  });

  it.each([
    ["NTM-I", "NATO Mission Iraq"], // no word lends the "T"
    ["UNSC", "Council"],
    ["ACP", "Panama Canal Authority"], // the letters in another order
    ["JFC", "Joint Force Command Naples"], // a word left over
    ["JFC", "Allied Joint Force Command"],
    ["COM EUFOR", "Force Command"],
    ["ABC", "Council"],
  ])("%s does not stand for %s", (acronym, expansion) => {
    expect(standsFor(acronym, expansion)).toBe(false);
  });
});

describe("longForm", () => {
  it.each([
    ["DARPA", "US Defense Advanced Research Projects Agency", "Defense Advanced Research Projects Agency"],
    ["SFOR", "NATO-led Stabilisation Force", "Stabilisation Force"],
    ["JFC", "Allied Joint Force Command", "Joint Force Command"],
    ["OHR", "the Office of the High Representative", "Office of the High Representative"],
    ["ABC", "the Council", undefined],
  ])("%s in %s is %s", (acronym, words, expected) => {
    expect(longForm(acronym, words)).toBe(expected);
  });
});

describe("standsFor, initials only (another reading of an acronym)", () => {
  it.each([
    ["ECHR", "European Convention on Human Rights", true],
    ["NTM-I", "NATO Training Mission in Iraq", true],
    ["ECtHR", "European Convention on Human Rights", false],
    ["EUFOR", "European Union Force", false],
    ["IAEA", "The IAEA", false],
    ["MNBN", "Multinational Battalion", false],
  ])("%s, %s → %s", (acronym, expansion, expected) => {
    expect(standsFor(acronym, expansion, { initialsOnly: true })).toBe(expected);
  });
});
