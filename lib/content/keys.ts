/** Stable, content-derived identifiers. */

/** 32-bit FNV-1a as 8 hex digits: short, stable across runs and platforms. */
export function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

/** Lower-case ASCII words joined by "-": "Major General Jennie Carignan" → "major-general-jennie-carignan". */
export function slug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/**
 * Key of a fact from its type and normalised subject, so it survives edits elsewhere in the document.
 *
 * @example
 * factKey('person', 'Jennie Carignan') // 'person:jennie-carignan-<hash>'
 */
export function factKey(type: string, subject: string): string {
  const s = slug(subject);
  return `${type}:${s.slice(0, 48).replace(/-$/, "")}-${hash(s)}`;
}
