import { randomInt } from "node:crypto";
import { can } from "@/lib/auth/can";
import { type ItemStage, type StudyProgress, studyProgress as progressOf } from "@/lib/progress/assignment-progress";
import { calendarDaysBetween } from "@/lib/progress/format";
import { minimumStudyDays } from "@/lib/srs/assignment-pace";
import { DEFAULT_SRS_SETTINGS } from "@/lib/srs/types";
import { canUseSet } from "./sets";
import { siblingKeys } from "./study";
import { sql } from "kysely";
import { db } from "./client";
import { queryDb } from "./query";
import { classDeckWhere } from "./deck-access";
import { toBool } from "./dialect";
import { GRADED_KINDS } from "./quiz";
import type { UserSummary } from "./users";

export type AssignmentMode = "study" | "quiz";

export type CreateAssignmentResult =
  | { ok: true; id: string }
  | { ok: false; reason: "not_found" | "empty_set" | "past_due" | "no_quiz_items" | "hidden_decks" }
  /** A study assignment due sooner than its set needs (minimumStudyDays), without `allowShort`. */
  | { ok: false; reason: "too_soon"; minDays: number; days: number };

/**
 * The fewest study days each set needs (lib/srs/assignment-pace.ts minimumStudyDays: its largest group of sibling
 * items, or its size at a learner's default new items a day), by set id.
 * @example const days = await setMinimumDays([set.id]) // Map { "clx…" => 4 }
 */
export async function setMinimumDays(setIds: string[]): Promise<Map<string, number>> {
  const rows = await db.itemSetItem.findMany({
    where: { setId: { in: setIds }, item: { retiredAt: null } },
    select: { setId: true, item: { select: { factKey: true, documentId: true, sourceStart: true } } },
  });
  const bySet = new Map<string, { siblingKeys: string[] }[]>();
  for (const row of rows) {
    const list = bySet.get(row.setId) ?? [];
    list.push({ siblingKeys: siblingKeys(row.item) });
    bySet.set(row.setId, list);
  }
  return new Map(setIds.map((id) => [id, minimumStudyDays(bySet.get(id) ?? [], DEFAULT_SRS_SETTINGS.newPerDay)]));
}

/**
 * Study days an assignment made at `now` and due at `dueAt` leaves, counted in `timeZone` (the instructor's):
 * today and the due day both count, so due later today is 1 and due tomorrow is 2.
 * @example studyDaysUntil(new Date("2026-12-01T09:00Z"), new Date("2026-12-02T23:59Z"), "UTC") // 2
 */
export const studyDaysUntil = (now: Date, dueAt: Date, timeZone: string) =>
  calendarDaysBetween(now, dueAt, timeZone) + 1;

/**
 * Assigns a set to a class. The due date is an instant; `timeZone` (the instructor's) is kept with it, as the zone
 * the date was chosen in. A study assignment due sooner than its set needs is refused unless `allowShort`: its
 * related items would then be introduced closer together (lib/srs/assignment-pace.ts).
 * @example await createAssignment(user, { classId, setId, mode: "study", dueAt, maxAttempts: 1, timeZone: "UTC" }, now)
 */
export async function createAssignment(
  user: UserSummary,
  input: {
    classId: string;
    setId: string;
    mode: AssignmentMode;
    dueAt: Date;
    maxAttempts: number;
    timeZone?: string;
    allowShort?: boolean;
  },
  now: Date,
): Promise<CreateAssignmentResult> {
  const owned = await db.class.count({
    where: { id: input.classId, ...(can(user, "see-all-classes") ? {} : { ownerId: user.id }) },
  });
  if (owned !== 1 || !(await canUseSet(input.setId, user))) return { ok: false, reason: "not_found" };
  if (input.dueAt <= now) return { ok: false, reason: "past_due" };
  const live = await db.itemSetItem.count({ where: { setId: input.setId, item: { retiredAt: null } } });
  if (live === 0) return { ok: false, reason: "empty_set" };
  // The class's learners must be able to see every deck the set draws on, or they would be assigned items they
  // can neither study nor open (issue 14): published to the library or shared with this class.
  if ((await hiddenSetItems(input.setId, input.classId)) > 0) return { ok: false, reason: "hidden_decks" };
  // A scored quiz asks only the kinds it can grade: a set of flashcards alone is for studying.
  if (input.mode === "quiz" && (await liveSetItemIds(input.setId, input.classId, true)).length === 0) {
    return { ok: false, reason: "no_quiz_items" };
  }
  if (input.mode === "study" && !input.allowShort) {
    const minDays = (await setMinimumDays([input.setId])).get(input.setId) ?? 0;
    const days = studyDaysUntil(now, input.dueAt, input.timeZone ?? "UTC");
    if (days < minDays) return { ok: false, reason: "too_soon", minDays, days };
  }
  const { classId, setId, mode, dueAt, maxAttempts, timeZone } = input;
  const created = await db.assignment.create({
    data: { classId, setId, mode, dueAt, maxAttempts, dueTimeZone: timeZone ?? null },
    select: { id: true },
  });
  return { ok: true, id: created.id };
}

