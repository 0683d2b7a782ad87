/**
 * A realistic study history for one learner (integration and e2e tests): every day for `days` days up to `breakDays`
 * days ago the learner introduces `newPerDay` items and answers what is due, recalling each review with the FSRS-6
 * probability R (default parameters) and rating as people do; cards and logs are what the app's own scheduler
 * (lib/srs `schedule`) would have written. Then the learner takes a break, so reviews pile up as overdue. Written
 * through Prisma (either database, insertLearnerHistory) or straight into a SQLite file (writeLearnerHistory: the
 * e2e server's database, from the Playwright process).
 */
import Database from "better-sqlite3";
import type { PrismaClient } from "@/generated/prisma/client";
import { serializeSnapshot, type CardSnapshot } from "@/lib/db/cards";
import { DEFAULT_SRS_SETTINGS, newCard, retrievability, schedule, type CardState, type Rating } from "@/lib/srs";
import { createRng } from "@/lib/prng";

const DAY = 86_400_000;
const iso = (date: Date) => date.toISOString().replace("Z", "+00:00");

export type HistoryOptions = {
  userId: string;
  days: number;
  breakDays: number;
  newPerDay: number;
  seed: number;
  now: Date;
  /** At most this many items (default: every live item). */
  maxItems?: number;
};

type CardRow = {
  id: string;
  userId: string;
  itemId: string;
  state: string;
  due: Date;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};
type LogRow = {
  id: string;
  userId: string;
  itemId: string;
  cardId: string;
  rating: Rating;
  correct: boolean;
  responseMs: number;
  stateBefore: string;
  stateAfter: string;
  previousState: string;
  elapsedDays: number;
  reviewedAt: Date;
};

/** The simulated cards and logs for the live items `itemIds` (in study order). */
function simulate(itemIds: string[], options: HistoryOptions): { cards: CardRow[]; logs: LogRow[] } {
  const settings = DEFAULT_SRS_SETTINGS;
  const random = createRng(options.seed);
  const items = itemIds.slice(0, options.maxItems);
  const cards: { id: string; itemId: string; state: CardState; version: number }[] = [];
  const logs: LogRow[] = [];
  const dayStart = Math.floor(options.now.getTime() / DAY) * DAY;
  let next = 0;
  for (let d = options.days + options.breakDays; d > options.breakDays; d--) {
    let t = dayStart - d * DAY + 9 * 3_600_000;
    const end = dayStart - d * DAY + 23 * 3_600_000;
    for (let n = 0; n < options.newPerDay && next < items.length; n++, next++) {
      cards.push({
        id: `${options.userId}-card-${next}`,
        itemId: items[next]!,
        state: newCard(new Date(t)),
        version: 0,
      });
    }
    for (let round = 0; round < 8; round++) {
      const due = cards
        .filter((c) => c.state.due.getTime() <= t + (round === 0 ? 0 : 20 * 60_000))
        .sort((a, b) => a.state.due.getTime() - b.state.due.getTime());
      if (due.length === 0) break;
      for (const card of due) {
        t = Math.max(t, card.state.due.getTime()) + 4_000 + Math.floor(random() * 12_000);
        if (t > end) break;
        const at = new Date(t);
        const recalled =
          card.state.state === "new" ? random() > 0.2 : random() < retrievability(card.state, at, settings);
        const u = random();
        const rating: Rating = !recalled ? "again" : u < 0.1 ? "hard" : u > 0.93 ? "easy" : "good";
        const before: CardSnapshot = {
          existed: card.version > 0,
          card: card.state,
          suspended: false,
          leech: false,
          buriedUntil: null,
        };
        const { card: after, log } = schedule(card.state, rating, at, settings);
        logs.push({
          id: crypto.randomUUID(),
          userId: options.userId,
          itemId: card.itemId,
          cardId: card.id,
          rating,
          correct: recalled,
          responseMs: 2_000 + Math.floor(random() * 10_000),
          stateBefore: serializeSnapshot(before),
          stateAfter: serializeSnapshot({ ...before, existed: true, card: after }),
          previousState: card.state.state,
          elapsedDays: log.elapsedDays,
          reviewedAt: at,
        });
        card.state = after;
        card.version++;
      }
    }
  }
  const created = new Date(dayStart - (options.days + options.breakDays + 1) * DAY);
  const rows = cards
    .filter((card) => card.version > 0)
    .map(({ id, itemId, state: s, version }) => ({
      id,
      userId: options.userId,
      itemId,
      state: s.state,
      due: s.due,
      stability: s.stability,
      difficulty: s.difficulty,
      scheduledDays: s.scheduledDays,
      learningSteps: s.learningSteps,
      reps: s.reps,
      lapses: s.lapses,
      lastReview: s.lastReview ?? null,
      version,
      createdAt: created,
      updatedAt: created,
    }));
  return { cards: rows, logs };
}

/** Writes the history through Prisma, on whichever database the client runs. */
export async function insertLearnerHistory(
  db: PrismaClient,
  options: HistoryOptions,
): Promise<{ cards: number; logs: number }> {
  const items = await db.item.findMany({
    where: { retiredAt: null },
    orderBy: [{ documentId: "asc" }, { position: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  const { cards, logs } = simulate(
    items.map((item) => item.id),
    options,
  );
  await db.$transaction([
    db.card.createMany({ data: cards }),
    db.reviewLog.createMany({ data: logs.map((log) => ({ ...log, source: "study" })) }),
  ]);
  return { cards: cards.length, logs: logs.length };
}

/** Writes the history straight into a SQLite file (another process's database, e.g. the e2e server's). */
export function writeLearnerHistory(file: string, options: HistoryOptions): { cards: number; logs: number } {
  const sqlite = new Database(file, { timeout: 5000 });
  const itemIds = sqlite
    .prepare(`SELECT id FROM "Item" WHERE retiredAt IS NULL ORDER BY documentId, position, id`)
    .all()
    .map((row) => (row as { id: string }).id);
  const { cards, logs } = simulate(itemIds, options);
  const insertCard = sqlite.prepare(
    `INSERT INTO "Card" (id, userId, itemId, state, due, stability, difficulty, scheduledDays, learningSteps, reps,
       lapses, lastReview, suspended, leech, buriedUntil, version, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, NULL, ?, ?, ?)`,
  );
  const insertLog = sqlite.prepare(
    `INSERT INTO "ReviewLog" (id, userId, itemId, cardId, rating, response, correct, responseMs, stateBefore,
       stateAfter, previousState, elapsedDays, reviewedAt, source)
     VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, 'study')`,
  );
  sqlite.transaction(() => {
    for (const c of cards) {
      insertCard.run(
        c.id,
        c.userId,
        c.itemId,
        c.state,
        iso(c.due),
        c.stability,
        c.difficulty,
        c.scheduledDays,
        c.learningSteps,
        c.reps,
        c.lapses,
        c.lastReview ? iso(c.lastReview) : null,
        c.version,
        iso(c.createdAt),
        iso(c.updatedAt),
      );
    }
    for (const l of logs) {
      insertLog.run(
        l.id,
        l.userId,
        l.itemId,
        l.cardId,
        l.rating,
        l.correct ? 1 : 0,
        l.responseMs,
        l.stateBefore,
        l.stateAfter,
        l.previousState,
        l.elapsedDays,
        iso(l.reviewedAt),
      );
    }
  })();
  sqlite.close();
  return { cards: cards.length, logs: logs.length };
}
