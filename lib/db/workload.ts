import { nextStudyDayStart, studyDayKey, type CardStateName, type SrsSettings } from "@/lib/srs";
import {
  DEFAULT_FIRST_RATING_SHARES,
  DEFAULT_RECALL_RATING_SHARES,
  type WorkloadCard,
  type WorkloadInput,
} from "@/lib/srs/workload";
import { sql } from "kysely";
import { seedFromText } from "@/lib/prng";
import { db } from "./client";
import { studiableDeckWhere } from "./deck-access";
import { readSettings } from "./settings";
import { compiledOnce, queryDb, type Reader } from "./query";

// The learner's own figures for "Help me decide" and the load balancer. Prisma queries only (portable to
// PostgreSQL); day bucketing happens in lib/srs, in the learner's time zone.

/** Anki caps a review's time at 60 s: a learner who left the tab open has not studied for an hour. */
export const MAX_SECONDS_PER_ANSWER = 60;
/** Without this many answers of a kind, the fsrs-rs default rating shares are used instead of the learner's own. */
export const MIN_ANSWERS_FOR_SHARES = 50;
/** Used when the learner has no timed answers at all. */
const DEFAULT_SECONDS_PER_ANSWER = 8;

export type WorkloadData = {
  input: WorkloadInput;
  /** Whether the time per answer and the rating shares are the learner's own or defaults. */
  ownTiming: boolean;
  ownShares: boolean;
  timedAnswers: number;
};

/** Mean seconds per answer from the learner's log, each answer capped at 60 s; null with no timed answers. */
async function secondsPerAnswer(userId: string): Promise<{ seconds: number | null; answers: number }> {
  const capMs = MAX_SECONDS_PER_ANSWER * 1000;
  const [short, long] = await Promise.all([
    db.reviewLog.aggregate({
      where: { userId, responseMs: { not: null, lte: capMs } },
      _sum: { responseMs: true },
      _count: { _all: true },
    }),
    db.reviewLog.count({ where: { userId, responseMs: { gt: capMs } } }),
  ]);
  const answers = short._count._all + long;
  if (answers === 0) return { seconds: null, answers };
  return { seconds: ((short._sum.responseMs ?? 0) + long * capMs) / answers / 1000, answers };
}

/** The learner's shares of each rating on first answers and on recalled reviews. */
async function ratingShares(userId: string) {
  const groups = await db.reviewLog.groupBy({
    by: ["previousState", "rating"],
    where: { userId },
    _count: { _all: true },
  });
  const count = (state: CardStateName, rating: string) =>
    groups.find((g) => g.previousState === state && g.rating === rating)?._count._all ?? 0;
  const first = [count("new", "again"), count("new", "hard"), count("new", "good"), count("new", "easy")] as const;
  const recall = [count("review", "hard"), count("review", "good"), count("review", "easy")] as const;
  const sum = (xs: readonly number[]) => xs.reduce((s, n) => s + n, 0);
  const ownFirst = sum(first) >= MIN_ANSWERS_FOR_SHARES;
  const ownRecall = sum(recall) >= MIN_ANSWERS_FOR_SHARES;
  return {
    first: ownFirst ? first : DEFAULT_FIRST_RATING_SHARES,
    recall: ownRecall ? recall : DEFAULT_RECALL_RATING_SHARES,
    own: ownFirst && ownRecall,
  };
}

/**
 * Everything the workload simulator needs about one learner: their live cards, how many items they have not seen,
 * their settings and parameters, their time per answer and how they rate. Seeded by the user id, so the page shows
 * the same figures on every load until the collection changes.
 *
 * @example
 * const { input } = await loadWorkloadData(user.id, new Date());
 * const result = simulateWorkload(input);
 */
export async function loadWorkloadData(userId: string, now: Date): Promise<WorkloadData> {
  const settings = await readSettings(userId);
  const [cards, unseenItems, timing, shares] = await Promise.all([
    db.card.findMany({
      where: { userId, suspended: false, item: { retiredAt: null } },
      select: { state: true, stability: true, difficulty: true, due: true, lastReview: true },
    }),
    // Unseen items of the decks "Study now" takes new items from (lib/db/study.ts SCOPE_SQL), assignments aside.
    db.item.count({
      where: {
        retiredAt: null,
        cards: { none: { userId } },
        document: { AND: [studiableDeckWhere(userId), { studiedBy: { some: { userId } } }] },
      },
    }),
    secondsPerAnswer(userId),
    ratingShares(userId),
  ]);
  return {
    input: {
      cards: cards.map((c): WorkloadCard => ({ ...c, state: c.state as CardStateName })),
      unseenItems,
      settings,
      secondsPerAnswer: timing.seconds ?? DEFAULT_SECONDS_PER_ANSWER,
      firstRatingShares: shares.first,
      recallRatingShares: shares.recall,
      now,
      seed: seedFromText(userId),
    },
    ownTiming: timing.seconds !== null,
    ownShares: shares.own,
    timedAnswers: timing.answers,
  };
}

/**
 * Review cards due per study day ("YYYY-MM-DD" in the learner's zone) from now to `days` ahead: the load the
 * balancer spreads answers over (lib/srs/load-balance.ts `scheduleBalanced`). Overdue cards count for today.
 *
 * @example
 * const dueCounts = await readDueCounts(userId, now, settings, 400);
 * scheduleBalanced(card, "good", now, settings, { dueCounts });
 */
