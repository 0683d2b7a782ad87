import { getToken } from "next-auth/jwt";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { connection, type NextRequest } from "next/server";
import { findUserBySession, type UserSummary } from "@/lib/db/users";
import { authSecret } from "@/lib/env";
import { can, type Ability } from "./can";
import { decodeSessionToken } from "./session-token";

/** The session cookie's value for the current request (page or server action), or null. */
async function sessionCookie(): Promise<string | null> {
  const jar = await cookies();
  // The same lookup next-auth makes (cookie name from NEXTAUTH_URL's scheme, chunked cookies joined).
  const req = { cookies: Object.fromEntries(jar.getAll().map((c) => [c.name, c.value])), headers: {} };
  return getToken({ req: req as never, secret: authSecret(), raw: true });
}

/**
 * The signed-in user and their session id, read fresh from the database: a deleted user, a changed role or a
 * revoked session (sign-out, password change, "sign out everywhere") takes effect at once. Null when anonymous.
 */
export async function getCurrentSession(): Promise<{ user: UserSummary; sessionId: string } | null> {
  // Marks the page as rendered per request (it depends on the cookie) before anything reads the auth secret.
  await connection();
  const token = await sessionCookie();
  return token ? sessionFromToken(token) : null;
}

/** The signed-in user (see getCurrentSession), or null for an anonymous visitor. */
export async function getCurrentUser(): Promise<UserSummary | null> {
  return (await getCurrentSession())?.user ?? null;
}

/**
 * The signed-in user of a JSON API request (the study loop), read fresh from the database like getCurrentUser.
 * @example const user = await getRequestUser(request); if (!user) return jsonError(401, …)
 */
export async function getRequestUser(request: NextRequest): Promise<UserSummary | null> {
  const token = await getToken({ req: request, secret: authSecret(), raw: true });
  return token ? userFromSessionToken(token) : null;
}

async function sessionFromToken(token: string): Promise<{ user: UserSummary; sessionId: string } | null> {
  const claims = await decodeSessionToken(token).catch(() => null);
  if (!claims) return null;
  const user = await findUserBySession(claims.sessionId, claims.userId, new Date());
  return user && { user, sessionId: claims.sessionId };
}

/**
 * The user a session token (the cookie's value) belongs to; null when it is invalid, expired, names no live session
 * (signed out, revoked, from before sessions were recorded) or the user is gone. One cached decode and one
 * statement: the study API runs it on every answer.
 */
export async function userFromSessionToken(token: string): Promise<UserSummary | null> {
  return (await sessionFromToken(token))?.user ?? null;
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
