/**
 * The floor: the study API's two operations on bare node:http + better-sqlite3 (WAL, prepared statements), with
 * no framework, no ORM and no session (the learner id comes in an `x-user` header). What the app's study loop
 * could cost on this machine at best.
 *   npx tsx bench/floor-server.ts --db /path/to/bench.db --port 3301
 * POST /api/study/reviews: in one transaction — repeated review id? item live? read the card, check its version,
 * ts-fsrs step (lib/srs schedule), update or insert the card, append the review log — then the next card: the
 * earliest due card (one query on the Card(userId, suspended, due) index) or else the first unseen item, and its
 * item row. GET /api/study/next: the next card only. It does not compute the queue counts the app returns.
 */
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import Database from "better-sqlite3";
import { serializeSnapshot, type CardSnapshot } from "@/lib/db/cards";
import {
  becameLeech,
  DEFAULT_SRS_SETTINGS,
  newCard,
  nextStudyDayStart,
  schedule,
  type CardState,
  type CardStateName,
  type Rating,
} from "@/lib/srs";
import { readBody, send } from "./lib/http";

function flag(name: string): string {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) throw new Error(`--${name} is required`);
  return process.argv[i + 1]!;
}

const sqlite = new Database(flag("db"), { timeout: 5000 });
sqlite.pragma("journal_mode = WAL");
// The same durability as the app (SQLite's default synchronous = FULL) and the same page cache as its read connection.
sqlite.pragma("cache_size = -65536");

const iso = (date: Date) => date.toISOString().replace("Z", "+00:00");
const cuid = () => `f${randomBytes(12).toString("hex")}`;

