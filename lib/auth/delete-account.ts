import { accountDependents, deleteUserAndData, findPasswordHash, type UserSummary } from "@/lib/db/users";
import { verifyPassword } from "./password";
import { beginSignIn, signInSucceeded } from "./rate-limit";

export type DeleteAccountResult =
  | { ok: true }
  | { ok: false; reason: "wrong_password" | "limited" }
  | { ok: false; reason: "has_dependents"; classes: string[]; assignedSets: string[] };

/**
 * Deletes the signed-in user's account and data (lib/db/users.ts deleteUserAndData says what goes and what stays)
 * after checking their password, which counts against the sign-in limits like a password change. Their sessions go
 * with the account, so every device of theirs is signed out at once. Refused while they run classes or their sets
 * are assigned: deleting those would take other people's assignments and scores with them (docs/decisions/022).
 * @example await deleteAccount({ user, password, address: clientAddress(await headers()) })
 */
export async function deleteAccount(input: {
  user: UserSummary;
  password: string;
  address: string;
}): Promise<DeleteAccountResult> {
  const { user } = input;
  if (!(await beginSignIn(user.email, input.address))) return { ok: false, reason: "limited" };
  const hash = await findPasswordHash(user.id);
  if (!hash || !(await verifyPassword(hash, input.password))) return { ok: false, reason: "wrong_password" };
  await signInSucceeded(user.email, input.address);
  const dependents = await accountDependents(user.id);
  if (dependents.classes.length || dependents.assignedSets.length) {
    return { ok: false, reason: "has_dependents", ...dependents };
  }
  // A class made between the check and here is caught by the transaction's own check.
  if (!(await deleteUserAndData(user.id)))
    return { ok: false, reason: "has_dependents", ...(await accountDependents(user.id)) };
  return { ok: true };
}
