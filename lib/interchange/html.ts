import { parseHTML } from "linkedom";

// Anki fields are HTML. Line breaks and block ends become newlines before the markup is dropped, so "a<br>b" reads as
// two lines and not "ab".
const BREAKS = /<br\s*\/?>|<\/(?:div|p|li|tr|h[1-6])>/gi;
const MAX_PARSED = 50_000;
// C0 controls but tab and newline: no text holds them (a NUL, a form feed), and they would garble what is shown.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/g;
const MEDIA = /<(?:img|audio|video)\b|\[sound:[^\]]*\]/i;

/**
 * The text of an HTML field as a learner would read it: markup removed, entities decoded, runs of spaces collapsed,
 * sound tags and control characters dropped, lone surrogates replaced. Parsed with linkedom, which runs and loads nothing; plain text is returned as it is.
 * @example fieldToText("Paris&nbsp;<b>France</b><br>capital") // "Paris France\ncapital"
 */
export function fieldToText(html: string): string {
  // Far over any field limit: not worth parsing, and returned long so that the length check refuses the row.
  if (html.length > MAX_PARSED) return html;
  const withoutSound = html.replace(/\[sound:[^\]]*\]/gi, "");
  if (!/[<&]/.test(withoutSound)) return tidyText(withoutSound);
  const { document } = parseHTML(`<!doctype html><html><body>${withoutSound.replace(BREAKS, "\n$&")}</body></html>`);
  for (const inert of document.querySelectorAll("script, style, template")) inert.remove();
  return tidyText(document.body.textContent ?? "");
}

/** True when a field holds pictures, sounds or videos, which an import does not bring along. */
export function hasMedia(html: string): boolean {
  return MEDIA.test(html);
}

/**
 * Text as an HTML field: &, < and > escaped, newlines as <br>, so Anki shows exactly the text.
 * @example textToField("a < b\nc") // "a &lt; b<br>c"
 */
export function textToField(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r?\n/g, "<br>");
}

function tidyText(text: string): string {
  return text
    .toWellFormed()
    .replace(/\r\n?/g, "\n")
    .replace(CONTROL, "")
    .replace(/\u00A0/g, " ")
    .split(/\r?\n/)
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .filter((line, i, lines) => line !== "" || (i > 0 && lines[i - 1] !== ""))
    .join("\n")
    .trim();
}
