import { DEFAULT_SRS_SETTINGS, SrsSettingsSchema, type SrsSettings } from "@/lib/srs";
import { easyDayCapacities, parseEasyDays } from "@/lib/srs/easy-days";
import { db } from "./client";
import { ensureDefaultPreset } from "./presets";
import { compiledOnce, queryDb, type Reader } from "./query";

/** A UserSettings row joined with the preset that applies (null columns: no preset yet, the row's own values). */
type SettingsRow = {
  desiredRetention: number;
  newPerDay: number;
  maxReviewsPerDay: number;
  learningSteps: string;
  relearningSteps: string;
  timeZone: string;
  weights: string | null;
  presetId?: string | null;
  maximumIntervalDays?: number | null;
  easyDays?: string | null;
  loadBalance?: number | boolean | null;
};

/** The options that scheduled an answer, and the preset they came from (null: no preset row yet, the defaults). */
export type SchedulingSettings = { settings: SrsSettings; presetId: string | null };

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
    row.maximumIntervalDays ?? null,
    row.easyDays ?? null,
    row.loadBalance ?? null,
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
  const levels = row.easyDays ? parseEasyDays(row.easyDays) : null;
  const parsed = SrsSettingsSchema.safeParse({
    desiredRetention: row.desiredRetention,
    newPerDay: row.newPerDay,
    maxReviewsPerDay: row.maxReviewsPerDay,
    learningSteps: row.learningSteps.split(/\s+/).filter(Boolean),
    relearningSteps: row.relearningSteps.split(/\s+/).filter(Boolean),
    maximumIntervalDays: row.maximumIntervalDays ?? undefined,
    easyDays: levels ? easyDayCapacities(levels) : undefined,
    loadBalance: row.loadBalance === null || row.loadBalance === undefined ? undefined : Boolean(row.loadBalance),
    timeZone: row.timeZone,
    weights: row.weights ? (JSON.parse(row.weights) as number[]) : undefined,
  });
  return parsed.success ? parsed.data : DEFAULT_SRS_SETTINGS;
}

/**
 * The options that schedule the learner's cards of a deck: the deck's preset (DeckPreset), else the learner's
 * default preset, else the defaults; with the learner's time zone and FSRS parameters (the preset's own fit, else the
 * learner's, else the defaults). One query; `r`: the reads it belongs with (lib/db/query.ts readSnapshot).
 * @example const { settings, presetId } = await readScheduling(userId, item.documentId);
 */
export async function readScheduling(
  userId: string,
  documentId: string | null,
  r: Reader = queryDb().q,
): Promise<SchedulingSettings> {
  const [row] = await schedulingRow({ userId, documentId: documentId ?? "" }, r);
  return { settings: settingsFromRow(row ?? null), presetId: row?.presetId ?? null };
}

// The preset's columns where there is one, else the settings row's own (a learner from before presets whose Default
// preset is not made yet). `documentId` "": the default preset. Built once (lib/db/query.ts compiledOnce).
const schedulingRow = compiledOnce<{ userId: string; documentId: string }, SettingsRow>((q, param) =>
  q
    .selectFrom("UserSettings as s")
    .leftJoin("Preset as p", (join) =>
      join
        .onRef("p.userId", "=", "s.userId")
        .on((eb) =>
          eb(
            "p.id",
            "=",
            eb.fn.coalesce(
              eb
                .selectFrom("DeckPreset as dp")
                .select("dp.presetId")
                .whereRef("dp.userId", "=", "s.userId")
                .where("dp.documentId", "=", param("documentId")),
              "s.defaultPresetId",
            ),
          ),
        ),
    )
    .select((eb) => [
      "s.timeZone",
      eb.fn.coalesce("p.weights", "s.weights").as("weights"),
      "p.id as presetId",
      eb.fn.coalesce("p.desiredRetention", "s.desiredRetention").as("desiredRetention"),
      eb.fn.coalesce("p.newPerDay", "s.newPerDay").as("newPerDay"),
      eb.fn.coalesce("p.maxReviewsPerDay", "s.maxReviewsPerDay").as("maxReviewsPerDay"),
      eb.fn.coalesce("p.learningSteps", "s.learningSteps").as("learningSteps"),
      eb.fn.coalesce("p.relearningSteps", "s.relearningSteps").as("relearningSteps"),
      "p.maximumIntervalDays",
      "p.easyDays",
      "p.loadBalance",
    ])
    .where("s.userId", "=", param("userId")),
);

/**
 * The learner's study settings: the default preset's options (or, with `documentId`, that deck's preset's), the
 * defaults when they never changed any.
 * @example (await readSettings(userId)).desiredRetention; // 0.9
 */
export async function readSettings(
  userId: string,
  documentId: string | null = null,
  r: Reader = queryDb().q,
): Promise<SrsSettings> {
  return (await readScheduling(userId, documentId, r)).settings;
}

/** The settings row as the settings page shows it, with the personal parameters' provenance. */
export function getSettingsRecord(userId: string) {
  return db.userSettings.findUnique({ where: { userId } });
}

export type SettingsUpdate = Pick<
  SrsSettings,
  "desiredRetention" | "newPerDay" | "maxReviewsPerDay" | "learningSteps" | "relearningSteps" | "timeZone"
>;

/**
 * Saves the settings form. Its scheduling fields are the default preset's options (the Presets section edits the
 * same preset): both are written in one transaction, so the settings row's mirror and the preset agree.
 * @example await saveSettings(userId, { ...DEFAULT_SRS_SETTINGS, desiredRetention: 0.85 });
 */
export async function saveSettings(userId: string, update: SettingsUpdate) {
  const data = {
    ...update,
    learningSteps: update.learningSteps.join(" "),
    relearningSteps: update.relearningSteps.join(" "),
  };
  const defaultId = await ensureDefaultPreset(userId);
  const { timeZone: _timeZone, ...options } = data;
  await db.$transaction([
    db.userSettings.upsert({ where: { userId }, create: { userId, ...data }, update: data }),
    db.preset.updateMany({ where: { id: defaultId, userId }, data: options }),
  ]);
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
 * @example formatDateTime(assignment.dueAt, await viewerTimeZone(user.id))
 */
export async function viewerTimeZone(userId: string): Promise<string> {
  return (await readSettings(userId)).timeZone;
}
