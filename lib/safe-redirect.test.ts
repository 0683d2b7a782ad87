import { describe, expect, it } from "vitest";
import { safeRedirect } from "./safe-redirect";

describe("safeRedirect", () => {
  it.each([
    ["/study", "/study"],
    ["/decks/1?x=2", "/decks/1?x=2"],
    ["/decks/1?x=2#top", "/decks/1?x=2#top"],
    ["/€", "/%E2%82%AC"],
    ["/a b", "/a%20b"],
    ["/./study", "/study"],
    [undefined, "/"],
    [null, "/"],
    ["", "/"],
  ])("keeps a same-origin path: %s → %s", (input, expected) => {
    expect(safeRedirect(input)).toBe(expected);
  });

  // Known open-redirect bypasses (OWASP, PortSwigger): each of these is read by a browser as another host, a script,
  // or is not a path at all. The raw forms and their percent-decoded forms (what searchParams hands the page) both.
  const BYPASSES = [
    "https://evil.example/",
    "http:evil.example",
    "//evil.example",
    "///evil.example",
    "////evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "/\t/evil.example",
    "/\t/localhost:3413/phish",
    "/\n/evil.example",
    "/\r/evil.example",
    "/\r\n/evil.example",
    "/ /evil.example",
    "\t//evil.example",
    " //evil.example",
    "/%09/evil.example",
    "/%5Cevil.example",
    "/%2F/evil.example",
    "javascript:alert(1)",
    "/javascript:alert(1)//",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "/\u0000/evil.example",
    "/\u3002evil.example",
    "//evil.example@factdeck.invalid",
    "/\\t/evil.example",
  ];

  it.each(BYPASSES)("never leaves the site: %j", (input) => {
    for (const candidate of [input, safeDecode(input)]) {
      const result = safeRedirect(candidate);
      const landed = new URL(result, "http://factdeck.invalid");
      expect(landed.origin).toBe("http://factdeck.invalid");
      expect(result.startsWith("/") && !result.startsWith("//")).toBe(true);
      // Every character of a redirect must be allowed in a header (a newline would make Next answer 500).
      expect(result).toMatch(/^[\x21-\x7e]+$/);
    }
  });

  it("refuses the tab, newline and carriage-return tricks outright", () => {
    expect(safeRedirect("/\t/localhost:3413/phish")).toBe("/");
    expect(safeRedirect("/\n/x")).toBe("/");
    expect(safeRedirect("/\r/x")).toBe("/");
  });

  it("accepts a path on the site's own origin when one is given, and nothing else", () => {
    expect(safeRedirect("/study", "/", "https://factdeck.example")).toBe("/study");
    expect(safeRedirect("//factdeck.example/study", "/", "https://factdeck.example")).toBe("/study");
    expect(safeRedirect("//evil.example/study", "/", "https://factdeck.example")).toBe("/");
    expect(safeRedirect("https://factdeck.example/study", "/", "https://factdeck.example")).toBe("/");
  });
});

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
