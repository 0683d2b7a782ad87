import { Prisma, type Preset } from "@/generated/prisma/client";
import { DEFAULT_SRS_SETTINGS } from "@/lib/srs";
import { formatEasyDays, parseEasyDays, type EasyDayLevel } from "@/lib/srs/easy-days";
import { formatDate } from "@/lib/progress/format";
import { db } from "./client";
import { reviewCountsByPreset } from "./preset-parameters";
import { readSettings } from "./settings";

// A learner's presets (Anki's deck options presets): named sets of scheduling options, one of them the default that
// every deck without a DeckPreset row uses. Reading them for an answer is lib/db/settings.ts readScheduling (one
// prepared statement); everything here is the settings page and the deck page, through Prisma.

export const DEFAULT_PRESET_NAME = "Default";

/** A preset's options as the forms edit them (steps as lists, easy days as seven levels). */
export type PresetOptions = {
  desiredRetention: number;
  newPerDay: number;
  maxReviewsPerDay: number;
  learningSteps: string[];
  relearningSteps: string[];
  maximumIntervalDays: number;
  easyDays: EasyDayLevel[];
  loadBalance: boolean;
};

/** Which FSRS parameters a preset's decks are scheduled with, and how many reviews its decks hold. */
export type PresetParametersView = {
  /** The preset's own fit (the date in the learner's zone and the number of reviews), or null. */
  own: { fittedOn: string | null; reviews: number | null } | null;
  /** What applies without an own fit: the learner's parameters fitted to all decks, else the defaults. */
  fallback: "learner" | "defaults";
  /** Reviews of the decks that use the preset now (what fitting and Evaluate read). */
  reviewCount: number;
};

export type PresetView = PresetOptions & {
  id: string;
  name: string;
  isDefault: boolean;
  deckCount: number;
  parameters: PresetParametersView;
};

export type PresetRefusal = "not_found" | "name_taken" | "is_default";

const NORMAL_WEEK: EasyDayLevel[] = ["normal", "normal", "normal", "normal", "normal", "normal", "normal"];

function columns(options: PresetOptions) {
  return {
    ...options,
    learningSteps: options.learningSteps.join(" "),
    relearningSteps: options.relearningSteps.join(" "),
    easyDays: formatEasyDays(options.easyDays),
  };
}

function view(
  preset: Preset & { _count: { decks: number } },
  defaultId: string,
  context: { fallback: "learner" | "defaults"; reviewCounts: Map<string, number>; timeZone: string },
): PresetView {
  return {
    parameters: {
      own: preset.weights
        ? {
            fittedOn: preset.weightsFittedAt ? formatDate(preset.weightsFittedAt, context.timeZone) : null,
            reviews: preset.weightsReviews,
          }
        : null,
      fallback: context.fallback,
      reviewCount: context.reviewCounts.get(preset.id) ?? 0,
    },
    id: preset.id,
    name: preset.name,
    isDefault: preset.id === defaultId,
    deckCount: preset._count.decks,
    desiredRetention: preset.desiredRetention,
    newPerDay: preset.newPerDay,
    maxReviewsPerDay: preset.maxReviewsPerDay,
    learningSteps: preset.learningSteps.split(/\s+/).filter(Boolean),
    relearningSteps: preset.relearningSteps.split(/\s+/).filter(Boolean),
    maximumIntervalDays: preset.maximumIntervalDays,
    easyDays: parseEasyDays(preset.easyDays) ?? NORMAL_WEEK,
    loadBalance: preset.loadBalance,
  };
}

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** The id a learner's Default preset gets when it is made (the migration uses the same form). */
export const defaultIdFor = (userId: string) => `default-${userId}`;

/** The Default preset's options before it exists: those of the learner's settings row, else the defaults. */
function unsavedDefaultOptions(
  settings: {
    desiredRetention: number;
    newPerDay: number;
    maxReviewsPerDay: number;
    learningSteps: string;
    relearningSteps: string;
  } | null,
) {
  const defaults = DEFAULT_SRS_SETTINGS;
  return {
    desiredRetention: settings?.desiredRetention ?? defaults.desiredRetention,
    newPerDay: settings?.newPerDay ?? defaults.newPerDay,
    maxReviewsPerDay: settings?.maxReviewsPerDay ?? defaults.maxReviewsPerDay,
    learningSteps: settings?.learningSteps ?? defaults.learningSteps.join(" "),
    relearningSteps: settings?.relearningSteps ?? defaults.relearningSteps.join(" "),
  };
}