/**
 * Per learner and item: answered, answered correctly at least once, and learned (scheduled a day ahead or more).
 * "Correct once" is an EXISTS on the card's own logs (ReviewLog(cardId, reviewedAt): a card's logs are those of its
 * learner and item, and go with it): PostgreSQL planned the former grouped read of the logs by learners and items as a
 * BitmapAnd with ReviewLog(itemId), every learner's logs of those items (docs/decisions/031).
 */
async function itemStates(userIds: string[], itemIds: string[]): Promise<Map<string, Map<string, ItemStage>>> {
  if (userIds.length === 0 || itemIds.length === 0) return new Map();
  const cards = await queryDb()
    .q.selectFrom("Card as c")
    .select(["c.userId", "c.itemId", "c.scheduledDays", "c.state", "c.reps"])
    // Correct: graded right, or (flashcards, which the learner grades) rated anything but Again.
    .select(({ exists, selectFrom }) =>
      exists(
        selectFrom("ReviewLog as l")
          .select(sql`1`.as("one"))
          .whereRef("l.cardId", "=", "c.id")
          .where((log) =>
            log.or([
              log("l.correct", "=", true),
              log.and([log("l.correct", "is", null), log("l.rating", "<>", "again")]),
            ]),
          ),
      ).as("correctOnce"),
    )
    .where("c.userId", "in", userIds)
    .where("c.itemId", "in", itemIds)
    .execute();
  const byUser = new Map<string, Map<string, ItemStage>>();
  for (const card of cards) {
    const states = byUser.get(card.userId) ?? new Map<string, ItemStage>();
    const correctOnce = toBool(card.correctOnce);
    states.set(card.itemId, {
      // A card exists from the first answer on, or earlier when an unseen item was suspended or buried.
      introduced: card.reps > 0,
      correct: correctOnce,
      learned: correctOnce && card.state === "review" && card.scheduledDays >= 1,
    });
    byUser.set(card.userId, states);
  }
  return byUser;
}

/** Progress on a study assignment (lib/progress/assignment-progress.ts), or a quiz's done/total of one attempt. */
export type LearnerProgress = StudyProgress;

function studyProgress(states: Map<string, ItemStage> | undefined, itemIds: string[]): LearnerProgress {
  return progressOf(itemIds.map((id) => states?.get(id)));
}

/**
 * The set's live items in order that the class's learners may open (classDeckWhere); `quiz`: only those a scored quiz
 * can ask (no flashcards, none that the deck's owner suspended for everyone).
 */
async function liveSetItemIds(setId: string, classId: string, quiz = false) {
  const rows = await db.itemSetItem.findMany({
    where: {
      setId,
      item: {
        retiredAt: null,
        document: classDeckWhere(classId),
        ...(quiz ? { kind: { in: [...GRADED_KINDS] }, suspendedAt: null } : {}),
      },
    },
    orderBy: { position: "asc" },
    select: { itemId: true },
  });
  return rows.map((row) => row.itemId);
}

/** Live items of the set in decks the class may no longer open (hidden after the set was assigned). */
function hiddenSetItems(setId: string, classId: string) {
  return db.itemSetItem.count({
    where: { setId, item: { retiredAt: null, document: { NOT: classDeckWhere(classId) } } },
  });
}

/** A quiz assignment is one step: a finished attempt. */
const quizProgress = (finished: boolean): LearnerProgress => ({
  done: finished ? 1 : 0,
  total: 1,
  introduced: finished ? 1 : 0,
  correct: finished ? 1 : 0,
  points: finished ? 1 : 0,
  maxPoints: 1,
  complete: finished,
});

/**
 * A learner's standing on a quiz assignment: done once an attempt is finished; the best finished score and the
 * number of questions it was scored on (`outOf`: flashcards of an older attempt were skipped, not scored).
 */
function quizSummary(attempts: { score: number | null; total: number; finishedAt: Date | null }[]) {
  const finished = attempts.filter((a) => a.finishedAt);
  const best = finished.reduce<(typeof finished)[number] | null>(
    (top, a) => (!top || (a.score ?? 0) > (top.score ?? 0) ? a : top),
    null,
  );
  return {
    progress: quizProgress(finished.length > 0),
    best: best ? (best.score ?? 0) : null,
    outOf: best ? best.total : null,
    attempts: attempts.length,
    /** An attempt is started and not finished. */
    inProgress: attempts.some((a) => !a.finishedAt),
  };
}

/** What a learner sees of an assignment of one of their classes (their own quiz attempts are added per use). */
const learnerAssignmentFields = {
  id: true,
  mode: true,
  dueAt: true,
  maxAttempts: true,
  setId: true,
  classId: true,
  set: { select: { name: true } },
  class: { select: { name: true } },
} as const;

