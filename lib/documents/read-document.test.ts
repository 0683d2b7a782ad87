import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildDocx, buildPdf, buildPng, APOLLO_HTML } from "@/tests/fixtures/documents/build";
import { buildItems } from "@/lib/content/pipeline";
import { DOCUMENT_LIMITS, readDocument } from "./index";

const MB = 1024 * 1024;
const utf8 = (text: string) => new TextEncoder().encode(text);

describe("readDocument: limits", () => {
  it("has the limits the decision record gives", () => {
    expect(DOCUMENT_LIMITS).toEqual({
      bytes: 10 * MB,
      pages: 200,
      inflatedBytes: 50 * MB,
      zipEntries: 1000,
      characters: 1_000_000,
    });
  });

  it("refuses a 50 MB file before parsing it (a broken PDF that size is reported as too large, not damaged)", async () => {
    const bytes = new Uint8Array(50 * MB);
    bytes.set(utf8("%PDF-1.7\n"));
    expect(await readDocument({ bytes, filename: "huge.pdf", mimeType: "application/pdf" })).toEqual({
      ok: false,
      reason: "too-large",
      message:
        '“huge.pdf” is 50 MB; files up to 10 MB can be read. Split the document, or save it without images (in Word: File › Compress Pictures; for a PDF: "Reduce file size").',
    });
  });

  it("refuses an empty file", async () => {
    expect(await readDocument({ bytes: new Uint8Array(0), filename: "notes.md" })).toEqual({
      ok: false,
      reason: "empty",
      message: "“notes.md” is empty. Choose the file again, or another one.",
    });
  });

  it("refuses text longer than the character limit", async () => {
    const result = await readDocument({
      bytes: utf8("a ".repeat(600)),
      filename: "a.txt",
      limits: { characters: 1000 },
    });
    expect(result).toEqual({
      ok: false,
      reason: "too-much-text",
      message:
        "“a.txt” holds more than 1,000 characters of text, more than one deck can take. Split it into smaller documents (for example one per chapter).",
    });
  });
});

describe("readDocument: what the content pipeline gets", () => {
  it("a title, sections and questions from each format's fixture", async () => {
    const fixtures: Array<[Uint8Array, string]> = [
      [await buildPdf(), "apollo-11.pdf"],
      [buildDocx(), "apollo-11.docx"],
      [utf8(APOLLO_HTML), "apollo-11.html"],
    ];
    for (const [bytes, filename] of fixtures) {
      const result = await readDocument({ bytes, filename });
      if (!result.ok) throw new Error(result.message);
      const { doc, items } = buildItems(result.markdown, { seed: 1 });
      expect(doc.title).toBe("Apollo 11");
      expect(doc.sections.map((s) => s.heading)).toContain("The crew");
      expect(items.length).toBeGreaterThan(5); // one item per fact (decision 034): 8 today
    }
  }, 30_000); // three documents through the whole generator: ~1.5 s quiet, over 5 s on a loaded CI machine
});

