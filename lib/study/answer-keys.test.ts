import { describe, expect, it } from "vitest";
import { answerKey, emptyDraft, moveEntry, type Draft } from "./answer-keys";

const press = (card: Parameters<typeof answerKey>[0], draft: Draft, keys: string[]) =>
  keys.reduce((d, key) => answerKey(card, d, { key }) ?? d, draft);

describe("answerKey", () => {
  it("picks a choice with its digit and ignores digits past the last option", () => {
    const card = { kind: "multiple_choice" as const, options: ["a", "b", "c"], matchLeft: null, matchRight: null };
    const draft = emptyDraft({ kind: "multiple_choice", shuffled: null });
    expect(answerKey(card, draft, { key: "2" })).toEqual({ ...draft, choice: "b" });
    expect(answerKey(card, draft, { key: "4" })).toBeNull();
    expect(answerKey(card, draft, { key: "x" })).toBeNull();
  });

  it("matches a whole set with one digit per row, and ↑/↓ go back to a row", () => {
    const card = {
      kind: "matching" as const,
      options: null,
      matchLeft: ["France", "Italy", "Spain"],
      matchRight: ["Rome", "Madrid", "Paris"],
    };
    const draft = emptyDraft({ kind: "matching", shuffled: null });
    const done = press(card, draft, ["3", "1", "2"]);
    expect(done.pairs).toEqual({ France: "Paris", Italy: "Rome", Spain: "Madrid" });
    // Every row matched: the active row stays where it was; ↑ goes back one and a digit changes that row.
    const fixed = press(card, done, ["ArrowUp", "ArrowUp", "2"]);
    expect(fixed.pairs).toEqual({ France: "Madrid", Italy: "Rome", Spain: "Madrid" });
    expect(answerKey(card, draft, { key: "4" })).toBeNull();
  });

  it("selects an ordering entry with its digit and moves it with the arrows", () => {
    const card = { kind: "ordering" as const, options: null, matchLeft: null, matchRight: null };
    const draft = emptyDraft({ kind: "ordering", shuffled: ["c", "a", "b"] });
    // Nothing selected: the arrows are left to the page (scrolling).
    expect(answerKey(card, draft, { key: "ArrowDown" })).toBeNull();
    const moved = press(card, draft, ["1", "ArrowDown", "ArrowDown"]);
    expect(moved).toEqual({ ...draft, order: ["a", "b", "c"], active: 2 });
    // At the end it stays put (handled, so the page does not scroll either).
    expect(answerKey(card, moved, { key: "ArrowDown", altKey: true })).toEqual(moved);
  });

  it("leaves typed answers alone", () => {
    const card = { kind: "typed" as const, options: null, matchLeft: null, matchRight: null };
    expect(answerKey(card, emptyDraft({ kind: "typed", shuffled: null }), { key: "1" })).toBeNull();
  });
});

describe("moveEntry", () => {
  it("moves an entry, clamping the target to the list", () => {
    expect(moveEntry(["a", "b", "c"], 0, 2)).toEqual(["b", "c", "a"]);
    expect(moveEntry(["a", "b", "c"], 2, -5)).toEqual(["c", "a", "b"]);
    expect(moveEntry(["a", "b", "c"], 7, 0)).toEqual(["a", "b", "c"]);
  });
});
