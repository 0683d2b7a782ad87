import { z } from "zod";

export const ROLES = ["learner", "instructor", "admin"] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** Reads a role stored as text (SQLite has no enums); anything unknown is treated as the least privileged role. */
export function parseRole(value: unknown): Role {
  const parsed = RoleSchema.safeParse(value);
  return parsed.success ? parsed.data : "learner";
}
