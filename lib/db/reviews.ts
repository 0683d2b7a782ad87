import { randomUUID } from "node:crypto";
import { explainVerdict, grade, type Response } from "@/lib/content/grade";
import type { GeneratedItem } from "@/lib/content/types";
import {
  becameLeech,
  median,
  newCard,
  previewIntervals,
  ratingFromAnswer,
  type CardState,
  type Rating,
  type SrsSettings,
} from "@/lib/srs";
import { storedResponse } from "@/lib/study/answer-locale";
import { previewBalanced, scheduleBalanced } from "@/lib/srs/load-balance";
import type { AnswerFeedback } from "@/lib/study/types";
import { fromSqlCardState, parseSnapshot, serializeSnapshot, type CardSnapshot, type SqlCardStateRow } from "./cards";
import { db } from "./client";
import { studiableDeckCondition } from "./deck-access";
import { toBool, toDate } from "./dialect";
import { loadOpenQuizItems } from "./open-quizzes";
import {
  boundOnce,
  compiledOnce,
  queryDb,
  readSnapshot,
  UnchangedRows,
  UniqueViolation,
  writeTransaction,
  type Reader,
  type WriteStep,
} from "./query";
import { readScheduling, readSettings } from "./settings";
import { buryUntil } from "./study";
import { withDueCounts } from "./workload";

/** Reasons an answer is refused; each has a message the learner can act on (lib/study/messages.ts). */
export type ReviewRefusal = "not_found" | "stale" | "suspended" | "in_quiz";

type Graded = { correct: boolean | null; explanation: string | null; ratingHint?: "again" | "hard" };

/**
 * Whether a response is right, and what the grader tolerated or why it refused (lib/content/grade.ts). Flashcards are
 * graded by the learner (null). For every other kind no response ("I don't know", "Show answer") is a wrong answer:
 * seeing the answer is answering (docs/decisions/011). `locale` reads ambiguous numeric dates ("5/4/1904").
 */
function gradeResponse(item: GeneratedItem, response: Response | null, locale?: string): Graded {
  if (item.kind === "flashcard") return { correct: null, explanation: null };
  if (response === null) return { correct: false, explanation: null, ratingHint: "again" };
  const verdict = grade(item, response, { locale });
  return { correct: verdict.correct, explanation: explainVerdict(verdict), ratingHint: verdict.ratingHint };
}

/** A forgiven typo caps the suggested rating at Hard: the answer was right, its recall not clean. */
function hinted(rating: Rating, hint: Graded["ratingHint"]): Rating {
  return hint === "hard" && (rating === "good" || rating === "easy") ? "hard" : rating;
}

type StoredCard = SqlCardStateRow & {
  id: string;
  suspended: boolean | number;
  leech: boolean | number;
  buriedUntil: Date | string | null;
  version: number;
};
type StoredLog = {
  userId: string;
  response: string | null;
  itemId: string;
  cardId: string;
  rating: string;
  correct: boolean | number | null;
  stateBefore: string;
  stateAfter: string;
  reviewedAt: Date | string;
};

type ItemRow = { id: string; data: string; documentId: string };

// The study loop's reads, on the query builder (lib/db/query.ts), grouped per call in one readSnapshot; each built
// and compiled once (compiledOnce: building costs more than running them on SQLite).
const logById = compiledOnce<{ reviewId: string }, StoredLog>((q, param) =>
  q
    .selectFrom("ReviewLog")
    .select(["userId", "response", "itemId", "cardId", "rating", "correct", "stateBefore", "stateAfter", "reviewedAt"])
    .where("id", "=", param("reviewId")),
);
const readLog = async (r: Reader, reviewId: string): Promise<StoredLog | undefined> =>
  (await logById({ reviewId }, r))[0];
