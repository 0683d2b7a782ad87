import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { db } from "@/lib/db/client";
import { databaseKind } from "@/lib/env";

// Runs on both databases (vitest.config.mts BOTH_DATABASES): the report names the one DATABASE_URL selects.
const database = databaseKind() === "postgres" ? "postgresql" : "sqlite";

describe("GET /api/health", () => {
  it("answers ok after a real query on the migrated database, naming the database", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    await expect(response.json()).resolves.toEqual({ status: "ok", db: "ok", database, migrations: "current" });
  });

  it("answers 503 when a migration this code ships is not applied", async () => {
    // As if the newest migration had not run yet (an instance of newer code started before the database was
    // migrated): the history lacks it.
    const [newest] = await db.$queryRawUnsafe<{ name: string }[]>(
      `SELECT "migration_name" AS "name" FROM "_prisma_migrations" ORDER BY "migration_name" DESC LIMIT 1`,
    );
    await db.$executeRaw`DELETE FROM "_prisma_migrations" WHERE "migration_name" = ${newest!.name}`;
    const response = await GET();
    expect(response.status).toBe(503);
    await expect(response.json()).resolves.toEqual({
      status: "error",
      db: "migrations pending",
      database,
      migrations: "pending",
    });
  });
});
