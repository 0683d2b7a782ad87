import { RateLimiterPrisma } from "rate-limiter-flexible";
import { db } from "./client";

/**
 * A fixed-window counter stored in the RateLimit table through rate-limiter-flexible's Prisma store: counters survive
 * restarts, are shared by every process on the database, and never need evicting (expired rows are deleted every five
 * minutes by the store). The store's SQL is Prisma's, so it runs unchanged on PostgreSQL.
 * @example const byAddress = storedLimiter({ name: "sign-in-address", points: 100, durationS: 86_400 })
 */
export function storedLimiter({ name, points, durationS }: { name: string; points: number; durationS: number }) {
  return new RateLimiterPrisma({
    storeClient: db,
    tableName: "rateLimit",
    keyPrefix: name,
    points,
    duration: durationS,
  });
}
