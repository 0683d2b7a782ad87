import { describe, expect, it } from "vitest";
import { buildItems } from "@/lib/content/pipeline";
import { buildHalfScannedPdf, buildLongPdf, buildPdf, buildScannedPdf } from "@/tests/fixtures/documents/build";
import { readDocument } from "./index";

const read = (bytes: Uint8Array, filename = "apollo-11.pdf", limits = {}) =>
  readDocument({ bytes, filename, mimeType: "application/pdf", limits });

describe("readDocument: PDF", () => {
  it("rebuilds headings, paragraphs and lists of a three-page PDF, without headers or page numbers", async () => {
    expect(await read(await buildPdf())).toEqual({
      ok: true,
      format: "pdf",
      pages: 3,
      title: "Apollo 11",
      warnings: [],
      markdown: [
        "# Apollo 11",
        "Apollo 11 was the first crewed mission to land on the Moon. The Saturn V rocket lifted off from Kennedy Space Center in Florida on 16 July 1969.",
        "## The crew",
        "The crew consisted of three astronauts:",
        "- Neil Armstrong, the commander, who had flown Gemini 8\n- Buzz Aldrin, the lunar module pilot\n- Michael Collins, the command module pilot, who stayed in lunar orbit aboard Columbia",
        "## The landing",
        // "mod-" / "ule" at a line end is one word; the paragraph goes on across the page break.
        "On 20 July 1969, Neil Armstrong and Buzz Aldrin landed the lunar module Eagle in the Sea of Tranquility. Armstrong stepped onto the surface about six hours after the landing.",
        "The two astronauts collected 21.5 kilograms of lunar samples. About 650 million people watched the first steps on television.",
        "## The return",
        "The mission ended in three steps:",
        "1. The crew left the Moon on 21 July 1969.\n2. Columbia fired its engine to leave lunar orbit.\n3. The crew splashed down in the Pacific Ocean on 24 July 1969.",
      ].join("\n\n"),
    });
  });

  it("gives the content pipeline sections and list items it makes questions from", async () => {
    const result = await read(await buildPdf());
    if (!result.ok) throw new Error(result.message);
    const { doc, items } = buildItems(result.markdown, { seed: 1 });
    expect(doc.title).toBe("Apollo 11");
    expect(doc.sections.map((s) => s.heading)).toEqual(["Apollo 11", "The crew", "The landing", "The return"]);
    expect(doc.blocks.filter((b) => b.kind === "list_item")).toHaveLength(6);
    expect(items.length).toBeGreaterThan(3);
  });

  it("reports progress page by page", async () => {
    const progress: string[] = [];
    await readDocument({
      bytes: await buildPdf(),
      filename: "a.pdf",
      onProgress: (done, total) => progress.push(`${done}/${total}`),
    });
    expect(progress).toEqual(["1/3", "2/3", "3/3"]);
  });

  it("accepts a Node Buffer as well as a Uint8Array", async () => {
    const result = await read(Buffer.from(await buildPdf()));
    expect(result).toMatchObject({ ok: true, format: "pdf", pages: 3 });
  });

  it("leaves the caller's bytes usable (pdf.js detaches the buffer it is given)", async () => {
    const bytes = await buildPdf();
    const length = bytes.length;
    await read(bytes);
    expect(bytes.length).toBe(length);
    expect((await read(bytes)).ok).toBe(true);
  });

  it("says a scanned PDF (pages that are only pictures) has no text, and what to do", async () => {
    const result = await read(await buildScannedPdf(), "scan.pdf");
    expect(result).toEqual({
      ok: false,
      reason: "no-text",
      message: expect.stringContaining("“scan.pdf” has no text to read: its pages are images"),
    });
    expect(result.ok === false && result.message).toMatch(/OCR/);
  });

  it("reads the text pages of a partly scanned PDF and names the pages it skipped", async () => {
    const result = await read(await buildHalfScannedPdf());
    expect(result.ok && result.warnings).toEqual(["Page 2 has no text (scanned or pictures only) and was skipped."]);
    expect(result.ok && result.markdown).toMatch(/^# Apollo 11\n/m);
  });

  it("refuses a truncated PDF and one with garbage after its header as damaged", async () => {
    const truncated = (await buildPdf()).slice(0, 600);
    const garbage = new TextEncoder().encode("%PDF-1.7\n" + "x".repeat(5000));
    for (const bytes of [truncated, garbage]) {
      expect(await read(bytes, "broken.pdf")).toEqual({
        ok: false,
        reason: "corrupt",
        message:
          "“broken.pdf” could not be read: it looks like a PDF but it is damaged or incomplete. Open it in the program that made it, save it again, and upload the new file.",
      });
    }
  });

  it("refuses a PDF with more pages than the limit before reading any page", async () => {
    expect(await read(await buildLongPdf(3), "long.pdf", { pages: 2 })).toEqual({
      ok: false,
      reason: "too-many-pages",
      message:
        "“long.pdf” has 3 pages; at most 2 can be read. Split it into smaller PDFs (for example one per chapter) and upload them one at a time.",
    });
  });

  it("stops reading once the text passes the character limit", async () => {
    const result = await read(await buildLongPdf(3), "long.pdf", { characters: 2000 });
    expect(result).toMatchObject({ ok: false, reason: "too-much-text" });
  });
});
