import { compiledOnce, queryDb, type Reader } from "./query";

// The learner's unfinished quiz attempts (practice or assignment) whose questions they may still answer. An
// assignment's attempt counts only while the learner is still in its class: a removed member can no longer finish it
// (lib/db/quiz.ts getQuiz), so it must not hide those items from their studying either. Uses QuizAttempt(userId, …).
// Item ids are kept as a JSON array in QuizAttempt.itemIds; an attempt holds at most a few dozen, parsed here.
// Built once (lib/db/query.ts compiledOnce): it runs for every answer.
const openAttempts = compiledOnce<{ userId: string }, Attempt>((q, param) =>
  q
    .selectFrom("QuizAttempt as a")
    .select(["a.id", "a.itemIds"])
    .where("a.userId", "=", param("userId"))
    .where("a.finishedAt", "is", null)
    .where((eb) =>
      eb.or([
        eb("a.assignmentId", "is", null),
        eb.exists(
          eb
            .selectFrom("Assignment as s")
            .innerJoin("ClassMember as m", "m.classId", "s.classId")
            .select(eb.lit(1).as("one"))
            .whereRef("s.id", "=", "a.assignmentId")
            .whereRef("m.userId", "=", "a.userId"),
        ),
      ]),
    ),
);

// A quiz item's siblings: the other items of its fact (the typed twin of a multiple-choice question) and of its
// sentence (a cloze on another blank shows the whole sentence), the same relation the queue spreads over days
// (lib/db/study.ts siblingKeys). Their answers give the quiz item's away. Two queries for all the quizzes' items:
// the items themselves, then every live item of their decks sharing a fact or a sentence start with one of them
// (one walk of the Item(documentId, …) index per deck; a self-join made SQLite walk the deck once per quiz item).
const quizItems = (r: Reader, itemIds: string[]) =>
  r.selectFrom("Item").select(["id", "documentId", "factKey", "sourceStart"]).where("id", "in", itemIds);
const candidateSiblings = (r: Reader, of: SiblingKeys[]) =>
  r
    .selectFrom("Item")
    .select(["id", "documentId", "factKey", "sourceStart"])
    .where("documentId", "in", [...new Set(of.map((item) => item.documentId))])
    .where("retiredAt", "is", null)
    .where((eb) =>
      eb.or([
        eb("factKey", "in", [...new Set(of.map((item) => item.factKey))]),
        eb("sourceStart", "in", [...new Set(of.map((item) => item.sourceStart))]),
      ]),
    );

type SiblingKeys = { id: string; documentId: string; factKey: string; sourceStart: number };

/** Quiz item id → its siblings' ids (itself included while live), from the two reads above. */
function siblingsByItem(items: SiblingKeys[], candidates: SiblingKeys[]): Map<string, string[]> {
  const byFact = new Map<string, string[]>();
  const bySentence = new Map<string, string[]>();
  for (const c of candidates) {
    const fact = `${c.documentId}\u0000${c.factKey}`;
    const sentence = `${c.documentId}\u0000${c.sourceStart}`;
    byFact.set(fact, [...(byFact.get(fact) ?? []), c.id]);
    bySentence.set(sentence, [...(bySentence.get(sentence) ?? []), c.id]);
  }
  return new Map(
    items.map((item) => [
      item.id,
      [
        ...(byFact.get(`${item.documentId}\u0000${item.factKey}`) ?? []),
        ...(bySentence.get(`${item.documentId}\u0000${item.sourceStart}`) ?? []),
      ],
    ]),
  );
}

type Attempt = { id: string; itemIds: string };

/** Item id → attempt, in attempt order: each quiz item, then its siblings, the first attempt asking one winning. */
function hiddenItems(attempts: Attempt[], siblings: Map<string, string[]>): Map<string, string> {
  const items = new Map<string, string>();
  for (const attempt of attempts) {
    for (const itemId of JSON.parse(attempt.itemIds) as string[]) {
      for (const id of [itemId, ...(siblings.get(itemId) ?? [])]) if (!items.has(id)) items.set(id, attempt.id);
    }
  }
  return items;
}

const quizItemIds = (attempts: Attempt[]) => [...new Set(attempts.flatMap((a) => JSON.parse(a.itemIds) as string[]))];

/**
 * The items whose answers the learner's open quiz attempts keep hidden, each with the attempt that asks it (the
 * first one if several do): the quiz's own items and their siblings (same fact or same sentence). While an attempt
 * is open, nothing may show those answers to that learner: not the study check, not the deck page, not the item page
 * (docs/decisions/011-answers-are-committed.md). With no open attempt (the usual case) it is one read, else two.
 * `r`: the reads it belongs with (lib/db/query.ts readSnapshot).
 * @example (await loadOpenQuizItems(user.id)).get(itemId) // "attempt-id" while the learner's quiz asks that item or a sibling
 */
export async function loadOpenQuizItems(userId: string, r: Reader = queryDb().q): Promise<Map<string, string>> {
  const attempts = await openAttempts({ userId }, r);
  if (attempts.length === 0) return new Map();
  const items = await quizItems(r, quizItemIds(attempts)).execute();
  const candidates = items.length === 0 ? [] : await candidateSiblings(r, items).execute();
  return hiddenItems(attempts, siblingsByItem(items, candidates));
}