/** Only items of a deck the learner may study (lib/db/deck-access): another class's deck or a draft is "not found". */
const studiableItem = compiledOnce<{ itemId: string; viewer: string }, ItemRow>((q, param) =>
  q
    .selectFrom("Item as i")
    .innerJoin("Document as d", "d.id", "i.documentId")
    .select(["i.id", "i.data", "i.documentId"])
    .where("i.id", "=", param("itemId"))
    .where("i.retiredAt", "is", null)
    .where(studiableDeckCondition(param("viewer"))),
);
const readItem = async (r: Reader, itemId: string, viewer: string): Promise<ItemRow | undefined> =>
  (await studiableItem({ itemId, viewer }, r))[0];
const CARD_COLUMNS = [
  "id",
  "state",
  "due",
  "stability",
  "difficulty",
  "scheduledDays",
  "learningSteps",
  "reps",
  "lapses",
  "lastReview",
  "suspended",
  "leech",
  "buriedUntil",
  "version",
] as const;
const cardOf = compiledOnce<{ userId: string; itemId: string }, StoredCard>((q, param) =>
  q.selectFrom("Card").select(CARD_COLUMNS).where("userId", "=", param("userId")).where("itemId", "=", param("itemId")),
);
const readCard = async (r: Reader, userId: string, itemId: string): Promise<StoredCard | undefined> =>
  (await cardOf({ userId, itemId }, r))[0];

/**
 * The learner's median time for correct answers to items of this kind, over their last 100 such answers (for Hard
 * and Easy from speed). Per kind: typing an answer takes longer than picking one of four, so one median over all
 * kinds made most typed answers "hard" and most choices "easy". Walks the learner's reviews newest first.
 */
async function responseTimes(userId: string, kind: GeneratedItem["kind"]) {
  const rows = await lastCorrectResponseTimes({ userId, kind });
  const values = rows.map((row) => row.responseMs!);
  return { medianResponseMs: median(values), medianSampleSize: values.length };
}

const lastCorrectResponseTimes = compiledOnce<{ userId: string; kind: string }, { responseMs: number | null }>(
  (q, param) =>
    q
      .selectFrom("ReviewLog as l")
      .innerJoin("Item as i", "i.id", "l.itemId")
      .select("l.responseMs")
      .where("l.userId", "=", param("userId"))
      .where("i.kind", "=", param("kind"))
      .where("l.correct", "=", true)
      .where("l.responseMs", "is not", null)
      .orderBy("l.reviewedAt", "desc")
      .limit(100),
);

/** Everything an answer reads, from one snapshot (lib/db/query.ts readSnapshot). */
type AnswerContext = {
  /** The options of the item's deck (its preset, else the learner's default preset). */
  settings: SrsSettings;
  presetId: string | null;
  previous: StoredLog | undefined;
  row: ItemRow | undefined;
  stored: StoredCard | undefined;
  /** Item id → the learner's open quiz attempt that asks it (lib/db/open-quizzes.ts). */
  inQuiz: Map<string, string>;
};

function readAnswerContext(
  userId: string,
  reviewId: string,
  itemId: string,
  checkQuiz: boolean,
): Promise<AnswerContext> {
  return readSnapshot(async (r) => {
    const row = await readItem(r, itemId, userId);
    const [scheduling, previous, stored, inQuiz] = await Promise.all([
      readScheduling(userId, row?.documentId ?? null, r),
      readLog(r, reviewId),
      readCard(r, userId, itemId),
      checkQuiz ? loadOpenQuizItems(userId, r) : new Map<string, string>(),
    ]);
    return { ...scheduling, previous, row, stored, inQuiz };
  });
}

function feedbackFor(
  row: ItemRow,
  item: GeneratedItem,
  answer: { correct: boolean | null; suggested: Rating; recorded: boolean; explanation: string | null },
  previews: ReturnType<typeof previewIntervals>,
): AnswerFeedback {
  return {
    ...answer,
    expected: item.answer,
    sourceText: item.source.text,
    sourceHref: `/decks/${row.documentId}/items/${row.id}#source`,
    intervals: {
      again: previews.again.label,
      hard: previews.hard.label,
      good: previews.good.label,
      easy: previews.easy.label,
    },
  };
}

