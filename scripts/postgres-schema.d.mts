/** The source schema with the PostgreSQL datasource and client output, as prisma/postgres/schema.prisma holds it. */
export function postgresSchemaText(text?: string): string;
/** Migration folder names (those with a migration.sql), oldest first. */
export function migrationNames(folder: string): string[];
/** What is out of date, as sentences; empty when the generated schema and the PostgreSQL migrations are current. */
export function outOfDate(): string[];
