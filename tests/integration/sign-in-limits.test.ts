/**
 * Sign-in and sign-up limits under the attacks of issue 12: a client naming its own address in X-Forwarded-For,
 * an attacker guessing at someone else's account, a flood of distinct e-mails from one address, a restart. The
 * production server's preload (scripts/client-address.cjs) is modelled by its marker and header: the socket's
 * address arrives in X-Factdeck-Client-Address, whatever X-Forwarded-For the client sent.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { signUpAction } from "@/app/(auth)/signup/actions";
import { SIGN_UPS_PER_HOUR } from "@/lib/auth/rate-limit";
import { db } from "@/lib/db/client";
import { makeUser } from "@/tests/factories";

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;

const PRELOADED = Symbol.for("factdeck.clientAddressHeader");
beforeAll(() => {
  (globalThis as Record<symbol, unknown>)[PRELOADED] = true;
});
afterAll(() => {
  delete (globalThis as Record<symbol, unknown>)[PRELOADED];
});

let requestHeaders: Record<string, string> = {};
vi.mock("next/headers", async (original) => ({
  ...(await original<object>()),
  headers: async () => new Headers(requestHeaders),
}));

/** A request from the socket address `peer` that claims to be forwarded for `forwardedFor`. */
const from = (peer: string, forwardedFor = peer) => ({
  headers: { "x-factdeck-client-address": peer, "x-forwarded-for": forwardedFor },
});

async function authorize(credentials: Record<string, string>, req: { headers: Record<string, string> }) {
  const { authOptions } = await import("@/lib/auth/options");
  const provider = authOptions().providers[0] as unknown as { options: { authorize: Authorize } };
  return provider.options.authorize(credentials, req);
}

const ok = (email: string) => expect.objectContaining({ email });

// Each test runs 10–110 argon2 checks; on a busy machine that takes longer than Vitest's default 5 s.
describe("sign-in limits", { timeout: 60_000 }, () => {
  it("an attacker on another address cannot lock the owner out, even naming the owner's address in X-Forwarded-For", async () => {
    await makeUser({ email: "owner@example.com", password: "owner-password" });
    // Issue 12's attack: 101 failures claiming to come from the owner's own (loopback) address.
    for (let i = 0; i < 101; i += 1) {
      await authorize(
        { email: "owner@example.com", password: `guess-${i}` },
        from("203.0.113.66", "::ffff:127.0.0.1"),
      ).catch(() => null);
    }
    await expect(
      authorize({ email: "owner@example.com", password: "owner-password" }, from("203.0.113.66")),
    ).rejects.toThrow("RATE_LIMITED");
    await expect(
      authorize({ email: "owner@example.com", password: "owner-password" }, from("::ffff:127.0.0.1")),
    ).resolves.toEqual(ok("owner@example.com"));
  });

  it("limits an address to 100 failures a day across accounts; varying X-Forwarded-For does not help", async () => {
    for (let i = 0; i < 100; i += 1) {
      await authorize({ email: `spray-${i}@example.com`, password: "Winter2026!" }, from("203.0.113.7", `10.0.${i}.1`));
    }
    await makeUser({ email: "sprayed@example.com", password: "right-password" });
    await expect(
      authorize({ email: "sprayed@example.com", password: "right-password" }, from("203.0.113.7", "10.9.9.9")),
    ).rejects.toThrow("RATE_LIMITED");
    await expect(
      authorize({ email: "sprayed@example.com", password: "right-password" }, from("198.51.100.20")),
    ).resolves.toEqual(ok("sprayed@example.com"));
  });

  it("successful sign-ins from one address (a classroom) never use up its budget", async () => {
    await makeUser({ email: "pupil@example.com", password: "pupil-password" });
    for (let i = 0; i < 105; i += 1) {
      await expect(
        authorize({ email: "pupil@example.com", password: "pupil-password" }, from("192.0.2.10")),
      ).resolves.toEqual(ok("pupil@example.com"));
    }
  });

  it("a flood of 10,100 distinct e-mails from one address resets nobody's counter", async () => {
    await makeUser({ email: "locked@example.com", password: "locked-password" });
    for (let i = 0; i < 10; i += 1) {
      await authorize({ email: "locked@example.com", password: `guess-${i}` }, from("198.51.100.99"));
    }
    const countersBefore = await db.rateLimit.count();
    const flood = Array.from({ length: 10_100 }, (_, i) => `fake-${i}@example.com`);
    for (let i = 0; i < flood.length; i += 50) {
      await Promise.allSettled(
        flood.slice(i, i + 50).map((email) => authorize({ email, password: "x" }, from("198.51.100.99"))),
      );
    }
    await expect(
      authorize({ email: "locked@example.com", password: "locked-password" }, from("198.51.100.99")),
    ).rejects.toThrow("RATE_LIMITED");
    // The flood was stopped at the address limit: at most 100 e-mails got counters (a pair and an account each).
    expect((await db.rateLimit.count()) - countersBefore).toBeLessThanOrEqual(2 * 100);
  }, 120_000);

  it("counters survive a restart (a fresh module graph on the same database)", async () => {
    await makeUser({ email: "restart@example.com", password: "restart-password" });
    for (let i = 0; i < 10; i += 1) {
      await authorize({ email: "restart@example.com", password: `guess-${i}` }, from("198.51.100.42"));
    }
    vi.resetModules();
    await expect(
      authorize({ email: "restart@example.com", password: "restart-password" }, from("198.51.100.42")),
    ).rejects.toThrow("RATE_LIMITED");
  });

  it("caps failures per account across all addresses, so distributed guessing is bounded", async () => {
    await makeUser({ email: "target@example.com", password: "target-password" });
    // 1,000 failures from ten or more addresses, written directly: an argon2 check per failure would take a minute.
    await authorize({ email: "target@example.com", password: "guess" }, from("198.51.100.1"));
    await db.rateLimit.updateMany({ where: { key: { startsWith: "sign-in-account:" } }, data: { points: 1000 } });
    await expect(
      authorize({ email: "target@example.com", password: "target-password" }, from("198.51.100.77")),
    ).rejects.toThrow("RATE_LIMITED");
  });
});

describe("sign-up limit", { timeout: 60_000 }, () => {
  const form = (email: string) => {
    const data = new FormData();
    data.set("name", "Flood");
    data.set("email", email);
    data.set("password", "long enough password");
    return data;
  };

  it("allows SIGN_UPS_PER_HOUR sign-ups an hour per address, whatever X-Forwarded-For says", async () => {
    for (let i = 0; i < SIGN_UPS_PER_HOUR; i += 1) {
      requestHeaders = { "x-factdeck-client-address": "203.0.113.50", "x-forwarded-for": `10.1.${i}.1` };
      await expect(signUpAction(form(`flood-${i}@example.com`))).resolves.toEqual({ ok: true });
    }
    requestHeaders = { "x-factdeck-client-address": "203.0.113.50", "x-forwarded-for": "10.1.99.1" };
    await expect(signUpAction(form("flood-over@example.com"))).resolves.toEqual({
      ok: false,
      message: "Too many sign-ups from this network. Try again in an hour.",
    });
    expect(await db.user.count({ where: { email: "flood-over@example.com" } })).toBe(0);
    requestHeaders = { "x-factdeck-client-address": "198.51.100.50" };
    await expect(signUpAction(form("elsewhere@example.com"))).resolves.toEqual({ ok: true });
  });
});
