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
