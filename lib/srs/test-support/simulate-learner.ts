import { FSRSAlgorithm, forgetting_curve, type FSRSState } from "ts-fsrs";
import { studyDayKey, studyDaysBetween } from "../day";
import type { OptimizerLog } from "../optimizer";
import { buildQueue, type QueueCard } from "../queue";
import { newCard, schedule } from "../scheduler";
import type { CardState, Rating, SrsSettings } from "../types";
import { createRng } from "../../prng";

// Test support: a learner whose memory follows the FSRS-6 model with `truthWeights`, studying with the queue
// and scheduler every day. Recall of a review is drawn with probability R(t, S_true).

export type SimulationOptions = {
  truthWeights: readonly number[];
  settings: SrsSettings;
  itemCount: number;
  days: number;
  seed: number;
  /** First study day, at the time of day the learner studies. */
  start: Date;
};

export type SimulationResult = {
  logs: OptimizerLog[];
  reviewStateAnswers: number;
  reviewStateCorrect: number;
  /** Sum of the true recall probabilities of the review-state answers (its mean is the expected recall). */
  reviewStateExpected: number;
  /** Sum of |S_scheduler − S_true| / S_true over review-state answers (0 when the scheduler's model is the truth). */
  stabilityError: number;
};

type Tracked = { card: CardState; truth: FSRSState | null; lastReview: Date | null };

const SECONDS_PER_ANSWER = 8;

function firstRating(random: number): Rating {
  if (random < 0.2) return "again";
  if (random < 0.3) return "hard";
  if (random < 0.9) return "good";
  return "easy";
}

function recalledRating(random: number): Rating {
  if (random < 0.1) return "hard";
  if (random < 0.95) return "good";
  return "easy";
}

const GRADE: Record<Rating, number> = { again: 1, hard: 2, good: 3, easy: 4 };

export function simulateLearner(options: SimulationOptions): SimulationResult {
  const { settings } = options;
  const random = createRng(options.seed);
  const truth = new FSRSAlgorithm({ w: options.truthWeights, enable_short_term: true });
  const tracked = new Map<string, Tracked>();
  const unseen = Array.from({ length: options.itemCount }, (_, i) => ({
    itemId: `item-${i}`,
    siblingKeys: [`fact-${Math.floor(i / 2)}`],
    position: i,
  }));
  const logs: OptimizerLog[] = [];
  let reviewStateAnswers = 0;
  let reviewStateCorrect = 0;
  let reviewStateExpected = 0;
  let stabilityError = 0;

  for (let day = 0; day < options.days; day++) {
    let now = new Date(options.start.getTime() + day * 86_400_000);
    const doneToday = { newCount: 0, reviewCount: 0 };
    const introducedSiblingKeys: string[] = [];
    const dayKey = studyDayKey(now, settings.timeZone, settings.dayStartHour);
    // Build the queue, answer it in order, rebuild for the learning cards it produced, until nothing is left.
    for (;;) {
      const cards: QueueCard[] = [...tracked].map(([itemId, t]) => ({
        itemId,
        factKey: "",
        card: t.card,
        suspended: false,
        buriedUntil: null,
      }));
      const newItems = unseen.filter((item) => !tracked.has(item.itemId)).slice(0, settings.newPerDay * 2);
      const queue = buildQueue({ now, settings, cards, newItems, doneToday, introducedSiblingKeys });
      if (queue.length === 0 || studyDayKey(now, settings.timeZone, settings.dayStartHour) !== dayKey) break;
      for (const next of queue) {
        const state = tracked.get(next.itemId) ?? { card: newCard(now), truth: null, lastReview: null };
        let rating: Rating;
        let elapsed = 0;
        if (state.truth === null) {
          rating = firstRating(random());
          introducedSiblingKeys.push(...(newItems.find((i) => i.itemId === next.itemId)?.siblingKeys ?? []));
          doneToday.newCount += 1;
        } else {
          elapsed = studyDaysBetween(state.lastReview ?? now, now, settings.timeZone, settings.dayStartHour);
          const recall = forgetting_curve(truth.parameters.w, elapsed, state.truth.stability);
          const correct = random() < recall;
          rating = correct ? recalledRating(random()) : "again";
          if (state.card.state === "review") {
            reviewStateAnswers += 1;
            reviewStateExpected += recall;
            stabilityError += Math.abs(state.card.stability - state.truth.stability) / state.truth.stability;
            if (correct) reviewStateCorrect += 1;
            doneToday.reviewCount += 1;
          }
        }
        logs.push({ itemId: next.itemId, rating, reviewedAt: now, stateBefore: state.card.state });
        const { card } = schedule(state.card, rating, now, settings);
        tracked.set(next.itemId, {
          card,
          truth: truth.next_state(state.truth, elapsed, GRADE[rating]),
          lastReview: now,
        });
        now = new Date(now.getTime() + SECONDS_PER_ANSWER * 1000);
      }
    }
  }
  return { logs, reviewStateAnswers, reviewStateCorrect, reviewStateExpected, stabilityError };
}