export type AnswerItemInput = Omit<RecordReviewInput, "rating" | "source" | "responseMs"> & { responseMs: number };
export type AnswerItemResult =
  { ok: true; feedback: AnswerFeedback; leech: boolean } | { ok: false; reason: ReviewRefusal; attemptId?: string };

/**
 * Answers a card in the study loop: the answer is the commitment. An auto-graded item is graded and recorded at once
 * with the suggested rating (no response = wrong, rated Again), in the same transaction recordReview uses, and only
 * then is its answer returned; the rating buttons that follow amend that review (amendReview). A flashcard, which the
 * learner grades themselves and no scored quiz asks, is only shown: recordReview records it once rated.
 * Refused for an item in one of the learner's open quiz attempts (`in_quiz`, with that attempt). The intervals
 * returned are those each rating gives from the card as it was before this answer. A repeated reviewId returns the
 * first answer's feedback instead of recording twice.
 * @example await answerItem({ userId, reviewId: crypto.randomUUID(), itemId, version: 0, response: "1066", responseMs: 2400, now: new Date() })
 */
export async function answerItem(input: AnswerItemInput): Promise<AnswerItemResult> {
  const context = await readAnswerContext(input.userId, input.reviewId, input.itemId, true);
  const { previous, row, stored, settings, inQuiz } = context;
  if (previous) return replayAnswer(previous, input.userId, settings, inQuiz, input.locale);
  if (!row) return { ok: false, reason: "not_found" };
  const attemptId = inQuiz.get(row.id);
  if (attemptId) return { ok: false, reason: "in_quiz", attemptId };
  const item = JSON.parse(row.data) as GeneratedItem;
  // The buttons show the balanced days, read from the same loads the answer's write reads (this card left out).
  const previews = await withDueCounts(input.userId, settings, stored?.id ?? null, (dueCounts) =>
    previewBalanced(stored ? fromSqlCardState(stored) : newCard(input.now), input.now, settings, { dueCounts }),
  );
  const graded = gradeResponse(item, input.response, input.locale);
  const { correct, explanation } = graded;
  if (correct === null) {
    // Shown only, but refused like an answer would be: rating it later would fail the same way.
    if ((stored?.version ?? 0) !== input.version) return { ok: false, reason: "stale" };
    if (stored && toBool(stored.suspended)) return { ok: false, reason: "suspended" };
    return {
      ok: true,
      leech: false,
      feedback: feedbackFor(row, item, { correct, explanation, suggested: "good", recorded: false }, previews),
    };
  }
  const rating = hinted(
    ratingFromAnswer({ correct, responseMs: input.responseMs, ...(await responseTimes(input.userId, item.kind)) }),
    graded.ratingHint,
  );
  const result = await writeReview({ ...input, rating, source: "study" }, correct, context);
  if (!result.ok) return result;
  if (result.duplicate) {
    // A double submit won the race: answer with what it recorded.
    const recorded = await readLog(queryDb().q, input.reviewId);
    return recorded
      ? replayAnswer(recorded, input.userId, settings, inQuiz, input.locale)
      : { ok: false, reason: "stale" };
  }
  return {
    ok: true,
    leech: result.leech,
    feedback: feedbackFor(row, item, { correct, explanation, suggested: rating, recorded: true }, previews),
  };
}

