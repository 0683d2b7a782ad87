// Card categories and mastery. The SQL in lib/db/progress.ts computes `category` and `mastered` with the same
// rules; categoryOf and isMastered are the reference the tests hold it to.

/** A review card whose interval is at least this many days is "mature" (Anki's threshold); shorter is "young". */
export const MATURE_INTERVAL_DAYS = 21;

/**
 * A live item is mastered when its card is in review state, not suspended, and its FSRS stability is at least this
 * many days: the learner is expected to still recall it with 90 % probability three weeks after the last review.
 */
export const MASTERY_STABILITY_DAYS = 21;

export const MASTERY_DEFINITION =
  `Mastered: the item is in review (not suspended) and its memory stability is at least ${MASTERY_STABILITY_DAYS} ` +
  "days, i.e. you are expected to still recall it 9 times in 10 three weeks after your last review.";

export const CATEGORIES = ["new", "learning", "young", "mature", "suspended"] as const;
export type Category = (typeof CATEGORIES)[number];

/** The learner's card for an item, or null when the item was never studied. */
export type CardFacts = { state: string; suspended: boolean; scheduledDays: number; stability: number } | null;

/**
 * @example categoryOf({ state: "review", suspended: false, scheduledDays: 30, stability: 40 }); // "mature"
 */
export function categoryOf(card: CardFacts): Category {
  if (!card) return "new";
  if (card.suspended) return "suspended";
  if (card.state === "new") return "new";
  if (card.state === "learning" || card.state === "relearning") return "learning";
  return card.scheduledDays < MATURE_INTERVAL_DAYS ? "young" : "mature";
}

export function isMastered(card: CardFacts): boolean {
  return !!card && !card.suspended && card.state === "review" && card.stability >= MASTERY_STABILITY_DAYS;
}

/** Live items of one deck and topic in one category, as SQL returns them. */
export type MasteryRow = {
  deckId: string;
  deckTitle: string;
  topic: string;
  category: Category;
  items: number;
  mastered: number;
};

export type MasteryGroup = {
  key: string;
  label: string;
  items: number;
  studied: number;
  mastered: number;
  share: number;
};

export type StateCounts = Record<Category, number>;

function group(rows: readonly MasteryRow[], keyOf: (r: MasteryRow) => string, labelOf: (r: MasteryRow) => string) {
  const groups = new Map<string, MasteryGroup>();
  for (const row of rows) {
    const key = keyOf(row);
    const g = groups.get(key) ?? { key, label: labelOf(row), items: 0, studied: 0, mastered: 0, share: 0 };
    g.items += row.items;
    g.mastered += row.mastered;
    if (row.category !== "new") g.studied += row.items;
    groups.set(key, g);
  }
  return [...groups.values()]
    .map((g) => ({ ...g, share: g.items > 0 ? g.mastered / g.items : 0 }))
    .sort((a, b) => b.share - a.share || a.label.localeCompare(b.label));
}

/**
 * Counts by category over every live item, and mastery (mastered / live items) by deck and by topic over the decks
 * the learner has started (at least one item studied), so untouched decks do not bury the figures.
 */
export function summarizeMastery(rows: readonly MasteryRow[]) {
  const counts: StateCounts = { new: 0, learning: 0, young: 0, mature: 0, suspended: 0 };
  for (const row of rows) counts[row.category] += row.items;
  const started = new Set(rows.filter((r) => r.category !== "new").map((r) => r.deckId));
  const inStarted = rows.filter((r) => started.has(r.deckId));
  return {
    counts,
    byDeck: group(
      inStarted,
      (r) => r.deckId,
      (r) => r.deckTitle,
    ),
    byTopic: group(
      inStarted,
      (r) => r.topic,
      (r) => r.topic,
    ),
  };
}
