// Relative targets are resolved against this origin when the site's own is unknown; any origin works, since only
// "did the target stay on it?" is asked. ".invalid" can never be a real host (RFC 2606).
const PLACEHOLDER_ORIGIN = "http://factdeck.invalid";

/**
 * A same-origin path to go to after signing in; anything else becomes `fallback`, so a crafted link cannot send a
 * user to another site. The target is parsed the way a browser parses it (the URL standard strips tabs and newlines,
 * reads "\" as "/", resolves "//host" and "/\host" to another host) against the site's origin, and only a result on
 * that same origin is kept, as its path, query and fragment: percent-encoded, so it is always a valid Location header.
 * @example safeRedirect("/study") // "/study"
 * @example safeRedirect("/\t/evil.example") // "/" (a browser reads it as //evil.example)
 * @example safeRedirect("/€") // "/%E2%82%AC"
 */
export function safeRedirect(
  target: string | null | undefined,
  fallback = "/",
  origin: string | undefined = PLACEHOLDER_ORIGIN,
): string {
  // Only paths: an absolute URL, even to this site, is refused rather than trusted on its say-so.
  if (typeof target !== "string" || !target.startsWith("/")) return fallback;
  let url: URL;
  let site: string;
  try {
    site = new URL(origin ?? PLACEHOLDER_ORIGIN).origin;
    url = new URL(target, site);
  } catch {
    return fallback;
  }
  if (url.origin !== site) return fallback;
  const path = url.pathname + url.search + url.hash;
  // Belt and braces: what we return must itself resolve to a path on this origin, never "//host".
  return path.startsWith("/") && !path.startsWith("//") ? path : fallback;
}
