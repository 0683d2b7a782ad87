"use server";

import { redirect } from "next/navigation";
import { requireAbility } from "@/lib/auth/session";
import { createClass } from "@/lib/db/classes";
import { CreateClassSchema } from "@/lib/validations/classes";
import { formFields } from "@/lib/validations/form";

export type FormState = { message: string; fieldErrors?: Record<string, string[]> } | null;

export async function createClassAction(_prev: FormState, form: FormData): Promise<FormState> {
  const field = formFields(form);
  const user = await requireAbility("teach", "/classes");
  const parsed = CreateClassSchema.safeParse({
    name: field("name") ?? "",
    description: field("description") ?? "",
  });
  if (!parsed.success) return { message: parsed.error.issues[0]!.message };
  const created = await createClass(user, parsed.data, new Date());
  redirect(`/classes/${created.id}`);
}
