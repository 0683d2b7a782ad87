/**
 * "Delete my account" (issue 15, Accounts): with the right password, everything of the user's goes (settings, cards,
 * reviews, quiz attempts and answers, class memberships, sets, sessions, reset links) and everyone else's stays; the
 * user is signed out. A wrong password deletes nothing; an instructor who runs a class, or whose set is assigned,
 * is refused and told why.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { deleteAccountAction } from "@/app/(app)/settings/_delete-account/actions";
import type { GeneratedItem } from "@/lib/content/types";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { createAssignment } from "@/lib/db/assignments";
import { createClass } from "@/lib/db/classes";
import { publishDocument } from "@/lib/db/content";
import { createPasswordReset } from "@/lib/db/password-resets";
import { createQuiz } from "@/lib/db/quiz";
import { answerItem } from "@/lib/db/reviews";
import { createSet } from "@/lib/db/sets";
import type { UserSummary } from "@/lib/db/users";
import { makeUser } from "@/tests/factories";
import { sessionToken } from "@/tests/session-cookie";

let cookie: string | undefined;
vi.mock("next/headers", async (original) => ({
  ...(await original<object>()),
  cookies: async () => {
    const all = cookie ? [{ name: "next-auth.session-token", value: cookie }] : [];
    return { getAll: () => all, get: (name: string) => all.find((c) => c.name === name) };
  },
  headers: async () => new Headers({ "x-forwarded-for": "198.51.100.20" }),
}));
vi.mock("next/server", async (original) => ({ ...(await original<object>()), connection: async () => {} }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const NOW = new Date();
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
function item(i: number): GeneratedItem {
  return {
    key: `k${i}`,
    factKey: `f${i}`,
    kind: "multiple_choice",
    prompt: `Q${i}?`,
    answer: `A${i}`,
    accepted: [],
    options: [`A${i}`, "B", "C", "D"],
    answerType: "text",
    topic: "dates",
    difficulty: 0.5,
    source: { text: `A${i}.`, start: i * 10, end: i * 10 + 3 },
  };
}

/** Calls the action as `user`'s device; returns the redirect target, or the returned state. */
async function deleteAs(user: UserSummary, password: string) {
  cookie = await sessionToken(user.id);
  try {
    return { state: await deleteAccountAction(null, form({ currentPassword: password })) };
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? "");
    if (!digest.startsWith("NEXT_REDIRECT")) throw error;
    return { redirect: digest.split(";")[2] };
  }
}

/** Rows that belong to, or name, `userId` in every table that can. */
async function rowsOf(userId: string) {
  return {
    user: await db.user.count({ where: { id: userId } }),
    settings: await db.userSettings.count({ where: { userId } }),
    sessions: await db.session.count({ where: { userId } }),
    resets: await db.passwordReset.count({ where: { userId } }),
    cards: await db.card.count({ where: { userId } }),
    reviews: await db.reviewLog.count({ where: { userId } }),
    quizzes: await db.quizAttempt.count({ where: { userId } }),
    quizAnswers: await db.quizAnswer.count({ where: { attempt: { userId } } }),
    memberships: await db.classMember.count({ where: { userId } }),
    classes: await db.class.count({ where: { ownerId: userId } }),
    sets: await db.itemSet.count({ where: { ownerId: userId } }),
    documents: await db.document.count({ where: { ownerId: userId } }),
  };
}

/** A learner and a classmate who both studied a deck, took a quiz, and are in an instructor's class. */
async function world() {
  const teacher = await makeUser({ role: "instructor" });
  const learner = await makeUser();
  const classmate = await makeUser();
  const slug = `del-${crypto.randomUUID()}`;
  const { documentId } = await publishDocument({ slug, title: slug, body: "Body." }, [item(1), item(2), item(3)]);
  const itemIds = (await db.item.findMany({ where: { documentId }, select: { id: true } })).map((i) => i.id);
  const klass = await createClass(teacher, { name: "Class", description: "" }, NOW);
  for (const u of [learner, classmate]) {
    await db.classMember.create({ data: { classId: klass.id, userId: u.id } });
    await db.userSettings.create({ data: { userId: u.id, timeZone: "Europe/Berlin" } });
    await answerItem({
      userId: u.id,
      reviewId: crypto.randomUUID(),
      itemId: itemIds[0]!,
      version: 0,
      response: "A1",
      responseMs: 5,
      now: NOW,
    });
    const quiz = (await createQuiz({ userId: u.id, deckId: documentId, count: 1, updatesSchedule: false }))!;
    const asked = (
      JSON.parse((await db.quizAttempt.findUniqueOrThrow({ where: { id: quiz.id } })).itemIds) as string[]
    )[0]!;
    await db.quizAnswer.create({
      data: {
        id: crypto.randomUUID(),
        attemptId: quiz.id,
        itemId: asked,
        response: "x",
        correct: false,
        answeredAt: NOW,
      },
    });
    await createPasswordReset(u.id, crypto.randomUUID(), NOW, new Date(NOW.getTime() + 3_600_000));
  }
  return { teacher, learner, classmate, documentId, itemIds, classId: klass.id };
}

