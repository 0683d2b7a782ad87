/**
 * Writes a realistic study history for one learner straight into a SQLite file (integration and e2e tests): every
 * day for `days` days up to `breakDays` days ago the learner introduces `newPerDay` items and answers what is due,
 * recalling each review with the FSRS-6 probability R (default parameters) and rating as people do; cards and logs
 * are what the app's own scheduler (lib/srs `schedule`) would have written. Then the learner takes a break, so
 * reviews pile up as overdue.
 */
import Database from "better-sqlite3";
import { serializeSnapshot, type CardSnapshot } from "@/lib/db/cards";
import { DEFAULT_SRS_SETTINGS, newCard, retrievability, schedule, type CardState, type Rating } from "@/lib/srs";
import { createRng } from "@/lib/prng";

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

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

export function writeLearnerHistory(file: string, options: HistoryOptions): { cards: number; logs: number } {
  const sqlite = new Database(file, { timeout: 5000 });
  const settings = DEFAULT_SRS_SETTINGS;
  const random = createRng(options.seed);
  const items = (
    sqlite.prepare(`SELECT id FROM "Item" WHERE retiredAt IS NULL ORDER BY documentId, position, id`).all() as {
      id: string;
    }[]
  ).slice(0, options.maxItems);
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
  const cards: { id: string; itemId: string; state: CardState; version: number }[] = [];
  const dayStart = Math.floor(options.now.getTime() / DAY) * DAY;
  let next = 0;
  let logs = 0;
  sqlite.transaction(() => {
    // Logs are written as they are simulated, before their card's final row: check the references at commit.
    sqlite.pragma("defer_foreign_keys = ON");
    for (let d = options.days + options.breakDays; d > options.breakDays; d--) {
      let t = dayStart - d * DAY + 9 * 3_600_000;
      const end = dayStart - d * DAY + 23 * 3_600_000;
      for (let n = 0; n < options.newPerDay && next < items.length; n++, next++) {
        cards.push({
          id: `${options.userId}-card-${next}`,
          itemId: items[next]!.id,
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
          insertLog.run(
            crypto.randomUUID(),
            options.userId,
            card.itemId,
            card.id,
            rating,
            recalled ? 1 : 0,
            2_000 + Math.floor(random() * 10_000),
            serializeSnapshot(before),
            serializeSnapshot({ ...before, existed: true, card: after }),
            card.state.state,
            log.elapsedDays,
            iso(t),
          );
          logs++;
          card.state = after;
          card.version++;
        }
      }
    }
    const created = iso(dayStart - (options.days + options.breakDays + 1) * DAY);
    for (const card of cards) {
      if (card.version === 0) continue;
      const s = card.state;
      insertCard.run(
        card.id,
        options.userId,
        card.itemId,
        s.state,
        iso(s.due.getTime()),
        s.stability,
        s.difficulty,
        s.scheduledDays,
        s.learningSteps,
        s.reps,
        s.lapses,
        s.lastReview ? iso(s.lastReview.getTime()) : null,
        card.version,
        created,
        created,
      );
    }
  })();
  sqlite.close();
  return { cards: cards.filter((c) => c.version > 0).length, logs };
}
