import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// Instances sharing one PostgreSQL database must sign sessions with one secret: a secret generated per machine
// (what `npm start` does on SQLite) would sign each instance's cookies differently (docs/decisions/027).
describe("npm start on PostgreSQL", () => {
  it("refuses to start without NEXTAUTH_SECRET, before touching the database", () => {
    const { NEXTAUTH_SECRET: _, ...env } = process.env;
    const started = spawnSync(process.execPath, ["scripts/start.mjs"], {
      // Nothing listens there: the refusal must come before any connection.
      env: { ...env, DATABASE_URL: "postgresql://factdeck@127.0.0.1:1/factdeck" },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(started.status).toBe(1);
    expect(started.stderr).toContain("NEXTAUTH_SECRET must be set when DATABASE_URL is PostgreSQL");
  });
});
