import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { htmlToMarkdown, INERT_TAGS } from "./markdown";
import { decodeText } from "./text";
import { DocumentError, type DocumentLimits } from "./types";

/**
 * Elements that never carry the document's text, or that could run, load or submit something: what the Markdown
 * writer drops anyway (INERT_TAGS), dropped here before Readability reads the page, with media parts and hidden text.
 */
const DROP = [...INERT_TAGS, "source", "track", "map", "dialog", "[hidden]", '[aria-hidden="true"]'].join(",");

/** Attributes Readability scores by; every other attribute (on*, src, href, style …) is removed. */
const KEEP_ATTRIBUTES = new Set(["class", "id", "role", "lang", "dir"]);

/** Page furniture: its presence means a saved web page, where Readability finds the article. */
const CHROME =
  'nav, header, footer, aside, menu, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"]';
const CHROME_NAME =
  /(?:^|[\s_-])(?:nav|navbar|menu|sidebar|footer|header|masthead|cookie|banner|breadcrumbs?|comments?)(?:$|[\s_-])/i;

/**
 * Reads an HTML file or a saved web page as Markdown. The page is parsed with linkedom, which neither runs scripts nor
 * loads anything; scripts, styles, frames, forms, media and hidden elements are removed and every attribute but
 * class/id/role is stripped before anything reads it. A page with navigation or sidebars goes through Readability to
 * find its article; an instructor's own HTML document (no such furniture) is read whole, so Readability cannot drop a
 * section of it. Headings, lists and tables survive as Markdown.
 *
 * @example
 * readHtml(utf8("<!doctype html><h1>Moon</h1><ul><li>Apollo 11</li></ul>"), DOCUMENT_LIMITS)
 * // { markdown: "# Moon\n\n-   Apollo 11", title: "Moon", warnings: [] }
 */
export function readHtml(
  bytes: Uint8Array,
  limits: DocumentLimits,
): { markdown: string; title?: string; warnings: string[] } {
  const { text, warnings } = decodeText(bytes, declaredCharset(bytes));
  if (nestingEstimate(text) > MAX_DEPTH * 2) throw new DocumentError("too-complex", { format: "html" });
  const { document } = parseHTML(normaliseSkeleton(text));
  const docTitle = clean(document.querySelector("title")?.textContent);
  for (const element of Array.from(document.querySelectorAll(DROP))) element.remove();
  // Inline styles are stripped below, so elements they hide are removed first.
  for (const element of Array.from(document.querySelectorAll("[style]")))
    if (/(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(element.getAttribute("style") ?? "")) element.remove();
  for (const element of Array.from(document.querySelectorAll("*")))
    for (const attribute of Array.from(element.attributes as ArrayLike<Attr>))
      if (!KEEP_ATTRIBUTES.has(attribute.name.toLowerCase())) element.removeAttribute(attribute.name);
  const body = document.body ?? document.documentElement;
  if (!body) throw new DocumentError("no-text", { format: "html" });
  if (depthExceeds(body, MAX_DEPTH)) throw new DocumentError("too-complex", { format: "html" });
  if ((body.textContent ?? "").length > limits.characters * 2)
    // Markup and whitespace aside, this much text cannot fit; stop before the slower steps.
    throw new DocumentError("too-much-text", { format: "html" });
  const heading = clean(body.querySelector("h1")?.textContent);
  const title = heading ?? docTitle;

  let html = body.innerHTML;
  if (hasPageChrome(body)) {
    const article = new Readability(document.cloneNode(true) as Document, { keepClasses: false }).parse();
    if (article?.content && clean(article.textContent ?? "") && (article.textContent ?? "").trim().length >= 200) {
      html = article.content;
    } else {
      for (const element of Array.from(body.querySelectorAll(CHROME))) element.remove();
      html = body.innerHTML;
      warnings.push("No main article was found on this page, so all of its text (without menus) was read.");
    }
  }
  let markdown = htmlToMarkdown(html);
  // Readability drops the page's <h1> or turns it into an <h2>; the title goes back as the one `#` heading.
  if (title && !/^#\s/.test(markdown)) {
    const lead = /^#{2,6} +(.*)\n*/.exec(markdown);
    if (lead && lead[1].trim().toLowerCase() === title.toLowerCase()) markdown = markdown.slice(lead[0].length);
    markdown = `# ${title}\n\n${markdown}`;
  }
  if (!/[\p{L}\p{N}]/u.test(markdown.replace(/^# .*$/m, ""))) throw new DocumentError("no-text", { format: "html" });
  return { markdown, title, warnings };
}

/**
 * linkedom, unlike a browser, does not repair a page's skeleton: with `<html>`, `<head>` or `<body>` missing or left
 * open, the body can come out empty. Their tags are removed and the content put in a fresh skeleton; what belonged in
 * the head (title, meta, style, script) is then in the body, where the sanitiser removes it like any other.
 */
function normaliseSkeleton(text: string): string {
  const content = text.replace(/<!doctype[^>]*>/gi, "").replace(/<\/?(?:html|head|body)\b[^>]*>/gi, "");
  return `<!doctype html><html><head></head><body>${content}</body></html>`;
}

/** Real pages nest a few dozen elements deep; Readability and turndown recurse per level and overflow in the thousands. */
const MAX_DEPTH = 400;

// Elements a parser closes by itself (`<p>`, `<li>` … without an end tag) or that never have content.
const SELF_CLOSING = new Set(
  "p li dt dd tr td th thead tbody tfoot option optgroup rb rt rp caption colgroup area base br col embed hr img input link meta param source track wbr".split(
    " ",
  ),
);

/**
 * How deep the tags nest, counted on the text before parsing: linkedom's parser slows down with the square of the
 * depth (100,000 nested <div>s took 25 s here), so a page nested far too deep is refused before it is parsed.
 * Scripts, styles and comments are left out, since their text is not markup.
 */
function nestingEstimate(text: string): number {
  const markup = text.replace(/<!--[\s\S]*?-->|<(script|style)\b[\s\S]*?<\/\1\s*>/gi, "");
  let depth = 0;
  let deepest = 0;
  for (const [, close, name, selfClose] of markup.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
    if (SELF_CLOSING.has(name.toLowerCase()) || selfClose) continue;
    depth = close ? Math.max(0, depth - 1) : depth + 1;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

/** Whether any element sits more than `max` levels below `root` (walked with an explicit stack, not recursion). */
function depthExceeds(root: Element, max: number): boolean {
  const stack: Array<[Element, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [element, depth] = stack.pop()!;
    if (depth > max) return true;
    for (const child of Array.from(element.children)) stack.push([child, depth + 1]);
  }
  return false;
}

function hasPageChrome(body: Element): boolean {
  if (body.querySelector(CHROME)) return true;
  return Array.from(body.querySelectorAll("[id], [class]")).some((element) =>
    CHROME_NAME.test(`${element.getAttribute("id") ?? ""} ${element.getAttribute("class") ?? ""}`),
  );
}

/** `<meta charset>` (or the http-equiv form) in the first 1024 bytes, as browsers look for it. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
}

function clean(text: string | null | undefined): string | undefined {
  const value = text?.replace(/\s+/g, " ").trim();
  return value ? value.slice(0, 200) : undefined;
}
