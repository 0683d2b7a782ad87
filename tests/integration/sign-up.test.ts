import { describe, expect, it } from "vitest";
import { signUpAction } from "@/app/(auth)/signup/actions";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { countUsers, findUserForSignIn } from "@/lib/db/users";

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

const valid = { name: "Ada Lovelace", email: "Ada@Example.com ", password: "correct horse" };

describe("signUpAction", () => {
  it("creates a learner with a normalised email and an argon2id hash", async () => {
    await expect(signUpAction(form(valid))).resolves.toEqual({ ok: true });
    const user = await findUserForSignIn("ada@example.com");
    expect(user).toMatchObject({ email: "ada@example.com", name: "Ada Lovelace", role: "learner" });
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user!.passwordHash).not.toContain(valid.password);
    await expect(verifyPassword(user!.passwordHash, valid.password)).resolves.toBe(true);
  });

  it("keeps the browser's time zone, and ignores anything that is not one", async () => {
    await expect(
      signUpAction(form({ ...valid, email: "tz@example.com", timeZone: "America/Chicago" })),
    ).resolves.toEqual({ ok: true });
    const user = (await findUserForSignIn("tz@example.com"))!;
    expect(await db.userSettings.findUnique({ where: { userId: user.id } })).toMatchObject({
      timeZone: "America/Chicago",
    });
    await expect(
      signUpAction(form({ ...valid, email: "bad-tz@example.com", timeZone: "Mars/Olympus<script>" })),
    ).resolves.toEqual({ ok: true });
    const other = (await findUserForSignIn("bad-tz@example.com"))!;
    expect(await db.userSettings.findUnique({ where: { userId: other.id } })).toBeNull();
  });

  it.each([
    [
      "empty form",
      {},
      { name: ["Enter your name."], email: ["Enter your email address."], password: ["Choose a password."] },
    ],
    [
      "malformed email",
      { ...valid, email: "not-an-email" },
      { email: ["Enter a valid email address, like name@example.com."] },
    ],
    ["short password", { ...valid, password: "short" }, { password: ["Password must be at least 8 characters."] }],
    ["1 MB name", { ...valid, name: "x".repeat(1_000_000) }, { name: ["Name must be at most 80 characters."] }],
    [
      "1 MB email",
      { ...valid, email: `${"x".repeat(1_000_000)}@example.com` },
      { email: ["Email must be at most 254 characters."] },
    ],
    [
      "1 MB password",
      { ...valid, password: "x".repeat(1_000_000) },
      { password: ["Password must be at most 128 characters."] },
    ],
  ])("refuses %s with a clear message and creates nothing", async (_label, fields, fieldErrors) => {
    const before = await countUsers();
    await expect(signUpAction(form(fields as Record<string, string>))).resolves.toEqual({
      ok: false,
      message: "Check the highlighted fields.",
      fieldErrors,
    });
    expect(await countUsers()).toBe(before);
  });

  it("refuses a duplicate email (any case) without saying the address is registered, and keeps the first account", async () => {
    await signUpAction(form({ ...valid, email: "grace@example.com" }));
    const before = await findUserForSignIn("grace@example.com");
    const result = await signUpAction(
      form({ ...valid, email: "GRACE@example.com", name: "Impostor", password: "another password" }),
    );
    expect(result).toEqual({
      ok: false,
      message: "We couldn't create an account with these details. Try signing in instead.",
    });
    expect(JSON.stringify(result)).not.toMatch(/registered|exists|taken/i);
    expect(await findUserForSignIn("grace@example.com")).toEqual(before);
  });

  it("creates one account when the same sign-up is submitted twice at once", async () => {
    const fields = { ...valid, email: "twice@example.com" };
    const results = await Promise.all([signUpAction(form(fields)), signUpAction(form(fields))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await findUserForSignIn("twice@example.com")).not.toBeNull();
  });
});
