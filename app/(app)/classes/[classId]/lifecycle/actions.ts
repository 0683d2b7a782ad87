"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireAbility } from "@/lib/auth/session";
import { deleteAssignment, deleteClass, updateAssignment, updateClass } from "@/lib/db/teaching-lifecycle";
import {
  DeleteAssignmentSchema,
  DeleteClassSchema,
  UpdateAssignmentSchema,
  UpdateClassSchema,
} from "@/lib/validations/classes";
import { formFields } from "@/lib/validations/form";
import { viewerTimeZone } from "@/lib/db/settings";
import { instantOfLocalDateTime } from "@/lib/srs";

export type TeachingFormState = { ok: boolean; message: string } | null;

const CLASS_NOT_FOUND = "That class isn't available.";
const ASSIGNMENT_NOT_FOUND = "That assignment isn't available.";

/** Edits the name and description of the instructor's class. */
export async function updateClassAction(_prev: TeachingFormState, form: FormData): Promise<TeachingFormState> {
  const field = formFields(form);
  const user = await requireAbility("teach", "/classes");
  const parsed = UpdateClassSchema.safeParse({
    classId: field("classId"),
    name: field("name") ?? "",
    description: field("description") ?? "",
  });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  const result = await updateClass(user, parsed.data);
  if (!result.ok) return { ok: false, message: CLASS_NOT_FOUND };
  revalidatePath(`/classes/${parsed.data.classId}`);
  return { ok: true, message: "Saved." };
}

/** Deletes the instructor's class once confirmed (the page stated what goes with it). */
export async function deleteClassAction(_prev: TeachingFormState, form: FormData): Promise<TeachingFormState> {
  const field = formFields(form);
  const user = await requireAbility("teach", "/classes");
  const parsed = DeleteClassSchema.safeParse({ classId: field("classId"), confirm: field("confirm") });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  const result = await deleteClass(user, parsed.data.classId);
  if (!result.ok) return { ok: false, message: CLASS_NOT_FOUND };
  redirect("/classes");
}

/** Moves an assignment's due date (and a quiz's allowed attempts). */
export async function updateAssignmentAction(_prev: TeachingFormState, form: FormData): Promise<TeachingFormState> {
  const field = formFields(form);
  const user = await requireAbility("teach", "/classes");
  const parsed = UpdateAssignmentSchema.safeParse({
    assignmentId: field("assignmentId"),
    dueAt: field("dueAt") ?? "",
    maxAttempts: field("maxAttempts") || undefined,
  });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  // Read on the instructor's clock (Settings), as when the assignment was made (lib/db/assignments).
  const timeZone = await viewerTimeZone(user.id);
  const dueAt = instantOfLocalDateTime(parsed.data.dueAt, timeZone);
  if (!dueAt) return { ok: false, message: "Choose a valid due date." };
  const result = await updateAssignment(
    user,
    { assignmentId: parsed.data.assignmentId, dueAt, timeZone, maxAttempts: parsed.data.maxAttempts },
    new Date(),
  );
  if (!result.ok) {
    return {
      ok: false,
      message: result.reason === "past_due" ? "The due date must be in the future." : ASSIGNMENT_NOT_FOUND,
    };
  }
  revalidatePath("/classes");
  return { ok: true, message: "Assignment updated." };
}

/** Deletes an assignment and its quiz attempts once confirmed. */
export async function deleteAssignmentAction(_prev: TeachingFormState, form: FormData): Promise<TeachingFormState> {
  const field = formFields(form);
  const user = await requireAbility("teach", "/classes");
  const parsed = DeleteAssignmentSchema.safeParse({ assignmentId: field("assignmentId"), confirm: field("confirm") });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  const result = await deleteAssignment(user, parsed.data.assignmentId);
  if (!result.ok) return { ok: false, message: ASSIGNMENT_NOT_FOUND };
  revalidatePath("/classes");
  return { ok: true, message: "Assignment deleted." };
}
