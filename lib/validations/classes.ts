import { z } from "zod";
import { idSchema, plainText } from "./text";

const id = idSchema;

export const CreateClassSchema = z.object({
  name: plainText("The name", 100).pipe(z.string().min(1, "Give the class a name.")),
  description: plainText("The description", 1000).default(""),
});

export const JoinClassSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, "Enter the join code your instructor gave you.")
    .regex(/^[A-Za-z0-9 -]{1,32}$/, "No class has that join code. Check it with your instructor."),
});

export const MemberActionSchema = z.object({ classId: id, userId: id });
export const ClassIdSchema = z.object({ classId: id });

export const CreateAssignmentSchema = z.object({
  classId: id,
  setId: z.string({ error: "Choose a set." }).min(1, "Choose a set.").pipe(idSchema),
  mode: z.enum(["study", "quiz"], { error: "Choose study or quiz." }),
  // <input type="datetime-local"> sends "2026-12-06T17:00", read in the instructor's time zone (Settings).
  dueAt: z.string().min(1, "Choose a due date.").max(40),
  /** "Assign anyway": a study assignment due sooner than its set needs (a checkbox sends "on"). */
  allowShort: z
    .enum(["on", "true"], { error: "“Assign anyway” is a checkbox: tick it or leave it." })
    .optional()
    .transform((v) => v !== undefined),
  maxAttempts: z.coerce
    .number()
    .int("Attempts must be a whole number.")
    .min(1, "Allow at least 1 attempt.")
    .max(10, "Allow at most 10 attempts.")
    .default(1),
});

const list = z.array(idSchema).max(2000);
const names = z.array(z.string().regex(/^[a-z_]{1,40}$/)).max(20);

export const SetFilterSchema = z.object({
  deckIds: list.min(1, "Choose at least one deck."),
  topics: names.default([]),
  kinds: names.default([]),
  minDifficulty: z.coerce.number().min(0).max(1).default(0),
  maxDifficulty: z.coerce.number().min(0).max(1).default(1),
});

export const CreateSetSchema = z.object({
  name: plainText("The name", 100).pipe(z.string().min(1, "Give the set a name.")),
  itemIds: list.min(1, "A set needs at least one item."),
});

export const RoleChangeSchema = z.object({ userId: id, role: z.enum(["learner", "instructor", "admin"]) });

// Editing and deleting (issue 14). A deletion needs the box ticked that states what it takes with it.
const confirmed = z.literal("yes", { error: "Tick the box to confirm." });
export const RenameSetSchema = z.object({
  setId: id,
  name: plainText("The name", 100).pipe(z.string().min(1, "Give the set a name.")),
});
export const DeleteSetSchema = z.object({ setId: id, confirm: confirmed });
export const UpdateClassSchema = CreateClassSchema.extend({ classId: id });
export const DeleteClassSchema = z.object({ classId: id, confirm: confirmed });
export const UpdateAssignmentSchema = CreateAssignmentSchema.pick({
  dueAt: true,
  maxAttempts: true,
}).extend({
  assignmentId: id,
});
export const DeleteAssignmentSchema = z.object({ assignmentId: id, confirm: confirmed });
