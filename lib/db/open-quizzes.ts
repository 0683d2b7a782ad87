import { query } from "./sqlite";

// The learner's unfinished quiz attempts (practice or assignment) whose questions they may still answer. An
// assignment's attempt counts only while the learner is still in its class: a removed member can no longer finish it
// (lib/db/quiz.ts getQuiz), so it must not hide those items from their studying either. Uses QuizAttempt(userId, …).
// Item ids are kept as a JSON array in QuizAttempt.itemIds; an attempt holds at most a few dozen, parsed here.
const OPEN_ATTEMPTS_SQL = `SELECT a.id, a.itemIds FROM QuizAttempt a
  WHERE a.userId = ? AND a.finishedAt IS NULL
    AND (a.assignmentId IS NULL OR EXISTS (
      SELECT 1 FROM Assignment s JOIN ClassMember m ON m.classId = s.classId
      WHERE s.id = a.assignmentId AND m.userId = a.userId))`;

/**
 * The items of the learner's open quiz attempts, each with the attempt that asks it (the first one if several do).
 * While an attempt is open, nothing may show the answer of its items to that learner: not the study check, not the
 * deck page, not the item page (docs/decisions/011-answers-are-committed.md). One prepared statement on the read
 * connection, so it can sit in the study loop's read snapshot.
 * @example openQuizItems(user.id).get(itemId) // "attempt-id" while the learner's quiz asks that item
 */
export function openQuizItems(userId: string): Map<string, string> {
  const items = new Map<string, string>();
  for (const attempt of query<{ id: string; itemIds: string }>(OPEN_ATTEMPTS_SQL).all(userId)) {
    for (const itemId of JSON.parse(attempt.itemIds) as string[]) if (!items.has(itemId)) items.set(itemId, attempt.id);
  }
  return items;
}
