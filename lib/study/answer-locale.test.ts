import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, storedResponse } from "./answer-locale";

describe("localeFromAcceptLanguage", () => {
  it.each([
    ["en-GB,en;q=0.9", "en-GB"],
    ["en-US", "en-US"],
    ["fr;q=0.5, de-DE;q=0.8", "de-DE"],
    ["*;q=0.9, en-gb;q=0.5", "en-GB"],
    ["not a tag!, en-AU", "en-AU"],
    ["en-GB;q=0, en-US;q=0.1", "en-US"],
  ])("%s → %s", (header, locale) => {
    expect(localeFromAcceptLanguage(header)).toBe(locale);
  });
  it.each([null, undefined, "", "*", "x".repeat(501), "???"])("has no locale for %s", (header) => {
    expect(localeFromAcceptLanguage(header)).toBeUndefined();
  });
});

describe("storedResponse", () => {
  it("turns stored pairs and sequences back into arrays, and leaves text alone", () => {
    expect(storedResponse("ordering", '["a","b"]')).toEqual(["a", "b"]);
    expect(storedResponse("matching", '[{"left":"a","right":"b"}]')).toEqual([{ left: "a", right: "b" }]);
    expect(storedResponse("typed", '["a"]')).toBe('["a"]');
    expect(storedResponse("ordering", "a → b")).toBe("a → b");
  });
});
