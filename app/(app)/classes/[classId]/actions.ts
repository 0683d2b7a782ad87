"use server";

import { revalidatePath } from "next/cache";
import { requireAbility } from "@/lib/auth/session";
import { createAssignment } from "@/lib/db/assignments";
import { viewerTimeZone } from "@/lib/db/settings";
import { instantOfLocalDateTime } from "@/lib/srs";
import { removeMember, renewJoinCode } from "@/lib/db/classes";
import { formFields } from "@/lib/validations/form";
import { ClassIdSchema, CreateAssignmentSchema, MemberActionSchema } from "@/lib/validations/classes";

export type AssignmentFormState = { ok: boolean; message: string; tooSoon?: boolean } | null;

export async function renewCodeAction(form: FormData): Promise<void> {
  const field = formFields(form);
  const user = await requireAbility("teach", "/classes");
  const parsed = ClassIdSchema.safeParse({ classId: field("classId") });
  if (!parsed.success) return;
  await renewJoinCode(parsed.data.classId, user, new Date());
  revalidatePath(`/classes/${parsed.data.classId}`);
}

export async function removeMemberAction(form: FormData): Promise<void> {
  const field = formFields(form);
  const user = await requireAbility("teach", "/classes");
  const parsed = MemberActionSchema.safeParse({ classId: field("classId"), userId: field("userId") });
  if (!parsed.success) return;
  await removeMember(parsed.data.classId, parsed.data.userId, user);
  revalidatePath(`/classes/${parsed.data.classId}`);
}

const MESSAGES = {
  not_found: "That class or set isn't available.",
  empty_set: "That set has no items left to assign. Choose another set.",
  past_due: "The due date must be in the future.",
  no_quiz_items:
    "A scored quiz asks only items it can grade, and that set has only flashcards. Assign it for study, or choose another set.",
  hidden_decks:
    "That set has items of a deck this class cannot see (a draft, private, archived or shared with other classes). Publish the deck to the library or to this class first.",
} as const;

export async function createAssignmentAction(_prev: AssignmentFormState, form: FormData): Promise<AssignmentFormState> {
  const field = formFields(form);
  const user = await requireAbility("teach", "/classes");
  const parsed = CreateAssignmentSchema.safeParse({
    classId: field("classId"),
    setId: field("setId"),
    mode: field("mode"),
    dueAt: field("dueAt") ?? "",
    maxAttempts: field("maxAttempts") || undefined,
    allowShort: field("allowShort"),
  });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  // The date and time are read in the instructor's own time zone (Settings), the zone every page shows them in;
  // the assignment keeps the instant (docs/decisions/019).
  const timeZone = await viewerTimeZone(user.id);
  const dueAt = instantOfLocalDateTime(parsed.data.dueAt, timeZone);
  if (!dueAt) return { ok: false, message: "Choose a valid due date." };
  const { classId, setId, mode, maxAttempts, allowShort } = parsed.data;
  const result = await createAssignment(
    user,
    { classId, setId, mode, dueAt, maxAttempts: mode === "quiz" ? maxAttempts : 1, timeZone, allowShort },
    new Date(),
  );
  if (!result.ok) {
    if (result.reason === "too_soon") {
      return {
        ok: false,
        tooSoon: true,
        message:
          `This set needs at least ${result.minDays} study days and that due date leaves ${result.days}. ` +
          "Choose a later date, or tick “Assign anyway” (related items will then come closer together).",
      };
    }
    return { ok: false, message: MESSAGES[result.reason] };
  }
  revalidatePath(`/classes/${classId}`);
  return { ok: true, message: "Assignment created." };
}
