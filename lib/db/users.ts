import { Prisma } from "@/generated/prisma/client";
import { type Role, parseRole } from "@/lib/auth/roles";
import { db } from "./client";
import { query, sqlDate } from "./sqlite";

export type UserSummary = { id: string; email: string; name: string; role: Role };

const summary = { id: true, email: true, name: true, role: true } as const;

/** The user with this (already normalised) email, with the password hash, for sign-in only. */
export async function findUserForSignIn(email: string) {
  const user = await db.user.findUnique({ where: { email }, select: { ...summary, passwordHash: true } });
  return user && { ...user, role: parseRole(user.role) };
}

/**
 * The user behind a session, read on every request that needs one: a prepared statement on the read connection
 * (lib/db/sqlite.ts) instead of a Prisma query, which costs more than the rest of a study answer's reads together.
 */
export async function findUserById(id: string): Promise<UserSummary | null> {
  const user = query<Omit<UserSummary, "role"> & { role: string }>(
    "SELECT id, email, name, role FROM User WHERE id = ?",
  ).get(id);
  return user ? { ...user, role: parseRole(user.role) } : null;
}

/**
 * The user behind a session cookie, read on every request that needs one (pages, actions and each study answer): one
 * prepared statement on the read connection that also checks the session row, so a signed-out, revoked or expired
 * session (or a session of someone else: `userId` is the cookie's own claim) finds nobody. Dates are compared as a
 * parameter in the adapter's storage format (lib/db/sqlite.ts sqlDate), which PostgreSQL reads as a timestamp.
 * @example const user = findUserBySession(token.sid, token.id, new Date())
 */
export function findUserBySession(sessionId: string, userId: string, now: Date): UserSummary | null {
  const user = query<Omit<UserSummary, "role"> & { role: string }>(
    `SELECT u.id, u.email, u.name, u.role FROM Session s JOIN User u ON u.id = s.userId
     WHERE s.id = ? AND s.userId = ? AND s.revokedAt IS NULL AND s.expiresAt > ?`,
  ).get(sessionId, userId, sqlDate(now));
  return user ? { ...user, role: parseRole(user.role) } : null;
}

/** A user's password hash, for checking the current password before a change; null when there is no such user. */
export async function findPasswordHash(userId: string): Promise<string | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  return user?.passwordHash ?? null;
}

/** Replaces a user's password hash; false when there is no such user. */
export async function setPasswordHash(userId: string, passwordHash: string): Promise<boolean> {
  const updated = await db.user.updateMany({ where: { id: userId }, data: { passwordHash } });
  return updated.count === 1;
}

export type CreateUserResult = { ok: true; user: UserSummary } | { ok: false; reason: "email_taken" };

/**
 * Creates a user. The unique index on email decides races: two sign-ups for one email create one user.
 * @example await createUser({ email: "a@example.com", name: "A", passwordHash, role: "learner" })
 */
export async function createUser(input: {
  email: string;
  name: string;
  passwordHash: string;
  role?: Role;
  /** The learner's time zone (an IANA name, already validated); without one the settings keep their default. */
  timeZone?: string;
}): Promise<CreateUserResult> {
  const { timeZone, ...fields } = input;
  try {
    const user = await db.user.create({
      data: {
        ...fields,
        role: input.role ?? "learner",
        ...(timeZone ? { settings: { create: { timeZone } } } : {}),
      },
      select: summary,
    });
    return { ok: true, user: { ...user, role: parseRole(user.role) } };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, reason: "email_taken" };
    }
    throw error;
  }
}

export function countUsers(): Promise<number> {
  return db.user.count();
}

export function listUsers() {
  return db.user.findMany({ orderBy: { createdAt: "asc" }, select: { ...summary, createdAt: true } });
}

/** Changes a user's role; false when there is no such user. */
export async function setRole(userId: string, role: Role): Promise<boolean> {
  const updated = await db.user.updateMany({ where: { id: userId }, data: { role } });
  return updated.count === 1;
}

/**
 * What stops a user's account from being deleted: classes they run (their learners' assignments and scores hang on
 * them) and their sets that are assigned in some class (an assignment cannot lose its set). Empty lists: nothing.
 * @example const { classes, assignedSets } = await accountDependents(user.id)
 */
export async function accountDependents(userId: string) {
  const [classes, assignedSets] = await Promise.all([
    db.class.findMany({ where: { ownerId: userId }, select: { name: true }, orderBy: { createdAt: "asc" } }),
    db.itemSet.findMany({
      where: { ownerId: userId, assignments: { some: {} } },
      select: { name: true },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  return { classes: classes.map((c) => c.name), assignedSets: assignedSets.map((s) => s.name) };
}

/**
 * Deletes a user and everything that is theirs alone: settings, sessions, reset links, cards, reviews, quiz attempts
 * and answers, class memberships and their (unassigned) sets, through the schema's cascades in one statement. Decks
 * they uploaded stay, without an owner, like the decks in content/: other learners' cards and reviews are on them.
 * Refused (false) while they run a class or one of their sets is assigned (accountDependents); the check and the
 * delete run in one transaction, so a class made meanwhile is not lost.
 */
export async function deleteUserAndData(userId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const blockers =
      (await tx.class.count({ where: { ownerId: userId } })) +
      (await tx.itemSet.count({ where: { ownerId: userId, assignments: { some: {} } } }));
    if (blockers > 0) return false;
    const deleted = await tx.user.deleteMany({ where: { id: userId } });
    return deleted.count === 1;
  });
}
