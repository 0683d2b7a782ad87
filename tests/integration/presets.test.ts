/**
 * Presets (issue 16): a learner's named scheduling options, one per deck. The scheduler reads the deck's preset for
 * each answer and logs it; load balancing and easy days move review due dates within the fuzz range; bad input and
 * other learners change nothing.
 */
import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import { get_fuzz_range } from "ts-fsrs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { GeneratedItem } from "@/lib/content/types";
import { cardInfo } from "@/lib/db/card-info";
import { db } from "@/lib/db/client";
import { publishDocument } from "@/lib/db/content";
import {
  assignPreset,
  createPreset,
  ensureDefaultPreset,
  listPresets,
  updatePreset,
  type PresetOptions,
} from "@/lib/db/presets";
import { amendReview, answerItem, recordReview } from "@/lib/db/reviews";
import { readScheduling, readSettings, saveSettings } from "@/lib/db/settings";
import { databaseKind } from "@/lib/env";
import { newCard, schedule, SrsSettingsSchema, type CardState } from "@/lib/srs";
import type { EasyDayLevel } from "@/lib/srs/easy-days";
import { formatInterval } from "@/lib/srs/interval-label";
import { makeUser } from "@/tests/factories";
import { cookieStoreFor } from "@/tests/session-cookie";

