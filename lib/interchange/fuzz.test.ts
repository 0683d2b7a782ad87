import { unzipSync, zipSync } from "fflate";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildItems } from "@/lib/content/pipeline";
import { createRng, type Rng } from "@/lib/prng";
import { writeApkg } from "./apkg-write";
import { itemsCsv } from "./csv";
import { readImport } from "./import";

/** Seeded damage: flipped bytes, a truncation, a spliced-in run of garbage, or all three. */
function mutate(bytes: Uint8Array, rng: Rng): Uint8Array {
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

describe("readImport on damaged files (seeded fuzz)", () => {
  it("always answers with a value, never a throw: items with text, or a message", () => {
    const rng = createRng(1414);
    const items = buildItems(readFileSync("lib/content/fixtures/apollo-11.md", "utf8"))
      .items.slice(0, 15)
      .map((item, i) => ({ id: `i${i}`, item, sourceText: item.source.text }));
    const apkg = writeApkg({ title: "Fuzz", items, now: new Date(0) });
    // Stored, not deflated: the damage reaches the SQLite file itself, not only the compressed stream.
    const stored = zipSync(unzipSync(apkg), { level: 0 });
    const csv = new TextEncoder().encode(itemsCsv(items));
    const inputs: [Uint8Array, string][] = [
      [apkg, "fuzz.apkg"],
      [stored, "fuzz.apkg"],
      [csv, "fuzz.csv"],
      [csv, "fuzz.tsv"],
    ];
    for (const [bytes, filename] of inputs) {
      for (let i = 0; i < 40; i++) {
        const result = readImport({ bytes: mutate(bytes, rng), filename });
        if (result.ok) {
          for (const item of result.items) {
            expect(typeof item.prompt).toBe("string");
            expect(item.prompt).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
          }
          for (const error of result.errors) expect(error.message).toMatch(/^(Row|Note) \d+: /);
        } else expect(result.message.length).toBeGreaterThan(20);
      }
    }
  }, 60_000);
});
