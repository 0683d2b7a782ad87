import type { z } from "zod";

/** A JSON error response: `{ error: { code, message, issues? } }` with the status. Never a stack trace. */
export function jsonError(status: number, code: string, message: string, issues?: z.core.$ZodIssue[]) {
  return Response.json(
    {
      error: {
        code,
        message,
        ...(issues ? { issues: issues.map((i) => ({ path: i.path.join("."), message: i.message })) } : {}),
      },
    },
    { status, headers: { "Cache-Control": "no-store" } },
  );
}

/** The request body as JSON, or undefined when it is missing, not JSON, or larger than `maxBytes`. */
export async function readJson(request: Request, maxBytes = 64 * 1024): Promise<unknown> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > maxBytes) return undefined;
  const text = await request.text();
  if (text.length > maxBytes) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * True when a state-changing request comes from another site: its Origin header names another host than the one it
 * was sent to. (Browsers send Origin on cross-site POSTs; same-site pages and non-browser clients pass.)
 */
export function isCrossSite(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  try {
    return new URL(origin).host !== (request.headers.get("x-forwarded-host") ?? request.headers.get("host"));
  } catch {
    return true;
  }
}

/**
 * The largest server action body Next accepts, in bytes: next.config.js's serverActions.bodySizeLimit ("2mb"), which
 * must stay plain JavaScript and so cannot import this; lib/http.test.ts fails if the two disagree. proxy.ts refuses
 * a larger declared body with a 413 before Next reads it.
 */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 2 * 1024 * 1024;
