"use server";

import { headers } from "next/headers";
import { clientAddress } from "@/lib/auth/client-address";
import { RESET_REQUESTED, requestPasswordReset } from "@/lib/auth/password-reset";
import { ForgotPasswordSchema } from "@/lib/validations/auth";
import { formFields } from "@/lib/validations/form";

export type ForgotPasswordState = { ok: boolean; message: string } | null;

/** The request's headers; none when the action runs outside a request (tests, scripts). */
async function requestHeaders() {
  try {
    return await headers();
  } catch {
    return undefined;
  }
}

/** "Forgot password": sends (or logs, for an admin) a reset link; says the same whether the account exists. */
export async function forgotPasswordAction(_prev: ForgotPasswordState, form: FormData): Promise<ForgotPasswordState> {
  const parsed = ForgotPasswordSchema.safeParse({ email: formFields(form)("email") });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  const result = await requestPasswordReset({
    email: parsed.data.email,
    address: clientAddress(await requestHeaders()),
    now: new Date(),
  });
  if (!result.ok) return { ok: false, message: "Too many reset requests. Try again in an hour." };
  return { ok: true, message: RESET_REQUESTED };
}
