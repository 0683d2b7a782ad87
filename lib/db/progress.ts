import { overallRetention, retentionByBand, type ElapsedRow } from "@/lib/progress/bands";
import {
  addDays,
  bucketsToDays,
  daySeries,
  forecast,
  streak,
  timeStudied,
  type QuarterBucket,
} from "@/lib/progress/days";
import {
  MASTERY_STABILITY_DAYS,
  MATURE_INTERVAL_DAYS,
  summarizeMastery,
  type MasteryRow,
} from "@/lib/progress/mastery";
import { sql } from "kysely";
import { studyDayKey } from "@/lib/srs";
import { studiableDeckCondition } from "./deck-access";
import { quarterHourOf, toBool, wholeDays } from "./dialect";
import { queryDb } from "./query";
import { readSettings } from "./settings";

// Every figure is aggregated in the database (SQLite or PostgreSQL, through lib/db/query.ts); no query returns more
// than a few thousand rows for one learner.
// Time-of-day bucketing: SQL groups by UTC quarter-hour (lib/db/dialect.ts quarterHourOf), lib/progress/days maps
// quarter-hours to the learner's study days (exact for every real UTC offset and DST change).

export const FORECAST_DAYS = 30;
export const HEATMAP_DAYS = 365;
export const HARDEST_LIMIT = 10;

type BucketRow = { hour: string; quarter: number | string; count: number | string; ms: number | string | null };

const toBuckets = (rows: BucketRow[]): QuarterBucket[] =>
  rows.map((r) => ({ hour: r.hour, quarter: Number(r.quarter), count: Number(r.count), ms: Number(r.ms ?? 0) }));

/** Reviews and response time per UTC quarter-hour, all time (uses ReviewLog(userId, reviewedAt)). */
function activityBuckets(userId: string): Promise<BucketRow[]> {
  const { q, kind } = queryDb();
  const { hour, quarter } = quarterHourOf(kind, sql.ref("r.reviewedAt"));
  return q
    .selectFrom("ReviewLog as r")
    .select((eb) => [
      hour.as("hour"),
      quarter.as("quarter"),
      eb.fn.countAll().as("count"),
      eb.fn.sum("r.responseMs").as("ms"),
    ])
    .where("r.userId", "=", userId)
    .groupBy([hour, quarter])
    .execute() as Promise<BucketRow[]>;
}

/** Scheduled cards of live items due before `until`, per UTC quarter-hour (uses Card(userId, suspended, due)). */
function dueBuckets(userId: string, until: Date): Promise<BucketRow[]> {
  const { q, kind } = queryDb();
  const { hour, quarter } = quarterHourOf(kind, sql.ref("c.due"));
  return q
    .selectFrom("Card as c")
    .innerJoin("Item as i", "i.id", "c.itemId")
    .select((eb) => [hour.as("hour"), quarter.as("quarter"), eb.fn.countAll().as("count"), sql<null>`NULL`.as("ms")])
    .where("c.userId", "=", userId)
    .where("c.suspended", "=", false)
    .where("c.due", "<", until)
    .where("c.state", "<>", "new")
    .where("i.retiredAt", "is", null)
    .groupBy([hour, quarter])
    .execute() as Promise<BucketRow[]>;
}

/** Answers to cards in review state by whole days since the previous review; recalled = anything but Again. */
async function elapsedRows(userId: string): Promise<ElapsedRow[]> {
  const { q, kind } = queryDb();
  const days = wholeDays(kind, sql.ref("elapsedDays"));
  const rows = await q
    .selectFrom("ReviewLog")
    .select((eb) => [
      days.as("days"),
      eb.fn.countAll().as("reviews"),
      eb.fn.sum(eb.case().when("rating", "<>", "again").then(1).else(0).end()).as("recalled"),
    ])
    .where("userId", "=", userId)
    .where("previousState", "=", "review")
    .groupBy(days)
    .execute();
  return rows.map((r) => ({ days: Number(r.days), reviews: Number(r.reviews), recalled: Number(r.recalled) }));
}

