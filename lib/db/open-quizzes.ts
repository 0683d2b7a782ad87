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

// A quiz item's siblings: the other items of its fact (the typed twin of a multiple-choice question) and of its
// sentence (a cloze on another blank shows the whole sentence), the same relation the queue spreads over days
// (lib/db/study.ts siblingKeys). Their answers give the quiz item's away. Walks the Item(documentId, …) index.
const QUIZ_ITEM_SQL = `SELECT documentId, factKey, sourceStart FROM Item WHERE id = ?`;
const SIBLINGS_SQL = `SELECT id FROM Item
  WHERE documentId = ? AND retiredAt IS NULL AND (factKey = ? OR sourceStart = ?)`;

/**
 * The items whose answers the learner's open quiz attempts keep hidden, each with the attempt that asks it (the
 * first one if several do): the quiz's own items and their siblings (same fact or same sentence). While an attempt
 * is open, nothing may show those answers to that learner: not the study check, not the deck page, not the item page
 * (docs/decisions/011-answers-are-committed.md). Prepared statements on the read connection, so it can sit in the
 * study loop's read snapshot; with no open attempt (the usual case) it is one read.
 * @example openQuizItems(user.id).get(itemId) // "attempt-id" while the learner's quiz asks that item or a sibling
 */
export function openQuizItems(userId: string): Map<string, string> {
  const items = new Map<string, string>();
  for (const attempt of query<{ id: string; itemIds: string }>(OPEN_ATTEMPTS_SQL).all(userId)) {
    for (const itemId of JSON.parse(attempt.itemIds) as string[]) {
      if (!items.has(itemId)) items.set(itemId, attempt.id);
      const quizItem = query<{ documentId: string; factKey: string; sourceStart: number }>(QUIZ_ITEM_SQL).get(itemId);
      if (!quizItem) continue;
      const siblings = query<{ id: string }>(SIBLINGS_SQL).all(
        quizItem.documentId,
        quizItem.factKey,
        quizItem.sourceStart,
      );
      for (const sibling of siblings) if (!items.has(sibling.id)) items.set(sibling.id, attempt.id);
    }
  }
  return items;
}
