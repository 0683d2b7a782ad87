import { randomBytes } from "node:crypto";
import { db } from "./client";

/** A day of slack: a session row never expires before the cookie that names it, which may be re-issued once a day. */
const SLACK_MS = 24 * 60 * 60 * 1000;

/**
 * Records a new signed-in device and returns its id (for the session cookie). 128 random bits: not guessable, though
 * the id only ever travels inside the encrypted cookie.
 * @example const sessionId = await createSession(user.id, new Date(), 7 * 86_400)
 */
export async function createSession(userId: string, now: Date, maxAgeS: number): Promise<string> {
  const id = randomBytes(16).toString("base64url");
  // The user's expired and revoked sessions can never be used again (a missing row refuses the cookie as a revoked
  // one does): each sign-in clears them, so the table stays about as large as the number of signed-in devices.
  await db.$transaction([
    db.session.deleteMany({ where: { userId, OR: [{ expiresAt: { lt: now } }, { revokedAt: { not: null } }] } }),
    db.session.create({ data: { id, userId, createdAt: now, expiresAt: expiryFor(now, maxAgeS) } }),
  ]);
  return id;
}

const expiryFor = (now: Date, maxAgeS: number) => new Date(now.getTime() + maxAgeS * 1000 + SLACK_MS);

/**
 * Keeps a live session's row at least as long-lived as a cookie re-issued now, and says whether the session is live
 * (not revoked, not expired, not deleted). Writes only when the row would expire within `maxAgeS` (at most about once
 * a day per session), so the cookie refresh stays one read.
 * @example if (!(await extendSession(token.sid, new Date(), SESSION_MAX_AGE_S))) throw new Error("Session ended")
 */
export async function extendSession(id: string, now: Date, maxAgeS: number): Promise<boolean> {
  const row = await db.session.findUnique({ where: { id }, select: { revokedAt: true, expiresAt: true } });
  if (!row || row.revokedAt || row.expiresAt <= now) return false;
  if (row.expiresAt < new Date(now.getTime() + maxAgeS * 1000)) {
    await db.session.updateMany({ where: { id, revokedAt: null }, data: { expiresAt: expiryFor(now, maxAgeS) } });
  }
  return true;
}

/** Ends one session (sign-out). Unknown or already revoked ids change nothing. */
export async function revokeSession(id: string, now: Date): Promise<void> {
  await db.session.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
}

/**
 * Ends every session of a user but `keepId` (a password change keeps the device that made it); without `keepId`,
 * all of them ("sign out everywhere"). Returns how many ended.
 * @example await revokeUserSessions(user.id, new Date(), currentSessionId)
 */
export async function revokeUserSessions(userId: string, now: Date, keepId?: string): Promise<number> {
  const revoked = await db.session.updateMany({
    where: { userId, revokedAt: null, ...(keepId ? { id: { not: keepId } } : {}) },
    data: { revokedAt: now },
  });
  return revoked.count;
}
