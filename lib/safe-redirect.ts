/**
 * A same-site path to go to after signing in; anything else (absolute URLs, protocol-relative "//host") becomes "/",
 * so a crafted link cannot send a user to another site.
 * @example safeRedirect("/study") // "/study"
 * @example safeRedirect("https://evil.example") // "/"
 */
export function safeRedirect(target: string | null | undefined, fallback = "/"): string {
  if (!target || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) return fallback;
  return target;
}
