import TurndownService from "turndown";
import { DocumentError } from "./types";

/**
 * HTML → the Markdown the content pipeline reads (lib/content/parse.ts): `#` headings, `-`/`1.` lists, paragraphs and
 * pipe tables. Everything else is reduced to its text, because the pipeline reads Markdown as text and would keep
 * `**`, `[…](…)` or `>` inside the questions it writes. Images, links' targets, scripts, frames and forms never reach
 * the output, so the Markdown refers to nothing outside itself.
 */
export const INERT_TAGS = [
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "form",
  "input",
  "button",
  "select",
  "textarea",
  "svg",
  "math",
  "canvas",
  "audio",
  "video",
  "picture",
  "img",
  "head",
  "title",
  "meta",
  "link",
  "base",
] as const;

function createService(): TurndownService {
  const service = new TurndownService({
    headingStyle: "atx",
    bulletListMarker: "-",
    codeBlockStyle: "fenced",
    hr: "",
    br: "",
  });
  // A rule, not service.remove(): turndown tries its own rules (img among them) before the removal list.
  service.addRule("inert", { filter: [...INERT_TAGS] as TurndownService.TagName[], replacement: () => "" });
  // Only `<` that could open raw HTML in a Markdown renderer is escaped; other Markdown characters stay as written,
  // since the pipeline shows the text as it is (an escaped `1969\.` would appear with its backslash).
  service.escape = (text: string) => text.replace(/<(?=[A-Za-z/!?])/g, "\\<");
  service.addRule("plain-inline", {
    filter: [
      "a",
      "strong",
      "b",
      "em",
      "i",
      "u",
      "s",
      "del",
      "ins",
      "mark",
      "small",
      "sub",
      "sup",
      "code",
      "span",
      "abbr",
    ],
    replacement: (content) => content,
  });
  service.addRule("quote-as-paragraphs", {
    filter: "blockquote",
    replacement: (content) => `\n\n${content.trim()}\n\n`,
  });
  service.addRule("table", {
    filter: "table",
    replacement: (_content, node) => `\n\n${tableRows(node)}\n\n`,
  });
  return service;
}

/** A pipe table: first row as header, cells as their text with `|` escaped and whitespace collapsed. */
function tableRows(table: HTMLElement): string {
  const rows = Array.from(table.querySelectorAll("tr"))
    .map((row) =>
      Array.from(row.children)
        .filter((cell) => /^(td|th)$/i.test(cell.nodeName))
        .map((cell) =>
          (cell.textContent ?? "")
            .replace(/\s+/g, " ")
            .trim()
            .replace(/\|/g, "\\|")
            .replace(/<(?=[A-Za-z/!?])/g, "\\<"),
        ),
    )
    .filter((cells) => cells.some((cell) => cell !== ""));
  if (rows.length === 0) return "";
  const width = Math.max(...rows.map((cells) => cells.length));
  const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? "").join(" | ")} |`;
  return [line(rows[0]), line(Array(width).fill("---")), ...rows.slice(1).map(line)].join("\n");
}

let service: TurndownService | undefined;

/**
 * Converts HTML (already sanitised, or made by mammoth) to Markdown. Parses with turndown's own DOM (domino), which
 * neither runs scripts nor loads resources.
 *
 * @example
 * htmlToMarkdown("<h2>Crew</h2><ul><li><b>Neil</b> Armstrong</li></ul>") // "## Crew\n\n- Neil Armstrong"
 */
export function htmlToMarkdown(html: string): string {
  service ??= createService();
  try {
    return tidy(service.turndown(html));
  } catch (error) {
    // Turndown recurses per element: markup nested a few thousand deep overflows the stack.
    if (error instanceof RangeError) throw new DocumentError("too-complex");
    throw error;
  }
}

/** Trailing spaces off, at most one blank line in a row, no blank lines at the ends. */
export function tidy(markdown: string): string {
  return (
    markdown
      // Turndown pads list markers to four columns ("-   item"); one space reads better in the preview.
      .replace(/^(\s*)(-|\d+\.) {2,}(?=\S)/gm, "$1$2 ")
      .replace(/[ \t\u00A0]+$/gm, "")
      .replace(/\n{3,}/g, "\n\n")
      .trim()
  );
}
