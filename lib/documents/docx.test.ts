import { strToU8 } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { buildItems } from "@/lib/content/pipeline";
import {
  APOLLO_DOCX,
  buildDocx,
  buildEntityBombDocx,
  buildLyingZipBomb,
  buildManyEntriesDocx,
  buildZipBomb,
  docxParts,
  zipParts,
} from "@/tests/fixtures/documents/build";
import { readDocument } from "./index";

const MB = 1024 * 1024;
const read = (bytes: Uint8Array, filename = "apollo-11.docx", limits = {}) => readDocument({ bytes, filename, limits });

const DAMAGED =
  "could not be read: it looks like a Word document (.docx) but it is damaged or incomplete. Open it in the program that made it, save it again, and upload the new file.";
const BOMB =
  "“bomb.docx” unpacks to more than 50 MB (or holds more than 1000 parts), more than a document needs. If it is a real document, split it or remove embedded files, and save it again.";

describe("readDocument: Word (.docx)", () => {
  it("keeps the title, headings (one level below the title) and bulleted and numbered lists", async () => {
    expect(await read(buildDocx())).toEqual({
      ok: true,
      format: "docx",
      title: "Apollo 11 & the Moon",
      warnings: [],
      markdown: [
        "# Apollo 11",
        // The first word is bold in the file: its text is kept, without `**`.
        "Apollo 11 was the first crewed mission to land on the Moon.",
        "## The crew",
        "- Neil Armstrong, commander\n- Buzz Aldrin, lunar module pilot\n- Michael Collins, command module pilot",
        "## The landing",
        "On 20 July 1969 Armstrong and Aldrin landed in the Sea of Tranquility.",
        "### Steps home",
        "1. The crew left the Moon on 21 July 1969.\n2. The crew splashed down in the Pacific Ocean on 24 July 1969.",
      ].join("\n\n"),
    });
  });

  it("keeps Heading 1 as # when the document has no Title paragraph", async () => {
    const result = await read(buildDocx(APOLLO_DOCX.slice(1)));
    expect(result.ok && result.markdown).toMatch(/^Apollo 11 was the first[^\n]*\n\n# The crew\n/);
    if (result.ok) expect(buildItems(result.markdown).doc.title).toBe("The crew");
  });

  it("skips pictures without inflating them and says so", async () => {
    const parts = docxParts();
    const rels = new TextDecoder().decode(parts["word/_rels/document.xml.rels"]);
    parts["word/_rels/document.xml.rels"] = strToU8(
      rels.replace(
        "</Relationships>",
        '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/></Relationships>',
      ),
    );
    const picture = `<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:docPr id="1" name="Picture 1" descr="The Saturn V"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill><a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="rId9"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;
    const xml = new TextDecoder().decode(parts["word/document.xml"]).replace("<w:body>", `<w:body>${picture}`);
    parts["word/document.xml"] = strToU8(xml);
    // The "picture" is not even a PNG: it is never inflated or read.
    parts["word/media/image1.png"] = new Uint8Array(1000).fill(7);
    const result = await read(zipParts(parts));
    expect(result).toMatchObject({ ok: true, warnings: ["1 picture was skipped; only text is read."] });
    expect(result.ok && result.markdown).not.toMatch(/!\[|data:|image1/);
  });

  it("refuses a truncated .docx and one whose document.xml is not XML as damaged", async () => {
    const truncated = buildDocx().slice(0, 300);
    const notXml = zipParts(docxParts(APOLLO_DOCX, { "word/document.xml": strToU8("<w:document><w:body><w:p>") }));
    const noDocument = (() => {
      const parts = docxParts();
      delete (parts as Record<string, Uint8Array | undefined>)["word/document.xml"];
      parts["word/document2.xml"] = strToU8("<x/>");
      return zipParts(parts);
    })();
    for (const bytes of [truncated, notXml]) {
      expect(await read(bytes, "broken.docx")).toEqual({
        ok: false,
        reason: "corrupt",
        message: `“broken.docx” ${DAMAGED}`,
      });
    }
    // A zip without word/document.xml is not a Word file at all.
    expect(await read(noDocument, "broken.docx")).toEqual({
      ok: false,
      reason: "unsupported-format",
      message: "“broken.docx” is a zip archive, not a Word document. Unzip it and upload the document inside.",
    });
  });

  describe("zip bombs (a 60 MB document.xml in a zip of ~60 KB)", () => {
    let bomb: Uint8Array;
    beforeAll(() => {
      bomb = buildZipBomb(60 * MB);
    }, 60_000);

    it("refuses a zip bomb from its directory, before inflating anything", async () => {
      expect(bomb.length).toBeLessThan(128 * 1024);
      expect(await read(bomb, "bomb.docx")).toEqual({ ok: false, reason: "too-large-inflated", message: BOMB });
      // The same bomb with its compressed data wrecked: had anything been inflated, this would read as damaged.
      const wrecked = bomb.slice();
      wrecked.fill(0xff, 2000, bomb.length - 2000);
      expect(await read(wrecked, "bomb.docx")).toMatchObject({ ok: false, reason: "too-large-inflated" });
    });

    it("stops a zip bomb that lies about its sizes once the inflated bytes pass the cap", async () => {
      const lying = buildLyingZipBomb(bomb);
      expect(await read(lying, "bomb.docx")).toEqual({ ok: false, reason: "too-large-inflated", message: BOMB });
      // With a lower cap it stops sooner, and says so.
      expect(await read(lying, "bomb.docx", { inflatedBytes: 4 * MB })).toEqual({
        ok: false,
        reason: "too-large-inflated",
        message: BOMB.replace("50 MB", "4 MB"),
      });
    }, 30_000);
  });

  it("refuses an archive with more parts than a document has", async () => {
    expect(await read(buildManyEntriesDocx(1200), "bomb.docx")).toEqual({
      ok: false,
      reason: "too-large-inflated",
      message: BOMB,
    });
  });

  it("refuses XML with a DTD (entity expansion, the XML bomb), which Word never writes", async () => {
    expect(await read(buildEntityBombDocx(), "broken.docx")).toEqual({
      ok: false,
      reason: "corrupt",
      message: `“broken.docx” ${DAMAGED}`,
    });
  });

  it("refuses a document with more text than the limit before converting it", async () => {
    const long = buildDocx([{ kind: "paragraph", text: "Apollo ".repeat(400) }]);
    expect(await read(long, "long.docx", { characters: 1000 })).toEqual({
      ok: false,
      reason: "too-much-text",
      message:
        "“long.docx” holds more than 1,000 characters of text, more than one deck can take. Split it into smaller documents (for example one per chapter).",
    });
  });

  it("says a document without any text has none", async () => {
    expect(await read(buildDocx([{ kind: "paragraph", text: " " }]), "blank.docx")).toMatchObject({
      ok: false,
      reason: "no-text",
    });
  });
});
