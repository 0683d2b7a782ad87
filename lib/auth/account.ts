import { revokeUserSessions } from "@/lib/db/sessions";
import { findPasswordHash, setPasswordHash, type UserSummary } from "@/lib/db/users";
import { hashPassword, verifyPassword } from "./password";
import { beginSignIn, signInSucceeded } from "./rate-limit";

export type ChangePasswordResult =
  { ok: true; signedOut: number } | { ok: false; reason: "wrong_password" | "limited" };

/**
 * Changes a signed-in user's password after checking the current one, then ends every other session of theirs (a
 * thief's copy of a cookie stops working); the device that made the change stays signed in. Checking the current
 * password counts against the same limits as signing in, so a borrowed session cannot be used to guess it.
 * @example await changePassword({ user, sessionId, currentPassword, newPassword, address, now: new Date() })
 */
export async function changePassword(input: {
  user: UserSummary;
  sessionId: string;
  currentPassword: string;
  newPassword: string;
  address: string;
  now: Date;
}): Promise<ChangePasswordResult> {
  const { user } = input;
  if (!(await beginSignIn(user.email, input.address))) return { ok: false, reason: "limited" };
  const hash = await findPasswordHash(user.id);
  if (!hash || !(await verifyPassword(hash, input.currentPassword))) return { ok: false, reason: "wrong_password" };
  await signInSucceeded(user.email, input.address);
  await setPasswordHash(user.id, await hashPassword(input.newPassword));
  return { ok: true, signedOut: await revokeUserSessions(user.id, input.now, input.sessionId) };
}
