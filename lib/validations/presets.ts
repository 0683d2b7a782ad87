import { z } from "zod";
import { SrsSettingsSchema } from "@/lib/srs";
import { idSchema, plainText } from "./text";

const steps = (label: string) =>
  z
    .string({ error: `${label} are missing.` })
    .max(100, `${label} are too long.`)
    .transform((value) => value.trim().split(/\s+/).filter(Boolean));

export const presetName = plainText("The name", 50).pipe(z.string().min(1, "Give the preset a name."));

const level = z.enum(["normal", "reduced", "off"], { error: "Each weekday is normal, reduced or off." });

/** Adding a preset: a name. */
export const CreatePresetSchema = z.object({ name: presetName });

/**
 * The preset form: numbers arrive as text, steps as "1m 10m", easy days as one field per weekday (easyDay0 = Sunday),
 * load balancing as a checkbox ("on" or absent).
 */
export const PresetFormSchema = z
  .object({
    presetId: idSchema,
    name: presetName,
    desiredRetention: z.coerce.number({ error: "Desired retention must be a number." }),
    newPerDay: z.coerce.number({ error: "New items per day must be a number." }),
    maxReviewsPerDay: z.coerce.number({ error: "Maximum reviews per day must be a number." }),
    learningSteps: steps("Learning steps"),
    relearningSteps: steps("Relearning steps"),
    maximumIntervalDays: z.coerce.number({ error: "Maximum interval must be a number." }),
    easyDays: z.array(level).length(7, "Give a level for each weekday."),
    loadBalance: z.enum(["on", ""], { error: "Load balancing is on or off." }).transform((v) => v === "on"),
  })
  .pipe(
    SrsSettingsSchema.pick({
      desiredRetention: true,
      newPerDay: true,
      maxReviewsPerDay: true,
      learningSteps: true,
      relearningSteps: true,
      maximumIntervalDays: true,
    })
      .required()
      .extend({
        presetId: idSchema,
        name: z.string(),
        easyDays: z.array(level),
        loadBalance: z.boolean(),
      })
      .refine((p) => p.easyDays.some((d) => d !== "off"), {
        message: "At least one weekday must take reviews.",
        path: ["easyDays"],
      }),
  );

/** Which preset a deck uses. */
export const AssignPresetSchema = z.object({ deckId: idSchema, presetId: idSchema });

/** Deleting a preset. */
export const PresetIdSchema = z.object({ presetId: idSchema });
