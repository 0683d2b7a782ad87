"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import {
  addStudyDeck,
  deleteDeck,
  publishDeck,
  removeStudyDeck,
  setDeckStatus,
  updateDeckDetails,
  type DeckChange,
} from "@/lib/db/deck-lifecycle";
import { formFields } from "@/lib/validations/form";
import { ConfirmDeckSchema, DeckDetailsSchema, DeckIdSchema, PublishDeckSchema } from "@/lib/validations/decks";

export type DeckFormState = { ok: boolean; message: string } | null;

const REFUSED: Record<Exclude<DeckChange, { ok: true }>["reason"], string> = {
  not_found: "That deck isn't available.",
  not_your_classes: "You can publish a deck only to classes you run.",
  in_assignments:
    "Assignments use items of this deck: delete those assignments first, or archive the deck instead (archiving keeps everything).",
};

function done(deckId: string, result: DeckChange, message: string): DeckFormState {
  if (!result.ok) return { ok: false, message: REFUSED[result.reason] };
  revalidatePath(`/decks/${deckId}`);
  return { ok: true, message };
}

/** Edits the title and description of the user's own deck. */
export async function updateDeckDetailsAction(_prev: DeckFormState, form: FormData): Promise<DeckFormState> {
  const field = formFields(form);
  const user = await requireUser("/decks");
  const parsed = DeckDetailsSchema.safeParse({
    deckId: field("deckId"),
    title: field("title") ?? "",
    description: field("description") ?? "",
  });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  return done(parsed.data.deckId, await updateDeckDetails(user, parsed.data), "Saved.");
}

/** Publishes the user's own deck to the library, to chosen classes of theirs, or keeps it private. */
export async function publishDeckAction(_prev: DeckFormState, form: FormData): Promise<DeckFormState> {
  const field = formFields(form);
  const user = await requireUser("/decks");
  const classIds = form instanceof FormData ? form.getAll("classIds").filter((v) => typeof v === "string") : [];
  const parsed = PublishDeckSchema.safeParse({ deckId: field("deckId"), visibility: field("visibility"), classIds });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  const result = await publishDeck(user, parsed.data, new Date());
  const who =
    parsed.data.visibility === "library"
      ? "everyone (the library)"
      : parsed.data.visibility === "classes"
        ? `the ${parsed.data.classIds.length === 1 ? "class" : "classes"} you chose`
        : "you only";
  return done(parsed.data.deckId, result, `Published: visible to ${who}.`);
}

/** Unpublishes (back to draft) or archives the user's own deck; "restore" is publishing again. */
export async function setDeckStatusAction(_prev: DeckFormState, form: FormData): Promise<DeckFormState> {
  const field = formFields(form);
  const user = await requireUser("/decks");
  const parsed = DeckIdSchema.safeParse({ deckId: field("deckId") });
  const status = field("status");
  if (!parsed.success || (status !== "draft" && status !== "archived")) {
    return { ok: false, message: "That deck isn't available." };
  }
  const result = await setDeckStatus(user, parsed.data.deckId, status);
  return done(parsed.data.deckId, result, status === "draft" ? "Unpublished: back to a draft." : "Archived.");
}

/** Deletes the user's own deck once they ticked the box that states what is lost. */
export async function deleteDeckAction(_prev: DeckFormState, form: FormData): Promise<DeckFormState> {
  const field = formFields(form);
  const user = await requireUser("/decks");
  const parsed = ConfirmDeckSchema.safeParse({ deckId: field("deckId"), confirm: field("confirm") });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  const result = await deleteDeck(user, parsed.data.deckId);
  if (!result.ok) return { ok: false, message: REFUSED[result.reason] };
  redirect("/decks?deleted=1");
}

/** Adds a deck the learner may see to their studies, or takes it out ("how" = "add" | "remove"). */
export async function studyDeckAction(_prev: DeckFormState, form: FormData): Promise<DeckFormState> {
  const field = formFields(form);
  const user = await requireUser("/decks");
  const parsed = DeckIdSchema.safeParse({ deckId: field("deckId") });
  const how = field("how");
  if (!parsed.success || (how !== "add" && how !== "remove")) {
    return { ok: false, message: "That deck isn't available." };
  }
  const { deckId } = parsed.data;
  const result = how === "add" ? await addStudyDeck(user.id, deckId) : await removeStudyDeck(user.id, deckId);
  if (!result.ok) return { ok: false, message: how === "add" ? REFUSED.not_found : "That deck isn't in your studies." };
  revalidatePath(`/decks/${deckId}`);
  revalidatePath("/");
  return {
    ok: true,
    message:
      how === "add"
        ? "Added to your studies: “Study now” takes its items."
        : "Removed from your studies: your progress is kept, and adding it again resumes it.",
  };
}