/** Every live item the learner has a card of or may study (never another's draft or class deck), by deck, topic and the learner's category; the rules mirror lib/progress/mastery categoryOf. */
async function masteryRows(userId: string): Promise<MasteryRow[]> {
  const { q } = queryDb();
  const rows = await q
    .selectFrom("Item as i")
    .innerJoin("Document as d", "d.id", "i.documentId")
    .leftJoin("Card as c", (join) => join.onRef("c.itemId", "=", "i.id").on("c.userId", "=", userId))
    .select((eb) => [
      "i.documentId as deckId",
      "d.title as deckTitle",
      "i.topic as topic",
      eb
        .case()
        .when(eb.or([eb("c.id", "is", null), eb.and([eb("c.state", "=", "new"), eb("c.suspended", "=", false)])]))
        .then("new")
        .when("c.suspended", "=", true)
        .then("suspended")
        .when("c.state", "in", ["learning", "relearning"])
        .then("learning")
        .when("c.scheduledDays", "<", MATURE_INTERVAL_DAYS)
        .then("young")
        .else("mature")
        .end()
        .as("category"),
      eb.fn.countAll().as("items"),
      eb.fn
        .sum(
          eb
            .case()
            .when(
              eb.and([
                eb("c.state", "=", "review"),
                eb("c.suspended", "=", false),
                eb("c.stability", ">=", MASTERY_STABILITY_DAYS),
              ]),
            )
            .then(1)
            .else(0)
            .end(),
        )
        .as("mastered"),
    ])
    .where("i.retiredAt", "is", null)
    .where((eb) => eb.or([eb("c.id", "is not", null), studiableDeckCondition(userId)]))
    // By the output name "category": PostgreSQL cannot tell that two bound copies of the CASE are the same.
    .groupBy(["i.documentId", "d.title", "i.topic", sql.ref("category")])
    .execute();
  return rows.map((r) => ({
    deckId: r.deckId,
    deckTitle: r.deckTitle,
    topic: r.topic,
    category: r.category as MasteryRow["category"],
    items: Number(r.items),
    mastered: Number(r.mastered),
  }));
}

export type HardItem = {
  itemId: string;
  deckId: string;
  deckTitle: string;
  prompt: string;
  lapses: number;
  answers: number;
  recalled: number;
  suspended: boolean;
};

/** The learner's live items with the most lapses, then the lowest share of answers recalled. */
async function hardestItems(userId: string): Promise<HardItem[]> {
  const { q } = queryDb();
  const misses = sql<number>`SUM(CASE WHEN r."rating" = 'again' THEN 1 ELSE 0 END)`;
  const answers = sql<number>`COUNT(r."id")`;
  const rows = await q
    .selectFrom("Card as c")
    .innerJoin("Item as i", "i.id", "c.itemId")
    .innerJoin("Document as d", "d.id", "i.documentId")
    .innerJoin("ReviewLog as r", "r.cardId", "c.id")
    .select([
      "c.itemId as itemId",
      "i.documentId as deckId",
      "d.title as deckTitle",
      "i.prompt as prompt",
      "c.lapses as lapses",
      "c.suspended as suspended",
      answers.as("answers"),
      misses.as("misses"),
    ])
    .where("c.userId", "=", userId)
    .where("i.retiredAt", "is", null)
    .groupBy(["c.id", "i.id", "d.id"])
    .having((eb) => eb.or([eb(misses, ">", 0), eb("c.lapses", ">", 0)]))
    .orderBy("c.lapses", "desc")
    .orderBy(sql`CAST(${misses} AS REAL) / ${answers}`, "desc")
    .orderBy(answers, "desc")
    .orderBy("c.itemId")
    .limit(HARDEST_LIMIT)
    .execute();
  return rows.map((r) => ({
    itemId: r.itemId,
    deckId: r.deckId,
    deckTitle: r.deckTitle,
    prompt: r.prompt,
    lapses: Number(r.lapses),
    answers: Number(r.answers),
    recalled: Number(r.answers) - Number(r.misses),
    suspended: toBool(r.suspended),
  }));
}

/**
 * Everything the learner's progress dashboard shows, at `now`, in the learner's time zone.
 * @example const progress = await loadProgress(user.id, new Date())
 */
export async function loadProgress(userId: string, now: Date) {
  const settings = await readSettings(userId);
  const dayOptions = { timeZone: settings.timeZone, dayStartHour: settings.dayStartHour };
  const today = studyDayKey(now, settings.timeZone, settings.dayStartHour);
  // One day of slack: the forecast keeps only the 30 study days from today.
  const until = new Date(now.getTime() + (FORECAST_DAYS + 1) * 86_400_000);
  const [activity, due, elapsed, mastery, hardest] = await Promise.all([
    activityBuckets(userId).then(toBuckets),
    dueBuckets(userId, until).then(toBuckets),
    elapsedRows(userId),
    masteryRows(userId),
    hardestItems(userId),
  ]);
  const days = bucketsToDays(activity, dayOptions);
  const reviewsPerDay = new Map([...days].map(([date, day]) => [date, day.reviews]));
  const retention = retentionByBand(elapsed);
  return {
    today,
    timeZone: settings.timeZone,
    desiredRetention: settings.desiredRetention,
    totalReviews: activity.reduce((sum, b) => sum + b.count, 0),
    heatmap: daySeries(reviewsPerDay, addDays(today, -(HEATMAP_DAYS - 1)), HEATMAP_DAYS),
    forecast: forecast(due, now, dayOptions, FORECAST_DAYS),
    streak: streak(new Set(reviewsPerDay.keys()), today),
    time: timeStudied(days, today),
    retention,
    overallRetention: overallRetention(retention),
    ...summarizeMastery(mastery),
    hardest,
  };
}

export type Progress = Awaited<ReturnType<typeof loadProgress>>;
