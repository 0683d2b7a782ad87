"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireAbility } from "@/lib/auth/session";
import { deleteSet, renameSet } from "@/lib/db/teaching-lifecycle";
import { DeleteSetSchema, RenameSetSchema } from "@/lib/validations/classes";
import { formFields } from "@/lib/validations/form";

export type SetFormState = { ok: boolean; message: string } | null;

const NOT_FOUND = "That set isn't available.";

/** Renames the instructor's set. */
export async function renameSetAction(_prev: SetFormState, form: FormData): Promise<SetFormState> {
  const field = formFields(form);
  const user = await requireAbility("teach", "/sets");
  const parsed = RenameSetSchema.safeParse({ setId: field("setId"), name: field("name") ?? "" });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  const result = await renameSet(user, parsed.data);
  if (!result.ok) return { ok: false, message: NOT_FOUND };
  revalidatePath(`/sets/${parsed.data.setId}`);
  return { ok: true, message: "Saved." };
}

/** Deletes the instructor's set once confirmed; refused while assignments use it. */
export async function deleteSetAction(_prev: SetFormState, form: FormData): Promise<SetFormState> {
  const field = formFields(form);
  const user = await requireAbility("teach", "/sets");
  const parsed = DeleteSetSchema.safeParse({ setId: field("setId"), confirm: field("confirm") });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  const result = await deleteSet(user, parsed.data.setId);
  if (!result.ok) {
    return {
      ok: false,
      message:
        result.reason === "in_assignments"
          ? "Assignments use this set: delete them on their class pages first."
          : NOT_FOUND,
    };
  }
  redirect("/sets");
}
