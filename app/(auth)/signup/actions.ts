"use server";

import { headers } from "next/headers";
import { hashPassword } from "@/lib/auth/password";
import { clientAddress } from "@/lib/auth/client-address";
import { allowSignUp } from "@/lib/auth/rate-limit";
import { createUser } from "@/lib/db/users";
import { SrsSettingsSchema } from "@/lib/srs";
import { SignUpSchema } from "@/lib/validations/auth";
import { formFields } from "@/lib/validations/form";

/** The request's headers; none when the action runs outside a request (tests, scripts). */
async function requestHeaders() {
  try {
    return await headers();
  } catch {
    return undefined;
  }
}

export type SignUpState =
  { ok: true } | { ok: false; message: string; fieldErrors?: Partial<Record<"name" | "email" | "password", string[]>> };

/** Creates a learner account. The caller signs in with the same credentials afterwards. */
export async function signUpAction(form: FormData): Promise<SignUpState> {
  const field = formFields(form);
  // The schema's length limits refuse an oversized field before any hashing or database work.
  const parsed = SignUpSchema.safeParse({ name: field("name"), email: field("email"), password: field("password") });
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0]);
      (fieldErrors[key] ??= []).push(issue.message);
    }
    return { ok: false, message: "Check the highlighted fields.", fieldErrors };
  }
  if (!(await allowSignUp(clientAddress(await requestHeaders())))) {
    return { ok: false, message: "Too many sign-ups from this network. Try again in an hour." };
  }
  // The browser's own time zone, so a learner's study day starts at 04:00 where they live; anything that is not a
  // time zone (a script, a stale browser) leaves the default (UTC), which Settings can change.
  const zone = SrsSettingsSchema.shape.timeZone.safeParse(field("timeZone")?.slice(0, 64));
  const result = await createUser({
    email: parsed.data.email,
    name: parsed.data.name,
    passwordHash: await hashPassword(parsed.data.password),
    timeZone: zone.success && field("timeZone") ? zone.data : undefined,
  });
  if (!result.ok) {
    // Without e-mail verification a sign-up cannot hide that the address is in use; the message at least does
    // not say so outright and points to sign-in.
    return { ok: false, message: "We couldn't create an account with these details. Try signing in instead." };
  }
  return { ok: true };
}
