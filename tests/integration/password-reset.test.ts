/**
 * "Forgot password" (issue 15, Accounts): a reset link works once, within an hour, only with its own token; the answer
 * and the database's visible effects are the same whether or not the address has an account; using it signs the
 * account out everywhere; requests are limited per address and per email address. Without SMTP_URL the link goes to
 * the server log and the admin's list; with a mail transport it is mailed.
 */
import nodemailer from "nodemailer";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { forgotPasswordAction } from "@/app/(auth)/forgot-password/actions";
import { resetPasswordAction } from "@/app/(auth)/reset-password/actions";
import { verifyPassword } from "@/lib/auth/password";
import {
  RESET_REQUESTED,
  canUseResetToken,
  hashResetToken,
  requestPasswordReset,
  resetPassword,
  RESET_TTL_MS,
} from "@/lib/auth/password-reset";
import { RESET_REQUESTS_PER_ACCOUNT, RESET_REQUESTS_PER_ADDRESS } from "@/lib/auth/rate-limit";
import { outboxLink } from "@/lib/auth/reset-delivery";
import { db } from "@/lib/db/client";
import { listPendingPasswordResets } from "@/lib/db/password-resets";
import { createSession } from "@/lib/db/sessions";
import { findUserBySession, findUserForSignIn } from "@/lib/db/users";
import { makeUser } from "@/tests/factories";

let address = "198.51.100.1";
vi.mock("next/headers", async (original) => ({
  ...(await original<object>()),
  headers: async () => new Headers({ "x-forwarded-for": address }),
}));

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

/** The server log's lines about reset links (the delivery without a mail server). */
let logged: string[] = [];
beforeEach(() => {
  logged = [];
  vi.spyOn(console, "info").mockImplementation((line: unknown) => void logged.push(String(line)));
  address = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
});
afterEach(() => vi.restoreAllMocks());

/** The token in the newest logged link. */
function loggedToken(): string {
  const line = logged.at(-1) ?? "";
  const match = /reset-password\?token=([A-Za-z0-9_-]{43})/.exec(line);
  if (!match) throw new Error(`no reset link in the log: ${line}`);
  return match[1]!;
}

async function tableCounts() {
  return {
    resets: await db.passwordReset.count(),
    users: await db.user.count(),
    sessions: await db.session.count({ where: { revokedAt: null } }),
  };
}

