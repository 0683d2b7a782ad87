import { DEFAULT_SRS_SETTINGS, SrsSettingsSchema, type SrsSettings } from "@/lib/srs";
import { db } from "./client";
import { query } from "./sqlite";

type SettingsRow = {
  desiredRetention: number;
  newPerDay: number;
  maxReviewsPerDay: number;
  learningSteps: string;
  relearningSteps: string;
  timeZone: string;
  weights: string | null;
};

// Validation (zod, and Intl for the time zone) costs more than reading the row; rows repeat, so the result is kept
// per distinct row content. Keyed by value, so a changed row can never be served stale.
const parsedRows = new Map<string, SrsSettings>();
const MAX_PARSED_ROWS = 1000;

/** Stored settings → validated SRS settings; a row that no longer validates falls back to the defaults. */
export function settingsFromRow(row: SettingsRow | null): SrsSettings {
  if (!row) return DEFAULT_SRS_SETTINGS;
  const key = JSON.stringify([
    row.desiredRetention,
    row.newPerDay,
    row.maxReviewsPerDay,
    row.learningSteps,
    row.relearningSteps,
    row.timeZone,
    row.weights,
  ]);
  let settings = parsedRows.get(key);
  if (!settings) {
    if (parsedRows.size >= MAX_PARSED_ROWS) parsedRows.clear();
    settings = Object.freeze(parseRow(row)) as SrsSettings;
    parsedRows.set(key, settings);
  }
  return settings;
}

function parseRow(row: SettingsRow): SrsSettings {
  const parsed = SrsSettingsSchema.safeParse({
    desiredRetention: row.desiredRetention,
    newPerDay: row.newPerDay,
    maxReviewsPerDay: row.maxReviewsPerDay,
    learningSteps: row.learningSteps.split(/\s+/).filter(Boolean),
    relearningSteps: row.relearningSteps.split(/\s+/).filter(Boolean),
    timeZone: row.timeZone,
    weights: row.weights ? (JSON.parse(row.weights) as number[]) : undefined,
  });
  return parsed.success ? parsed.data : DEFAULT_SRS_SETTINGS;
}

/** The learner's study settings (defaults when they never changed any), read with a prepared statement. */
export function readSettings(userId: string): SrsSettings {
  const row = query<SettingsRow>(
    `SELECT desiredRetention, newPerDay, maxReviewsPerDay, learningSteps, relearningSteps, timeZone, weights
     FROM UserSettings WHERE userId = ?`,
  ).get(userId);
  return settingsFromRow(row ?? null);
}

/** The settings row as the settings page shows it, with the personal parameters' provenance. */
export function getSettingsRecord(userId: string) {
  return db.userSettings.findUnique({ where: { userId } });
}

export type SettingsUpdate = Pick<
  SrsSettings,
  "desiredRetention" | "newPerDay" | "maxReviewsPerDay" | "learningSteps" | "relearningSteps" | "timeZone"
>;

export async function saveSettings(userId: string, update: SettingsUpdate) {
  const data = {
    ...update,
    learningSteps: update.learningSteps.join(" "),
    relearningSteps: update.relearningSteps.join(" "),
  };
  await db.userSettings.upsert({ where: { userId }, create: { userId, ...data }, update: data });
}

/** Stores personal FSRS parameters fitted from `reviewCount` reviews (null weights: back to the defaults). */
export async function savePersonalWeights(
  userId: string,
  weights: number[] | null,
  reviewCount: number | null,
  now: Date,
) {
  const data = {
    weights: weights ? JSON.stringify(weights) : null,
    weightsFittedAt: weights ? now : null,
    weightsReviews: weights ? reviewCount : null,
  };
  await db.userSettings.upsert({ where: { userId }, create: { userId, ...data }, update: data });
}

/**
 * The zone every date and time is shown in to this viewer (lib/progress/format.ts): their settings' time zone.
 * @example formatDateTime(assignment.dueAt, viewerTimeZone(user.id))
 */
export function viewerTimeZone(userId: string): string {
  return readSettings(userId).timeZone;
}
