import { createHash, randomBytes } from "node:crypto";
import type { Transporter } from "nodemailer";
import { consumePasswordReset, createPasswordReset, isPasswordResetUsable } from "@/lib/db/password-resets";
import { findUserById, findUserForSignIn } from "@/lib/db/users";
import { hashPassword } from "./password";
import { allowPasswordResetRequest } from "./rate-limit";
import { deliverResetLink, forgetOutboxLinks, siteUrl } from "./reset-delivery";

/** A reset link works for an hour (OWASP's Forgot Password cheat sheet: short-lived, single use). */
export const RESET_TTL_MS = 60 * 60 * 1000;

/** The stored form of a token: its SHA-256. The token has 256 random bits, so no salt or slow hash is needed. */
export const hashResetToken = (token: string) => createHash("sha256").update(token).digest("base64url");

/** The path of the page that sets a new password with `token`. */
export const resetPath = (token: string) => `/reset-password?token=${encodeURIComponent(token)}`;

/**
 * The one answer to every valid request, whether or not the address has an account. (Kept here: a "use server" file
 * may export only async functions.)
 */
export const RESET_REQUESTED =
  "If an account uses that address, a link to reset its password is on its way. It works once, within an hour. " +
  "No mail? Ask your instructor or an administrator: they can see the link.";

export type RequestResetResult = { ok: true } | { ok: false; reason: "limited" };

/**
 * "Forgot password" for `email` (already validated and normalised) from `address`. The answer is the same whether or
 * not the address has an account, and so are the limits (per address, and per email address asked about), so the
 * form cannot be used to find out who has one. For an existing account a new link replaces any earlier one and is
 * delivered (lib/auth/reset-delivery.ts) without waiting for the mail server, so the answer takes as long either way.
 * @example await requestPasswordReset({ email: "ada@example.com", address: "203.0.113.5", now: new Date() })
 */
export async function requestPasswordReset(input: {
  email: string;
  address: string;
  now: Date;
  /** Replaces the SMTP transport (tests); the delivery is awaited then. */
  via?: Transporter;
}): Promise<RequestResetResult> {
  if (!(await allowPasswordResetRequest(input.email, input.address))) return { ok: false, reason: "limited" };
  const user = await findUserForSignIn(input.email);
  if (!user) return { ok: true };
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(input.now.getTime() + RESET_TTL_MS);
  const resetId = await createPasswordReset(user.id, hashResetToken(token), input.now, expiresAt);
  const delivery = deliverResetLink(
    { resetId, email: user.email, name: user.name, link: `${siteUrl()}${resetPath(token)}`, expiresAt },
    input.via,
  );
  if (input.via) await delivery;
  // Not awaited (see above); a failure is the operator's to see in the log, never the requester's.
  else delivery.catch((error: Error) => console.warn(`password-reset: delivery failed (${error.message})`));
  return { ok: true };
}

/** Whether `token` is a link that can still be used (the reset page says so before asking for a password). */
export function canUseResetToken(token: string, now: Date): Promise<boolean> {
  return isPasswordResetUsable(hashResetToken(token), now);
}

export type ResetPasswordResult = { ok: true } | { ok: false; reason: "invalid" };

/**
 * Sets a new password with a reset link's token: once, within the hour; every session of the user ends (whoever
 * had the old password is signed out) and their other links stop working. A wrong, used or expired token is
 * "invalid", all alike.
 * @example await resetPassword({ token, newPassword: "a new passphrase", now: new Date() })
 */
export async function resetPassword(input: {
  token: string;
  newPassword: string;
  now: Date;
}): Promise<ResetPasswordResult> {
  const tokenHash = hashResetToken(input.token);
  // Hashing the password costs ~18 ms: done only for a token that looks usable, then claimed atomically below.
  if (!(await isPasswordResetUsable(tokenHash, input.now))) return { ok: false, reason: "invalid" };
  const result = await consumePasswordReset(tokenHash, await hashPassword(input.newPassword), input.now);
  if (!result.ok) return { ok: false, reason: "invalid" };
  forgetOutboxLinks((await findUserById(result.userId))?.email ?? null, input.now);
  return { ok: true };
}
