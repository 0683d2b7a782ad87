/**
 * Builds the benchmark database: a migrated SQLite file with the NATO deck, a generated deck, N learners (one argon2
 * hash shared by all) and D days of study history simulated with the app's own scheduler (lib/srs schedule), so
 * cards and review logs are what the app itself would have written.
 *
 * Decks go through the real pipeline and publishDocument (Prisma); learners, cards and logs are written with
 * better-sqlite3 prepared statements in large transactions, learner by learner (one learner's rows are contiguous,
 * which flatters range scans a little compared with a live server interleaving learners).
 *
 * Each learner is recorded as the app records a learner today: a Default preset with the learner's daily limits
 * (lib/db/settings.ts readScheduling reads the preset first), both decks among their studies (StudyDeck: "Study now"
 * takes only those decks and assigned items, lib/db/study.ts), new items introduced in the app's order (position,
 * then id), and a history that ends before the learner's own study day starts (in their time zone), so none of
 * today's limits is used up.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import type { GeneratedItem } from "@/lib/content/types";
import { serializeSnapshot, type CardSnapshot } from "@/lib/db/cards";
import {
  becameLeech,
  DEFAULT_SRS_SETTINGS,
  newCard,
  schedule,
  studyDayStart,
  type CardState,
  type Rating,
} from "@/lib/srs";
import { createRng } from "@/lib/prng";

export const BENCH_PASSWORD = "bench-password-1";
export const learnerId = (u: number) => `bench-learner-${u}`;
export const learnerEmail = (u: number) => `learner${u}@bench.test`;
/** The id the app gives a learner's Default preset (lib/db/presets.ts defaultIdFor). */
const presetId = (u: number) => `default-${learnerId(u)}`;
export const TEACHER_ID = "bench-teacher";
export const CLASS_ID = "bench-class";
const CLASS_SIZE = 30;
const DAY = 86_400_000;
const ZONES = ["UTC", "America/New_York", "Europe/Berlin", "Asia/Kolkata"];

const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
const isoOrNull = (date: Date | null) => (date ? iso(date.getTime()) : null);

export type BuildStats = { items: number; learners: number; cards: number; logs: number; seconds: number };

/** A typed item per generated fact; distinct facts and sentences, so no sibling rule holds any back. */
function generatedDeck(count: number): { body: string; items: GeneratedItem[] } {
  const sentences: string[] = [];
  const items: GeneratedItem[] = [];
  let offset = "# Generated facts\n\n".length;
  for (let i = 0; i < count; i += 1) {
    const text = `Fact number ${i} states that the code word ${i} is W${(i * 7919) % 100_000}.`;
    items.push({
      key: `generated-${i}`,
      factKey: `generated-fact-${i}`,
      kind: "typed",
      prompt: `What is the code word ${i}?`,
      answer: `W${(i * 7919) % 100_000}`,
      accepted: [],
      options: null,
      answerType: "text",
      topic: "figures",
      difficulty: 0.4,
      source: { text, start: offset, end: offset + text.length },
    });
    sentences.push(text);
    offset += text.length + 1;
  }
  return { body: `# Generated facts\n\n${sentences.join("\n")}`, items };
}

