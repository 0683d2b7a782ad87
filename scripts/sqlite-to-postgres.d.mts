/** Copies a migrated SQLite database into a migrated, empty PostgreSQL database (scripts/sqlite-to-postgres.mjs). */
export function copySqliteToPostgres(
  sqliteFile: string,
  url: string,
  options?: { log?: (line: string) => void },
): Promise<{ tables: Record<string, number>; order: string[]; cardsDisagreeing: string[] }>;
