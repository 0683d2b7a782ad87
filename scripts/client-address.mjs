// Preloaded into the production server by scripts/start.mjs (`node --import`). Next gives route handlers and server
// actions no way to reach the TCP peer's address: it only copies it into X-Forwarded-For when the client sent none,
// so without a proxy any client could name its own address there (docs/decisions/010). This runs before Next sees a
// request and puts the address the sign-in and sign-up limits key on into X-Factdeck-Client-Address, replacing
// whatever the client sent under that name:
//   TRUST_PROXY unset or 0: the socket's peer address; X-Forwarded-For is ignored.
//   TRUST_PROXY=N: N proxies in front, each appending the address it saw to X-Forwarded-For; the client is the
//   address the outermost trusted proxy saw (the N-th from the right of X-Forwarded-For + the peer).
// lib/auth/client-address.ts reads it; keep the two in step.
import http from "node:http";

const HEADER = "x-factdeck-client-address";
const raw = process.env.TRUST_PROXY || "0";
if (!/^(?:[0-9]|10)$/.test(raw.trim())) {
  throw new Error(`TRUST_PROXY must be the number of proxies in front of the server (0 to 10), got: ${raw}`);
}
const hops = Number(raw.trim());

/** The client's address from the peer address and the X-Forwarded-For chain, trusting `hops` proxies. */
function clientAddress(peer, forwardedFor, trustedHops) {
  const chain = [];
  if (trustedHops > 0 && forwardedFor) {
    for (const part of String(forwardedFor).split(",")) if (part.trim()) chain.push(part.trim());
  }
  chain.push(peer || "unknown");
  return chain[Math.max(0, chain.length - 1 - trustedHops)];
}

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitWithClientAddress(event, request, ...rest) {
  if (event === "request" && request && request.headers) {
    request.headers[HEADER] = clientAddress(
      request.socket && request.socket.remoteAddress,
      request.headers["x-forwarded-for"],
      hops,
    );
  }
  return emit.call(this, event, request, ...rest);
};
globalThis[Symbol.for("factdeck.clientAddressHeader")] = true;

export { clientAddress };