function migrate(url: string) {
  const migrated = spawnSync(process.execPath, ["scripts/prepare-db.mjs", "--no-seed"], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  if (migrated.status !== 0) throw new Error(`prepare-db failed:\n${migrated.stdout}\n${migrated.stderr}`);
}

type SimCard = { id: string; itemId: string; state: CardState; version: number; leech: boolean; suspended: boolean };

/**
 * Creates and fills the database at `file`. `now`: the history ends the study day before it, so every learner starts
 * the benchmark with a fresh day (due reviews, learning cards, new items).
 */
export async function buildDatabase(
  file: string,
  opts: { learners: number; days: number; generatedItems: number; now: Date },
  log: (line: string) => void,
): Promise<BuildStats> {
  const started = performance.now();
  const url = `file:${file}`;
  migrate(url);
  process.env.DATABASE_URL = url;
  // Imported after DATABASE_URL is set: the Prisma client reads it once.
  const { buildItems } = await import("@/lib/content/pipeline");
  const { publishDocument } = await import("@/lib/db/content");
  const { hashPassword } = await import("@/lib/auth/password");
  const nato = readFileSync("content/nato-mission-iraq.md", "utf8");
  const built = buildItems(nato);
  await publishDocument({ slug: "nato-mission-iraq", title: built.doc.title ?? "NATO", body: nato }, built.items);
  const generated = generatedDeck(opts.generatedItems);
  await publishDocument({ slug: "bench-generated", title: "Generated deck", body: generated.body }, generated.items);
  const passwordHash = await hashPassword(BENCH_PASSWORD);

  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF");
  // Logs are written as they are simulated, before their card's final row: check references at the end instead.
  sqlite.pragma("foreign_keys = OFF");
  // The app's introduction order (lib/srs byIntroductionOrder: position, then id), so the app's new items continue
  // where the simulated history stopped.
  const items = sqlite.prepare(`SELECT id FROM Item WHERE retiredAt IS NULL ORDER BY position, id`).all() as {
    id: string;
  }[];
  const decks = sqlite.prepare(`SELECT id FROM Document`).all() as { id: string }[];
  const created = iso(opts.now.getTime() - (opts.days + 2) * DAY);

  const insertUser = sqlite.prepare(
    `INSERT INTO User (id, email, name, passwordHash, role, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  // Heavy learners: 50 new items a day (the default is 20) and no practical review limit, so a learner's day in a
  // benchmark run (ANSWERS_PER_LEARNER answers) is rarely cut short by an empty queue. The limits live in the
  // learner's Default preset, as the app (and its presets migration) records them; the settings row says the same.
  const insertSettings = sqlite.prepare(
    `INSERT INTO UserSettings (userId, newPerDay, maxReviewsPerDay, timeZone, defaultPresetId, updatedAt)
     VALUES (?, 50, 9999, ?, ?, ?)`,
  );
  const insertPreset = sqlite.prepare(
    `INSERT INTO Preset (id, userId, name, newPerDay, maxReviewsPerDay, createdAt, updatedAt)
     VALUES (?, ?, 'Default', 50, 9999, ?, ?)`,
  );
  // Both decks are among every learner's studies ("Study now"), added when the history starts.
  const insertStudyDeck = sqlite.prepare(`INSERT INTO StudyDeck (userId, documentId, addedAt) VALUES (?, ?, ?)`);
  const insertCard = sqlite.prepare(
    `INSERT INTO Card (id, userId, itemId, state, due, stability, difficulty, scheduledDays, learningSteps, reps,
       lapses, lastReview, suspended, leech, buriedUntil, version, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
  );
  const insertLog = sqlite.prepare(
    `INSERT INTO ReviewLog (id, userId, itemId, cardId, rating, response, correct, responseMs, stateBefore, stateAfter,
       previousState, elapsedDays, reviewedAt, source, presetId)
     VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, 'study', ?)`,
  );

  sqlite.transaction(() => {
    insertUser.run(TEACHER_ID, "teacher@bench.test", "Bench Teacher", passwordHash, "instructor", created, created);
    for (let u = 0; u < opts.learners; u += 1) {
      insertUser.run(learnerId(u), learnerEmail(u), `Learner ${u}`, passwordHash, "learner", created, created);
      insertPreset.run(presetId(u), learnerId(u), created, created);
      insertSettings.run(learnerId(u), ZONES[u % ZONES.length]!, presetId(u), created);
      for (const deck of decks) insertStudyDeck.run(learnerId(u), deck.id, created);
    }
  })();

  const settings = DEFAULT_SRS_SETTINGS;
  let cardCount = 0;
  let logCount = 0;
  const BATCH = 25;
  for (let first = 0; first < opts.learners; first += BATCH) {
    sqlite.transaction(() => {
      for (let u = first; u < Math.min(opts.learners, first + BATCH); u += 1) {
        const random = createRng(u + 1);
        const userId = learnerId(u);
        // The learner's study day (their zone, the default day start): the history's last day is the one before.
        const todayStart = studyDayStart(opts.now, ZONES[u % ZONES.length]!, settings.dayStartHour).getTime();
        const cards = new Map<string, SimCard>();
        const activeShare = 0.5 + random() * 0.4;
        const newPerSession = 3 + Math.floor(random() * 5);
        // Hours after the study day starts (4:00 local): a session starts between 6:00 and 20:00 local and ends by
        // 2:00 (a day that DST shortens still has an hour to spare).
        const hour = 2 + Math.floor(random() * 14);
        let nextNew = Math.floor(random() * 40);
        let seq = 0;
        const answer = (card: SimCard, rating: Rating, at: Date) => {
          const before: CardSnapshot = {
            existed: card.version > 0,
            card: card.state,
            suspended: false,
            leech: card.leech,
            buriedUntil: null,
          };
          const { card: next, log: entry } = schedule(card.state, rating, at, settings);
          const leech = becameLeech(card.state, next);
          const after: CardSnapshot = {
            existed: true,
            card: next,
            suspended: leech,
            leech: card.leech || leech,
            buriedUntil: null,
          };
          insertLog.run(
            `${userId}-${String(seq++).padStart(6, "0")}`,
            userId,
            card.itemId,
            card.id,
            rating,
            rating === "again" ? 0 : 1,
            1500 + Math.floor(random() * 12_000),
            serializeSnapshot(before),
            serializeSnapshot(after),
            card.state.state,
            entry.elapsedDays,
            iso(at.getTime()),
            presetId(u),
          );
          logCount += 1;
          card.state = next;
          card.version += 1;
          card.leech = after.leech;
          card.suspended = leech;
        };
        for (let d = opts.days; d >= 1; d -= 1) {
          if (random() > activeShare) continue;
          let t = todayStart - d * DAY + hour * 3_600_000 + Math.floor(random() * 3_600_000);
          const sessionEnd = todayStart - d * DAY + 22 * 3_600_000;
          for (let n = 0; n < newPerSession && nextNew < items.length; n += 1, nextNew += 1) {
            const itemId = items[nextNew]!.id;
            const card = {
              id: `${userId}-card-${nextNew}`,
              itemId,
              state: newCard(new Date(t)),
              version: 0,
              leech: false,
              suspended: false,
            };
            cards.set(itemId, card);
          }
          // One session: answer what is due (learning steps come back within it) until nothing is due.
          for (let round = 0; round < 6; round += 1) {
            const due = [...cards.values()]
              .filter((c) => !c.suspended && c.state.due.getTime() <= t + (round === 0 ? 0 : 20 * 60_000))
              .sort((a, b) => a.state.due.getTime() - b.state.due.getTime());
            if (due.length === 0) break;
            for (const card of due) {
              t = Math.max(t, card.state.due.getTime()) + 5_000 + Math.floor(random() * 15_000);
              if (t > sessionEnd) break;
              const r = random();
              const failP = card.state.state === "review" ? 0.1 : 0.15;
              const rating: Rating = r < failP ? "again" : r < failP + 0.08 ? "hard" : r > 0.95 ? "easy" : "good";
              answer(card, rating, new Date(t));
            }
          }
        }
        for (const card of cards.values()) {
          if (card.version === 0) continue;
          const s = card.state;
          insertCard.run(
            card.id,
            userId,
            card.itemId,
            s.state,
            iso(s.due.getTime()),
            s.stability,
            s.difficulty,
            s.scheduledDays,
            s.learningSteps,
            s.reps,
            s.lapses,
            isoOrNull(s.lastReview),
            card.suspended ? 1 : 0,
            card.leech ? 1 : 0,
            card.version,
            created,
            isoOrNull(s.lastReview) ?? created,
          );
          cardCount += 1;
        }
      }
    })();
    if ((first / BATCH) % 8 === 0) log(`  learners ${first + BATCH}/${opts.learners}: ${logCount} review logs`);
  }

  // An instructor's class of 30 learners with a study assignment of 50 items (for the class dashboard; it also
  // puts those learners' assigned items first in their queues).
  const classSize = Math.min(CLASS_SIZE, opts.learners);
  sqlite.transaction(() => {
    sqlite
      .prepare(
        `INSERT INTO Class (id, name, description, ownerId, joinCode, joinCodeExpiresAt, createdAt) VALUES (?, ?, '', ?, ?, ?, ?)`,
      )
      .run(CLASS_ID, "Bench class", TEACHER_ID, "BENCH-0001", iso(opts.now.getTime() + 30 * DAY), created);
    const member = sqlite.prepare(`INSERT INTO ClassMember (classId, userId, joinedAt) VALUES (?, ?, ?)`);
    for (let u = 0; u < classSize; u += 1) member.run(CLASS_ID, learnerId(u), created);
    sqlite
      .prepare(`INSERT INTO ItemSet (id, ownerId, name, createdAt) VALUES ('bench-set', ?, 'Bench set', ?)`)
      .run(TEACHER_ID, created);
    const setItem = sqlite.prepare(`INSERT INTO ItemSetItem (setId, itemId, position) VALUES ('bench-set', ?, ?)`);
    items.slice(0, 50).forEach((item, i) => setItem.run(item.id, i));
    sqlite
      .prepare(
        `INSERT INTO Assignment (id, classId, setId, mode, dueAt, maxAttempts, createdAt) VALUES ('bench-assignment', ?, 'bench-set', 'study', ?, 1, ?)`,
      )
      .run(CLASS_ID, iso(opts.now.getTime() + 14 * DAY), created);
  })();
  const broken = sqlite.pragma("foreign_key_check") as unknown[];
  if (broken.length > 0) throw new Error(`bench database: ${broken.length} rows break a foreign key`);
  sqlite.pragma("optimize");
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
  return {
    items: items.length,
    learners: opts.learners,
    cards: cardCount,
    logs: logCount,
    seconds: (performance.now() - started) / 1000,
  };
}