/** The feedback of an answer already recorded under this review id (a retry), if it is the learner's own. */
async function replayAnswer(
  log: StoredLog,
  userId: string,
  settings: SrsSettings,
  inQuiz: Map<string, string>,
  locale: string | undefined,
): Promise<AnswerItemResult> {
  if (log.userId !== userId) return { ok: false, reason: "not_found" };
  // The item may have joined a quiz since: the answer stays hidden until that quiz is finished.
  const attemptId = inQuiz.get(log.itemId);
  if (attemptId) return { ok: false, reason: "in_quiz", attemptId };
  const row = await readItem(queryDb().q, log.itemId, userId);
  if (!row) return { ok: false, reason: "not_found" };
  const before = parseSnapshot(log.stateBefore);
  const after = parseSnapshot(log.stateAfter);
  const item = JSON.parse(row.data) as GeneratedItem;
  const correct = log.correct === null ? null : toBool(log.correct);
  // The explanation is graded again from the stored response; shown only if it still agrees with the recorded verdict.
  const regraded = gradeResponse(item, log.response === null ? null : storedResponse(item.kind, log.response), locale);
  const explanation = regraded.correct === correct ? regraded.explanation : null;
  return {
    ok: true,
    leech: after.leech && !before.leech,
    feedback: feedbackFor(
      row,
      item,
      { correct, explanation, suggested: log.rating as Rating, recorded: true },
      await withDueCounts(userId, settings, log.cardId, (dueCounts) =>
        previewBalanced(before.card, toDate(log.reviewedAt), settings, { dueCounts }),
      ),
    ),
  };
}

/**
 * The card after a rating, for recordReview and amendReview alike: FSRS's next state, its due date moved within the
 * fuzz range to the learner's least-loaded day and off their easy days (as the deck's preset asks; the loads are
 * read only for review intervals of 3+ days, one grouped query), suspended as a leech at the lapse that makes it one,
 * and no longer buried. `cardId`: the stored card, left out of the loads it is placed among.
 */
async function rated(
  before: CardSnapshot,
  rating: Rating,
  at: Date,
  settings: SrsSettings,
  userId: string,
  cardId: string | null,
) {
  const { card, log } = await withDueCounts(userId, settings, cardId, (dueCounts) =>
    scheduleBalanced(before.card, rating, at, settings, { dueCounts }),
  );
  const leech = becameLeech(before.card, card);
  const after: CardSnapshot = {
    existed: true,
    card,
    suspended: leech,
    leech: before.leech || leech,
    buriedUntil: null,
  };
  return { card, log, leech, after };
}

export type RecordReviewInput = {
  userId: string;
  /** Generated by the client once per showing of a card: a retry or double submit carries the same id. */
  reviewId: string;
  itemId: string;
  /** The card version the learner saw; another answer since then makes this one stale. */
  version: number;
  response: Response | null;
  rating: Rating;
  responseMs: number | null;
  now: Date;
  source?: "study" | "quiz";
  /** The learner's locale (Accept-Language), for reading ambiguous numeric dates; none refuses them. */
  locale?: string;
};

export type RecordReviewResult =
  { ok: true; duplicate: boolean; leech: boolean; card: CardState } | { ok: false; reason: ReviewRefusal };

/** The Card columns of a snapshot, as the writes set them. */
function cardColumns(after: CardSnapshot, at: Date) {
  const { card } = after;
  return {
    state: card.state,
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduledDays,
    learningSteps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    lastReview: card.lastReview,
    suspended: after.suspended,
    leech: after.leech,
    buriedUntil: after.buriedUntil,
    updatedAt: at,
  };
}

/**
 * Sets the card to `after` if it is still at `version`, and bumps the version: the write itself is the stale check
 * (of two concurrent answers to one card, the second updates nothing and its whole transaction is undone).
 */
function updateCardStep(cardId: string, version: number, after: CardSnapshot, at: Date): WriteStep {
  return { query: cardUpdate({ ...cardColumns(after, at), cardId, version }), mustChange: 1 };
}

