"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { evaluatePresetParameters, type PresetEvaluation } from "@/lib/db/evaluate-parameters";
import { fitPresetParameters, resetPresetParameters } from "@/lib/db/preset-parameters";
import { createPreset, deletePreset, updatePreset } from "@/lib/db/presets";
import { formFields } from "@/lib/validations/form";
import { CreatePresetSchema, PresetFormSchema, PresetIdSchema } from "@/lib/validations/presets";

export type PresetState = { ok: boolean; message: string; fieldErrors?: Record<string, string[]> } | null;

const NOT_FOUND = "That preset was not found; nothing was changed.";

function fieldErrorsOf(issues: { path: PropertyKey[]; message: string }[]) {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of issues) (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);
  return fieldErrors;
}

/** Adds a preset (default options) under a new name. */
export async function createPresetAction(_prev: PresetState, form: FormData): Promise<PresetState> {
  const field = formFields(form);
  const user = await requireUser("/settings");
  const parsed = CreatePresetSchema.safeParse({ name: field("name") ?? "" });
  if (!parsed.success) {
    return {
      ok: false,
      message: "Check the name; no preset was added.",
      fieldErrors: fieldErrorsOf(parsed.error.issues),
    };
  }
  const result = await createPreset(user.id, parsed.data.name);
  if (!result.ok) {
    return {
      ok: false,
      message: "You already have a preset with that name; no preset was added.",
      fieldErrors: { name: ["You already have a preset with that name."] },
    };
  }
  revalidatePath("/settings");
  return { ok: true, message: `Preset “${parsed.data.name}” added.` };
}

/** Renames a preset and saves its options. */
export async function savePresetAction(_prev: PresetState, form: FormData): Promise<PresetState> {
  const field = formFields(form);
  const user = await requireUser("/settings");
  const text = (key: string) => field(key) ?? "";
  const parsed = PresetFormSchema.safeParse({
    presetId: text("presetId"),
    name: text("name"),
    desiredRetention: text("desiredRetention"),
    newPerDay: text("newPerDay"),
    maxReviewsPerDay: text("maxReviewsPerDay"),
    learningSteps: text("learningSteps"),
    relearningSteps: text("relearningSteps"),
    maximumIntervalDays: text("maximumIntervalDays"),
    easyDays: Array.from({ length: 7 }, (_, day) => text(`easyDay${day}`)),
    loadBalance: text("loadBalance"),
  });
  if (!parsed.success) {
    return {
      ok: false,
      message: "Check the highlighted fields; nothing was saved.",
      fieldErrors: fieldErrorsOf(parsed.error.issues),
    };
  }
  const { presetId, name, ...options } = parsed.data;
  const result = await updatePreset(user.id, presetId, name, options);
  if (!result.ok) {
    return result.reason === "name_taken"
      ? {
          ok: false,
          message: "You already have a preset with that name; nothing was saved.",
          fieldErrors: { name: ["You already have a preset with that name."] },
        }
      : { ok: false, message: NOT_FOUND };
  }
  revalidatePath("/settings");
  return { ok: true, message: `Preset “${name}” saved.` };
}

/** Deletes a preset; its decks use the default preset from then on. */
export async function deletePresetAction(_prev: PresetState, form: FormData): Promise<PresetState> {
  const field = formFields(form);
  const user = await requireUser("/settings");
  const parsed = PresetIdSchema.safeParse({ presetId: field("presetId") ?? "" });
  if (!parsed.success) return { ok: false, message: NOT_FOUND };
  const result = await deletePreset(user.id, parsed.data.presetId);
  if (!result.ok) {
    return result.reason === "is_default"
      ? { ok: false, message: "The default preset cannot be deleted." }
      : { ok: false, message: NOT_FOUND };
  }
  revalidatePath("/settings");
  const moved = result.movedDecks === 1 ? "1 deck now uses" : `${result.movedDecks} decks now use`;
  return { ok: true, message: `Preset deleted; ${moved} the default preset.` };
}

/** Fits FSRS parameters to the reviews of this preset's decks (too few: nothing changes, the message says why). */
export async function fitPresetParametersAction(_prev: PresetState, form: FormData): Promise<PresetState> {
  const field = formFields(form);
  const user = await requireUser("/settings");
  const parsed = PresetIdSchema.safeParse({ presetId: field("presetId") ?? "" });
  if (!parsed.success) return { ok: false, message: NOT_FOUND };
  const result = await fitPresetParameters(user.id, parsed.data.presetId, new Date());
  if (!result.ok) return { ok: false, message: result.message };
  revalidatePath("/settings");
  return {
    ok: true,
    message: `Fitted from ${result.reviewCount} reviews of this preset's decks; its decks use them from now on.`,
  };
}

/** Drops a preset's own parameters: its decks use the learner's parameters (else the defaults) again. */
export async function resetPresetParametersAction(_prev: PresetState, form: FormData): Promise<PresetState> {
  const field = formFields(form);
  const user = await requireUser("/settings");
  const parsed = PresetIdSchema.safeParse({ presetId: field("presetId") ?? "" });
  if (!parsed.success) return { ok: false, message: NOT_FOUND };
  const result = await resetPresetParameters(user.id, parsed.data.presetId);
  if (!result.ok) return { ok: false, message: NOT_FOUND };
  revalidatePath("/settings");
  return { ok: true, message: "This preset's decks use your parameters fitted to all decks (or the defaults) again." };
}

export type EvaluateState =
  | {
      ok: true;
      message: string;
      evaluation: PresetEvaluation & { defaults: NonNullable<PresetEvaluation["defaults"]> };
    }
  | { ok: false; message: string }
  | null;

/** Evaluate for one preset: the defaults against the parameters its decks use, on its decks' reviews. Reads only. */
export async function evaluatePresetAction(_prev: EvaluateState, form: FormData): Promise<EvaluateState> {
  const field = formFields(form);
  const user = await requireUser("/settings");
  const parsed = PresetIdSchema.safeParse({ presetId: field("presetId") ?? "" });
  if (!parsed.success) return { ok: false, message: NOT_FOUND };
  const evaluation = await evaluatePresetParameters(user.id, parsed.data.presetId);
  if (!evaluation) return { ok: false, message: NOT_FOUND };
  const { defaults } = evaluation;
  if (!defaults) {
    return {
      ok: false,
      message: "Nothing to evaluate yet: this preset's decks have no review made a day or more after an earlier one.",
    };
  }
  return {
    ok: true,
    message: `Evaluated on ${defaults.reviews} reviews of this preset's decks.`,
    evaluation: { ...evaluation, defaults },
  };
}
