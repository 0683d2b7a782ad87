import { z } from "zod";

/** Where a card is in the FSRS life cycle. */
export type CardStateName = "new" | "learning" | "review" | "relearning";

/**
 * A card's scheduling state as the app stores it (camelCase mirror of ts-fsrs's `Card`).
 * `elapsed_days` is deliberately absent: ts-fsrs deprecates it and derives it from `lastReview`.
 */
export type CardState = {
  state: CardStateName;
  due: Date;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview: Date | null;
};

/** The learner's answer grade (Anki's four buttons). */
export type Rating = "again" | "hard" | "good" | "easy";

export const RATINGS: readonly Rating[] = ["again", "hard", "good", "easy"];

/**
 * One review as a log row needs it: the rating, the card's state *before* the answer (enough to undo
 * exactly) and the time of the review. Replaying the logs of a card through `schedule` reproduces it.
 */
export type ReviewLogEntry = {
  rating: Rating;
  /** State before the answer. */
  state: CardStateName;
  /** Due date before the answer. */
  due: Date;
  /** Stability before the answer (ts-fsrs convention). */
  stability: number;
  /** Difficulty before the answer. */
  difficulty: number;
  /** Whole days between the previous review and this one (0 for the first review). */
  elapsedDays: number;
  /** Scheduled days before the answer. */
  scheduledDays: number;
  /** Learning step before the answer. */
  learningSteps: number;
  /** Last review before this one (null for a new card). */
  lastReview: Date | null;
  /** When the answer was given (`now`). */
  review: Date;
};

const STEP_PATTERN = /^\d+(\.\d+)?[mhd]$/;
/** A learning step such as "1m", "10m", "1h" or "1d" (ts-fsrs `StepUnit`). */
export type Step = `${number}${"m" | "h" | "d"}`;

const stepSchema = z
  .string()
  .regex(STEP_PATTERN, { message: 'Each step must be a number followed by m, h or d, e.g. "10m".' })
  .refine((step) => Number.parseFloat(step) > 0, { message: "Each step must be longer than zero." })
  .transform((step) => step as Step);

function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

const int = (name: string, min: number, max: number) =>
  z
    .number({ message: `${name} must be a number.` })
    .int({ message: `${name} must be a whole number.` })
    .min(min, { message: `${name} must be at least ${min}.` })
    .max(max, { message: `${name} must be at most ${max}.` });

/** FSRS-6 has 21 parameters. */
export const FSRS_WEIGHT_COUNT = 21;

/**
 * Validates a learner's scheduling settings; missing fields take their defaults.
 *
 * @example
 * const settings = SrsSettingsSchema.parse({ timeZone: "Europe/Berlin" });
 * settings.desiredRetention; // 0.9
 */
export const SrsSettingsSchema = z.object({
  desiredRetention: z
    .number({ message: "Desired retention must be a number." })
    .min(0.7, { message: "Desired retention must be between 0.70 and 0.99." })
    .max(0.99, { message: "Desired retention must be between 0.70 and 0.99." })
    .default(0.9),
  newPerDay: int("New items per day", 0, 9999).default(20),
  maxReviewsPerDay: int("Maximum reviews per day", 0, 9999).default(200),
  learningSteps: z.array(stepSchema).max(10, { message: "Use at most 10 learning steps." }).default(["1m", "10m"]),
  relearningSteps: z.array(stepSchema).max(10, { message: "Use at most 10 relearning steps." }).default(["10m"]),
  maximumIntervalDays: int("Maximum interval", 1, 36500).default(36500),
  timeZone: z
    .string({ message: "Time zone must be a string." })
    .refine(isValidTimeZone, { message: 'Unknown time zone; use an IANA name such as "Europe/Berlin".' })
    .default("UTC"),
  dayStartHour: int("Day start hour", 0, 23).default(4),
  /** Capacity of each weekday, Sunday first: 1 normal, 0.5 reduced, 0 none (easy days, lib/srs/load-balance.ts). */
  easyDays: z
    .array(z.number().min(0).max(1), { message: "Easy days must be seven capacities between 0 and 1." })
    .length(7, { message: "Easy days must give a capacity for each of the seven weekdays." })
    .default([1, 1, 1, 1, 1, 1, 1]),
  /** Put each review on the least-loaded day of its fuzz range (Anki 24.11's load balancer; on by default there too). */
  loadBalance: z.boolean({ message: "Load balancing must be on or off." }).default(true),
  weights: z
    .array(z.number().refine(Number.isFinite, { message: "FSRS parameters must be finite numbers." }))
    .length(FSRS_WEIGHT_COUNT, { message: `FSRS parameters must be a list of ${FSRS_WEIGHT_COUNT} numbers.` })
    .optional(),
});

/** Validated settings (all defaults filled in). */
export type SrsSettings = z.output<typeof SrsSettingsSchema>;
/** Settings as a form or the database may provide them (any field may be missing). */
export type SrsSettingsInput = z.input<typeof SrsSettingsSchema>;

/** The defaults: 90 % retention, 20 new / 200 reviews a day, steps 1m 10m / 10m, UTC, day starts at 04:00. */
export const DEFAULT_SRS_SETTINGS: SrsSettings = Object.freeze(SrsSettingsSchema.parse({})) as SrsSettings;