// The answer's writes, built once (lib/db/query.ts boundOnce) like its reads.
type CardWrite = ReturnType<typeof cardColumns>;
type CardParam<P> = <K extends keyof P & string>(name: K) => P[K];
const cardValues = <P extends CardWrite>(param: CardParam<P>): CardWrite => ({
  state: param("state"),
  due: param("due"),
  stability: param("stability"),
  difficulty: param("difficulty"),
  scheduledDays: param("scheduledDays"),
  learningSteps: param("learningSteps"),
  reps: param("reps"),
  lapses: param("lapses"),
  lastReview: param("lastReview"),
  suspended: param("suspended"),
  leech: param("leech"),
  buriedUntil: param("buriedUntil"),
  updatedAt: param("updatedAt"),
});
const cardUpdate = boundOnce<CardWrite & { cardId: string; version: number }, unknown>((q, param) =>
  q
    .updateTable("Card")
    .set((eb) => ({ ...cardValues(param), version: eb("version", "+", 1) }))
    .where("id", "=", param("cardId"))
    .where("version", "=", param("version")),
);
const cardInsert = boundOnce<CardWrite & { id: string; userId: string; itemId: string; createdAt: Date }, unknown>(
  (q, param) =>
    q.insertInto("Card").values({
      ...cardValues(param),
      id: param("id"),
      userId: param("userId"),
      itemId: param("itemId"),
      version: 1,
      createdAt: param("createdAt"),
    }),
);
type LogWrite = {
  id: string;
  userId: string;
  itemId: string;
  cardId: string;
  rating: string;
  response: string | null;
  correct: boolean | null;
  responseMs: number | null;
  stateBefore: string;
  stateAfter: string;
  previousState: string;
  elapsedDays: number;
  reviewedAt: Date;
  source: string;
  presetId: string | null;
};
const logInsert = boundOnce<LogWrite, unknown>((q, param) =>
  q.insertInto("ReviewLog").values({
    id: param("id"),
    userId: param("userId"),
    itemId: param("itemId"),
    cardId: param("cardId"),
    rating: param("rating"),
    response: param("response"),
    correct: param("correct"),
    responseMs: param("responseMs"),
    stateBefore: param("stateBefore"),
    stateAfter: param("stateAfter"),
    previousState: param("previousState"),
    elapsedDays: param("elapsedDays"),
    reviewedAt: param("reviewedAt"),
    source: param("source"),
    presetId: param("presetId"),
  }),
);

/** The answer already recorded under this review id: its first result, or not_found if it is someone else's. */
function firstResult(previous: StoredLog, userId: string): RecordReviewResult {
  if (previous.userId !== userId) return { ok: false, reason: "not_found" };
  const after = parseSnapshot(previous.stateAfter);
  return {
    ok: true,
    duplicate: true,
    leech: after.leech && !parseSnapshot(previous.stateBefore).leech,
    card: after.card,
  };
}

/**
 * Records a rated answer: reads the card, computes the next FSRS state, writes the card and appends the review log in
 * one transaction. A repeated reviewId returns the first result; an answer for an outdated card version is refused as
 * stale (another tab answered first); an item that is unknown, retired or someone else's is "not_found"; an item in
 * one of the learner's open quiz attempts is "in_quiz" (except the quiz's own answers, `source: "quiz"`).
 * After the 8th lapse the card is flagged as a leech and suspended. Never returns the item's answer.
 *
 * The reads (settings, earlier log, item, card, open quizzes) come from one readSnapshot; the transaction then only
 * writes (two statements), and its `version` condition is the stale check: if anything answered the card since the
 * read, on this instance or another, the update matches no row and nothing is written.
 */
export async function recordReview(input: RecordReviewInput): Promise<RecordReviewResult> {
  const context = await readAnswerContext(input.userId, input.reviewId, input.itemId, input.source !== "quiz");
  if (context.previous) return firstResult(context.previous, input.userId);
  if (!context.row) return { ok: false, reason: "not_found" };
  if (context.inQuiz.has(input.itemId)) return { ok: false, reason: "in_quiz" };
  const item = JSON.parse(context.row.data) as GeneratedItem;
  return writeReview(input, gradeResponse(item, input.response, input.locale).correct, context);
}

