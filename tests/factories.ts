import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import { createUser, findUserForSignIn } from "@/lib/db/users";

/** Password of every demo account and of users made by factories unless a test gives its own. */
export const DEMO_PASSWORD = "factdeck-demo";

export const DEMO_ACCOUNTS = [
  { email: "learner@example.com", name: "Demo Learner", role: "learner" },
  { email: "instructor@example.com", name: "Demo Instructor", role: "instructor" },
  { email: "admin@example.com", name: "Demo Admin", role: "admin" },
] as const satisfies readonly { email: string; name: string; role: Role }[];

let counter = 0;

/**
 * Creates a user, or returns the existing one with that email (so the seed can call it on every run).
 * @example const learner = await makeUser({ role: "learner" })
 */
export async function makeUser(overrides: { email?: string; name?: string; role?: Role; password?: string } = {}) {
  counter += 1;
  const email = (overrides.email ?? `user-${Date.now().toString(36)}-${counter}@example.com`).toLowerCase();
  const existing = await findUserForSignIn(email);
  if (existing) return { id: existing.id, email: existing.email, name: existing.name, role: existing.role };
  const result = await createUser({
    email,
    name: overrides.name ?? `Test User ${counter}`,
    role: overrides.role ?? "learner",
    passwordHash: await hashPassword(overrides.password ?? DEMO_PASSWORD),
  });
  if (!result.ok) throw new Error(`makeUser: ${email} was created concurrently`);
  return result.user;
}
