import pg from "pg";
import { inject } from "vitest";
import { databaseUrl } from "./postgres-global-setup";

// A database per test file, copied from the migrated template by PostgreSQL itself (a file copy on the server:
// tens of milliseconds), so files stay isolated as they are on SQLite (tests/setup/database.ts).
const { serverUrl, template, prefix } = inject("postgresTemplate");
const name = `${prefix}_${crypto.randomUUID().replaceAll("-", "")}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
try {
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
} finally {
  await admin.end();
}
process.env.DATABASE_URL = databaseUrl(serverUrl, name);
