import { NextResponse, type NextRequest } from "next/server";

/**
 * A path whose percent-encoding does not decode (a lone "%", or bytes that are not UTF-8) can name no page: it gets
 * a plain 404 here. Next itself answers such a path under a dynamic route with a 500 (vercel/next.js#92527).
 * The matcher sends only paths containing "%" through this function; having a proxy at all still costs every
 * request about 0.1 ms (docs/decisions/009).
 */
export function proxy(request: NextRequest) {
  try {
    decodeURIComponent(request.nextUrl.pathname);
    return NextResponse.next();
  } catch {
    return new NextResponse("Not found: the address is not valid.", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
}

export const config = { matcher: ["/(.*%.*)"] };
