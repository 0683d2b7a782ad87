"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { changePassword } from "@/lib/auth/account";
import { clientAddress } from "@/lib/auth/client-address";
import { getCurrentSession, requireUser } from "@/lib/auth/session";
import { revokeUserSessions } from "@/lib/db/sessions";
import { fitPersonalParameters, resetPersonalParameters } from "@/lib/db/optimize";
import { saveSettings } from "@/lib/db/settings";
import { ChangePasswordSchema } from "@/lib/validations/auth";
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

/** The signed-in session, or a redirect to sign in and come back to the settings. */
async function requireSession() {
  const current = await getCurrentSession();
  if (!current) redirect(`/login?callbackUrl=${encodeURIComponent("/settings")}`);
  return current;
}

/** The request's headers; none when the action runs outside a request (tests, scripts). */
async function requestHeaders() {
  try {
    return await headers();
  } catch {
    return undefined;
  }
}

/** Changes the password (current + new) and signs out every other device. */
export async function changePasswordAction(_prev: SettingsState, form: FormData): Promise<SettingsState> {
  const field = formFields(form);
  const { user, sessionId } = await requireSession();
  const parsed = ChangePasswordSchema.safeParse({
    currentPassword: field("currentPassword"),
    newPassword: field("newPassword"),
  });
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);
    return { ok: false, message: "Check the highlighted fields; the password was not changed.", fieldErrors };
  }
  const result = await changePassword({
    user,
    sessionId,
    ...parsed.data,
    address: clientAddress(await requestHeaders()),
    now: new Date(),
  });
  if (!result.ok) {
    return result.reason === "limited"
      ? { ok: false, message: "Too many attempts. Try again later; the password was not changed." }
      : {
          ok: false,
          message: "Your current password is not correct; the password was not changed.",
          fieldErrors: { currentPassword: ["Your current password is not correct."] },
        };
  }
  return { ok: true, message: "Password changed. Every other device has been signed out." };
}

/** Ends every session of the user, this one included, and sends them to sign in. */
export async function signOutEverywhereAction(_prev: SettingsState): Promise<SettingsState> {
  const { user } = await requireSession();
  await revokeUserSessions(user.id, new Date());
  redirect("/login");
}
