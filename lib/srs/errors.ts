/** Why the scheduler refused an input. */
export type SrsErrorCode = "invalid_card" | "invalid_rating" | "invalid_date";

/**
 * Thrown for inputs that indicate a bug in the caller (a corrupt card row, an unknown rating).
 * Errors a learner can act on are returned as values instead (see `fitParameters`).
 *
 * @example
 * try { schedule(card, rating, now, settings); } catch (e) { if (e instanceof SrsError) console.log(e.code); }
 */
export class SrsError extends Error {
  readonly code: SrsErrorCode;

  constructor(code: SrsErrorCode, message: string) {
    super(message);
    this.name = "SrsError";
    this.code = code;
  }
}

export function assertValidDate(value: Date, what: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new SrsError("invalid_date", `${what} must be a valid Date.`);
  }
}
