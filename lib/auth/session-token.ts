import { decode } from "next-auth/jwt";
import { authSecret } from "@/lib/env";

export type SessionClaims = { userId: string; sessionId: string };

// Decoded session tokens by token text, until they expire: a token's content never changes, and decoding one (HKDF
// key derivation plus AES-GCM) costs more than the rest of a study answer's session check. Revocation is not cached:
// it is checked by the user query on every call. Bounded; oldest first out.
const decodedTokens = new Map<string, SessionClaims & { expiresAt: number }>();
const MAX_DECODED_TOKENS = 10_000;

/**
 * The user and session a session cookie names, or null when it does not decode, has expired or carries no session id
 * (a token from before sessions were recorded). Says nothing about whether the session is still live.
 * @example const claims = await decodeSessionToken(cookieValue) // { userId, sessionId } | null
 */
export async function decodeSessionToken(token: string): Promise<SessionClaims | null> {
  const cached = decodedTokens.get(token);
  if (cached && cached.expiresAt > Date.now()) return { userId: cached.userId, sessionId: cached.sessionId };
  decodedTokens.delete(token);
  const payload = await decode({ token, secret: authSecret() });
  if (typeof payload?.id !== "string" || typeof payload.sid !== "string" || typeof payload.exp !== "number") {
    return null;
  }
  if (payload.exp * 1000 <= Date.now()) return null;
  if (decodedTokens.size >= MAX_DECODED_TOKENS) decodedTokens.delete(decodedTokens.keys().next().value!);
  decodedTokens.set(token, { userId: payload.id, sessionId: payload.sid, expiresAt: payload.exp * 1000 });
  return { userId: payload.id, sessionId: payload.sid };
}