let session: { user: { id: string } } | null = null;
vi.mock("next/headers", async (original) => ({
  ...(await original<object>()),
  cookies: () => cookieStoreFor(session?.user.id),
}));
vi.mock("next/server", async (original) => ({ ...(await original<object>()), connection: async () => {} }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const NOW = new Date("2026-03-02T12:00:00Z");
const DAY = 86_400_000;

function typed(key: string, position: number): GeneratedItem {
  return {
    key,
    factKey: `fact-${key}`,
    kind: "typed",
    prompt: `What is ${key}?`,
    answer: key.toUpperCase(),
    accepted: [],
    options: null,
    answerType: "text",
    topic: "history",
    difficulty: 0.4,
    source: { text: `${key} is ${key.toUpperCase()}.`, start: position * 20, end: position * 20 + 15 },
  };
}

async function deck(slug: string, count = 3) {
  const { documentId } = await publishDocument(
    { slug, title: slug, body: "x".repeat(400) },
    Array.from({ length: count }, (_, i) => typed(`${slug}-${i}`, i)),
  );
  const ids = (await db.item.findMany({ where: { documentId }, orderBy: { position: "asc" } })).map((i) => i.id);
  return { documentId, ids };
}

const OPTIONS = {
  desiredRetention: 0.9,
  newPerDay: 20,
  maxReviewsPerDay: 200,
  learningSteps: ["1m", "10m"],
  relearningSteps: ["10m"],
  maximumIntervalDays: 36500,
  easyDays: ["normal", "normal", "normal", "normal", "normal", "normal", "normal"] as EasyDayLevel[],
  loadBalance: false,
};
const options = (overrides: Partial<PresetOptions> = {}): PresetOptions => ({
  ...OPTIONS,
  easyDays: [...OPTIONS.easyDays],
  ...overrides,
});

const answer = (userId: string, itemId: string, rating: "again" | "hard" | "good" | "easy", now = NOW, version = 0) =>
  recordReview({
    userId,
    reviewId: crypto.randomUUID(),
    itemId,
    version,
    response: null,
    rating,
    responseMs: 3000,
    now,
  });

const snapshot = async () => ({
  presets: await db.preset.findMany({ orderBy: { id: "asc" } }),
  decks: await db.deckPreset.findMany({ orderBy: [{ userId: "asc" }, { documentId: "asc" }] }),
  settings: await db.userSettings.findMany({ orderBy: { userId: "asc" } }),
});

let A: Awaited<ReturnType<typeof deck>>;
let B: Awaited<ReturnType<typeof deck>>;
beforeAll(async () => {
  A = await deck("presets-a");
  B = await deck("presets-b");
});

describe("the migration", () => {
  // The data half of a SQLite migration: PostgreSQL's migrations begin after it (their baseline stands for it, and
  // no PostgreSQL database holds settings from before presets).
  it.skipIf(databaseKind() === "postgres")(
    "turns a learner's existing settings into their Default preset, which Prisma reads back",
    async () => {
      const user = await makeUser();
      await db.userSettings.create({
        data: { userId: user.id, desiredRetention: 0.83, newPerDay: 7, learningSteps: "5m", timeZone: "Europe/Berlin" },
      });
      // The data half of the migration, run again on this row (the schema half is already applied).
      const sql = readFileSync("prisma/migrations/20261202000600_presets/migration.sql", "utf8");
      const data = sql.slice(sql.indexOf("INSERT INTO"));
      const raw = new Database(process.env.DATABASE_URL!.slice("file:".length));
      raw.exec(
        data
          .replace(`FROM "UserSettings";`, `FROM "UserSettings" WHERE "userId" = '${user.id}';`)
          .replace(
            `SET "defaultPresetId" = 'default-' || "userId";`,
            `SET "defaultPresetId" = 'default-' || "userId" WHERE "userId" = '${user.id}';`,
          ),
      );
      raw.close();
      const [preset] = await listPresets(user.id);
      expect(preset).toMatchObject({
        id: `default-${user.id}`,
        name: "Default",
        isDefault: true,
        desiredRetention: 0.83,
        newPerDay: 7,
        learningSteps: ["5m"],
        maximumIntervalDays: 36500,
        loadBalance: true,
      });
      expect((await db.preset.findUniqueOrThrow({ where: { id: preset!.id } })).createdAt).toBeInstanceOf(Date);
      expect(await readScheduling(user.id, A.documentId)).toMatchObject({
        presetId: preset!.id,
        settings: { desiredRetention: 0.83, newPerDay: 7, learningSteps: ["5m"], timeZone: "Europe/Berlin" },
      });
    },
  );
});

describe("a preset per deck", () => {
  it("schedules each deck's cards with its own preset and logs which preset did", async () => {
    const user = await makeUser();
    const defaultId = await ensureDefaultPreset(user.id);
    await updatePreset(user.id, defaultId, "Default", options());
    const created = await createPreset(user.id, "Relaxed");
    if (!created.ok) throw new Error("not created");
    await updatePreset(user.id, created.id, "Relaxed", options({ desiredRetention: 0.7, learningSteps: ["30m"] }));
    expect(await assignPreset(user.id, A.documentId, created.id)).toEqual({ ok: true });

    const relaxed = SrsSettingsSchema.parse({ desiredRetention: 0.7, learningSteps: ["30m"], loadBalance: false });
    const plain = SrsSettingsSchema.parse({ loadBalance: false });
    // Easy on a new card graduates it at once: the interval follows the desired retention.
    const inA = await answer(user.id, A.ids[0]!, "easy");
    const inB = await answer(user.id, B.ids[0]!, "easy");
    expect(inA.ok && inA.card).toEqual(schedule(newCard(NOW), "easy", NOW, relaxed).card);
    expect(inB.ok && inB.card).toEqual(schedule(newCard(NOW), "easy", NOW, plain).card);
    expect(inA.ok && inB.ok && inA.card.scheduledDays > inB.card.scheduledDays).toBe(true);
    // Again on a new card: the preset's first learning step (30 minutes) against the default's 1 minute.
    const stepA = await answer(user.id, A.ids[1]!, "again");
    const stepB = await answer(user.id, B.ids[1]!, "again");
    expect(stepA.ok && stepA.card.due).toEqual(new Date(NOW.getTime() + 30 * 60_000));
    expect(stepB.ok && stepB.card.due).toEqual(new Date(NOW.getTime() + 60_000));

    const logs = await db.reviewLog.findMany({ where: { userId: user.id }, orderBy: { itemId: "asc" } });
    const presetOf = new Map(logs.map((l) => [l.itemId, l.presetId]));
    expect(presetOf.get(A.ids[0]!)).toBe(created.id);
    expect(presetOf.get(A.ids[1]!)).toBe(created.id);
    expect(presetOf.get(B.ids[0]!)).toBe(defaultId);
    // The deck's daily limits come from its preset when it is studied alone.
    expect((await readSettings(user.id, A.documentId)).desiredRetention).toBe(0.7);
    expect((await readSettings(user.id)).desiredRetention).toBe(0.9);
  });

  it("the settings form edits the default preset, and editing the default preset updates the settings row", async () => {
    const user = await makeUser();
    await saveSettings(user.id, {
      desiredRetention: 0.86,
      newPerDay: 9,
      maxReviewsPerDay: 90,
      learningSteps: ["2m"],
      relearningSteps: ["5m"],
      timeZone: "UTC",
    });
    const [preset] = await listPresets(user.id);
    expect(preset).toMatchObject({ isDefault: true, desiredRetention: 0.86, newPerDay: 9, learningSteps: ["2m"] });
    await updatePreset(user.id, preset!.id, "Everyday", options({ desiredRetention: 0.93 }));
    expect(await db.userSettings.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({
      desiredRetention: 0.93,
      newPerDay: 20,
    });
    expect((await readSettings(user.id)).desiredRetention).toBe(0.93);
  });

  it("deleting a preset moves its decks to the default preset", async () => {
    const user = await makeUser();
    session = { user: { id: user.id } };
    const { deletePresetAction } = await import("@/app/(app)/settings/presets/actions");
    const created = await createPreset(user.id, "Short");
    if (!created.ok) throw new Error("not created");
    await assignPreset(user.id, A.documentId, created.id);
    await assignPreset(user.id, B.documentId, created.id);
    const result = await deletePresetAction(null, form({ presetId: created.id }));
    expect(result).toEqual({ ok: true, message: "Preset deleted; 2 decks now use the default preset." });
    expect(await db.deckPreset.count({ where: { userId: user.id } })).toBe(0);
    expect((await readScheduling(user.id, A.documentId)).presetId).toBe(await ensureDefaultPreset(user.id));
  });
});

describe("load balancing and easy days on the answer path", () => {
  // A review card (S = 10, last reviewed 10 days ago, due now) answered Good at NOW.
  async function reviewCard(userId: string, itemId: string) {
    const card: CardState = {
      state: "review",
      due: NOW,
      stability: 10,
      difficulty: 5,
      scheduledDays: 10,
      learningSteps: 0,
      reps: 4,
      lapses: 0,
      lastReview: new Date(NOW.getTime() - 10 * DAY),
    };
    await db.card.create({ data: { userId, itemId, ...card, version: 1 } });
    return card;
  }
  async function loadDays(userId: string, loads: Map<number, number>) {
    const { ids } = await deck(
      `load-${crypto.randomUUID()}`,
      [...loads.values()].reduce((a, b) => a + b, 0),
    );
    let next = 0;
    for (const [days, n] of loads) {
      for (let i = 0; i < n; i++) {
        await db.card.create({
          data: {
            userId,
            itemId: ids[next++]!,
            ...newCard(NOW),
            state: "review",
            stability: 30,
            scheduledDays: days,
            lastReview: NOW,
            due: new Date(NOW.getTime() + days * DAY + 3_600_000),
          },
        });
      }
    }
  }

  it("puts the review on the least-loaded day of the fuzz range (default preset: load balancing on)", async () => {
    const user = await makeUser();
    const { ids } = await deck(`lb-${crypto.randomUUID()}`, 1);
    const card = await reviewCard(user.id, ids[0]!);
    const plain = schedule(card, "good", NOW, SrsSettingsSchema.parse({}));
    const { min_ivl, max_ivl } = get_fuzz_range(plain.card.scheduledDays, 10, 36500);
    expect(max_ivl - min_ivl).toBeGreaterThanOrEqual(2);
    // Every day of the range holds 4 reviews except the longest, which holds none: the one day below the range's trend.
    const lightest = max_ivl;
    await loadDays(user.id, new Map(Array.from({ length: max_ivl - min_ivl }, (_, i) => [min_ivl + i, 4] as const)));
    const result = await answer(user.id, ids[0]!, "good", NOW, 1);
    expect(result.ok && result.card).toEqual({
      ...plain.card,
      scheduledDays: lightest,
      due: new Date(NOW.getTime() + lightest * DAY),
    });
  });

  it("labels the rating buttons with the balanced days, and the answer and its amendments land on them", async () => {
    const user = await makeUser();
    const { ids } = await deck(`lb-labels-${crypto.randomUUID()}`, 1);
    const card = await reviewCard(user.id, ids[0]!);
    const plain = schedule(card, "good", NOW, SrsSettingsSchema.parse({})).card;
    const { min_ivl, max_ivl } = get_fuzz_range(plain.scheduledDays, 10, 36500);
    // Good's range is loaded except its longest day, so Good moves there; the label must say so.
    await loadDays(user.id, new Map(Array.from({ length: max_ivl - min_ivl }, (_, i) => [min_ivl + i, 4] as const)));
    const reviewId = crypto.randomUUID();
    const answered = await answerItem({
      userId: user.id,
      reviewId,
      itemId: ids[0]!,
      version: 1,
      response: "nothing like it",
      responseMs: 3000,
      now: NOW,
    });
    if (!answered.ok) throw new Error(answered.reason);
    const label = (due: Date) => formatInterval(due.getTime() - NOW.getTime());
    expect(answered.feedback.intervals.good).toBe(label(new Date(NOW.getTime() + max_ivl * DAY)));
    expect(answered.feedback.intervals.good).not.toBe(label(plain.due));
    for (const rating of ["hard", "good", "easy"] as const) {
      const amended = await amendReview({ userId: user.id, reviewId, rating, now: NOW });
      expect(amended.ok && label(amended.card.due)).toBe(answered.feedback.intervals[rating]);
    }
  });

  it("keeps the review off a weekday the preset marks off, with load balancing off", async () => {
    const user = await makeUser();
    const { ids, documentId } = await deck(`easy-${crypto.randomUUID()}`, 1);
    const card = await reviewCard(user.id, ids[0]!);
    const plain = schedule(card, "good", NOW, SrsSettingsSchema.parse({ loadBalance: false })).card;
    const easyDays = options().easyDays.map((d, i): EasyDayLevel => (i === plain.due.getUTCDay() ? "off" : d));
    const created = await createPreset(user.id, "Weekends off");
    if (!created.ok) throw new Error("not created");
    await updatePreset(user.id, created.id, "Weekends off", options({ easyDays }));
    await assignPreset(user.id, documentId, created.id);
    const result = await answer(user.id, ids[0]!, "good", NOW, 1);
    expect(result.ok && result.card.due.getUTCDay()).not.toBe(plain.due.getUTCDay());
    expect(result.ok && result.card).toEqual({
      ...plain,
      scheduledDays: plain.scheduledDays - 1,
      due: new Date(plain.due.getTime() - DAY),
    });
  });
});

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
const presetForm = (presetId: string, overrides: Record<string, string> = {}) =>
  form({
    presetId,
    name: "Edited",
    desiredRetention: "0.8",
    newPerDay: "5",
    maxReviewsPerDay: "50",
    learningSteps: "1m",
    relearningSteps: "10m",
    maximumIntervalDays: "100",
    ...Object.fromEntries(Array.from({ length: 7 }, (_, d) => [`easyDay${d}`, "normal"])),
    loadBalance: "on",
    ...overrides,
  });

describe("preset actions", () => {
  it("refuse bad input with a message and change nothing", async () => {
    const user = await makeUser();
    session = { user: { id: user.id } };
    const actions = await import("@/app/(app)/settings/presets/actions");
    const { assignPresetAction } = await import("@/app/(app)/decks/[deckId]/preset/actions");
    const created = await createPreset(user.id, "Mine");
    if (!created.ok) throw new Error("not created");
    const before = await snapshot();
    const bad: [Record<string, string>, string][] = [
      [{ desiredRetention: "2" }, "desiredRetention"],
      [{ newPerDay: "-1" }, "newPerDay"],
      [{ learningSteps: "soon" }, "learningSteps"],
      [{ maximumIntervalDays: "0" }, "maximumIntervalDays"],
      [{ name: "" }, "name"],
      [{ name: "x".repeat(51) }, "name"],
      [{ name: "A\u202eB" }, "name"],
      [{ easyDay3: "sometimes" }, "easyDays"],
      [Object.fromEntries(Array.from({ length: 7 }, (_, d) => [`easyDay${d}`, "off"])), "easyDays"],
      [{ loadBalance: "maybe" }, "loadBalance"],
    ];
    for (const [overrides, field] of bad) {
      const result = await actions.savePresetAction(null, presetForm(created.id, overrides));
      expect(result?.ok, JSON.stringify(overrides)).toBe(false);
      expect(result?.message).toBe("Check the highlighted fields; nothing was saved.");
      expect(Object.keys(result?.fieldErrors ?? {}), JSON.stringify(overrides)).toContain(field);
    }
    expect(await actions.createPresetAction(null, form({ name: "Mine" }))).toMatchObject({
      ok: false,
      fieldErrors: { name: ["You already have a preset with that name."] },
    });
    expect(await actions.savePresetAction(null, presetForm(created.id, { name: "Default" }))).toMatchObject({
      ok: false,
      fieldErrors: { name: ["You already have a preset with that name."] },
    });
    const defaultId = await ensureDefaultPreset(user.id);
    expect(await actions.deletePresetAction(null, form({ presetId: defaultId }))).toEqual({
      ok: false,
      message: "The default preset cannot be deleted.",
    });
    expect(await assignPresetAction(null, form({ deckId: "no-such-deck", presetId: created.id }))).toMatchObject({
      ok: false,
    });
    expect(await snapshot()).toEqual(before);
  });

  it("never let another learner read, edit, delete or assign someone's preset, nor read their card info", async () => {
    const owner = await makeUser();
    const other = await makeUser();
    const created = await createPreset(owner.id, "Private");
    if (!created.ok) throw new Error("not created");
    await assignPreset(owner.id, A.documentId, created.id);
    await answer(owner.id, A.ids[2]!, "good");
    const before = await snapshot();

    session = { user: { id: other.id } };
    const actions = await import("@/app/(app)/settings/presets/actions");
    const { assignPresetAction } = await import("@/app/(app)/decks/[deckId]/preset/actions");
    const notFound = { ok: false, message: "That preset was not found; nothing was changed." };
    expect(await actions.savePresetAction(null, presetForm(created.id))).toEqual(notFound);
    expect(await actions.deletePresetAction(null, form({ presetId: created.id }))).toEqual(notFound);
    expect(await assignPresetAction(null, form({ deckId: B.documentId, presetId: created.id }))).toEqual({
      ok: false,
      message: "That deck or preset was not found; nothing was changed.",
    });
    // They see only their own (not yet made) Default preset; nothing at all was written, theirs included.
    expect((await listPresets(other.id)).map((p) => [p.name, p.id])).toEqual([["Default", `default-${other.id}`]]);
    expect(await snapshot()).toEqual(before);
    // Card info shows only the viewer's own card and history (no preset row yet: the defaults, shown as "Default").
    const theirs = await cardInfo(other.id, A.documentId, A.ids[2]!, NOW);
    expect(theirs).toMatchObject({ card: null, reviews: [], presetName: null });
    const mine = await cardInfo(owner.id, A.documentId, A.ids[2]!, NOW);
    expect(mine?.reviews).toHaveLength(1);
    expect(mine?.presetName).toBe("Private");
    // An item asked through another deck's id is not found.
    expect(await cardInfo(owner.id, B.documentId, A.ids[2]!, NOW)).toBeNull();
  });
});

describe("card info", () => {
  it("lists each answer with its rating, stability, difficulty and interval, and the retrievability now", async () => {
    const user = await makeUser();
    const { ids, documentId } = await deck(`info-${crypto.randomUUID()}`, 1);
    await answer(user.id, ids[0]!, "easy", NOW, 0);
    const later = new Date(NOW.getTime() + 20 * DAY);
    await answer(user.id, ids[0]!, "hard", later, 1);
    const settings = SrsSettingsSchema.parse({});
    const first = schedule(newCard(NOW), "easy", NOW, settings).card;
    const info = await cardInfo(user.id, documentId, ids[0]!, new Date(later.getTime() + 5 * DAY));
    expect(info?.reviews.map((r) => [r.rating, r.previousState, r.elapsedDays])).toEqual([
      ["easy", "new", 0],
      ["hard", "review", 20],
    ]);
    expect(info?.reviews[0]).toMatchObject({
      stability: first.stability,
      difficulty: first.difficulty,
      retrievabilityBefore: null,
    });
    const stored = await db.card.findFirstOrThrow({ where: { userId: user.id, itemId: ids[0]! } });
    expect(info?.card).toMatchObject({ state: "review", stability: stored.stability, reps: 2, lapses: 0 });
    // R(5 days, S) = (1 + F·5/S)^−w20, F = 0.9^(−1/w20) − 1 (ts-fsrs's forgetting curve, default w20 = 0.1542).
    const w20 = 0.1542;
    const F = 0.9 ** (-1 / w20) - 1;
    expect(info?.card?.retrievability).toBeCloseTo((1 + (F * 5) / stored.stability) ** -w20, 6);
    expect(info?.reviews[1]?.retrievabilityBefore).toBeCloseTo((1 + (F * 20) / first.stability) ** -w20, 6);
  });
});
