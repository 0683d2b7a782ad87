"use server";

import { revalidatePath } from "next/cache";
import { requireAbility } from "@/lib/auth/session";
import { setRole } from "@/lib/db/users";
import { RoleChangeSchema } from "@/lib/validations/classes";
import { formFields } from "@/lib/validations/form";

/** After a save, the role now stored; a refusal changes nothing, so the form shows the role it was rendered with. */
export type RoleState = { ok: true; message: string; role: string } | { ok: false; message: string } | null;

export async function changeRoleAction(_prev: RoleState, form: FormData): Promise<RoleState> {
  const field = formFields(form);
  const admin = await requireAbility("manage-users", "/admin/users");
  const parsed = RoleChangeSchema.safeParse({ userId: field("userId"), role: field("role") });
  if (!parsed.success) return { ok: false, message: "Choose learner, instructor or admin." };
  // An admin cannot demote themselves: the last admin would lock everyone out of this page.
  if (parsed.data.userId === admin.id && parsed.data.role !== "admin") {
    return { ok: false, message: "You cannot remove your own admin role." };
  }
  if (!(await setRole(parsed.data.userId, parsed.data.role)))
    return { ok: false, message: "That user no longer exists." };
  revalidatePath("/admin/users");
  return { ok: true, message: "Role changed.", role: parsed.data.role };
}
