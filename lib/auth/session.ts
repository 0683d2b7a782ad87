import { getServerSession } from "next-auth";
import { decode, getToken } from "next-auth/jwt";
import { notFound, redirect } from "next/navigation";
import { connection, type NextRequest } from "next/server";
import { findUserById, type UserSummary } from "@/lib/db/users";
import { can, type Ability } from "./can";
import { authSecret } from "@/lib/env";
import { authOptions } from "./options";

/**
 * The signed-in user, read fresh from the database (a deleted user or a changed role takes effect at once),
 * or null for an anonymous visitor.
 */
export async function getCurrentUser(): Promise<UserSummary | null> {
  // Marks the page as rendered per request (it depends on the cookie) before anything reads the auth secret.
  await connection();
  const session = await getServerSession(authOptions());
  if (!session?.user?.id) return null;
  return findUserById(session.user.id);
}

// Decoded session tokens by token text, until they expire: a token's content never changes, and decoding one (HKDF
// key derivation plus AES-GCM) costs more than the rest of a study answer's session check. Bounded; oldest first out.
const decodedTokens = new Map<string, { userId: string; expiresAt: number }>();
const MAX_DECODED_TOKENS = 10_000;

async function cachedDecode(token: string): Promise<string | null> {
  const cached = decodedTokens.get(token);
  if (cached && cached.expiresAt > Date.now()) return cached.userId;
  decodedTokens.delete(token);
  const payload = await decode({ token, secret: authSecret() });
  if (typeof payload?.id !== "string" || typeof payload.exp !== "number") return null;
  if (decodedTokens.size >= MAX_DECODED_TOKENS) decodedTokens.delete(decodedTokens.keys().next().value!);
  decodedTokens.set(token, { userId: payload.id, expiresAt: payload.exp * 1000 });
  return payload.id;
}

/**
 * The signed-in user of a JSON API request (the study loop), read fresh from the database like getCurrentUser.
 * It only decodes the session cookie, where getServerSession also runs next-auth's callbacks and re-encrypts and
 * re-sends the cookie on every call; page loads still do that, so a learner's session keeps sliding.
 * @example const user = await getRequestUser(request); if (!user) return jsonError(401, …)
 */
export async function getRequestUser(request: NextRequest): Promise<UserSummary | null> {
  const token = await getToken({ req: request, secret: authSecret(), raw: true });
  return token ? userFromSessionToken(token) : null;
}

/** The user a session token (the cookie's value) belongs to; null when it is invalid, expired or the user is gone. */
export async function userFromSessionToken(token: string): Promise<UserSummary | null> {
  const userId = await cachedDecode(token).catch(() => null);
  return userId ? findUserById(userId) : null;
}

/** The signed-in user; anonymous visitors are sent to /login and come back to `returnTo` afterwards. */
export async function requireUser(returnTo = "/"): Promise<UserSummary> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** The signed-in user if they hold `ability` (lib/auth/can.ts); others get a 404 so the page is not revealed. */
export async function requireAbility(ability: Ability, returnTo = "/"): Promise<UserSummary> {
  const user = await requireUser(returnTo);
  if (!can(user, ability)) notFound();
  return user;
}