describe("forgot password", () => {
  it("answers the same for an address with and without an account, and only the account gets a link", async () => {
    const user = await makeUser();
    const before = await tableCounts();
    const known = await forgotPasswordAction(null, form({ email: user.email.toUpperCase() }));
    const afterKnown = await tableCounts();
    const unknown = await forgotPasswordAction(null, form({ email: `nobody-${crypto.randomUUID()}@example.com` }));
    const afterUnknown = await tableCounts();
    expect(known).toEqual({ ok: true, message: RESET_REQUESTED });
    expect(unknown).toEqual(known);
    expect(afterKnown).toEqual({ ...before, resets: before.resets + 1 });
    expect(afterUnknown).toEqual(afterKnown);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain(user.email);
  });

  it("stores only the token's hash, shows the link to the admin, and the link works once", async () => {
    const user = await makeUser();
    const phone = await createSession(user.id, new Date(), 3600);
    const laptop = await createSession(user.id, new Date(), 3600);
    await forgotPasswordAction(null, form({ email: user.email }));
    const token = loggedToken();
    const row = await db.passwordReset.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.tokenHash).toBe(hashResetToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const pending = (await listPendingPasswordResets(new Date())).find((r) => r.id === row.id);
    expect(pending?.user.email).toBe(user.email);
    expect(outboxLink(row.id, new Date())).toContain(token);

    expect(await resetPasswordAction(null, form({ token, newPassword: "a brand new one" }))).toMatchObject({
      ok: true,
    });
    const { passwordHash } = (await findUserForSignIn(user.email))!;
    expect(await verifyPassword(passwordHash, "a brand new one")).toBe(true);
    expect(await verifyPassword(passwordHash, "factdeck-demo")).toBe(false);
    // Every session of the account ended (whoever had the old password is signed out).
    expect(await findUserBySession(phone, user.id, new Date())).toBeNull();
    expect(await findUserBySession(laptop, user.id, new Date())).toBeNull();
    // Single use: the same link again changes nothing.
    expect(await resetPasswordAction(null, form({ token, newPassword: "yet another one" }))).toMatchObject({
      ok: false,
    });
    const after = (await findUserForSignIn(user.email))!.passwordHash;
    expect(await verifyPassword(after, "a brand new one")).toBe(true);
    expect(outboxLink(row.id, new Date())).toBeNull();
    expect((await listPendingPasswordResets(new Date())).some((r) => r.id === row.id)).toBe(false);
  });

  it("refuses a wrong, malformed, replaced or expired token and changes nothing", async () => {
    const user = await makeUser();
    const t0 = new Date("2026-12-01T10:00:00Z");
    await requestPasswordReset({ email: user.email, address, now: t0 });
    const first = loggedToken();
    await requestPasswordReset({ email: user.email, address, now: t0 });
    const second = loggedToken();
    const hashBefore = (await findUserForSignIn(user.email))!.passwordHash;

    // A wrong token (right shape), a malformed one, the replaced first link.
    for (const token of ["A".repeat(43), "short", first]) {
      expect(await resetPassword({ token, newPassword: "changed password", now: t0 })).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    expect(
      await resetPasswordAction(null, form({ token: "../../etc", newPassword: "changed password" })),
    ).toMatchObject({
      ok: false,
    });
    // Expired: an hour and a second later.
    const late = new Date(t0.getTime() + RESET_TTL_MS + 1000);
    expect(await canUseResetToken(second, late)).toBe(false);
    expect(await resetPassword({ token: second, newPassword: "changed password", now: late })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect((await findUserForSignIn(user.email))!.passwordHash).toBe(hashBefore);
    // Within the hour the newest link still works.
    const inTime = new Date(t0.getTime() + RESET_TTL_MS - 1000);
    expect(await resetPassword({ token: second, newPassword: "changed password", now: inTime })).toEqual({ ok: true });
  });

  it("a weak new password is refused and the link stays usable", async () => {
    const user = await makeUser();
    await forgotPasswordAction(null, form({ email: user.email }));
    const token = loggedToken();
    const result = await resetPasswordAction(null, form({ token, newPassword: "short" }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { newPassword: [expect.stringContaining("at least 8")] } });
    expect(await canUseResetToken(token, new Date())).toBe(true);
  });

  it("limits requests per email address and per address, alike for unknown addresses", async () => {
    const user = await makeUser();
    const unknown = `ghost-${crypto.randomUUID()}@example.com`;
    for (const email of [user.email, unknown]) {
      const answers = [];
      for (let i = 0; i <= RESET_REQUESTS_PER_ACCOUNT; i += 1) {
        address = `203.0.113.${i + 1}`; // a different address each time: the email's own limit applies
        answers.push(await forgotPasswordAction(null, form({ email })));
      }
      expect(answers.slice(0, RESET_REQUESTS_PER_ACCOUNT).every((a) => a?.ok)).toBe(true);
      expect(answers.at(-1)).toEqual({ ok: false, message: "Too many reset requests. Try again in an hour." });
    }
    expect(await db.passwordReset.count({ where: { userId: user.id } })).toBe(RESET_REQUESTS_PER_ACCOUNT);

    address = "192.0.2.77";
    const results = [];
    for (let i = 0; i <= RESET_REQUESTS_PER_ADDRESS; i += 1) {
      results.push(await forgotPasswordAction(null, form({ email: `many-${i}-${crypto.randomUUID()}@example.com` })));
    }
    expect(results.filter((r) => r?.ok)).toHaveLength(RESET_REQUESTS_PER_ADDRESS);
    expect(results.at(-1)?.ok).toBe(false);
  });

  it("mails the link when a mail transport is configured, instead of logging it", async () => {
    const user = await makeUser();
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const sent = vi.spyOn(transport, "sendMail");
    await requestPasswordReset({ email: user.email, address, now: new Date(), via: transport });
    expect(sent).toHaveBeenCalledTimes(1);
    const mail = sent.mock.calls[0]![0] as { to: string; text: string };
    expect(mail.to).toBe(user.email);
    const token = /token=([A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;
    expect(await canUseResetToken(token, new Date())).toBe(true);
    expect(logged).toEqual([]);
    const row = await db.passwordReset.findFirstOrThrow({ where: { userId: user.id, usedAt: null } });
    expect(outboxLink(row.id, new Date())).toBeNull();
  });
});
