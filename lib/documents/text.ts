import { DocumentError } from "./types";

export interface DecodedText {
  text: string;
  warnings: string[];
}

/**
 * Decodes a text file: a BOM decides UTF-8/UTF-16; without one, UTF-8 if the bytes are valid UTF-8, else the
 * `fallback` charset (an HTML page's `<meta charset>`, or Windows-1252, what older Windows editors save).
 *
 * @example
 * decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69])).text // "hi"
 */
export function decodeText(bytes: Uint8Array, fallback = "windows-1252"): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decode("utf-16le", bytes.subarray(2)), warnings: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decode("utf-16be", bytes.subarray(2)), warnings: [] };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: decode("utf-8", bytes.subarray(3)), warnings: [] };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), warnings: [] };
  } catch {
    const label = supported(fallback) ? fallback : "windows-1252";
    return {
      text: decode(label, bytes),
      warnings: [
        `The file is not UTF-8; it was read as ${label}. Check that accented letters look right in the preview.`,
      ],
    };
  }
}

function decode(label: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    throw new DocumentError("corrupt", { format: "text" });
  }
}

function supported(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

// C0 controls but tab, newline and carriage return mean a binary file, as the upload's own validation says.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

/**
 * Markdown and text pass through as written (the content pipeline reads both); line endings are normalised and
 * stray control characters, which would make the upload refuse the text later, are removed with a warning.
 *
 * @example
 * readPlainText(utf8("# Moon\r\n\r\nApollo 11 …")).markdown // "# Moon\n\nApollo 11 …"
 */
export function readPlainText(bytes: Uint8Array): { markdown: string; warnings: string[] } {
  const { text, warnings } = decodeText(bytes);
  const controls = text.match(CONTROL)?.length ?? 0;
  if (controls > 0) warnings.push(`${controls} control characters that are not text were removed.`);
  const markdown = text
    .replace(CONTROL, "")
    .replace(/\r\n?/g, "\n")
    .replace(/^\uFEFF/, "");
  return { markdown, warnings };
}
