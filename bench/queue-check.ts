/**
 * Checks that the bench database gives every learner a full day to study, as the load generator (bench/lib/load.ts)
 * will ask of them: builds a small bench database (bench/lib/build-db.ts), reads each learner's "Study now" queue
 * (lib/db/study.ts studyQueue) at the bench's `now`, then answers "good" in process, as the load generator does over
 * HTTP, until the queue is empty or ANSWERS_PER_LEARNER answers are given.
 *   npx tsx bench/queue-check.ts [--learners 40] [--days 30] [--items 500] [--keep]
 * Prints per-learner counts (review, learning, new, daily limits, answers given) and exits 1 when a learner has no
 * reviews or no new items, or when the queue runs dry before the day's work is answered (each review once, each new
 * item twice: "good" takes it through the learning steps 1m and 10m, which learn-ahead shows at once). Not a timing:
 * a check of the database's shape.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildDatabase, learnerId } from "./lib/build-db";
import { ANSWERS_PER_LEARNER } from "./lib/load";

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main() {
  const learners = flag("learners", 40);
  const dir = mkdtempSync(path.join(tmpdir(), "factdeck-queue-check-"));
  const file = path.join(dir, "app.db");
  const now = new Date();
  const stats = await buildDatabase(
    file,
    { learners, days: flag("days", 30), generatedItems: flag("items", 500), now },
    (line) => console.error(line),
  );
  console.log(`built: ${stats.items} items, ${stats.cards} cards, ${stats.logs} logs (${stats.seconds.toFixed(0)} s)`);
  const { studyQueue, nextStep } = await import("@/lib/db/study");
  const { recordReview } = await import("@/lib/db/reviews");
  const { db } = await import("@/lib/db/client");

  const short: string[] = [];
  console.log("| learner | zone | newPerDay | maxReviews | review | learning | new | answers until empty |");
  console.log("|---|---|---|---|---|---|---|---|");
  for (let u = 0; u < learners; u += 1) {
    const userId = learnerId(u);
    const queue = await studyQueue({ userId }, now);
    // The learner's day as the load generator plays it: "good" to each card shown, up to ANSWERS_PER_LEARNER.
    let step = await nextStep({ userId }, now);
    let answers = 0;
    while (step.card && answers < ANSWERS_PER_LEARNER) {
      const at = new Date(now.getTime() + answers * 1000);
      const result = await recordReview({
        userId,
        reviewId: randomUUID(),
        itemId: step.card.itemId,
        version: step.card.version,
        response: null,
        rating: "good",
        responseMs: 1500,
        now: at,
      });
      if (!result.ok) throw new Error(`${userId}: ${result.reason}`);
      answers += 1;
      step = await nextStep({ userId }, at);
    }
    const { counts, settings } = queue;
    console.log(
      `| ${u} | ${settings.timeZone} | ${settings.newPerDay} | ${settings.maxReviewsPerDay} | ${counts.review} | ` +
        `${counts.learning} | ${counts.new} | ${answers} |`,
    );
    const dayOfWork = Math.min(ANSWERS_PER_LEARNER, counts.review + 2 * counts.new);
    if (counts.review === 0 || counts.new === 0 || answers < dayOfWork) short.push(userId);
  }
  await db.$disconnect();
  if (process.argv.includes("--keep")) console.error(`kept ${file}`);
  else rmSync(dir, { recursive: true, force: true });
  if (short.length > 0) {
    console.log(`short days: ${short.join(", ")}`);
    process.exit(1);
  }
  console.log("every learner has reviews and new items, and answers them all before the queue runs dry");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