/** The stored default preset's id, or null when the learner has none yet (nothing is written). */
export async function storedDefaultId(userId: string): Promise<string | null> {
  const settings = await db.userSettings.findUnique({ where: { userId }, select: { defaultPresetId: true } });
  if (!settings?.defaultPresetId) return null;
  const preset = await db.preset.findFirst({ where: { id: settings.defaultPresetId, userId }, select: { id: true } });
  return preset?.id ?? null;
}

/**
 * The id of the learner's default preset, creating it (named "Default", with the options of their settings row, or
 * the defaults) if they have none yet: learners without a settings row before presets, and new accounts, get theirs
 * on their first change. Only actions call this; pages show an unsaved Default instead (a GET never writes).
 * @example const defaultId = await ensureDefaultPreset(userId);
 */
export async function ensureDefaultPreset(userId: string): Promise<string> {
  const existing = await storedDefaultId(userId);
  if (existing) return existing;
  const settings = await db.userSettings.findUnique({ where: { userId } });
  const options = unsavedDefaultOptions(settings);
  return db.$transaction(async (tx) => {
    // Two first changes at once: the unique (userId, name) makes the second find the first's preset.
    const preset =
      (await tx.preset.findUnique({ where: { userId_name: { userId, name: DEFAULT_PRESET_NAME } } })) ??
      (await tx.preset.create({ data: { id: defaultIdFor(userId), userId, name: DEFAULT_PRESET_NAME, ...options } }));
    await tx.userSettings.upsert({
      where: { userId },
      create: { userId, defaultPresetId: preset.id },
      update: { defaultPresetId: preset.id },
    });
    return preset.id;
  });
}

/**
 * The learner's presets, the default first, then by name, each with how many decks use it. Reads only: a learner
 * whose Default preset is not made yet sees it with the id it will be made with (any change makes it).
 * @example (await listPresets(userId))[0]?.isDefault; // true
 */
export async function listPresets(userId: string): Promise<PresetView[]> {
  const [defaultId, presets] = await Promise.all([
    storedDefaultId(userId),
    db.preset.findMany({
      where: { userId },
      include: { _count: { select: { decks: true } } },
      orderBy: { name: "asc" },
    }),
  ]);
  const settings = await db.userSettings.findUnique({ where: { userId } });
  const context = {
    fallback: settings?.weights ? ("learner" as const) : ("defaults" as const),
    reviewCounts: await reviewCountsByPreset(userId, defaultId ?? defaultIdFor(userId)),
    timeZone: (await readSettings(userId)).timeZone,
  };
  const views = presets.map((p) => view(p, defaultId ?? "", context));
  if (!defaultId) {
    const now = new Date();
    const unsaved = {
      ...unsavedDefaultOptions(settings),
      id: defaultIdFor(userId),
      userId,
      name: DEFAULT_PRESET_NAME,
      maximumIntervalDays: DEFAULT_SRS_SETTINGS.maximumIntervalDays,
      easyDays: formatEasyDays(NORMAL_WEEK),
      loadBalance: DEFAULT_SRS_SETTINGS.loadBalance,
      weights: null,
      weightsFittedAt: null,
      weightsReviews: null,
      createdAt: now,
      updatedAt: now,
      _count: { decks: 0 },
    };
    views.unshift(view(unsaved, unsaved.id, context));
  }
  return views.sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
}

/**
 * Adds a preset with the default options under a new name.
 * @example await createPreset(userId, "Languages"); // { ok: true, id: "…" }
 */
export async function createPreset(
  userId: string,
  name: string,
): Promise<{ ok: true; id: string } | { ok: false; reason: "name_taken" }> {
  await ensureDefaultPreset(userId);
  try {
    const preset = await db.preset.create({ data: { userId, name }, select: { id: true } });
    return { ok: true, id: preset.id };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "name_taken" };
    throw error;
  }
}

