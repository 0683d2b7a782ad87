"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { joinClass } from "@/lib/db/classes";
import { JoinClassSchema } from "@/lib/validations/classes";
import { formFields } from "@/lib/validations/form";

export type JoinState = { ok: boolean; message: string } | null;

const MESSAGES = {
  unknown_code: "No class has that join code. Check it with your instructor.",
  expired: "That join code has expired. Ask your instructor for a new one.",
  already_member: "You are already in that class.",
  own_class: "That is your own class: you teach it.",
} as const;

export async function joinClassAction(_prev: JoinState, form: FormData): Promise<JoinState> {
  const field = formFields(form);
  const user = await requireUser("/");
  const parsed = JoinClassSchema.safeParse({ code: field("code") ?? "" });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  const result = await joinClass(user.id, parsed.data.code, new Date());
  if (!result.ok) return { ok: false, message: MESSAGES[result.reason] };
  revalidatePath("/");
  return { ok: true, message: `You joined ${result.name}.` };
}
