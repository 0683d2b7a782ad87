/**
 * Times the study loop's answer path in one process, without HTTP: the answer call (grade + record since
 * docs/decisions/011-answers-are-committed.md), a rated recordReview and the next step (queue + card), for a learner
 * with open quiz attempts.
 * Usage: npx tsx bench/answer-path.ts [answers=2000] [open quiz attempts=3]
 * Prints the wall-clock mean and p95 and the CPU time per call, in milliseconds. Runs against whatever lib/ the
 * working directory holds (before docs/decisions/011 it times checkAnswer instead of answerItem), so the same script
 * compares two checkouts: `cd <other checkout> && npx tsx <this file>`. A figure to compare, not a test.
 */
import { benchDatabase, benchDeck } from "./lib/bench-deck";

const count = Number(process.argv[2] ?? 2000);
const openAttempts = Number(process.argv[3] ?? 3);
const database = benchDatabase("factdeck-answer-bench-");

async function main() {
  const { db } = await import("@/lib/db/client");
  const reviews = await import("@/lib/db/reviews");
  // One item per fact: no sibling waits for another day.
  const { documentId, ids, userId } = await benchDeck(count * 3, 1);
  // Open practice attempts of 20 items each (items the loop below never answers).
  for (let a = 0; a < openAttempts; a += 1) {
    const asked = ids.slice(ids.length - 20 * (a + 1), ids.length - 20 * a);
    await db.quizAttempt.create({
      data: { userId, documentId, itemIds: JSON.stringify(asked), total: asked.length },
    });
  }

  // CPU time per call (user + system, process.cpuUsage) next to wall time: on a machine shared with other work the
  // wall time mostly measures waiting for a core.
  const cpu = { answer: 0, record: 0 };
  const cpuNow = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  function stats(label: string, times: number[], cpuMs?: number) {
    const sorted = [...times].sort((a, b) => a - b);
    const mean = times.reduce((s, t) => s + t, 0) / times.length;
    const p95 = sorted[Math.floor(0.95 * sorted.length)]!;
    const cpuText = cpuMs === undefined ? "" : `, CPU ${cpuMs.toFixed(3)} ms`;
    console.log(`${label}: wall mean ${mean.toFixed(3)} ms, p95 ${p95.toFixed(3)} ms${cpuText}`);
  }

  const now = new Date("2026-06-01T10:00:00Z");
  const answerTimes: number[] = [];
  const recordTimes: number[] = [];
  const answer = (
    reviews as unknown as {
      answerItem?: (input: object) => Promise<unknown>;
      checkAnswer?: (input: object) => Promise<unknown>;
    }
  ).answerItem;
  for (let i = 0; i < count; i += 1) {
    const itemId = ids[i]!;
    let t = performance.now();
    let c = cpuNow();
    if (answer) {
      await answer({
        userId,
        reviewId: crypto.randomUUID(),
        itemId,
        version: 0,
        response: "A",
        responseMs: 900,
        now,
      });
    } else {
      await (reviews as unknown as { checkAnswer: (input: object) => Promise<unknown> }).checkAnswer({
        userId,
        itemId,
        response: "A",
        responseMs: 900,
        now,
      });
    }
    answerTimes.push(performance.now() - t);
    cpu.answer += cpuNow() - c;
    t = performance.now();
    c = cpuNow();
    await reviews.recordReview({
      userId,
      reviewId: crypto.randomUUID(),
      itemId: ids[count + i]!,
      version: 0,
      response: "A",
      rating: "good",
      responseMs: 900,
      now,
    });
    recordTimes.push(performance.now() - t);
    cpu.record += cpuNow() - c;
  }
  stats(answer ? "answerItem (grade + record)" : "checkAnswer (grade only)", answerTimes, cpu.answer / count);
  stats("recordReview", recordTimes, cpu.record / count);

  // One card as the study screen does it: a wrong answer, then the learner picks Good instead of the suggested Again.
  // Main: checkAnswer, then recordReview(good). Now: answerItem (records Again), then amendReview(good).
  const cardTimes: number[] = [];
  let cardCpu = 0;
  const amend = (reviews as unknown as { amendReview?: (input: object) => Promise<unknown> }).amendReview;
  for (let i = 0; i < count; i += 1) {
    const itemId = ids[2 * count + i]!;
    const reviewId = crypto.randomUUID();
    const t = performance.now();
    const c = cpuNow();
    if (answer && amend) {
      await answer({ userId, reviewId, itemId, version: 0, response: "A", responseMs: 900, now });
      await amend({ userId, reviewId, rating: "good", now });
    } else {
      await (reviews as unknown as { checkAnswer: (input: object) => Promise<unknown> }).checkAnswer({
        userId,
        itemId,
        response: "A",
        responseMs: 900,
        now,
      });
      await reviews.recordReview({
        userId,
        reviewId,
        itemId,
        version: 0,
        response: "A",
        rating: "good",
        responseMs: 900,
        now,
      });
    }
    cardTimes.push(performance.now() - t);
    cardCpu += cpuNow() - c;
  }
  stats(
    answer ? "one card: answerItem + amendReview" : "one card: checkAnswer + recordReview",
    cardTimes,
    cardCpu / count,
  );
  // The queue after an answer (studyQueue + the card to show), as POST /api/study/reviews returns it.
  const study = await import("@/lib/db/study");
  const nextTimes: number[] = [];
  let nextCpu = 0;
  for (let i = 0; i < count; i += 1) {
    const t = performance.now();
    const c = cpuNow();
    await study.nextStep({ userId }, now);
    nextTimes.push(performance.now() - t);
    nextCpu += cpuNow() - c;
  }
  stats("nextStep (queue + card to show)", nextTimes, nextCpu / count);
  // The "is this item in an open quiz" read on its own (absent before docs/decisions/011).
  const open = await import("@/lib/db/open-quizzes").catch(() => null);
  if (open) {
    const openTimes: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const t = performance.now();
      // Synchronous before issue 17's seam (openQuizItems), asynchronous since (loadOpenQuizItems).
      const loaded = open as unknown as {
        loadOpenQuizItems?: (userId: string) => Promise<Map<string, string>>;
        openQuizItems?: (userId: string) => Map<string, string>;
      };
      const load = loaded.loadOpenQuizItems ?? loaded.openQuizItems!;
      (await load(userId)).has(ids[i]!);
      openTimes.push(performance.now() - t);
    }
    stats(`openQuizItems (${openAttempts} open attempts, ${20 * openAttempts} items)`, openTimes);
  }
  await db.$disconnect();
  database.remove();
}

void main();
