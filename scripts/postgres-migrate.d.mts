/** The PostgreSQL migrations folder (prisma/postgres/migrations). */
export const POSTGRES_MIGRATIONS: string;
/** Applies the pending PostgreSQL migrations to the database at `url`; returns the names applied. */
export function migratePostgres(
  url: string,
  options?: { folder?: string; log?: (line: string) => void },
): Promise<string[]>;
