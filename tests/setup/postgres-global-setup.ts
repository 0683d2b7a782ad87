import pg from "pg";
import type { TestProject } from "vitest/node";
import { migratePostgres } from "@/scripts/postgres-migrate.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    postgresTemplate: { serverUrl: string; template: string; prefix: string };
  }
}

/** The server's URL with another database name. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * Migrates one template database on TEST_POSTGRES_URL's server with the real PostgreSQL migrations (our runner,
 * scripts/postgres-migrate.mjs); each test file then gets `CREATE DATABASE … TEMPLATE` of it
 * (tests/setup/postgres-database.ts). Every database of this run is dropped at the end.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_POSTGRES_URL;
  if (!serverUrl) throw new Error("the PostgreSQL project runs only with TEST_POSTGRES_URL");
  const prefix = `factdeck_test_${process.pid}_${Date.now().toString(36)}`;
  const template = `${prefix}_template`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${template}"`);
  await admin.end();
  await migratePostgres(databaseUrl(serverUrl, template));
  project.provide("postgresTemplate", { serverUrl, template, prefix });
  return async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
      `${prefix}%`,
    ]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await client.end();
  };
}