/**
 * Renames a preset and sets its options. Someone else's preset is not_found. Changing the default preset also
 * updates the settings row's mirror of it (desired retention, limits, steps), so code reading those columns agrees.
 * @example await updatePreset(userId, presetId, "Languages", options); // { ok: true }
 */
export async function updatePreset(
  userId: string,
  presetId: string,
  name: string,
  options: PresetOptions,
): Promise<{ ok: true } | { ok: false; reason: "not_found" | "name_taken" }> {
  const stored = await storedDefaultId(userId);
  const defaultId = stored ?? defaultIdFor(userId);
  // Editing the not-yet-made Default preset makes it; any other id must already be the learner's own.
  if (presetId === defaultId && !stored) await ensureDefaultPreset(userId);
  const data = columns(options);
  try {
    return await db.$transaction(async (tx) => {
      const updated = await tx.preset.updateMany({ where: { id: presetId, userId }, data: { name, ...data } });
      if (updated.count !== 1) return { ok: false as const, reason: "not_found" as const };
      if (presetId === defaultId) {
        const { desiredRetention, newPerDay, maxReviewsPerDay, learningSteps, relearningSteps } = data;
        await tx.userSettings.update({
          where: { userId },
          data: { desiredRetention, newPerDay, maxReviewsPerDay, learningSteps, relearningSteps },
        });
      }
      return { ok: true as const };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "name_taken" };
    throw error;
  }
}

/**
 * Deletes a preset that is not the default; the decks that used it use the default preset from then on (their
 * DeckPreset rows go with it). The review log keeps the deleted preset's id. A refusal writes nothing.
 * @example await deletePreset(userId, presetId); // { ok: true, movedDecks: 2 }
 */
export async function deletePreset(
  userId: string,
  presetId: string,
): Promise<{ ok: true; movedDecks: number } | { ok: false; reason: "not_found" | "is_default" }> {
  if (presetId === ((await storedDefaultId(userId)) ?? defaultIdFor(userId)))
    return { ok: false, reason: "is_default" };
  return db.$transaction(async (tx) => {
    const movedDecks = await tx.deckPreset.deleteMany({ where: { userId, presetId } });
    const deleted = await tx.preset.deleteMany({ where: { id: presetId, userId } });
    if (deleted.count !== 1) return { ok: false as const, reason: "not_found" as const };
    return { ok: true as const, movedDecks: movedDecks.count };
  });
}

/**
 * Makes a deck use one of the learner's presets (the default preset: the deck follows the default, no row). The deck
 * must exist and the preset must be the learner's own; otherwise not_found and nothing changes.
 * @example await assignPreset(userId, deckId, presetId); // { ok: true }
 */
export async function assignPreset(
  userId: string,
  documentId: string,
  presetId: string,
): Promise<{ ok: true } | { ok: false; reason: "not_found" }> {
  const defaultId = (await storedDefaultId(userId)) ?? defaultIdFor(userId);
  const [preset, deck] = await Promise.all([
    db.preset.findFirst({ where: { id: presetId, userId }, select: { id: true } }),
    db.document.findUnique({ where: { id: documentId }, select: { id: true } }),
  ]);
  // The default preset need not be made yet: a deck without a row follows it.
  if ((!preset && presetId !== defaultId) || !deck) return { ok: false, reason: "not_found" };
  if (presetId === defaultId) {
    await db.deckPreset.deleteMany({ where: { userId, documentId } });
  } else {
    await db.deckPreset.upsert({
      where: { userId_documentId: { userId, documentId } },
      create: { userId, documentId, presetId },
      update: { presetId },
    });
  }
  return { ok: true };
}

/**
 * The preset a deck uses for the learner and the presets they can choose from, for the deck page.
 * @example const { presetId, presets } = await deckPresetChoice(userId, deckId);
 */
export async function deckPresetChoice(userId: string, documentId: string) {
  const presets = await listPresets(userId);
  const row = await db.deckPreset.findUnique({ where: { userId_documentId: { userId, documentId } } });
  const presetId = row?.presetId ?? presets.find((p) => p.isDefault)!.id;
  return { presetId, presets: presets.map(({ id, name, isDefault }) => ({ id, name, isDefault })) };
}
