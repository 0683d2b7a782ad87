"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { applyCatchUp } from "@/lib/db/catch-up";
import { CatchUpSchema } from "@/lib/validations/catch-up";
import { formFields } from "@/lib/validations/form";

export type CatchUpState = { ok: boolean; message: string } | null;

/** Postpones or advances the number of reviews the learner confirmed, in one transaction. */
export async function catchUpAction(_prev: CatchUpState, form: FormData): Promise<CatchUpState> {
  const field = formFields(form);
  const user = await requireUser("/progress/catch-up");
  const parsed = CatchUpSchema.safeParse({ kind: field("kind"), count: field("count") });
  if (!parsed.success) return { ok: false, message: `${parsed.error.issues[0]!.message} Nothing was changed.` };
  const { changed, plan } = await applyCatchUp(user.id, parsed.data, new Date());
  revalidatePath("/progress/catch-up");
  revalidatePath("/progress");
  if (changed === 0) return { ok: false, message: "No review could be moved; nothing was changed." };
  const verb = parsed.data.kind === "postpone" ? "Postponed" : "Brought forward";
  const skipped = plan.changes.length - changed;
  return {
    ok: true,
    message: `${verb} ${changed} review${changed === 1 ? "" : "s"}.${skipped > 0 ? ` ${skipped} changed meanwhile and were left alone.` : ""}`,
  };
}