const q = {
  settings: sqlite.prepare(`SELECT timeZone FROM UserSettings WHERE userId = ?`),
  log: sqlite.prepare(`SELECT userId FROM ReviewLog WHERE id = ?`),
  item: sqlite.prepare(`SELECT data FROM Item WHERE id = ? AND retiredAt IS NULL`),
  card: sqlite.prepare(
    `SELECT id, state, due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, lastReview, suspended,
       leech, version FROM Card WHERE userId = ? AND itemId = ?`,
  ),
  update: sqlite.prepare(
    `UPDATE Card SET state = ?, due = ?, stability = ?, difficulty = ?, scheduledDays = ?, learningSteps = ?, reps = ?,
       lapses = ?, lastReview = ?, suspended = ?, leech = ?, buriedUntil = NULL, version = version + 1, updatedAt = ?
     WHERE id = ? AND version = ?`,
  ),
  insert: sqlite.prepare(
    `INSERT INTO Card (id, userId, itemId, state, due, stability, difficulty, scheduledDays, learningSteps, reps,
       lapses, lastReview, suspended, leech, version, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
  ),
  append: sqlite.prepare(
    `INSERT INTO ReviewLog (id, userId, itemId, cardId, rating, response, correct, responseMs, stateBefore, stateAfter,
       previousState, elapsedDays, reviewedAt, source) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, 'study')`,
  ),
  due: sqlite.prepare(
    `SELECT itemId FROM Card WHERE userId = ? AND suspended = 0 AND due <= ? AND state != 'new' ORDER BY due LIMIT 1`,
  ),
  unseen: sqlite.prepare(
    `SELECT i.id AS itemId FROM Item i WHERE i.retiredAt IS NULL
       AND NOT EXISTS (SELECT 1 FROM Card c WHERE c.userId = ? AND c.itemId = i.id)
     ORDER BY i.position, i.id LIMIT 1`,
  ),
  show: sqlite.prepare(
    `SELECT i.id, i.data, i.documentId, d.title, c.version FROM Item i JOIN Document d ON d.id = i.documentId
       LEFT JOIN Card c ON c.itemId = i.id AND c.userId = ? WHERE i.id = ?`,
  ),
};

type CardRow = {
  id: string;
  state: string;
  due: string;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview: string | null;
  suspended: number;
  leech: number;
  version: number;
};

const zones = new Map<string, string>();
function timeZone(userId: string) {
  let zone = zones.get(userId);
  if (!zone) {
    zone = (q.settings.get(userId) as { timeZone: string } | undefined)?.timeZone ?? "UTC";
    zones.set(userId, zone);
  }
  return zone;
}

function nextCard(userId: string, now: Date) {
  const dayEnd = nextStudyDayStart(now, timeZone(userId), 4);
  const pick = (q.due.get(userId, iso(dayEnd)) ?? q.unseen.get(userId)) as { itemId: string } | undefined;
  if (!pick) return null;
  const row = q.show.get(userId, pick.itemId) as
    { id: string; data: string; documentId: string; title: string; version: number | null } | undefined;
  if (!row) return null;
  const data = JSON.parse(row.data) as { kind: string; prompt: string; options: string[] | null; topic: string };
  return {
    itemId: row.id,
    version: row.version ?? 0,
    kind: data.kind,
    prompt: data.prompt,
    options: data.options,
    topic: data.topic,
    deckId: row.documentId,
    deckTitle: row.title,
  };
}

type Body = { reviewId: string; itemId: string; version: number; rating: Rating; responseMs: number | null };
type Outcome = { status: number; duplicate?: boolean; leech?: boolean; error?: string };

const review = sqlite.transaction((userId: string, body: Body, now: Date): Outcome => {
  const previous = q.log.get(body.reviewId) as { userId: string } | undefined;
  if (previous) return previous.userId === userId ? { status: 200, duplicate: true } : { status: 404 };
  if (!q.item.get(body.itemId)) return { status: 404, error: "not_found" };
  const stored = q.card.get(userId, body.itemId) as CardRow | undefined;
  if ((stored?.version ?? 0) !== body.version) return { status: 409, error: "stale" };
  if (stored?.suspended) return { status: 409, error: "suspended" };
  const state: CardState = stored
    ? {
        state: stored.state as CardStateName,
        due: new Date(stored.due),
        stability: stored.stability,
        difficulty: stored.difficulty,
        scheduledDays: stored.scheduledDays,
        learningSteps: stored.learningSteps,
        reps: stored.reps,
        lapses: stored.lapses,
        lastReview: stored.lastReview ? new Date(stored.lastReview) : null,
      }
    : newCard(now);
  const before: CardSnapshot = {
    existed: Boolean(stored),
    card: state,
    suspended: false,
    leech: Boolean(stored?.leech),
    buriedUntil: null,
  };
  const { card, log } = schedule(state, body.rating, now, DEFAULT_SRS_SETTINGS);
  const leech = becameLeech(state, card);
  const after: CardSnapshot = {
    existed: true,
    card,
    suspended: leech,
    leech: before.leech || leech,
    buriedUntil: null,
  };
  const values = [
    card.state,
    iso(card.due),
    card.stability,
    card.difficulty,
    card.scheduledDays,
    card.learningSteps,
    card.reps,
    card.lapses,
    card.lastReview ? iso(card.lastReview) : null,
    after.suspended ? 1 : 0,
    after.leech ? 1 : 0,
  ];
  let cardId = stored?.id;
  if (stored) {
    if (q.update.run(...values, iso(now), stored.id, body.version).changes !== 1)
      return { status: 409, error: "stale" };
  } else {
    cardId = cuid();
    q.insert.run(cardId, userId, body.itemId, ...values, iso(now), iso(now));
  }
  q.append.run(
    body.reviewId,
    userId,
    body.itemId,
    cardId,
    body.rating,
    null,
    body.responseMs,
    serializeSnapshot(before),
    serializeSnapshot(after),
    state.state,
    log.elapsedDays,
    iso(now),
  );
  return { status: 200, duplicate: false, leech };
});

const server = createServer(async (req, res) => {
  try {
    const userId = req.headers["x-user"];
    if (typeof userId !== "string") return send(res, 401, { error: { code: "unauthenticated" } });
    const now = new Date();
    if (req.method === "GET" && req.url?.startsWith("/api/study/next")) {
      return send(res, 200, { card: nextCard(userId, now) });
    }
    if (req.method === "POST" && req.url === "/api/study/reviews") {
      const body = JSON.parse(await readBody(req)) as Body;
      const outcome = review.immediate(userId, body, now);
      if (outcome.status !== 200) return send(res, outcome.status, { error: { code: outcome.error } });
      return send(res, 200, {
        duplicate: outcome.duplicate,
        leech: outcome.leech,
        next: { card: nextCard(userId, now) },
      });
    }
    send(res, 404, { error: { code: "not_found" } });
  } catch (error) {
    console.error(error);
    send(res, 500, { error: { code: "internal" } });
  }
});
server.listen(Number(flag("port")), "127.0.0.1", () => console.log(`floor: listening on ${flag("port")}`));
// Keep-alive connections would hold server.close() open: exit at once, SQLite needs no shutdown here.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(0));