/** recordReview's checks and writes, once the context is read and the answer graded. */
async function writeReview(
  input: RecordReviewInput,
  correct: boolean | null,
  { settings, presetId, stored }: AnswerContext,
): Promise<RecordReviewResult> {
  if ((stored?.version ?? 0) !== input.version) return { ok: false, reason: "stale" };
  if (stored && toBool(stored.suspended)) return { ok: false, reason: "suspended" };

  const before: CardSnapshot = stored
    ? {
        existed: true,
        card: fromSqlCardState(stored),
        suspended: false,
        leech: toBool(stored.leech),
        // Answering clears "buried until tomorrow"; the snapshot keeps what undo must restore.
        buriedUntil: toDate(stored.buriedUntil),
      }
    : { existed: false, card: newCard(input.now), suspended: false, leech: false, buriedUntil: null };
  const { card, log, leech, after } = await rated(
    before,
    input.rating,
    input.now,
    settings,
    input.userId,
    stored?.id ?? null,
  );

  const { q } = queryDb();
  // The unique (userId, itemId) index refuses a second "first answer" from another tab.
  const cardId = stored?.id ?? randomUUID();
  const writeCard: WriteStep = stored
    ? updateCardStep(stored.id, input.version, after, input.now)
    : {
        query: cardInsert({
          ...cardColumns(after, input.now),
          id: cardId,
          userId: input.userId,
          itemId: input.itemId,
          createdAt: input.now,
        }),
      };
  const response =
    input.response === null
      ? null
      : typeof input.response === "string"
        ? input.response
        : JSON.stringify(input.response);
  const appendLog = logInsert({
    id: input.reviewId,
    userId: input.userId,
    itemId: input.itemId,
    cardId,
    rating: input.rating,
    response,
    correct,
    responseMs: input.responseMs,
    stateBefore: serializeSnapshot(before),
    stateAfter: serializeSnapshot(after),
    previousState: before.card.state,
    elapsedDays: log.elapsedDays,
    reviewedAt: input.now,
    source: input.source ?? "study",
    presetId,
  });
  try {
    await writeTransaction([writeCard, { query: appendLog }]);
    return { ok: true, duplicate: false, leech, card };
  } catch (error) {
    // Lost a race: another answer changed the card since the read (stale), two first answers hit the unique index
    // (stale), or the same review id was recorded meanwhile (a double submit: its first result).
    if (!(error instanceof UnchangedRows || error instanceof UniqueViolation)) throw error;
    const recorded = await readLog(q, input.reviewId);
    return recorded ? firstResult(recorded, input.userId) : { ok: false, reason: "stale" };
  }
}

/** True when the stored card is exactly as the snapshot describes it (nothing touched it since). */
function unchangedSince(stored: StoredCard, snapshot: CardSnapshot) {
  const card = fromSqlCardState(stored);
  return (
    card.state === snapshot.card.state &&
    card.due.getTime() === snapshot.card.due.getTime() &&
    card.reps === snapshot.card.reps &&
    card.lapses === snapshot.card.lapses &&
    card.stability === snapshot.card.stability &&
    card.difficulty === snapshot.card.difficulty &&
    toBool(stored.suspended) === snapshot.suspended &&
    toBool(stored.leech) === snapshot.leech &&
    stored.buriedUntil === null &&
    snapshot.buriedUntil === null
  );
}

export type AmendReviewResult =
  { ok: true; leech: boolean; card: CardState } | { ok: false; reason: "not_found" | "not_latest" };

/**
 * Changes the rating of an answer answerItem just recorded: restores the card from the review's stored snapshot and
 * schedules it again with `rating` at the review's own time, in one transaction. `correct` stays as graded: a rating
 * is the learner's say on their schedule, not on whether they knew the answer. Allowed only while it is the
 * learner's latest review of that card and nothing changed the card since (no later answer, undo, bury or suspend);
 * otherwise "not_latest" and nothing changes. Someone else's review id is "not_found". The same rating is a no-op.
 * @example await amendReview({ userId, reviewId, rating: "hard", now: new Date() })
 */
