"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientAddress } from "@/lib/auth/client-address";
import { deleteAccount } from "@/lib/auth/delete-account";
import { getCurrentUser } from "@/lib/auth/session";
import { DeleteAccountSchema } from "@/lib/validations/auth";
import { formFields } from "@/lib/validations/form";

export type DeleteAccountState = { ok: false; message: string } | null;

/** The request's headers; none when the action runs outside a request (tests, scripts). */
async function requestHeaders() {
  try {
    return await headers();
  } catch {
    return undefined;
  }
}

const list = (names: string[]) => names.map((n) => `“${n}”`).join(", ");

/** Deletes the signed-in user's account and data after checking their password, then sends them to sign in. */
export async function deleteAccountAction(_prev: DeleteAccountState, form: FormData): Promise<DeleteAccountState> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent("/settings")}`);
  const parsed = DeleteAccountSchema.safeParse({ password: formFields(form)("currentPassword") });
  if (!parsed.success) return { ok: false, message: `${parsed.error.issues[0]!.message} Nothing was deleted.` };
  const result = await deleteAccount({
    user,
    password: parsed.data.password,
    address: clientAddress(await requestHeaders()),
  });
  if (!result.ok) {
    if (result.reason !== "has_dependents") {
      return {
        ok: false,
        message:
          result.reason === "limited"
            ? "Too many attempts. Try again later; nothing was deleted."
            : "Your password is not correct; nothing was deleted.",
      };
    }
    const parts = [
      result.classes.length
        ? `you run ${result.classes.length === 1 ? "the class" : "the classes"} ${list(result.classes)}`
        : "",
      result.assignedSets.length
        ? `your ${result.assignedSets.length === 1 ? "set" : "sets"} ${list(result.assignedSets)} ${result.assignedSets.length === 1 ? "is" : "are"} assigned in a class`
        : "",
    ].filter(Boolean);
    return {
      ok: false,
      message: `Your account was not deleted: ${parts.join(", and ")}. Their learners' assignments and scores depend on them, and Factdeck cannot yet hand classes to another instructor or close them: ask an administrator.`,
    };
  }
  redirect("/login?deleted=1");
}
