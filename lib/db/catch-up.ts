import { nextStudyDayStart, studyDayStart, type CardStateName, type SrsSettings } from "@/lib/srs";
import { planAdvance, planPostpone, type CatchUpCard, type CatchUpPlan } from "@/lib/srs/catch-up";
import { db } from "./client";
import { readSettings } from "./settings";

// Postpone and advance applied to a learner's cards. Plans are computed in lib/srs from the cards as read; applying
// reads them again inside the transaction, so what is written is the plan for the cards as they are at that moment.

export type CatchUpKind = "postpone" | "advance";

/** How far ahead "advance" looks for reviews to bring forward. */
export const ADVANCE_WITHIN_DAYS = 7;

const reviewCardSelect = {
  id: true,
  state: true,
  due: true,
  stability: true,
  difficulty: true,
  scheduledDays: true,
  learningSteps: true,
  reps: true,
  lapses: true,
  lastReview: true,
  version: true,
} as const;

type Client = Pick<typeof db, "card">;

async function reviewCards(client: Client, userId: string) {
  const rows = await client.card.findMany({
    where: { userId, suspended: false, state: "review", item: { retiredAt: null } },
    select: reviewCardSelect,
  });
  return rows.map((row) => ({
    version: row.version,
    entry: {
      id: row.id,
      card: {
        state: row.state as CardStateName,
        due: row.due,
        stability: row.stability,
        difficulty: row.difficulty,
        scheduledDays: row.scheduledDays,
        learningSteps: row.learningSteps,
        reps: row.reps,
        lapses: row.lapses,
        lastReview: row.lastReview,
      },
    } satisfies CatchUpCard,
  }));
}

function plan(kind: CatchUpKind, cards: CatchUpCard[], count: number, now: Date, settings: SrsSettings) {
  return kind === "postpone"
    ? planPostpone(cards, count, now, settings)
    : planAdvance(cards, count, now, settings, ADVANCE_WITHIN_DAYS);
}

export type CatchUpOverview = {
  /** Reviews due before today's study day started (what piled up). */
  overdue: number;
  /** Reviews due by the end of today, overdue included (what the queue would show). */
  dueToday: number;
  /** Reviews due in the next ADVANCE_WITHIN_DAYS study days after today. */
  dueSoon: number;
  timeZone: string;
  dayStartHour: number;
};

/**
 * The learner's backlog and, for a chosen action and count, the plan (nothing is changed).
 *
 * @example
 * const { overview, plan } = await previewCatchUp(user.id, { kind: "postpone", count: 50 }, new Date());
 */
export async function previewCatchUp(
  userId: string,
  choice: { kind: CatchUpKind; count: number } | null,
  now: Date,
): Promise<{ overview: CatchUpOverview; plan: CatchUpPlan | null }> {
  const settings = await readSettings(userId);
  const cards = (await reviewCards(db, userId)).map((c) => c.entry);
  const start = studyDayStart(now, settings.timeZone, settings.dayStartHour).getTime();
  const end = nextStudyDayStart(now, settings.timeZone, settings.dayStartHour).getTime();
  const soon = end + ADVANCE_WITHIN_DAYS * 86_400_000;
  const due = (c: CatchUpCard) => c.card.due.getTime();
  return {
    overview: {
      overdue: cards.filter((c) => due(c) < start).length,
      dueToday: cards.filter((c) => due(c) < end).length,
      dueSoon: cards.filter((c) => due(c) >= end && due(c) < soon).length,
      timeZone: settings.timeZone,
      dayStartHour: settings.dayStartHour,
    },
    plan: choice ? plan(choice.kind, cards, choice.count, now, settings) : null,
  };
}

/**
 * Postpones or advances `count` of the learner's reviews in one transaction. Each card is updated only if it is
 * still the version that was planned for (an answer in another tab meanwhile leaves that card alone), and its
 * version is bumped so a tab still showing it refuses a stale answer. No review log is written: this moves due
 * dates, it is not a review (so retention figures and the optimizer never see it).
 *
 * @example
 * const { changed } = await applyCatchUp(user.id, { kind: "postpone", count: 50 }, new Date());
 */
export async function applyCatchUp(
  userId: string,
  choice: { kind: CatchUpKind; count: number },
  now: Date,
): Promise<{ changed: number; plan: CatchUpPlan }> {
  const settings = await readSettings(userId);
  return db.$transaction(async (tx) => {
    const cards = await reviewCards(tx, userId);
    const versions = new Map(cards.map((c) => [c.entry.id, c.version]));
    const result = plan(
      choice.kind,
      cards.map((c) => c.entry),
      choice.count,
      now,
      settings,
    );
    let changed = 0;
    for (const change of result.changes) {
      const { count } = await tx.card.updateMany({
        where: { id: change.id, userId, version: versions.get(change.id) },
        data: { due: change.due, scheduledDays: change.scheduledDays, version: { increment: 1 } },
      });
      changed += count;
    }
    return { changed, plan: result };
  });
}
