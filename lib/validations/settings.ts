import { z } from "zod";
import { SrsSettingsSchema } from "@/lib/srs";

const steps = (label: string) =>
  z
    .string()
    .max(100, `${label} are too long.`)
    .transform((value) => value.trim().split(/\s+/).filter(Boolean));

/** The settings form: numbers arrive as text, steps as "1m 10m". */
export const SettingsFormSchema = z
  .object({
    desiredRetention: z.coerce.number({ error: "Desired retention must be a number." }),
    newPerDay: z.coerce.number({ error: "New items per day must be a number." }),
    maxReviewsPerDay: z.coerce.number({ error: "Maximum reviews per day must be a number." }),
    learningSteps: steps("Learning steps"),
    relearningSteps: steps("Relearning steps"),
    timeZone: z.string().trim().max(64, "Unknown time zone."),
  })
  .pipe(
    SrsSettingsSchema.pick({
      desiredRetention: true,
      newPerDay: true,
      maxReviewsPerDay: true,
      learningSteps: true,
      relearningSteps: true,
      timeZone: true,
    }).required(),
  );
