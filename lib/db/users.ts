import { Prisma } from "@/generated/prisma/client";
import { type Role, parseRole } from "@/lib/auth/roles";
import { db } from "./client";
import { compiledOnce, queryDb } from "./query";

export type UserSummary = { id: string; email: string; name: string; role: Role };

const summary = { id: true, email: true, name: true, role: true } as const;

/** The user with this (already normalised) email, with the password hash, for sign-in only. */
export async function findUserForSignIn(email: string) {
  const user = await db.user.findUnique({ where: { email }, select: { ...summary, passwordHash: true } });
  return user && { ...user, role: parseRole(user.role) };
}

/** The user with this id, or null. */
export async function findUserById(id: string): Promise<UserSummary | null> {
  const user = await queryDb()
    .q.selectFrom("User")
    .select(["id", "email", "name", "role"])
    .where("id", "=", id)
    .executeTakeFirst();
  return user ? { ...user, role: parseRole(user.role) } : null;
}

/**
 * The user behind a session cookie, read on every request that needs one (pages, actions and each study answer): one
 * query through the seam (lib/db/query.ts; on SQLite the read connection) that also checks the session row, so a
 * signed-out, revoked or expired session (or a session of someone else: `userId` is the cookie's own claim) finds
 * nobody. The Session table is shared by every instance on the database: a sign-out on one ends the session on all.
 * @example const user = await findUserBySession(token.sid, token.id, new Date())
 */
export async function findUserBySession(sessionId: string, userId: string, now: Date): Promise<UserSummary | null> {
  const [user] = await userBySession({ sessionId, userId, now });
  return user ? { ...user, role: parseRole(user.role) } : null;
}

const userBySession = compiledOnce<
  { sessionId: string; userId: string; now: Date },
  Omit<UserSummary, "role"> & { role: string }
>((q, param) =>
  q
    .selectFrom("Session as s")
    .innerJoin("User as u", "u.id", "s.userId")
    .select(["u.id", "u.email", "u.name", "u.role"])
    .where("s.id", "=", param("sessionId"))
    .where("s.userId", "=", param("userId"))
    .where("s.revokedAt", "is", null)
    .where("s.expiresAt", ">", param("now")),
);

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
