import { NextResponse, type NextRequest } from "next/server";
import { isCrossSite, SERVER_ACTION_BODY_LIMIT_BYTES } from "@/lib/http";

const plain = (status: number, message: string) =>
  new NextResponse(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

/**
 * Answers, before Next does, three kinds of request that Next itself answers with a 500:
 * - a path whose percent-encoding does not decode (a lone "%", bytes that are not UTF-8): 404, it can name no page
 *   (Next answers it under a dynamic route with a 500, vercel/next.js#92527);
 * - a server action posted from another origin: 403 (Next refuses it too, but by throwing: a 500);
 * - a server action whose declared body exceeds next.config.js's serverActions.bodySizeLimit: 413 before a byte of
 *   it is read (Next reads up to the limit, throws a 500 and leaves the rest of the body on the connection, so the
 *   client's next request on it fails); one without a declared length: 411, since browsers always declare it.
 * The matcher sends only paths containing "%" and requests carrying a Next-Action header here, so the study API
 * (no "%", no Next-Action) never pays the ~0.1 ms a proxied request costs (docs/decisions/009).
 */
export function proxy(request: NextRequest) {
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return plain(404, "Not found: the address is not valid.");
  }
  if (request.headers.has("next-action")) {
    if (isCrossSite(request)) return plain(403, "Forbidden: this form was sent from another site.");
    const declared = request.headers.get("content-length");
    if (declared === null && request.method === "POST") {
      return plain(411, "Length required: send the form's size (Content-Length).");
    }
    if (Number(declared) > SERVER_ACTION_BODY_LIMIT_BYTES) {
      return plain(413, `Too large: a form may send at most ${SERVER_ACTION_BODY_LIMIT_BYTES / (1024 * 1024)} MB.`);
    }
  }
  return NextResponse.next();
}

// A matcher cannot select by method, but it can by header: every server action request carries Next-Action
// (GETs with it are harmless and rare). Matchers must be static, so the header is spelled out here.
export const config = {
  matcher: ["/(.*%.*)", { source: "/:path*", has: [{ type: "header", key: "next-action" }] }],
};
