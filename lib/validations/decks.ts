import { z } from "zod";
import { TITLE_MAX } from "./document";
import { idSchema, plainText } from "./text";

export const DESCRIPTION_MAX = 1000;
export const DECK_VISIBILITIES = ["library", "classes", "private"] as const;
export type DeckVisibility = (typeof DECK_VISIBILITIES)[number];
/** "deleted" decks are kept, ownerless and seen by nobody, for their learners' review history. */
export type DeckStatus = "draft" | "published" | "archived" | "deleted";

export const DeckIdSchema = z.object({ deckId: idSchema });

export const DeckDetailsSchema = z.object({
  deckId: idSchema,
  title: plainText("The title", TITLE_MAX).refine((value) => value.length > 0, "The deck needs a title."),
  description: plainText("The description", DESCRIPTION_MAX).default(""),
});

/** Publishing: to the library, to chosen classes (at least one), or to nobody but the owner. */
export const PublishDeckSchema = z
  .object({
    deckId: idSchema,
    visibility: z.enum(DECK_VISIBILITIES, { error: "Choose who may see the deck." }),
    classIds: z.array(idSchema).max(200).default([]),
  })
  .refine((value) => value.visibility !== "classes" || value.classIds.length > 0, {
    message: "Choose at least one class to publish the deck to.",
    path: ["classIds"],
  });

/** A destructive action needs the box ticked that says what it does. */
export const ConfirmDeckSchema = z.object({
  deckId: idSchema,
  confirm: z.literal("yes", { error: "Tick the box to confirm." }),
});

/** The deck a changed document is re-uploaded to; absent for a new deck. */
export const ReuploadTargetSchema = z.object({ deckId: idSchema.optional() });
