import { describe, expect, it } from "vitest";
import { extractCauses } from "./extract-causes";
import { buildItems } from "./pipeline";
import { paragraphSentence } from "./test-kit";

const causes = (text: string) => extractCauses(paragraphSentence(text), (c) => c).map((c) => [c.question, c.cause]);

describe("causes and purposes: Why …?", () => {
  it("asks why, with the sentence's own reason as the answer", () => {
    expect(causes("The orchard was moved uphill because the valley flooded every spring.")).toEqual([
      ["Why was the orchard moved uphill?", "the valley flooded every spring"],
    ]);
    expect(causes("Because the old pier had rotted, the town built a stone jetty.")).toEqual([
      ["Why did the town build a stone jetty?", "the old pier had rotted"],
    ]);
    expect(causes("In 1872 the guild opened the archive so that any member could read the charters.")).toEqual([
      ["Why did the guild open the archive?", "so that any member could read the charters"],
    ]);
    expect(causes("The lighthouse keepers kept a log in order to record every passing ship.")).toEqual([
      ["Why did the lighthouse keepers keep a log?", "to record every passing ship"],
    ]);
  });

  it("asks why of the effect that 'which is why' introduces, with the clause before it as the reason", () => {
    expect(causes("Copper turns green in damp air, which is why old domes look green.")).toEqual([
      ["Why do old domes look green?", "Copper turns green in damp air"],
    ]);
    expect(
      causes("The pass is closed from November to May, which is the reason why the village relies on a cable car."),
    ).toEqual([["Why does the village rely on a cable car?", "The pass is closed from November to May"]]);
    // A pronoun or a fronted phrase opening the reason: no answer a learner can read alone.
    expect(causes("It absorbs red light, which is why the lake looks blue.")).toEqual([]);
    expect(causes("In winter, the ice thickens, which is why the ferries stop.")).toEqual([]);
  });

  it("asks why of a purpose infinitive after a whole clause, never of a 'to' that completes a verb or a noun", () => {
    expect(causes("William built castles across England to control the conquered population.")).toEqual([
      ["Why did William build castles across England?", "to control the conquered population"],
    ]);
    // The capital of the sentence's start goes where English writes the word in lower case; a name keeps it.
    expect(causes("Muscle cells contain many mitochondria because muscles use a lot of energy.")).toEqual([
      ["Why do muscle cells contain many mitochondria?", "muscles use a lot of energy"],
    ]);
    expect(causes("Farmers rotate crops to keep the soil fertile.")).toEqual([
      ["Why do farmers rotate crops?", "to keep the soil fertile"],
    ]);
    expect(causes("The government raised taxes to pay for the war, and spending fell.")).toEqual([
      ["Why did the government raise taxes?", "to pay for the war"],
    ]);
    // "asked X to", "the power to", "the first woman to", a passive: the "to" clause is no purpose.
    expect(causes("Hardy asked Ramanujan to come to Cambridge.")).toEqual([]);
    expect(causes("The Council has the power to impose sanctions.")).toEqual([]);
    expect(causes("She was the first woman to win the prize.")).toEqual([]);
    expect(causes("The sculptures were made to glorify the king.")).toEqual([]);
    expect(causes("Anna had enough money to buy a farm.")).toEqual([]);
    expect(causes("The garrison received orders to hold the bridge.")).toEqual([]);
  });

  it("asks why of a result after ', so', and of 'due to'", () => {
    expect(
      causes("In practice, a member that abstains is not counted as voting against, so the motion is carried."),
    ).toEqual([["Why is the motion carried?", "A member that abstains is not counted as voting against"]]);
    expect(causes("The match was postponed due to heavy rain.")).toEqual([
      ["Why was the match postponed?", "due to heavy rain"],
    ]);
    // "so far", "so that": no result clause.
    expect(causes("The dig has found nine graves, so far all of them empty.")).toEqual([]);
  });

  it("asks nothing when inversion would change the clause's words or double its auxiliary", () => {
    // "Why does Central banks raise interest rate?" and "Why does an abstention does not block …?" are garbled.
    expect(causes("Central banks raise interest rates to slow inflation.")).toEqual([]);
    expect(causes("A member that abstains is not counted as voting, so an abstention does not block a vote.")).toEqual(
      [],
    );
  });

  it("asks nothing when the question would be garbled or name nobody", () => {
    expect(causes("Above 30 °C the yeast dies quickly, because its proteins unfold.")).toEqual([]);
    expect(causes("She won a prize, but she lost it because she broke a rule.")).toEqual([]);
    expect(causes("Few critics liked his novel, because it was too long.")).toEqual([]);
    expect(causes("The mill, which stood by the river, closed because of floods, and because the owner died.")).toEqual(
      [],
    );
    expect(causes("The bridge is closed.")).toEqual([]);
  });

  it("builds one flashcard, after the sentence's specific items", () => {
    const { items } = buildItems(
      "# Orchards\n\nThe orchard was moved uphill because the valley flooded every spring.\n",
    );
    expect(items.filter((i) => i.factKey.startsWith("cause:")).map((i) => [i.kind, i.prompt, i.answer])).toEqual([
      ["flashcard", "Why was the orchard moved uphill?", "the valley flooded every spring"],
    ]);
  });
});