export async function amendReview(input: {
  userId: string;
  reviewId: string;
  rating: Rating;
  now: Date;
}): Promise<AmendReviewResult> {
  const read = await readSnapshot(async (r) => {
    const log = await readLog(r, input.reviewId);
    if (!log || log.userId !== input.userId) return null;
    const [decks, cards, latestLogs] = await Promise.all([
      itemDeck({ itemId: log.itemId }, r),
      cardById({ cardId: log.cardId }, r),
      latestLogOfCard({ cardId: log.cardId }, r),
    ]);
    const [deck, stored, latest] = [decks.at(0), cards.at(0), latestLogs.at(0)];
    return { log, stored, latest, ...(await readScheduling(input.userId, deck?.documentId ?? null, r)) };
  });
  if (!read) return { ok: false, reason: "not_found" };
  const { log, settings, presetId, stored, latest } = read;
  const before = parseSnapshot(log.stateBefore);
  const recorded = parseSnapshot(log.stateAfter);
  if (log.rating === input.rating) return { ok: true, leech: recorded.leech && !before.leech, card: recorded.card };
  if (latest?.id !== input.reviewId || !stored || !unchangedSince(stored, recorded)) {
    return { ok: false, reason: "not_latest" };
  }
  const { card, leech, after } = await rated(
    before,
    input.rating,
    toDate(log.reviewedAt),
    settings,
    input.userId,
    log.cardId,
  );
  const amendLog = logAmend({
    rating: input.rating,
    stateAfter: serializeSnapshot(after),
    presetId,
    reviewId: input.reviewId,
    was: log.rating,
  });
  try {
    await writeTransaction([
      updateCardStep(stored.id, stored.version, after, input.now),
      { query: amendLog, mustChange: 1 },
    ]);
  } catch (error) {
    if (error instanceof UnchangedRows) return { ok: false, reason: "not_latest" };
    throw error;
  }
  return { ok: true, leech, card };
}

// amendReview's reads and write, built once like the answer's (an amend follows many answers: "one card" in
// bench/answer-path.ts).
/** An amend re-schedules with the options of the item's deck, retired or not. */
const itemDeck = compiledOnce<{ itemId: string }, { documentId: string }>((q, param) =>
  q.selectFrom("Item").select("documentId").where("id", "=", param("itemId")),
);
const cardById = compiledOnce<{ cardId: string }, StoredCard>((q, param) =>
  q.selectFrom("Card").select(CARD_COLUMNS).where("id", "=", param("cardId")),
);
/** The card's latest review, walking the ReviewLog(cardId, reviewedAt) index backwards. */
const latestLogOfCard = compiledOnce<{ cardId: string }, { id: string }>((q, param) =>
  q
    .selectFrom("ReviewLog")
    .select("id")
    .where("cardId", "=", param("cardId"))
    .orderBy("reviewedAt", "desc")
    .orderBy("id", "desc")
    .limit(1),
);
/** `rating = was` makes a concurrent amend of the same review lose. */
const logAmend = boundOnce<
  { rating: string; stateAfter: string; presetId: string | null; reviewId: string; was: string },
  unknown
>((q, param) =>
  q
    .updateTable("ReviewLog")
    .set({ rating: param("rating"), stateAfter: param("stateAfter"), presetId: param("presetId") })
    .where("id", "=", param("reviewId"))
    .where("rating", "=", param("was")),
);

/**
 * Undoes the learner's latest answer: restores the card exactly as it was (deleting it if that answer created it)
 * and removes the log entry, in one transaction guarded by the card's version. Returns the item to show again.
 * An answer that lands in between (another tab) makes it read again: the undo then takes back that newer answer.
 */
