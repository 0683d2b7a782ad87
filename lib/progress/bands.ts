// True retention: the share of answers to cards in review state that were recalled (any rating but Again), by how
// long it had been since the card's previous review. Learning and relearning steps are left out, as Anki does,
// because they measure short-term recall, not the schedule.

/** Interval bands by ReviewLog.elapsedDays: [min, max) in days; the last band has no upper bound. `short` labels axes. */
export const RETENTION_BANDS = [
  { label: "1 day", short: "1 d", min: 0, max: 2 },
  { label: "2–6 days", short: "2–6 d", min: 2, max: 7 },
  { label: "7–20 days", short: "7–20 d", min: 7, max: 21 },
  { label: "21–89 days", short: "21–89 d", min: 21, max: 90 },
  { label: "90+ days", short: "90+ d", min: 90, max: Infinity },
] as const;

/** Review answers grouped by whole elapsed days, as SQL returns them. */
export type ElapsedRow = { days: number; reviews: number; recalled: number };

export type RetentionBand = { label: string; short: string; reviews: number; recalled: number; rate: number | null };

/**
 * Sums answers into the interval bands; `rate` is recalled / reviews, null for a band without answers.
 *
 * @example
 * retentionByBand([{ days: 3, reviews: 4, recalled: 3 }])[1]; // { label: "2–6 days", short: "2–6 d", reviews: 4, recalled: 3, rate: 0.75 }
 */
export function retentionByBand(rows: readonly ElapsedRow[]): RetentionBand[] {
  return RETENTION_BANDS.map((band) => {
    let reviews = 0;
    let recalled = 0;
    for (const row of rows) {
      if (row.days >= band.min && row.days < band.max) {
        reviews += row.reviews;
        recalled += row.recalled;
      }
    }
    return { label: band.label, short: band.short, reviews, recalled, rate: reviews > 0 ? recalled / reviews : null };
  });
}

/** All bands together: the learner's overall true retention (null without review answers). */
export function overallRetention(bands: readonly RetentionBand[]): number | null {
  const reviews = bands.reduce((sum, b) => sum + b.reviews, 0);
  return reviews > 0 ? bands.reduce((sum, b) => sum + b.recalled, 0) / reviews : null;
}