/** The learner's assignments (from all their classes) with progress, soonest due first. */
export async function learnerAssignments(userId: string) {
  const assignments = await db.assignment.findMany({
    where: { class: { members: { some: { userId } } } },
    orderBy: { dueAt: "asc" },
    select: {
      ...learnerAssignmentFields,
      quizAttempts: { where: { userId }, select: { score: true, total: true, finishedAt: true } },
    },
  });
  return Promise.all(
    assignments.map(async (a) => {
      if (a.mode === "quiz") {
        const { progress, best, outOf, attempts, inProgress } = quizSummary(a.quizAttempts);
        return { ...a, progress, best, outOf, attemptsUsed: attempts, inProgress, hiddenItems: 0 };
      }
      const [itemIds, hiddenItems] = await Promise.all([
        liveSetItemIds(a.setId, a.classId),
        hiddenSetItems(a.setId, a.classId),
      ]);
      const states = await itemStates([userId], itemIds);
      return {
        ...a,
        /** Items of the set in decks hidden since it was assigned: left out of progress (the learner cannot open them). */
        hiddenItems,
        progress: studyProgress(states.get(userId), itemIds),
        best: null,
        outOf: null,
        attemptsUsed: 0,
        inProgress: false,
      };
    }),
  );
}

/** One assignment of the learner's classes (someone else's is null). */
export function getLearnerAssignment(assignmentId: string, userId: string) {
  return db.assignment.findFirst({
    where: { id: assignmentId, class: { members: { some: { userId } } } },
    select: {
      ...learnerAssignmentFields,
      quizAttempts: {
        where: { userId },
        orderBy: { startedAt: "asc" },
        select: { id: true, score: true, total: true, finishedAt: true },
      },
    },
  });
}

export type StartQuizResult =
  { ok: true; attemptId: string } | { ok: false; reason: "not_found" | "no_attempts_left" | "no_quiz_items" };

/**
 * Starts (or resumes an unfinished) scored attempt of a quiz assignment, within its attempt limit. It asks the set's
 * live items that a quiz can grade: flashcards are left out (they need the learner's own rating).
 */
export async function startAssignmentQuiz(assignmentId: string, userId: string): Promise<StartQuizResult> {
  const assignment = await getLearnerAssignment(assignmentId, userId);
  if (!assignment || assignment.mode !== "quiz") return { ok: false, reason: "not_found" };
  const open = assignment.quizAttempts.find((q) => !q.finishedAt);
  if (open) return { ok: true, attemptId: open.id };
  if (assignment.quizAttempts.length >= assignment.maxAttempts) return { ok: false, reason: "no_attempts_left" };
  const itemIds = await liveSetItemIds(assignment.setId, assignment.classId, true);
  if (itemIds.length === 0) return { ok: false, reason: "no_quiz_items" };
  for (let i = itemIds.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [itemIds[i], itemIds[j]] = [itemIds[j]!, itemIds[i]!];
  }
  const attempt = await db.quizAttempt.create({
    data: { userId, assignmentId, itemIds: JSON.stringify(itemIds), total: itemIds.length },
    select: { id: true },
  });
  return { ok: true, attemptId: attempt.id };
}

/** Per learner of a class: progress on each assignment (study) or best score and attempts (quiz). */
export async function classAssignmentProgress(
  members: { user: { id: string; name: string } }[],
  assignments: { id: string; mode: string; set: { id: string } }[],
) {
  const userIds = members.map((m) => m.user.id);
  // Which class each assignment belongs to (the caller's rows do not say): progress counts what that class may open.
  const classOf = new Map(
    (
      await db.assignment.findMany({
        where: { id: { in: assignments.map((a) => a.id) } },
        select: { id: true, classId: true },
      })
    ).map((a) => [a.id, a.classId]),
  );
  const result = new Map<
    string,
    Map<string, { progress: LearnerProgress; best: number | null; outOf: number | null; attempts: number }>
  >();
  for (const userId of userIds) result.set(userId, new Map());
  for (const assignment of assignments) {
    if (assignment.mode === "quiz") {
      const attempts = await db.quizAttempt.findMany({
        where: { assignmentId: assignment.id, userId: { in: userIds } },
        select: { userId: true, score: true, finishedAt: true, total: true },
      });
      for (const userId of userIds) {
        result.get(userId)!.set(assignment.id, quizSummary(attempts.filter((a) => a.userId === userId)));
      }
    } else {
      const itemIds = await liveSetItemIds(assignment.set.id, classOf.get(assignment.id) ?? "");
      const states = await itemStates(userIds, itemIds);
      for (const userId of userIds) {
        result.get(userId)!.set(assignment.id, {
          progress: studyProgress(states.get(userId), itemIds),
          best: null,
          outOf: null,
          attempts: 0,
        });
      }
    }
  }
  return result;
}
