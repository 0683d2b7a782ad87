import { describe, expect, it } from "vitest";
import { clientAddress, createLimiter } from "./rate-limit";

describe("createLimiter", () => {
  it("allows `limit` attempts per window per key, then refuses until the window ends", () => {
    const limiter = createLimiter({ limit: 2, windowMs: 60_000 });
    const t0 = new Date("2026-01-01T00:00:00Z");
    const at = (s: number) => new Date(t0.getTime() + s * 1000);
    expect(limiter.hit("a", at(0))).toEqual({ allowed: true, retryAfterMs: 0 });
    expect(limiter.hit("a", at(1))).toEqual({ allowed: true, retryAfterMs: 0 });
    expect(limiter.hit("a", at(2))).toEqual({ allowed: false, retryAfterMs: 58_000 });
    expect(limiter.hit("b", at(2)).allowed).toBe(true);
    expect(limiter.hit("a", at(60)).allowed).toBe(true);
    limiter.reset("a");
    expect(limiter.hit("a", at(61)).allowed).toBe(true);
  });
});

describe("clientAddress", () => {
  it("takes the first forwarded address, else the real-ip header, else 'direct'", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.5, 10.0.0.1" }))).toBe("203.0.113.5");
    expect(clientAddress({ "x-real-ip": "198.51.100.7" })).toBe("198.51.100.7");
    expect(clientAddress(new Headers())).toBe("direct");
  });
});

describe("hitAddress", () => {
  it("limits by address only when a proxy reports one", async () => {
    const { hitAddress } = await import("./rate-limit");
    const limiter = createLimiter({ limit: 1, windowMs: 60_000 });
    const now = new Date("2026-01-01T00:00:00Z");
    expect(hitAddress(limiter, "k", "direct", now).allowed).toBe(true);
    expect(hitAddress(limiter, "k", "direct", now).allowed).toBe(true);
    expect(hitAddress(limiter, "k", "203.0.113.5", now).allowed).toBe(true);
    expect(hitAddress(limiter, "k", "203.0.113.5", now).allowed).toBe(false);
  });
});
