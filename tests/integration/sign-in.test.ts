import { decode, encode, type JWT } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";
import { authOptions } from "@/lib/auth/options";
import { userFromSessionToken } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { authSecret } from "@/lib/env";
import { makeUser } from "@/tests/factories";
import { sessionToken } from "@/tests/session-cookie";

type Authorize = (credentials: Record<string, string> | undefined) => Promise<unknown>;

function authorize(credentials: Record<string, string> | undefined) {
  const provider = authOptions().providers[0] as unknown as { options: { authorize: Authorize } };
  return provider.options.authorize(credentials);
}

describe("credentials sign-in", () => {
  it("returns the user (id, role) for the right password, whatever the email's case", async () => {
    const user = await makeUser({
      email: "sam@example.com",
      name: "Sam",
      role: "instructor",
      password: "sam-password",
    });
    await expect(authorize({ email: " SAM@example.com", password: "sam-password" })).resolves.toEqual({
      id: user.id,
      email: "sam@example.com",
      name: "Sam",
      role: "instructor",
    });
  });

  it("answers the same null for a wrong password, an unknown email and malformed input", async () => {
    await makeUser({ email: "kim@example.com", password: "kim-password" });
    await expect(authorize({ email: "kim@example.com", password: "wrong-password" })).resolves.toBeNull();
    await expect(authorize({ email: "nobody@example.com", password: "kim-password" })).resolves.toBeNull();
    await expect(authorize({ email: "", password: "" })).resolves.toBeNull();
    await expect(authorize({ email: "x".repeat(1_000_000), password: "x".repeat(1_000_000) })).resolves.toBeNull();
    await expect(authorize(undefined)).resolves.toBeNull();
  });
});

describe("sign-in rate limit", () => {
  it("refuses an account from one address after 10 failures, even with the right password, and says nothing else", async () => {
    await makeUser({ email: "busy@example.com", password: "busy-password" });
    for (let i = 0; i < 10; i += 1) {
      await expect(authorize({ email: "busy@example.com", password: `wrong-${i}` })).resolves.toBeNull();
    }
    await expect(authorize({ email: "busy@example.com", password: "busy-password" })).rejects.toThrow("RATE_LIMITED");
    // An unknown account is limited the same way: the limit does not reveal who is registered.
    for (let i = 0; i < 10; i += 1) await authorize({ email: "ghost@example.com", password: "x" });
    await expect(authorize({ email: "ghost@example.com", password: "x" })).rejects.toThrow("RATE_LIMITED");
  });
});

describe("session tokens of API requests", () => {
  const secret = authSecret();

  it("gives the token's user, read fresh: a changed role shows at once, a deleted user is signed out", async () => {
    const user = await makeUser({ role: "learner" });
    const token = await sessionToken(user.id, 60);
    expect(await userFromSessionToken(token)).toMatchObject({ id: user.id, role: "learner" });
    await db.user.update({ where: { id: user.id }, data: { role: "instructor" } });
    expect(await userFromSessionToken(token)).toMatchObject({ id: user.id, role: "instructor" });
    await db.user.delete({ where: { id: user.id } });
    expect(await userFromSessionToken(token)).toBeNull();
  });

  it("refuses expired, tampered, foreign and malformed tokens", async () => {
    const user = await makeUser();
    const expired = await encode({ token: { id: user.id, role: "learner" }, secret, maxAge: -60 });
    expect(await userFromSessionToken(expired)).toBeNull();
    const token = await sessionToken(user.id, 60);
    const tampered = token.slice(0, -4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(await userFromSessionToken(tampered)).toBeNull();
    const foreign = await encode({
      token: { id: user.id, role: "learner" },
      secret: "another-secret-another-secret",
      maxAge: 60,
    });
    expect(await userFromSessionToken(foreign)).toBeNull();
    expect(await userFromSessionToken("not-a-token")).toBeNull();
    // A token from before sessions were recorded (no session id), and one naming someone else's session.
    expect(
      await userFromSessionToken(await encode({ token: { id: user.id, role: "learner" }, secret, maxAge: 60 })),
    ).toBeNull();
    const other = await makeUser();
    const theirs = await sessionToken(other.id, 60);
    const { sid } = (await decode({ token: theirs, secret }))!;
    expect(
      await userFromSessionToken(await encode({ token: { id: user.id, role: "learner", sid }, secret, maxAge: 60 })),
    ).toBeNull();
    expect(
      await userFromSessionToken(await encode({ token: { sub: "x" } as unknown as JWT, secret, maxAge: 60 })),
    ).toBeNull();
  });

  it("stops accepting a token once it expires, even after it was accepted", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const user = await makeUser();
      const token = await sessionToken(user.id, 60);
      expect(await userFromSessionToken(token)).toMatchObject({ id: user.id });
      vi.setSystemTime(Date.now() + 120_000);
      expect(await userFromSessionToken(token)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
