/**
 * Revocation (issue 12, finding 6): a session cookie stops working after sign-out, after a password change made on
 * another device, and after "sign out everywhere", even though its JWT still decodes; the study API's decoded-token
 * cache does not keep a revoked session alive.
 */
import { decode } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";
import { changePasswordAction, signOutEverywhereAction } from "@/app/(app)/settings/actions";
import { authOptions } from "@/lib/auth/options";
import { verifyPassword } from "@/lib/auth/password";
import { userFromSessionToken } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { createSession, revokeSession } from "@/lib/db/sessions";
import { findUserForSignIn } from "@/lib/db/users";
import { authSecret } from "@/lib/env";
import { makeUser } from "@/tests/factories";
import { sessionToken } from "@/tests/session-cookie";

// The device making a settings request: its session cookie.
let currentCookie: string | undefined;
vi.mock("next/headers", async (original) => ({
  ...(await original<object>()),
  cookies: async () => {
    const all = currentCookie ? [{ name: "next-auth.session-token", value: currentCookie }] : [];
    return { getAll: () => all };
  },
  headers: async () => new Headers(),
}));
vi.mock("next/server", async (original) => ({ ...(await original<object>()), connection: async () => {} }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const secret = authSecret();
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

describe("sessions", () => {
  it("a sign-in clears the user's expired and revoked session rows, no one else's", async () => {
    const [user, other] = [await makeUser(), await makeUser()];
    const t0 = new Date("2026-06-01T09:00:00Z");
    const old = await createSession(user.id, t0, 60);
    const signedOut = await createSession(user.id, t0, 7 * 86_400);
    const live = await createSession(user.id, t0, 7 * 86_400);
    await revokeSession(signedOut, t0);
    const othersRevoked = await createSession(other.id, t0, 60);
    await revokeSession(othersRevoked, t0);

    const later = new Date(t0.getTime() + 3 * 86_400_000);
    const fresh = await createSession(user.id, later, 7 * 86_400);
    const ids = (await db.session.findMany({ select: { id: true } })).map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining([live, fresh, othersRevoked]));
    expect(ids).not.toContain(old);
    expect(ids).not.toContain(signedOut);
  });

  it("sign-in records a session the cookie names", async () => {
    const user = await makeUser();
    const options = authOptions();
    const token = await options.callbacks!.jwt!({
      token: {} as never,
      user: { id: user.id, role: "learner" } as never,
      account: null,
    });
    expect(typeof token.sid).toBe("string");
    expect(await db.session.findUnique({ where: { id: token.sid! } })).toMatchObject({
      userId: user.id,
      revokedAt: null,
    });
  });

  it("sign-out revokes that session only; a saved copy of its cookie no longer works", async () => {
    const user = await makeUser();
    const [laptop, phone] = [await sessionToken(user.id), await sessionToken(user.id)];
    expect(await userFromSessionToken(laptop)).toMatchObject({ id: user.id }); // now cached as decoded
    // What next-auth's POST /api/auth/signout does with the cookie it receives.
    await authOptions().events!.signOut!({
      token: (await decode({ token: laptop, secret }))!,
      session: undefined as never,
    });
    expect(await userFromSessionToken(laptop)).toBeNull();
    expect(await userFromSessionToken(phone)).toMatchObject({ id: user.id });
  });

  it("a password change keeps this device signed in and signs out every other one", async () => {
    const user = await makeUser({ password: "old-password" });
    const [here, elsewhere] = [await sessionToken(user.id), await sessionToken(user.id)];
    currentCookie = here;
    await expect(
      changePasswordAction(null, form({ currentPassword: "wrong", newPassword: "new-password-1" })),
    ).resolves.toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: ["Your current password is not correct."] },
    });
    expect(await userFromSessionToken(elsewhere)).toMatchObject({ id: user.id });

    await expect(
      changePasswordAction(null, form({ currentPassword: "old-password", newPassword: "new-password-1" })),
    ).resolves.toEqual({ ok: true, message: "Password changed. Every other device has been signed out." });
    expect(await userFromSessionToken(here)).toMatchObject({ id: user.id });
    expect(await userFromSessionToken(elsewhere)).toBeNull();
    const stored = await findUserForSignIn(user.email);
    expect(await verifyPassword(stored!.passwordHash, "new-password-1")).toBe(true);
  });

  it("refuses a too-short new password and changes nothing", async () => {
    const user = await makeUser({ password: "old-password" });
    const elsewhere = await sessionToken(user.id);
    currentCookie = await sessionToken(user.id);
    await expect(
      changePasswordAction(null, form({ currentPassword: "old-password", newPassword: "short" })),
    ).resolves.toMatchObject({ ok: false, fieldErrors: { newPassword: ["Password must be at least 8 characters."] } });
    expect(await verifyPassword((await findUserForSignIn(user.email))!.passwordHash, "old-password")).toBe(true);
    expect(await userFromSessionToken(elsewhere)).toMatchObject({ id: user.id });
  });

  it("sign out everywhere ends every session of the user, this one included, and nobody else's", async () => {
    const [user, other] = [await makeUser(), await makeUser()];
    const [here, elsewhere, theirs] = [
      await sessionToken(user.id),
      await sessionToken(user.id),
      await sessionToken(other.id),
    ];
    currentCookie = here;
    await expect(signOutEverywhereAction(null)).rejects.toMatchObject({ digest: expect.stringContaining("/login") });
    expect(await userFromSessionToken(here)).toBeNull();
    expect(await userFromSessionToken(elsewhere)).toBeNull();
    expect(await userFromSessionToken(theirs)).toMatchObject({ id: other.id });
  });

  it("a signed-out cookie is not re-issued: next-auth's session endpoint gets no session from it", async () => {
    const user = await makeUser();
    const token = (await decode({ token: await sessionToken(user.id), secret }))!;
    const jwt = authOptions().callbacks!.jwt!;
    const refresh = () => jwt({ token, user: undefined as never, account: null });
    await expect(refresh()).resolves.toMatchObject({ id: user.id, sid: token.sid });
    await revokeSession(token.sid!, new Date());
    // next-auth's /api/auth/session catches this, clears the cookie and answers {} (lib/auth/options.ts).
    await expect(refresh()).rejects.toThrow("Session ended");
    await expect(jwt({ token: { id: user.id } as never, user: undefined as never, account: null })).rejects.toThrow(
      "Session ended",
    );
  });

  it("an expired session row finds nobody even while its cookie would still decode", async () => {
    const user = await makeUser();
    const token = await sessionToken(user.id);
    const { sid } = (await decode({ token, secret }))!;
    await db.session.update({ where: { id: sid! }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await userFromSessionToken(token)).toBeNull();
  });
});
