"use server";

import { resetPassword } from "@/lib/auth/password-reset";
import { ResetPasswordSchema } from "@/lib/validations/auth";
import { formFields } from "@/lib/validations/form";

export type ResetPasswordState = {
  ok: boolean;
  message: string;
  fieldErrors?: Partial<Record<"newPassword", string[]>>;
} | null;

const INVALID =
  "This reset link is not valid any more (it is used, replaced or older than an hour). Ask for a new one.";

/** Sets a new password with a reset link's token; every session of the account ends. */
export async function resetPasswordAction(_prev: ResetPasswordState, form: FormData): Promise<ResetPasswordState> {
  const field = formFields(form);
  const parsed = ResetPasswordSchema.safeParse({ token: field("token"), newPassword: field("newPassword") });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    if (issue.path[0] === "token") return { ok: false, message: INVALID };
    return { ok: false, message: "Check the new password.", fieldErrors: { newPassword: [issue.message] } };
  }
  const result = await resetPassword({ ...parsed.data, now: new Date() });
  if (!result.ok) return { ok: false, message: INVALID };
  return { ok: true, message: "Your password is changed, and every device signed in to your account is signed out." };
}