export async function readDueCounts(
  userId: string,
  now: Date,
  settings: SrsSettings,
  days: number,
): Promise<Map<string, number>> {
  const until = new Date(now.getTime() + (days + 1) * 86_400_000);
  const rows = await db.card.findMany({
    where: { userId, suspended: false, state: "review", due: { lt: until } },
    select: { due: true },
  });
  const counts = new Map<string, number>();
  for (const { due } of rows) {
    const key = studyDayKey(due < now ? now : due, settings.timeZone, settings.dayStartHour);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * Review cards due per study day between `from` (inclusive) and `until` (exclusive), with one grouped query (index
 * Card(userId, suspended, due)): the loads of `scheduleBalanced`. The study days' boundaries (which depend on the
 * learner's time zone) are computed here and passed in, so the query buckets with a plain CASE on both databases.
 * `excludeCardId`: the card being answered, which must not count against its own candidate days.
 *
 * @example
 * const counts = await dueCountsBetween(userId, from, until, settings); // Map { "2026-03-14" => 12, … }
 */
export async function dueCountsBetween(
  userId: string,
  from: Date,
  until: Date,
  settings: SrsSettings,
  excludeCardId: string | null = null,
  r: Reader = queryDb().q,
): Promise<Map<string, number>> {
  const starts: Date[] = [];
  for (let day = from; day < until && starts.length < MAX_BALANCED_DAYS;) {
    starts.push(day);
    day = nextStudyDayStart(day, settings.timeZone, settings.dayStartHour);
  }
  const counts = new Map<string, number>();
  if (starts.length === 0) return counts;
  const end =
    starts.length < MAX_BALANCED_DAYS
      ? until
      : nextStudyDayStart(starts.at(-1)!, settings.timeZone, settings.dayStartHour);
  const bounds = Object.fromEntries(starts.slice(1).map((start, i) => [`start${i + 1}`, start]));
  const rows = await loadsQuery(starts.length)(
    { userId, from: starts[0]!, end, excludeCardId: excludeCardId ?? "", ...bounds },
    r,
  );
  for (const { day, n } of rows) {
    counts.set(studyDayKey(starts[Number(day)]!, settings.timeZone, settings.dayStartHour), Number(n));
  }
  return counts;
}

type LoadParams = Record<string, Date | string>;
const loadQueries = new Map<number, ReturnType<typeof compiledOnce<LoadParams, { day: number; n: number }>>>();

/**
 * The loads of `days` study days, bucketed with a CASE on the days' starts (parameters `start1`…), built once per
 * number of days (lib/db/query.ts compiledOnce): it runs for most answers, and building costs more than running it.
 */
function loadsQuery(days: number) {
  let query = loadQueries.get(days);
  if (!query) {
    query = compiledOnce<LoadParams, { day: number; n: number }>((q, param) => {
      const whens = Array.from(
        { length: days - 1 },
        (_, i) => sql`WHEN "due" < ${param(`start${i + 1}`)} THEN ${sql.lit(i)}`,
      );
      const bucket =
        whens.length === 0
          ? sql<number>`0`
          : sql<number>`CASE ${sql.join(whens, sql` `)} ELSE ${sql.lit(whens.length)} END`;
      return (
        q
          .selectFrom("Card")
          .select([bucket.as("day"), (eb) => eb.fn.countAll<number>().as("n")])
          .where("userId", "=", param("userId") as string)
          .where("suspended", "=", false)
          .where("state", "=", "review")
          .where("due", ">=", param("from") as Date)
          .where("due", "<", param("end") as Date)
          .where("id", "<>", param("excludeCardId") as string)
          // By output name: PostgreSQL cannot match the CASE with its boundaries bound twice.
          .groupBy(sql.ref("day"))
      );
    });
    loadQueries.set(days, query);
  }
  return query;
}

// ts-fsrs's widest fuzz range (maximum interval 36,500 days) spans about 2 × 5 % of it: a year-long interval has
// ~37 candidate days. Capped so a statement's size stays bounded; days beyond the cap are simply not candidates'
// loads read (they count as 0, which only matters for intervals of over a decade).
const MAX_BALANCED_DAYS = 64;

/** The loads lib/srs/load-balance.ts asks for: the due counts of the study days from `from` until `until`. */
export type DueCountsOf = (from: Date, until: Date) => Map<string, number>;

/**
 * Runs `schedule` (pure and synchronous: lib/srs's scheduleBalanced or previewBalanced) with the due counts it asks
 * for, read beforehand. The ranges it asks for do not depend on the counts, so a first run collects them, each is
 * read once (in parallel on PostgreSQL), and a second run gets the same answers it would have got reading inline.
 * With nothing to balance (learning steps, short intervals) nothing is read.
 * @example const { card } = await withDueCounts(userId, settings, cardId, (dueCounts) => scheduleBalanced(card, "good", now, settings, { dueCounts }))
 */
export async function withDueCounts<T>(
  userId: string,
  settings: SrsSettings,
  excludeCardId: string | null,
  schedule: (dueCounts: DueCountsOf) => T,
  r: Reader = queryDb().q,
): Promise<T> {
  const ranges = new Map<string, [Date, Date]>();
  const rangeKey = (from: Date, until: Date) => `${from.getTime()}-${until.getTime()}`;
  const first = schedule((from, until) => {
    ranges.set(rangeKey(from, until), [from, until]);
    return new Map();
  });
  if (ranges.size === 0) return first;
  const read = new Map<string, Map<string, number>>();
  await Promise.all(
    [...ranges].map(async ([key, [from, until]]) => {
      read.set(key, await dueCountsBetween(userId, from, until, settings, excludeCardId, r));
    }),
  );
  return schedule((from, until) => read.get(rangeKey(from, until)) ?? new Map());
}
