import { db } from "./client";

/** True when the database answers a real query (and the schema is migrated: the User table exists). */
export async function databaseIsHealthy(): Promise<boolean> {
  try {
    await db.user.count();
    return true;
  } catch {
    return false;
  }
}
