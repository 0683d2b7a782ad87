import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { findUserById, type UserSummary } from "@/lib/db/users";
import { can, type Ability } from "./can";
import { authOptions } from "./options";

/**
 * The signed-in user, read fresh from the database (a deleted user or a changed role takes effect at once),
 * or null for an anonymous visitor.
 */
export async function getCurrentUser(): Promise<UserSummary | null> {
  // Marks the page as rendered per request (it depends on the cookie) before anything reads the auth secret.
  await connection();
  const session = await getServerSession(authOptions());
  if (!session?.user?.id) return null;
  return findUserById(session.user.id);
}

/** The signed-in user; anonymous visitors are sent to /login and come back to `returnTo` afterwards. */
export async function requireUser(returnTo = "/"): Promise<UserSummary> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** The signed-in user if they hold `ability` (lib/auth/can.ts); others get a 404 so the page is not revealed. */
export async function requireAbility(ability: Ability, returnTo = "/"): Promise<UserSummary> {
  const user = await requireUser(returnTo);
  if (!can(user, ability)) notFound();
  return user;
}
