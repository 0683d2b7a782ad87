import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "./http";

describe("SERVER_ACTION_BODY_LIMIT_BYTES", () => {
  it("is next.config.js's serverActions.bodySizeLimit, so proxy.ts refuses exactly what Next would fail on", () => {
    const config = createRequire(import.meta.url)("../next.config.js") as {
      experimental: { serverActions: { bodySizeLimit: string } };
    };
    const [, megabytes] = /^(\d+)mb$/.exec(config.experimental.serverActions.bodySizeLimit) ?? [];
    expect(Number(megabytes) * 1024 * 1024).toBe(SERVER_ACTION_BODY_LIMIT_BYTES);
  });
});
