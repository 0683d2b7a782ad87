import { db } from "./client";

/**
 * Records a reset link for a user by the hash of its token; the user's earlier unused links stop working (only the
 * newest one mailed or shown is valid). Returns the row's id (the key of the admin's copy of the link).
 * @example const id = await createPasswordReset(user.id, sha256(token), now, new Date(now.getTime() + 3_600_000))
 */
export async function createPasswordReset(userId: string, tokenHash: string, now: Date, expiresAt: Date) {
  const [, created] = await db.$transaction([
    db.passwordReset.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } }),
    db.passwordReset.create({ data: { userId, tokenHash, createdAt: now, expiresAt }, select: { id: true } }),
  ]);
  return created.id;
}

export type ConsumeResetResult = { ok: true; userId: string; revokedSessions: number } | { ok: false };

/**
 * Uses a reset link: in one transaction, marks it used (only if unused and unexpired, so two racing requests cannot
 * both use it), stores the new password hash, ends every other link of the user and every session of theirs.
 * @example await consumePasswordReset(sha256(token), await hashPassword(newPassword), new Date())
 */
export async function consumePasswordReset(
  tokenHash: string,
  passwordHash: string,
  now: Date,
): Promise<ConsumeResetResult> {
  return db.$transaction(async (tx) => {
    const reset = await tx.passwordReset.findUnique({ where: { tokenHash }, select: { id: true, userId: true } });
    if (!reset) return { ok: false };
    const claimed = await tx.passwordReset.updateMany({
      where: { id: reset.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) return { ok: false };
    await tx.user.update({ where: { id: reset.userId }, data: { passwordHash } });
    await tx.passwordReset.updateMany({ where: { userId: reset.userId, usedAt: null }, data: { usedAt: now } });
    const revoked = await tx.session.updateMany({
      where: { userId: reset.userId, revokedAt: null },
      data: { revokedAt: now },
    });
    return { ok: true, userId: reset.userId, revokedSessions: revoked.count };
  });
}

/** Whether a token hash names a link that can still be used (for the reset page, before the form is shown). */
export async function isPasswordResetUsable(tokenHash: string, now: Date): Promise<boolean> {
  const count = await db.passwordReset.count({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } } });
  return count === 1;
}

/** The links that can still be used, newest first, with whom they are for (the admin's list). */
export function listPendingPasswordResets(now: Date) {
  return db.passwordReset.findMany({
    where: { usedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { id: true, createdAt: true, expiresAt: true, user: { select: { name: true, email: true } } },
  });
}
