import type { UserSummary } from "@/lib/db/users";

/**
 * Who may do what: the one place the app's roles are interpreted. Ownership of a particular class or set is
 * checked in the query itself (lib/db/classes.ts: `where: { id, ownerId }`), so someone else's thing is "not found".
 *
 * - learners study, take quizzes and join classes;
 * - instructors also add documents, build sets, run their own classes;
 * - admins also manage users and roles, may open any class and edit any deck's items (decks in content/ have no
 *   owner: only admins fix them).
 */
export type Ability = "upload-document" | "teach" | "manage-users" | "see-all-classes" | "edit-any-deck";

const ABILITIES: Record<UserSummary["role"], readonly Ability[]> = {
  learner: [],
  instructor: ["upload-document", "teach"],
  admin: ["upload-document", "teach", "manage-users", "see-all-classes", "edit-any-deck"],
};

/** @example can(user, "teach") // true for instructors and admins */
export function can(user: Pick<UserSummary, "role"> | null, ability: Ability): boolean {
  return !!user && ABILITIES[user.role].includes(ability);
}
