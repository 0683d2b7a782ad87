/**
 * Times the study queue on a usual day, in one process without HTTP: a learner with one deck of 3,000 items in
 * StudyDeck, 400 of them answered yesterday (due again today), nothing done today yet, so each step also picks
 * today's new items (the unseen-items pages of lib/db/study.ts).
 * Usage: npx tsx bench/study-queue.ts [steps=500] [all|deck]
 *   all   "Study now" (no deck chosen)
 *   deck  that deck's own queue
 * Prints the first step (to check that two checkouts give the same queue) and the CPU time per nextStep, in
 * milliseconds. Compare two checkouts as with bench/answer-path.ts: `cd <other checkout> && npx tsx <this file>`.
 * A figure to compare, not a test.
 */
import { benchDatabase, benchDeck } from "./lib/bench-deck";

const steps = Number(process.argv[2] ?? 500);
const scopeKind = process.argv[3] ?? "all";
const database = benchDatabase("factdeck-queue-bench-");

async function main() {
  const { db } = await import("@/lib/db/client");
  const reviews = await import("@/lib/db/reviews");
  const study = await import("@/lib/db/study");
  // Two items per fact, so that siblings are buried too.
  const { documentId, ids, userId } = await benchDeck(3000, 2);
  await db.studyDeck.create({ data: { userId, documentId } });
  const now = new Date("2026-06-02T10:00:00Z");
  const yesterday = new Date("2026-06-01T10:00:00Z");
  for (let i = 0; i < 400; i += 1) {
    await reviews.recordReview({
      userId,
      reviewId: crypto.randomUUID(),
      itemId: ids[2 * i]!,
      version: 0,
      response: "A",
      rating: i % 5 === 0 ? "again" : "good",
      responseMs: 900,
      now: yesterday,
    });
  }
  const scope = scopeKind === "deck" ? { userId, deckId: documentId } : { userId };
  const first = await study.nextStep(scope, now);
  const { counts, doneToday, nextDue, buried } = first;
  console.log(JSON.stringify({ counts, doneToday, prompt: first.card?.prompt, nextDue, buried }));
  for (let i = 0; i < 100; i += 1) await study.nextStep(scope, now); // warm-up
  const cpuNow = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  const start = cpuNow();
  for (let i = 0; i < steps; i += 1) await study.nextStep(scope, now);
  console.log(`nextStep, usual day (${scopeKind}): CPU ${((cpuNow() - start) / steps).toFixed(3)} ms`);
  await db.$disconnect();
  database.remove();
}

void main();
