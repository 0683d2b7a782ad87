/**
 * The address of the client making a request, for the sign-in and sign-up limits.
 *
 * Next gives route handlers and server actions no socket: it copies the peer's address into X-Forwarded-For only
 * when the client sent none, so a client without a proxy in front can name any address it likes there. The
 * production server (scripts/start.mjs) therefore preloads scripts/client-address.mjs, which reads the socket and,
 * trusting TRUST_PROXY proxies, writes the answer to X-Factdeck-Client-Address over anything the client sent.
 * Without the preload (`next dev`, tests calling functions directly) the same rule runs on the headers Next passes
 * on: there the peer is the last X-Forwarded-For entry, which a client can forge; development only.
 */
const HEADER = "x-factdeck-client-address";
const PRELOADED = Symbol.for("factdeck.clientAddressHeader");

let warned = false;

type HeaderSource = { get(name: string): string | null } | Record<string, unknown> | undefined | null;

/** The number of proxies in front of the server whose X-Forwarded-For entries are trusted (TRUST_PROXY, 0–10). */
export function trustedProxies(value = process.env.TRUST_PROXY): number {
  const raw = (value || "0").trim();
  if (!/^(?:[0-9]|10)$/.test(raw)) {
    throw new Error(`TRUST_PROXY must be the number of proxies in front of the server (0 to 10), got: ${value}`);
  }
  return Number(raw);
}

/**
 * The client's address from the peer and X-Forwarded-For, trusting `hops` proxies: each proxy appends the address it
 * saw, so the client is the one the outermost trusted proxy saw. With no trusted proxy it is the peer itself.
 * @example addressFromChain("10.0.0.2", "203.0.113.5, 198.51.100.9", 1) // "198.51.100.9"
 * @example addressFromChain("10.0.0.2", "203.0.113.5", 0) // "10.0.0.2"
 */
export function addressFromChain(peer: string | undefined, forwardedFor: string | null | undefined, hops: number) {
  const chain =
    hops > 0 && forwardedFor
      ? forwardedFor
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
      : [];
  chain.push(peer || "unknown");
  return chain[Math.max(0, chain.length - 1 - hops)]!;
}

function read(headers: HeaderSource, name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as { get?: unknown }).get === "function") return (headers as Headers).get(name);
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === "string" ? value : Array.isArray(value) ? String(value[0]) : null;
}

/**
 * The client's address for a request's headers (a Headers object, or next-auth's plain header record); "unknown"
 * outside a request. Accepts next-auth's `req.headers` in authorize() and `await headers()` in a server action.
 * @example clientAddress(await headers()) // "203.0.113.5"
 */
export function clientAddress(headers: HeaderSource): string {
  if ((globalThis as Record<symbol, unknown>)[PRELOADED]) return read(headers, HEADER) ?? "unknown";
  if (!headers) return "unknown";
  if (process.env.NODE_ENV === "production" && !warned) {
    warned = true;
    console.warn(
      "client-address: the server was not started by scripts/start.mjs, so the sign-in limits read X-Forwarded-For, " +
        "which a client can forge (docs/decisions/010). Start it with `npm start`.",
    );
  }
  // Next put the peer into X-Forwarded-For when the client sent none; its last entry stands for the peer.
  const forwarded = read(headers, "x-forwarded-for");
  const entries =
    forwarded
      ?.split(",")
      .map((s) => s.trim())
      .filter(Boolean) ?? [];
  return addressFromChain(entries.pop(), entries.join(","), trustedProxies());
}
