import { z } from "zod";

/** "Postpone" or "advance" a number of reviews (from the catch-up page's preview link or confirm form). */
export const CatchUpSchema = z.object({
  kind: z.enum(["postpone", "advance"], { message: "Choose postpone or advance." }),
  count: z.coerce
    .number({ message: "The number of reviews must be a number." })
    .int({ message: "The number of reviews must be a whole number." })
    .min(1, { message: "Choose at least 1 review." })
    .max(10_000, { message: "Choose at most 10,000 reviews." }),
});

export type CatchUpChoice = z.output<typeof CatchUpSchema>;
