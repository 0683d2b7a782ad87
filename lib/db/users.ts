import { Prisma } from "@/generated/prisma/client";
import { type Role, parseRole } from "@/lib/auth/roles";
import { db } from "./client";
import { query } from "./sqlite";

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
}): Promise<CreateUserResult> {
  try {
    const user = await db.user.create({ data: { ...input, role: input.role ?? "learner" }, select: summary });
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
