import { randomInt } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { can } from "@/lib/auth/can";
import type { UserSummary } from "./users";
import { db } from "./client";

/** Join codes last this long; the instructor can make a new one at any time (the old one stops working). */
export const JOIN_CODE_DAYS = 30;
// No 0/O, 1/I/L: codes are read aloud and typed from a projector.
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

export function newJoinCode(): string {
  return Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
}

/** Normalises what a learner typed: case, spaces and dashes do not matter. */
export function normaliseJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "");
}

const codeExpiry = (now: Date) => new Date(now.getTime() + JOIN_CODE_DAYS * 86_400_000);

/** Which classes a teacher may open: their own, or any for an admin. */
function ownedBy(user: UserSummary) {
  return can(user, "see-all-classes") ? {} : { ownerId: user.id };
}

export async function createClass(owner: UserSummary, input: { name: string; description: string }, now: Date) {
  for (;;) {
    try {
      return await db.class.create({
        data: { ...input, ownerId: owner.id, joinCode: newJoinCode(), joinCodeExpiresAt: codeExpiry(now) },
        select: { id: true },
      });
    } catch (error) {
      // A code collision (1 in 31^8 per class) just draws again.
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    }
  }
}

export function listTeacherClasses(user: UserSummary) {
  return db.class.findMany({
    where: ownedBy(user),
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, description: true, _count: { select: { members: true, assignments: true } } },
  });
}

/** A class its teacher (or an admin) may manage, with roster and assignments; null for anyone else. */
export function getTeacherClass(classId: string, user: UserSummary) {
  return db.class.findFirst({
    where: { id: classId, ...ownedBy(user) },
    select: {
      id: true,
      name: true,
      description: true,
      joinCode: true,
      joinCodeExpiresAt: true,
      owner: { select: { name: true } },
      members: {
        orderBy: { joinedAt: "asc" },
        select: { joinedAt: true, user: { select: { id: true, name: true, email: true } } },
      },
      assignments: {
        orderBy: { dueAt: "asc" },
        select: {
          id: true,
          mode: true,
          dueAt: true,
          maxAttempts: true,
          set: { select: { id: true, name: true, _count: { select: { items: true } } } },
        },
      },
    },
  });
}

export async function renewJoinCode(classId: string, user: UserSummary, now: Date) {
  const updated = await db.class.updateMany({
    where: { id: classId, ...ownedBy(user) },
    data: { joinCode: newJoinCode(), joinCodeExpiresAt: codeExpiry(now) },
  });
  return updated.count === 1;
}

/**
 * Removes a learner from the class. Their unfinished attempts at its quizzes go with it: a removed learner can no
 * longer answer them (lib/db/quiz.ts getQuiz), and one kept open would resume, with answers seen meanwhile in study,
 * if they were added back. Finished attempts stay (hidden from them and from the gradebook while they are out).
 */
export async function removeMember(classId: string, learnerId: string, user: UserSummary) {
  const owned = await db.class.findFirst({ where: { id: classId, ...ownedBy(user) }, select: { id: true } });
  if (!owned) return false;
  const [removed] = await db.$transaction([
    db.classMember.deleteMany({ where: { classId, userId: learnerId } }),
    db.quizAttempt.deleteMany({ where: { userId: learnerId, finishedAt: null, assignment: { classId } } }),
  ]);
  return removed.count === 1;
}

export type JoinResult =
  | { ok: true; classId: string; name: string }
  | { ok: false; reason: "unknown_code" | "expired" | "already_member" | "own_class" };

/** Joins the class whose current code this is. A wrong, old or expired code joins nothing. */
export async function joinClass(userId: string, code: string, now: Date): Promise<JoinResult> {
  const found = await db.class.findUnique({
    where: { joinCode: normaliseJoinCode(code) },
    select: { id: true, name: true, ownerId: true, joinCodeExpiresAt: true },
  });
  if (!found) return { ok: false, reason: "unknown_code" };
  if (found.joinCodeExpiresAt <= now) return { ok: false, reason: "expired" };
  if (found.ownerId === userId) return { ok: false, reason: "own_class" };
  try {
    await db.classMember.create({ data: { classId: found.id, userId } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, reason: "already_member" };
    }
    throw error;
  }
  return { ok: true, classId: found.id, name: found.name };
}

/** The class a join code belongs to, for the invite page (name only). */
export function findClassByCode(code: string) {
  return db.class.findUnique({
    where: { joinCode: normaliseJoinCode(code) },
    select: { id: true, name: true, joinCodeExpiresAt: true, owner: { select: { name: true } } },
  });
}

/** The classes a learner belongs to. */
export function listMemberships(userId: string) {
  return db.classMember.findMany({
    where: { userId },
    select: { class: { select: { id: true, name: true, owner: { select: { name: true } } } } },
  });
}
