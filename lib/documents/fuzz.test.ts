import { describe, expect, it } from "vitest";
import { createRng } from "@/lib/prng";
import { APOLLO_HTML, HOSTILE_HTML, buildDocx, buildPdf } from "@/tests/fixtures/documents/build";
import { readDocument } from "./index";
import type { RefusalReason } from "./types";

const REASONS: RefusalReason[] = [
  "empty",
  "too-large",
  "unsupported-format",
  "extension-mismatch",
  "corrupt",
  "encrypted",
  "too-many-pages",
  "too-large-inflated",
  "no-text",
  "too-much-text",
  "too-complex",
];

/** Seeded damage: flipped bytes, a truncation, a spliced-in run of garbage, or all three. */
function mutate(bytes: Uint8Array, rng: () => number): Uint8Array {
  let out = bytes.slice();
  const kind = Math.floor(rng() * 4);
  if (kind === 0 || kind === 3)
    for (let i = 0; i < 1 + rng() * 20; i++) out[Math.floor(rng() * out.length)] = Math.floor(rng() * 256);
  if (kind === 1 || kind === 3) out = out.slice(0, Math.max(1, Math.floor(rng() * out.length)));
  if (kind === 2 || kind === 3) {
    const at = Math.floor(rng() * out.length);
    const junk = Uint8Array.from({ length: 1 + Math.floor(rng() * 200) }, () => Math.floor(rng() * 256));
    out = Uint8Array.from([...out.subarray(0, at), ...junk, ...out.subarray(at)]);
  }
  return out;
}

describe("readDocument on damaged files (seeded fuzz)", () => {
  it("always answers with a value, never a throw, and refusals carry a known reason and a message", async () => {
    const rng = createRng(14);
    const inputs: Array<[Uint8Array, string]> = [
      [await buildPdf(), "fuzz.pdf"],
      [buildDocx(), "fuzz.docx"],
      [new TextEncoder().encode(APOLLO_HTML), "fuzz.html"],
      [new TextEncoder().encode(HOSTILE_HTML), "fuzz.html"],
    ];
    for (const [bytes, filename] of inputs) {
      for (let i = 0; i < 25; i++) {
        const result = await readDocument({ bytes: mutate(bytes, rng), filename });
        if (result.ok) {
          expect(typeof result.markdown).toBe("string");
          // No URL of the page and no unescaped tag, however damaged the markup around them.
          expect(result.markdown).not.toMatch(/evil\.example|(?:^|[^\\])<[A-Za-z/!?]/);
        } else {
          expect(REASONS).toContain(result.reason);
          expect(result.message.length).toBeGreaterThan(20);
        }
      }
    }
  }, 60_000);
});