describe("readDocument: Markdown and text", () => {
  it("passes Markdown through, with line endings normalised", async () => {
    expect(
      await readDocument({ bytes: utf8("# Moon\r\n\r\n- Apollo 11\r\n- Apollo 12\r\n"), filename: "moon.md" }),
    ).toEqual({
      ok: true,
      format: "markdown",
      title: "Moon",
      warnings: [],
      markdown: "# Moon\n\n- Apollo 11\n- Apollo 12\n",
    });
  });

  it("reads UTF-16 with a BOM, and Windows-1252 text with a warning", async () => {
    const utf16 = Uint8Array.from([0xff, 0xfe, ...Array.from("Curie").flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(await readDocument({ bytes: utf16, filename: "curie.txt" })).toMatchObject({ ok: true, markdown: "Curie" });
    const cp1252 = Uint8Array.from([...utf8("Curie studied in Paris"), 0xe9]);
    expect(await readDocument({ bytes: cp1252, filename: "curie.txt" })).toEqual({
      ok: true,
      format: "text",
      warnings: [
        "The file is not UTF-8; it was read as windows-1252. Check that accented letters look right in the preview.",
      ],
      markdown: "Curie studied in Parisé",
    });
  });

  it("tells Markdown from text by headings when the name does not say", async () => {
    expect(await readDocument({ bytes: utf8("# Moon\n\nText."), filename: "notes" })).toMatchObject({
      format: "markdown",
    });
    expect(await readDocument({ bytes: utf8("Moon\n\nText."), filename: "notes" })).toMatchObject({ format: "text" });
  });
});

describe("readDocument: the content decides the format, and a lying name is refused", () => {
  it("refuses a Word file named .pdf, a PDF named .docx and text named .pdf", async () => {
    expect(await readDocument({ bytes: buildDocx(), filename: "notes.pdf" })).toEqual({
      ok: false,
      reason: "extension-mismatch",
      message:
        "“notes.pdf” is named like a PDF, but it is a Word document (.docx). Rename it with the right extension, or export it again from the program that made it.",
    });
    expect(await readDocument({ bytes: await buildPdf(), filename: "notes.docx" })).toMatchObject({
      ok: false,
      reason: "extension-mismatch",
      message: expect.stringContaining("is named like a Word document (.docx), but it is a PDF."),
    });
    expect(await readDocument({ bytes: utf8("just text"), filename: "notes.pdf" })).toMatchObject({
      ok: false,
      reason: "extension-mismatch",
      message: expect.stringContaining("but it is a text file."),
    });
  });

  it("refuses a picture renamed .pdf, saying what it is", async () => {
    expect(await readDocument({ bytes: buildPng(4, 4), filename: "scan.pdf" })).toEqual({
      ok: false,
      reason: "extension-mismatch",
      message:
        "“scan.pdf” is named like a PDF, but it is an image. Factdeck reads the text of documents, not pictures. Upload the document the picture came from, or a PDF with text in it.",
    });
  });

  it("goes by content when the name is unknown or missing, and by the MIME type after that", async () => {
    expect(await readDocument({ bytes: await buildPdf(), filename: "download" })).toMatchObject({
      ok: true,
      format: "pdf",
    });
    expect(await readDocument({ bytes: buildDocx(), filename: "upload.bin" })).toMatchObject({
      ok: true,
      format: "docx",
    });
    expect(await readDocument({ bytes: buildDocx(), filename: "download", mimeType: "application/pdf" })).toMatchObject(
      { ok: false, reason: "extension-mismatch" },
    );
  });

  it("takes a PDF with bytes before its header for a PDF, but not a text that mentions the header", async () => {
    const prefixed = Uint8Array.from([...utf8("junk before the header\n"), ...(await buildPdf())]);
    expect(await readDocument({ bytes: prefixed, filename: "a.pdf" })).toMatchObject({ ok: true, format: "pdf" });
    const note = utf8("Every PDF starts with %PDF-1.7 or similar.");
    expect(await readDocument({ bytes: note, filename: "note.txt" })).toMatchObject({ ok: true, format: "text" });
  });

  it("reads a web page saved as .txt as HTML, and says so", async () => {
    expect(await readDocument({ bytes: utf8(APOLLO_HTML), filename: "apollo.txt" })).toMatchObject({
      ok: true,
      format: "html",
      warnings: ["The file is named like a text file but holds a web page; it was read as HTML."],
    });
  });

  it("believes a name that says the file is no document when the content cannot tell (a cut-off picture)", async () => {
    expect(await readDocument({ bytes: Uint8Array.from([0x89, 0x50]), filename: "photo.png" })).toEqual({
      ok: false,
      reason: "unsupported-format",
      message:
        "“photo.png” is a .png file, not a document Factdeck reads. Upload PDF, Word (.docx), HTML, Markdown or text.",
    });
  });

  it("names the formats it does not read and says what to do", async () => {
    const cases: Array<[Uint8Array, string, string]> = [
      [
        Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]),
        "old.doc",
        "“old.doc” is an older Office file (.doc, .xls, .ppt) or a password-protected Word document. Open it in Word (or LibreOffice) and save it as Word Document (.docx), then upload that. If it has a password, save a copy without one.",
      ],
      [
        zipSync({ "ppt/presentation.xml": strToU8("<p/>") }),
        "slides.pptx",
        "“slides.pptx” is a PowerPoint presentation. Export it as PDF (File › Export › PDF) and upload the PDF.",
      ],
      [
        zipSync({ mimetype: strToU8("application/vnd.oasis.opendocument.text"), "content.xml": strToU8("<x/>") }),
        "notes.odt",
        "“notes.odt” is an OpenDocument file (.odt). Open it in Word (or LibreOffice) and save it as Word Document (.docx), then upload that.",
      ],
      [
        utf8("MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n"),
        "page.mhtml",
        '“page.mhtml” is a web archive (.mht/.mhtml). Save the page again with "Webpage, HTML only" (or print it to PDF) and upload that.',
      ],
      [
        Uint8Array.from([1, 2, 3, 0, 0, 4, 5]),
        "data.bin",
        "“data.bin” is not a document Factdeck can read (it holds binary data). Upload PDF, Word (.docx), HTML, Markdown or text.",
      ],
    ];
    for (const [bytes, filename, message] of cases)
      expect(await readDocument({ bytes, filename })).toEqual({ ok: false, reason: "unsupported-format", message });
  });

  it("keeps a hostile file name out of the message's control characters", async () => {
    const result = await readDocument({ bytes: new Uint8Array(0), filename: "C:\\fake\\evil\u202Etxt.exe\u0007.md" });
    expect(result.ok === false && result.message).toBe(
      "“eviltxt.exe.md” is empty. Choose the file again, or another one.",
    );
  });
});
