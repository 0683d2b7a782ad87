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
import { studyDayKey } from "@/lib/srs";
import { db } from "./client";
import { studiableDeckRaw } from "./deck-access";
import { readSettings } from "./settings";

// Every figure is aggregated in SQLite; no query returns more than a few thousand rows for one learner.
// DateTime columns hold ISO-8601 UTC text ("2026-03-02T09:00:00.000+00:00", the better-sqlite3 adapter's default
// timestampFormat), so strftime reads them and a bound Date compares with them as text.
// Time-of-day bucketing: SQL groups by UTC quarter-hour, lib/progress/days maps quarter-hours to the learner's study
// days (exact for every real UTC offset and DST change).

export const FORECAST_DAYS = 30;
export const HEATMAP_DAYS = 365;
export const HARDEST_LIMIT = 10;

type Num = number | bigint;
type BucketRow = { hour: string; quarter: Num; count: Num; ms: Num | null };

const toBuckets = (rows: BucketRow[]): QuarterBucket[] =>
  rows.map((r) => ({ hour: r.hour, quarter: Number(r.quarter), count: Number(r.count), ms: Number(r.ms ?? 0) }));

/** Reviews and response time per UTC quarter-hour, all time (uses ReviewLog(userId, reviewedAt)). */
function activityBuckets(userId: string) {
  return db.$queryRaw<BucketRow[]>`
    SELECT strftime('%Y-%m-%dT%H', reviewedAt) AS hour, CAST(strftime('%M', reviewedAt) AS INTEGER) / 15 AS quarter,
           COUNT(*) AS count, SUM(responseMs) AS ms
    FROM ReviewLog WHERE userId = ${userId}
    GROUP BY hour, quarter`;
}

/** Scheduled cards of live items due before `until`, per UTC quarter-hour (uses Card(userId, suspended, due)). */
function dueBuckets(userId: string, until: Date) {
  return db.$queryRaw<BucketRow[]>`
    SELECT strftime('%Y-%m-%dT%H', c.due) AS hour, CAST(strftime('%M', c.due) AS INTEGER) / 15 AS quarter,
           COUNT(*) AS count, NULL AS ms
    FROM Card c JOIN Item i ON i.id = c.itemId
    WHERE c.userId = ${userId} AND c.suspended = 0 AND c.due < ${until} AND c.state <> 'new' AND i.retiredAt IS NULL
    GROUP BY hour, quarter`;
}

/** Answers to cards in review state by whole days since the previous review; recalled = anything but Again. */
async function elapsedRows(userId: string): Promise<ElapsedRow[]> {
  const rows = await db.$queryRaw<{ days: Num; reviews: Num; recalled: Num }[]>`
    SELECT CAST(elapsedDays AS INTEGER) AS days, COUNT(*) AS reviews,
           SUM(CASE WHEN rating <> 'again' THEN 1 ELSE 0 END) AS recalled
    FROM ReviewLog WHERE userId = ${userId} AND previousState = 'review'
    GROUP BY days`;
  return rows.map((r) => ({ days: Number(r.days), reviews: Number(r.reviews), recalled: Number(r.recalled) }));
}

/** Every live item the learner has a card of or may study (never another's draft or class deck), by deck, topic and the learner's category; the rules mirror lib/progress/mastery categoryOf. */
async function masteryRows(userId: string): Promise<MasteryRow[]> {
  const rows = await db.$queryRaw<(Omit<MasteryRow, "items" | "mastered"> & { items: Num; mastered: Num })[]>`
    SELECT i.documentId AS deckId, d.title AS deckTitle, i.topic AS topic,
           CASE
             WHEN c.id IS NULL OR (c.state = 'new' AND c.suspended = 0) THEN 'new'
             WHEN c.suspended = 1 THEN 'suspended'
             WHEN c.state IN ('learning', 'relearning') THEN 'learning'
             WHEN c.scheduledDays < ${MATURE_INTERVAL_DAYS} THEN 'young'
             ELSE 'mature'
           END AS category,
           COUNT(*) AS items,
           SUM(CASE WHEN c.state = 'review' AND c.suspended = 0 AND c.stability >= ${MASTERY_STABILITY_DAYS}
                    THEN 1 ELSE 0 END) AS mastered
    FROM Item i
    JOIN Document d ON d.id = i.documentId
    LEFT JOIN Card c ON c.itemId = i.id AND c.userId = ${userId}
    WHERE i.retiredAt IS NULL AND (c.id IS NOT NULL OR ${studiableDeckRaw(userId)})
    GROUP BY i.documentId, i.topic, category`;
  return rows.map((r) => ({ ...r, items: Number(r.items), mastered: Number(r.mastered) }));
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
  const rows = await db.$queryRaw<
    {
      itemId: string;
      deckId: string;
      deckTitle: string;
      prompt: string;
      lapses: Num;
      answers: Num;
      misses: Num;
      suspended: Num;
    }[]
  >`
    SELECT c.itemId AS itemId, i.documentId AS deckId, d.title AS deckTitle, i.prompt AS prompt, c.lapses AS lapses,
           c.suspended AS suspended, COUNT(r.id) AS answers,
           SUM(CASE WHEN r.rating = 'again' THEN 1 ELSE 0 END) AS misses
    FROM Card c
    JOIN Item i ON i.id = c.itemId
    JOIN Document d ON d.id = i.documentId
    JOIN ReviewLog r ON r.cardId = c.id
    WHERE c.userId = ${userId} AND i.retiredAt IS NULL
    GROUP BY c.id
    HAVING misses > 0 OR c.lapses > 0
    ORDER BY c.lapses DESC, CAST(misses AS REAL) / COUNT(r.id) DESC, answers DESC, c.itemId
    LIMIT ${HARDEST_LIMIT}`;
  return rows.map((r) => ({
    itemId: r.itemId,
    deckId: r.deckId,
    deckTitle: r.deckTitle,
    prompt: r.prompt,
    lapses: Number(r.lapses),
    answers: Number(r.answers),
    recalled: Number(r.answers) - Number(r.misses),
    suspended: Number(r.suspended) === 1,
  }));
}

/**
 * Everything the learner's progress dashboard shows, at `now`, in the learner's time zone.
 * @example const progress = await loadProgress(user.id, new Date())
 */
export async function loadProgress(userId: string, now: Date) {
  const settings = readSettings(userId);
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