describe("delete my account", () => {
  beforeEach(() => {
    cookie = undefined;
  });

  it("deletes everything of the learner's, signs them out, and leaves everyone else's data intact", async () => {
    const w = await world();
    const before = await rowsOf(w.learner.id);
    expect(before).toMatchObject({
      user: 1,
      settings: 1,
      cards: 1,
      reviews: 1,
      quizzes: 1,
      quizAnswers: 1,
      memberships: 1,
      resets: 1,
    });
    const classmateBefore = await rowsOf(w.classmate.id);
    const teacherBefore = await rowsOf(w.teacher.id);

    expect(await deleteAs(w.learner, "factdeck-demo")).toEqual({ redirect: "/login?deleted=1" });
    expect(await rowsOf(w.learner.id)).toEqual(Object.fromEntries(Object.keys(before).map((k) => [k, 0])));
    // Nothing in any table still names them.
    const tables = ["Card", "ReviewLog", "QuizAttempt", "ClassMember", "Session", "PasswordReset", "UserSettings"];
    for (const table of tables) {
      const [row] = await db.$queryRaw<{ n: number }[]>(
        Prisma.sql`SELECT COUNT(*) AS n FROM ${Prisma.raw(`"${table}"`)} WHERE "userId" = ${w.learner.id}`,
      );
      expect(Number(row!.n), table).toBe(0);
    }
    // Everyone else's data is as it was; the deck and its items stay.
    expect(await rowsOf(w.classmate.id)).toEqual(classmateBefore);
    expect(await rowsOf(w.teacher.id)).toEqual(teacherBefore);
    expect(await db.item.count({ where: { documentId: w.documentId } })).toBe(3);
    expect(await db.classMember.count({ where: { classId: w.classId } })).toBe(1);
  });

  it("a wrong password deletes nothing", async () => {
    const w = await world();
    const before = await rowsOf(w.learner.id);
    const result = await deleteAs(w.learner, "not my password");
    expect(result).toEqual({ state: { ok: false, message: "Your password is not correct; nothing was deleted." } });
    // The action's own session (the cookie) is one more row; nothing else changed.
    expect(await rowsOf(w.learner.id)).toEqual({ ...before, sessions: before.sessions + 1 });
    expect(await deleteAs(w.learner, "")).toEqual({
      state: { ok: false, message: "Enter your password to confirm. Nothing was deleted." },
    });
  });

  it("refuses an instructor who runs a class or whose set is assigned, saying why", async () => {
    const w = await world();
    const result = await deleteAs(w.teacher, "factdeck-demo");
    expect(result.state?.message).toContain("you run the class “Class”");
    expect(await db.user.count({ where: { id: w.teacher.id } })).toBe(1);

    // An admin assigns another instructor's set in the admin's class: that instructor cannot vanish with it.
    const author = await makeUser({ role: "instructor" });
    const admin = await makeUser({ role: "admin" });
    const set = (await createSet(author, { name: "Borrowed", itemIds: w.itemIds }))!;
    const adminClass = await createClass(admin, { name: "Admin class", description: "" }, NOW);
    const assigned = await createAssignment(
      admin,
      {
        classId: adminClass.id,
        setId: set.id,
        mode: "quiz",
        dueAt: new Date(NOW.getTime() + 86_400_000),
        maxAttempts: 1,
      },
      NOW,
    );
    expect(assigned.ok).toBe(true);
    const refused = await deleteAs(author, "factdeck-demo");
    expect(refused.state?.message).toContain("your set “Borrowed” is assigned in a class");
    expect(await db.itemSet.count({ where: { id: set.id } })).toBe(1);
  });

  it("an instructor without classes goes with their unassigned sets; their uploaded deck stays, ownerless", async () => {
    const author = await makeUser({ role: "instructor" });
    const learner = await makeUser();
    const slug = `upload-${crypto.randomUUID()}`;
    const { documentId } = await publishDocument({ slug, title: slug, body: "Body." }, [item(7)]);
    await db.document.update({ where: { id: documentId }, data: { ownerId: author.id } });
    const itemId = (await db.item.findFirstOrThrow({ where: { documentId } })).id;
    await createSet(author, { name: "Mine", itemIds: [itemId] });
    await answerItem({
      userId: learner.id,
      reviewId: crypto.randomUUID(),
      itemId,
      version: 0,
      response: "A7",
      responseMs: 5,
      now: NOW,
    });

    expect(await deleteAs(author, "factdeck-demo")).toEqual({ redirect: "/login?deleted=1" });
    expect(await db.itemSet.count({ where: { ownerId: author.id } })).toBe(0);
    expect(await db.document.findUniqueOrThrow({ where: { id: documentId } })).toMatchObject({ ownerId: null });
    expect(await db.card.count({ where: { userId: learner.id, itemId } })).toBe(1);
  });

  it("an anonymous caller is sent to sign in", async () => {
    await expect(deleteAccountAction(null, form({ currentPassword: "x" }))).rejects.toMatchObject({
      digest: expect.stringContaining("/login"),
    });
  });
});
