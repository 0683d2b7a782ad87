import { z } from "zod";
import { RATINGS } from "@/lib/study/types";
import { anyText, idSchema } from "./text";

const id = idSchema;
const text = anyText(500);

/** A learner's response: text or a choice, an ordering, matching pairs, or nothing (flashcards). */
export const ResponseSchema = z.union([
  text,
  z.array(text).max(50),
  z.array(z.object({ left: text, right: text })).max(50),
  z.null(),
]);

const rating = z.enum(RATINGS as [string, ...string[]]).transform((r) => r as (typeof RATINGS)[number]);

/** An answer in the study loop: recorded at once for auto-graded items (lib/db/reviews.ts answerItem). */
export const AnswerSchema = z.object({
  reviewId: z.uuid(),
  itemId: id,
  version: z.number().int().min(0),
  response: ResponseSchema,
  responseMs: z.number().int().min(0).max(86_400_000),
  deckId: id.optional(),
});

/** A new rating for the answer just recorded under `reviewId`. */
export const AmendSchema = z.object({ reviewId: z.uuid(), rating, deckId: id.optional() });

export const ReviewSchema = z.object({
  reviewId: z.uuid(),
  itemId: id,
  version: z.number().int().min(0),
  response: ResponseSchema,
  rating,
  responseMs: z.number().int().min(0).max(86_400_000).nullable(),
  deckId: id.optional(),
});

export const ScopeSchema = z.object({ deckId: id.optional() });
export const ItemActionSchema = z.object({ itemId: id, deckId: id.optional() });
/** Undoing a bury or a suspend: which item, and which of the two. */
export const UndoSetAsideSchema = ItemActionSchema.extend({ how: z.enum(["bury", "suspend"]) });
