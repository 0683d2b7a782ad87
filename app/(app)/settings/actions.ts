"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { fitPersonalParameters, resetPersonalParameters } from "@/lib/db/optimize";
import { saveSettings } from "@/lib/db/settings";
import { SettingsFormSchema } from "@/lib/validations/settings";
import { formFields } from "@/lib/validations/form";

export type SettingsState = { ok: boolean; message: string; fieldErrors?: Record<string, string[]> } | null;

const FIELDS = ["desiredRetention", "newPerDay", "maxReviewsPerDay", "learningSteps", "relearningSteps", "timeZone"];

export async function saveSettingsAction(_prev: SettingsState, form: FormData): Promise<SettingsState> {
  const field = formFields(form);
  const user = await requireUser("/settings");
  const raw = Object.fromEntries(FIELDS.map((key) => [key, typeof field(key) === "string" ? field(key) : ""]));
  const parsed = SettingsFormSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);
    return { ok: false, message: "Check the highlighted fields; nothing was saved.", fieldErrors };
  }
  await saveSettings(user.id, parsed.data);
  revalidatePath("/settings");
  return { ok: true, message: "Settings saved." };
}

export async function fitParametersAction(_prev: SettingsState): Promise<SettingsState> {
  const user = await requireUser("/settings");
  const result = await fitPersonalParameters(user.id, new Date());
  revalidatePath("/settings");
  if (!result.ok) return { ok: false, message: result.message };
  return { ok: true, message: `Fitted your parameters from ${result.reviewCount} reviews; they are in use now.` };
}

export async function resetParametersAction(_prev: SettingsState): Promise<SettingsState> {
  const user = await requireUser("/settings");
  await resetPersonalParameters(user.id, new Date());
  revalidatePath("/settings");
  return { ok: true, message: "Back to the default parameters." };
}
