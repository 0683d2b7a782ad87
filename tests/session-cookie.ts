import { encode } from "next-auth/jwt";
import { SESSION_MAX_AGE_S } from "@/lib/auth/options";
import { createSession } from "@/lib/db/sessions";
import { authSecret } from "@/lib/env";

/**
 * A real session cookie value for `userId`, as sign-in makes one: a Session row and a JWT that names it.
 * @example const token = await sessionToken(user.id)
 */
export async function sessionToken(userId: string, maxAgeS = SESSION_MAX_AGE_S): Promise<string> {
  const sid = await createSession(userId, new Date(), maxAgeS);
  return encode({ token: { id: userId, role: "learner", sid }, secret: authSecret(), maxAge: maxAgeS });
}

/**
 * A stand-in for next/headers' cookies() that carries a fresh session cookie for `userId` (none when undefined), so
 * tests of pages and actions go through the real session check. Use in a vi.mock("next/headers") factory.
 */
export async function cookieStoreFor(userId: string | undefined) {
  const value = userId ? await sessionToken(userId) : undefined;
  const all = value ? [{ name: "next-auth.session-token", value }] : [];
  return { getAll: () => all, get: (name: string) => all.find((c) => c.name === name) };
}
