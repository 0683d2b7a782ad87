import { describe, expect, it } from "vitest";
import { DEFAULT_SRS_SETTINGS, SrsSettingsSchema } from "./types";

function messages(input: unknown): string[] {
  const result = SrsSettingsSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("SrsSettingsSchema", () => {
  it("fills in the defaults", () => {
    expect(DEFAULT_SRS_SETTINGS).toEqual({
      desiredRetention: 0.9,
      newPerDay: 20,
      maxReviewsPerDay: 200,
      learningSteps: ["1m", "10m"],
      relearningSteps: ["10m"],
      maximumIntervalDays: 36500,
      timeZone: "UTC",
      dayStartHour: 4,
      easyDays: [1, 1, 1, 1, 1, 1, 1],
      loadBalance: true,
    });
  });

  it("accepts valid settings", () => {
    const weights = Array.from({ length: 21 }, (_, i) => i / 10);
    expect(
      SrsSettingsSchema.parse({
        desiredRetention: 0.85,
        timeZone: "Pacific/Chatham",
        learningSteps: ["1h", "1d"],
        weights,
      }),
    ).toMatchObject({
      desiredRetention: 0.85,
      timeZone: "Pacific/Chatham",
      learningSteps: ["1h", "1d"],
      weights,
    });
  });

  it("explains each invalid field", () => {
    expect(messages({ desiredRetention: 0.5 })).toEqual([
      "desiredRetention: Desired retention must be between 0.70 and 0.99.",
    ]);
    expect(messages({ desiredRetention: 1 })).toEqual([
      "desiredRetention: Desired retention must be between 0.70 and 0.99.",
    ]);
    expect(messages({ newPerDay: -1 })).toEqual(["newPerDay: New items per day must be at least 0."]);
    expect(messages({ maxReviewsPerDay: 2.5 })).toEqual([
      "maxReviewsPerDay: Maximum reviews per day must be a whole number.",
    ]);
    expect(messages({ learningSteps: ["10 minutes"] })).toEqual([
      'learningSteps.0: Each step must be a number followed by m, h or d, e.g. "10m".',
    ]);
    expect(messages({ relearningSteps: ["0m"] })).toEqual(["relearningSteps.0: Each step must be longer than zero."]);
    expect(messages({ maximumIntervalDays: 0 })).toEqual(["maximumIntervalDays: Maximum interval must be at least 1."]);
    expect(messages({ timeZone: "Mars/Olympus_Mons" })).toEqual([
      'timeZone: Unknown time zone; use an IANA name such as "Europe/Berlin".',
    ]);
    expect(messages({ dayStartHour: 24 })).toEqual(["dayStartHour: Day start hour must be at most 23."]);
    expect(messages({ weights: [1, 2, 3] })).toEqual(["weights: FSRS parameters must be a list of 21 numbers."]);
    expect(messages({ weights: [...Array(20).fill(1), Number.NaN] })).toHaveLength(1);
    expect(messages({ newPerDay: "20" })).toEqual(["newPerDay: New items per day must be a number."]);
  });
});
