/**
 * A fixed-window limiter kept in memory (one server process: the single-machine default; a deployment with several
 * processes would keep the counters in a shared store). Time is an argument, so it tests without a clock.
 * @example const limiter = createLimiter({ limit: 5, windowMs: 15 * 60_000 });
 *          limiter.hit("sign-in:ada@example.com", new Date()) // { allowed: true, retryAfterMs: 0 }
 */
export function createLimiter({
  limit,
  windowMs,
  maxKeys = 10_000,
}: {
  limit: number;
  windowMs: number;
  maxKeys?: number;
}) {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    /** Counts one attempt for `key`; refused once `limit` attempts fall in the current window. */
    hit(key: string, now: Date): { allowed: boolean; retryAfterMs: number } {
      const t = now.getTime();
      let window = windows.get(key);
      if (!window || t - window.start >= windowMs) {
        // Bounded memory: forget every key when the table is full (a flood of distinct keys must not grow it).
        if (windows.size >= maxKeys) windows.clear();
        window = { start: t, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      return window.count > limit
        ? { allowed: false, retryAfterMs: window.start + windowMs - t }
        : { allowed: true, retryAfterMs: 0 };
    },
    /** Forgets a key (a successful sign-in clears that account's failures). */
    reset(key: string) {
      windows.delete(key);
    },
  };
}

const FIFTEEN_MINUTES = 15 * 60_000;
/** Sign-in attempts per account and per address; sign-ups per address. */
export const signInByAccount = createLimiter({ limit: 10, windowMs: FIFTEEN_MINUTES });
export const signInByAddress = createLimiter({ limit: 100, windowMs: FIFTEEN_MINUTES });
export const signUpByAddress = createLimiter({ limit: 20, windowMs: 60 * 60_000 });

/**
 * Counts an attempt from an address. Without a proxy that reports addresses ("direct") every visitor would share
 * one counter and a classroom would lock itself out, so such attempts are only limited per account.
 */
export function hitAddress(limiter: ReturnType<typeof createLimiter>, key: string, address: string, now: Date) {
  return address === "direct" ? { allowed: true, retryAfterMs: 0 } : limiter.hit(`${key}:${address}`, now);
}

/** The client's address as the proxy in front reports it; "direct" when there is none (`next start` alone). */
export function clientAddress(
  headers: { get(name: string): string | null } | Record<string, unknown> | undefined,
): string {
  const read = (name: string) =>
    headers && typeof (headers as { get?: unknown }).get === "function"
      ? (headers as { get(name: string): string | null }).get(name)
      : (((headers as Record<string, unknown> | undefined)?.[name] as string | undefined) ?? null);
  return read("x-forwarded-for")?.split(",")[0]?.trim() || read("x-real-ip") || "direct";
}

export const RATE_LIMITED = "RATE_LIMITED";
