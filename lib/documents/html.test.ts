import { afterEach, describe, expect, it, vi } from "vitest";
import { APOLLO_HTML, HOSTILE_HTML } from "@/tests/fixtures/documents/build";
import { readDocument } from "./index";

const utf8 = (text: string) => new TextEncoder().encode(text);
const read = (html: string | Uint8Array, filename = "page.html") =>
  readDocument({ bytes: typeof html === "string" ? utf8(html) : html, filename, mimeType: "text/html" });

afterEach(() => vi.restoreAllMocks());

describe("readDocument: HTML", () => {
  it("reads a saved web page's article, without its menus, sidebar and footer; headings, lists, tables survive", async () => {
    expect(await read(APOLLO_HTML, "apollo-11.html")).toEqual({
      ok: true,
      format: "html",
      title: "Apollo 11",
      warnings: [],
      markdown: [
        "# Apollo 11",
        "Apollo 11 was the first crewed mission to land on the Moon. The Saturn V rocket lifted off from Kennedy Space Center in Florida on 16 July 1969, carrying three astronauts on a journey of about eight days.",
        "## The crew",
        "- Neil Armstrong, commander\n- Buzz Aldrin, lunar module pilot\n- Michael Collins, command module pilot",
        "## The landing",
        "On 20 July 1969, Neil Armstrong and Buzz Aldrin landed the lunar module Eagle in the Sea of Tranquility. Michael Collins stayed in lunar orbit aboard the command module Columbia. The two astronauts collected 21.5 kilograms of lunar samples, and about 650 million people watched the first steps on television.",
        "| Module | Name |\n| --- | --- |\n| Command module | Columbia |\n| Lunar module | Eagle |",
      ].join("\n\n"),
    });
  });

  it("reads an HTML document without page furniture whole (Readability cannot drop a short section)", async () => {
    const html =
      "<h1>Moon</h1><p>The Moon orbits Earth.</p><h2>Missions</h2><ol><li>Apollo 11</li><li>Apollo 12</li></ol><h2>Short</h2><p>Six landings.</p>";
    expect(await read(html, "moon.htm")).toEqual({
      ok: true,
      format: "html",
      title: "Moon",
      warnings: [],
      markdown:
        "# Moon\n\nThe Moon orbits Earth.\n\n## Missions\n\n1. Apollo 11\n2. Apollo 12\n\n## Short\n\nSix landings.",
    });
  });

  it("turns a hostile page into inert Markdown: no script, handler, frame, form, hidden text, URL or raw HTML", async () => {
    const fetch = vi.spyOn(globalThis, "fetch");
    const result = await read(HOSTILE_HTML, "hostile.html");
    expect(result).toEqual({
      ok: true,
      format: "html",
      title: "Moon facts",
      warnings: [],
      markdown: [
        "# Moon facts",
        "The Moon is about 384,400 kilometres from Earth.",
        // Links keep their words, never their targets (javascript: or otherwise).
        "Its diameter is 3,474 kilometres. Read more and elsewhere.",
        // Text that merely looks like a tag is escaped, so a Markdown renderer shows it instead of running it.
        'Literal text: \\<script>alert("text")\\</script> stays text.',
      ].join("\n\n"),
    });
    expect(fetch).not.toHaveBeenCalled();
    expect(result.ok && result.markdown).not.toMatch(
      /evil\.example|onerror|onload|hunter2|Hidden|Invisible|frame text/,
    );
  });

  it("falls back to the page's text without menus when Readability finds no article", async () => {
    const html =
      "<!doctype html><nav><a href='/'>Home</a></nav><main><p>Short note: Apollo 11 flew in 1969.</p></main>";
    expect(await read(html)).toEqual({
      ok: true,
      format: "html",
      warnings: ["No main article was found on this page, so all of its text (without menus) was read."],
      markdown: "Short note: Apollo 11 flew in 1969.",
    });
  });

  it("reads pages whose <html>, <head> or <body> is missing or left open", async () => {
    const pages = [
      "<!doctype html><body><p>Apollo 11 landed in 1969.</p></body>",
      "<!doctype html><html><title>Moon</title><body><p>Apollo 11 landed in 1969.</p>",
      "<html><head><title>Moon</title></head><p>Apollo 11 landed in 1969.</p></html>",
    ];
    for (const html of pages)
      expect(await read(html)).toMatchObject({
        ok: true,
        markdown: expect.stringMatching(/Apollo 11 landed in 1969\.$/),
      });
    expect(await read(pages[1])).toMatchObject({ title: "Moon", markdown: "# Moon\n\nApollo 11 landed in 1969." });
  });

  it("decodes the charset the page declares", async () => {
    const latin1 = Uint8Array.from([
      ...utf8('<!doctype html><meta charset="windows-1252"><p>Marie Curie was born in Warsaw; she studied in Paris'),
      0xe9, // é in Windows-1252, invalid as UTF-8
      ...utf8(".</p>"),
    ]);
    const result = await read(latin1);
    expect(result.ok && result.markdown).toBe("Marie Curie was born in Warsaw; she studied in Parisé.");
  });

  it("refuses markup nested thousands deep (it would overflow the converters' stack) with a clear message", async () => {
    for (const depth of [401, 5000]) {
      const html = `<!doctype html><body>${"<div>".repeat(depth)}Deep text${"</div>".repeat(depth)}</body>`;
      expect(await read(html, "deep.html")).toEqual({
        ok: false,
        reason: "too-complex",
        message:
          "“deep.html” is nested too deeply to read (elements inside elements, hundreds of levels down), which real documents are not. Save it again from the program that made it, or print it to PDF and upload that.",
      });
    }
    expect(await read(`<body>${"<div>".repeat(300)}Deep text${"</div>".repeat(300)}</body>`)).toMatchObject({
      ok: true,
      markdown: "Deep text",
    });
    // Thousands of <p> and <li> without end tags are not nesting: the parser closes each one.
    const unclosed = `<h1>Notes</h1>${"<p>A paragraph left open".repeat(2000)}<ul>${"<li>An item".repeat(2000)}</ul>`;
    expect(await read(unclosed)).toMatchObject({ ok: true, title: "Notes" });
  });

  it("says a page with no text has none", async () => {
    expect(
      await read("<!doctype html><html><body><script>x()</script><img src=a.png></body></html>", "empty.html"),
    ).toEqual({
      ok: false,
      reason: "no-text",
      message:
        "“empty.html” has no text to read. Check that it is the right file; a document of pictures only cannot be made into questions.",
    });
  });
});
