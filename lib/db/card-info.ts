import { formatInterval, retrievability, type CardStateName, type Rating } from "@/lib/srs";
import { parseSnapshot } from "./cards";
import { db } from "./client";
import { readScheduling } from "./settings";

/** One answer in an item's history, with the memory state it left (Anki's card info "Review history"). */
export type CardInfoReview = {
  reviewedAt: Date;
  rating: Rating;
  /** The card's state before the answer ("new" for the first). */
  previousState: CardStateName;
  /** Whole days since the previous answer. */
  elapsedDays: number;
  /** Chance of recall at the moment of the answer, as the card's state then predicted it (null for a new card). */
  retrievabilityBefore: number | null;
  stability: number;
  difficulty: number;
  /** Time until the due date this answer set, as Anki labels it ("10m", "3d"). */
  interval: string;
  presetName: string | null;
};

export type CardInfo = {
  item: { id: string; prompt: string; deckTitle: string };
  card: {
    state: CardStateName;
    due: Date;
    stability: number;
    difficulty: number;
    reps: number;
    lapses: number;
    /** Chance of recall now (null before the first answer). */
    retrievability: number | null;
    suspended: boolean;
    leech: boolean;
  } | null;
  presetName: string | null;
  reviews: CardInfoReview[];
};

/**
 * The learner's card info for one item of a deck: its current FSRS state and retrievability at `now`, and every
 * answer in order with the rating, stability, difficulty and interval it left. Only the learner's own card and log are
 * read (ownership in each query); an unknown item, or one of another deck, is null. Never includes the answer or the
 * learner's responses, so it is safe while the item is in an unfinished quiz.
 * @example const info = await cardInfo(userId, deckId, itemId, new Date()); info?.reviews.length;
 */
export async function cardInfo(userId: string, deckId: string, itemId: string, now: Date): Promise<CardInfo | null> {
  const item = await db.item.findFirst({
    where: { id: itemId, documentId: deckId },
    select: { id: true, prompt: true, document: { select: { title: true } } },
  });
  if (!item) return null;
  const [card, logs] = await Promise.all([
    db.card.findUnique({ where: { userId_itemId: { userId, itemId } } }),
    db.reviewLog.findMany({
      where: { userId, itemId },
      orderBy: [{ reviewedAt: "asc" }, { id: "asc" }],
      select: {
        reviewedAt: true,
        rating: true,
        stateBefore: true,
        stateAfter: true,
        elapsedDays: true,
        presetId: true,
      },
    }),
  ]);
  const { settings, presetId } = await readScheduling(userId, deckId);
  const presetIds = [...new Set([presetId, ...logs.map((l) => l.presetId)].filter((id): id is string => !!id))];
  const names = new Map(
    (await db.preset.findMany({ where: { userId, id: { in: presetIds } }, select: { id: true, name: true } })).map(
      (p) => [p.id, p.name],
    ),
  );
  const reviews = logs.map((log): CardInfoReview => {
    const before = parseSnapshot(log.stateBefore).card;
    const after = parseSnapshot(log.stateAfter).card;
    return {
      reviewedAt: log.reviewedAt,
      rating: log.rating as Rating,
      previousState: before.state,
      elapsedDays: log.elapsedDays,
      retrievabilityBefore: before.state === "new" ? null : retrievability(before, log.reviewedAt, settings),
      stability: after.stability,
      difficulty: after.difficulty,
      interval: formatInterval(after.due.getTime() - log.reviewedAt.getTime()),
      presetName: log.presetId ? (names.get(log.presetId) ?? null) : null,
    };
  });
  return {
    item: { id: item.id, prompt: item.prompt, deckTitle: item.document.title },
    card: card && {
      state: card.state as CardStateName,
      due: card.due,
      stability: card.stability,
      difficulty: card.difficulty,
      reps: card.reps,
      lapses: card.lapses,
      retrievability:
        card.state === "new" ? null : retrievability({ ...card, state: card.state as CardStateName }, now, settings),
      suspended: card.suspended,
      leech: card.leech,
    },
    presetName: presetId ? (names.get(presetId) ?? null) : null,
    reviews,
  };
}
