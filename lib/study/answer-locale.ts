import type { ItemKind } from "@/lib/content/types";
import type { Response } from "@/lib/content/grade";

/**
 * The learner's preferred locale from an Accept-Language header (the browser's language setting): the tag with the
 * highest weight that the platform recognises, or undefined. The grader reads "5/4/1904" by it; without one it asks
 * for the month as a word instead of guessing.
 *
 * @example
 * localeFromAcceptLanguage('en-GB,en;q=0.9') // 'en-GB'
 * localeFromAcceptLanguage('*') // undefined
 */
export function localeFromAcceptLanguage(header: string | null | undefined): string | undefined {
  if (!header || header.length > 500) return undefined;
  const tags = header
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((t) => t.tag && t.tag !== "*" && t.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of tags) {
    try {
      const [canonical] = Intl.getCanonicalLocales(tag);
      if (canonical) return canonical;
    } catch {
      // Not a language tag: try the next one.
    }
  }
  return undefined;
}

/**
 * A response as the database stores it (ReviewLog.response, QuizAnswer.response) turned back into what the grader
 * takes: pairs and sequences were stored as JSON, every other answer as its text.
 *
 * @example
 * storedResponse('ordering', '["a","b"]') // ['a', 'b']
 */
export function storedResponse(kind: ItemKind, stored: string): Response {
  if (kind !== "matching" && kind !== "ordering") return stored;
  try {
    const parsed = JSON.parse(stored) as unknown;
    return Array.isArray(parsed) ? (parsed as Response) : stored;
  } catch {
    return stored;
  }
}