export async function undoLastReview(
  userId: string,
): Promise<{ ok: true; itemId: string } | { ok: false; reason: "nothing" }> {
  const { q } = queryDb();
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const read = await readSnapshot(async (r) => {
      const last = await r
        .selectFrom("ReviewLog")
        .select(["id", "itemId", "cardId", "stateBefore"])
        .where("userId", "=", userId)
        .orderBy("reviewedAt", "desc")
        .orderBy("id", "desc")
        .limit(1)
        .executeTakeFirst();
      if (!last) return null;
      const card = await r.selectFrom("Card").select("version").where("id", "=", last.cardId).executeTakeFirst();
      return { last, version: card?.version ?? -1 };
    });
    if (!read) return { ok: false, reason: "nothing" };
    const { last, version } = read;
    const before = parseSnapshot(last.stateBefore);
    const restoreCard: WriteStep = before.existed
      ? updateCardStep(last.cardId, version, before, new Date())
      : {
          query: q.deleteFrom("Card").where("id", "=", last.cardId).where("version", "=", version),
          mustChange: 1,
        };
    try {
      await writeTransaction([
        { query: q.deleteFrom("ReviewLog").where("id", "=", last.id), mustChange: 1 },
        restoreCard,
      ]);
      return { ok: true, itemId: last.itemId };
    } catch (error) {
      if (!(error instanceof UnchangedRows)) throw error;
    }
  }
  return { ok: false, reason: "nothing" };
}

/** Suspends an item (never shown until unsuspended) or buries it until the learner's next study day. */
export async function setAside(input: { userId: string; itemId: string; how: "suspend" | "bury"; now: Date }) {
  const item = await readItem(queryDb().q, input.itemId, input.userId);
  if (!item) return { ok: false as const, reason: "not_found" as const };
  const settings = await readSettings(input.userId);
  const flags = input.how === "suspend" ? { suspended: true } : { buriedUntil: buryUntil(settings, input.now) };
  await db.card.upsert({
    where: { userId_itemId: { userId: input.userId, itemId: input.itemId } },
    create: { userId: input.userId, itemId: input.itemId, ...newCard(input.now), ...flags },
    update: flags,
  });
  return { ok: true as const };
}

/**
 * Takes back a bury or a suspend (the study screen's undo right after one): the card is shown again as it was. A card
 * that is not set aside that way is "not_found" and nothing changes.
 * @example await undoSetAside({ userId, itemId, how: "bury" }) // { ok: true }
 */
export async function undoSetAside(input: { userId: string; itemId: string; how: "suspend" | "bury" }) {
  if (input.how === "suspend") return unsuspend(input.userId, input.itemId);
  const updated = await db.card.updateMany({
    where: { userId: input.userId, itemId: input.itemId, buriedUntil: { not: null } },
    data: { buriedUntil: null },
  });
  return updated.count === 1 ? { ok: true as const } : { ok: false as const, reason: "not_found" as const };
}

/**
 * Unburies the learner's cards buried until a later day, in one deck or in all: they can be studied again now.
 * Returns how many.
 * @example await unburyCards({ userId, deckId, now: new Date() }) // 3
 */
export async function unburyCards(input: { userId: string; deckId?: string; now: Date }): Promise<number> {
  const updated = await db.card.updateMany({
    where: {
      userId: input.userId,
      buriedUntil: { gt: input.now },
      ...(input.deckId ? { item: { documentId: input.deckId } } : {}),
    },
    data: { buriedUntil: null },
  });
  return updated.count;
}

/** Unsuspends one of the learner's items (a leech keeps its flag, so it can be found again). */
export async function unsuspend(userId: string, itemId: string) {
  const updated = await db.card.updateMany({ where: { userId, itemId, suspended: true }, data: { suspended: false } });
  return updated.count === 1 ? { ok: true as const } : { ok: false as const, reason: "not_found" as const };
}

/** The learner's suspended items in a deck, with leeches marked. */
export function suspendedItems(userId: string, deckId: string) {
  return db.card.findMany({
    where: { userId, suspended: true, item: { documentId: deckId } },
    select: { itemId: true, leech: true, lapses: true, item: { select: { prompt: true } } },
    orderBy: { updatedAt: "desc" },
  });
}
