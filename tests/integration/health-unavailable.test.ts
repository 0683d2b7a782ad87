import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

// A database file without the schema (never migrated): the health check must say so with a 503.
process.env.DATABASE_URL = `file:${path.join(mkdtempSync(path.join(tmpdir(), "factdeck-empty-")), "empty.db")}`;

describe("GET /api/health without a migrated database", () => {
  it("answers 503", async () => {
    const { GET } = await import("@/app/api/health/route");
    const response = await GET();
    expect(response.status).toBe(503);
    await expect(response.json()).resolves.toEqual({
      status: "error",
      db: "unavailable",
      database: "sqlite",
      migrations: "unknown",
    });
  });
});
