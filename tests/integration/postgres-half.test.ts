import { describe, expect, it } from "vitest";

// Makes a run without PostgreSQL say so in its summary ("1 skipped"), next to the warning vitest.config.mts prints.
describe("PostgreSQL half of the integration tests", () => {
  it.skipIf(!process.env.TEST_POSTGRES_URL)("runs: TEST_POSTGRES_URL names a server (else SKIPPED)", () => {
    expect(process.env.TEST_POSTGRES_URL).toMatch(/^postgres(ql)?:\/\//);
  });
});
