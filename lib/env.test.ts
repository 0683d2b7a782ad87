import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

async function freshEnv() {
  return (await import("./env")).env();
}

async function freshSecret() {
  return (await import("./env")).authSecret();
}

describe("env", () => {
  it("gives development defaults", async () => {
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv("DATABASE_URL", undefined);
    vi.stubEnv("NEXTAUTH_SECRET", undefined);
    const env = await freshEnv();
    expect(env.DATABASE_URL).toBe("file:./prisma/dev.db");
    expect(env.NEXTAUTH_SECRET).toBeUndefined();
    expect((await freshSecret()).length).toBeGreaterThanOrEqual(16);
  });

  it("refuses to run in production without a secret", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("NEXTAUTH_SECRET", undefined);
    await expect(freshEnv()).resolves.toMatchObject({ NODE_ENV: "production" });
    await expect(freshSecret()).rejects.toThrow("NEXTAUTH_SECRET must be set in production");
  });

  it("lists what is wrong with an invalid environment", async () => {
    vi.stubEnv("DATABASE_URL", "mysql://localhost/factdeck");
    vi.stubEnv("NEXTAUTH_SECRET", "short");
    await expect(freshEnv()).rejects.toThrow(
      /DATABASE_URL must be a SQLite file URL[\s\S]*NEXTAUTH_SECRET must be at least 16/,
    );
  });

  it("accepts a PostgreSQL URL", async () => {
    vi.stubEnv("DATABASE_URL", "postgresql://factdeck@127.0.0.1:5432/factdeck");
    await expect(freshEnv()).resolves.toMatchObject({ DATABASE_URL: "postgresql://factdeck@127.0.0.1:5432/factdeck" });
  });
});
