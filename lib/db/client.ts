import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/lib/env";

// One client per process. In development Next reloads modules on every edit, so the client is kept on globalThis
// instead of opening a new SQLite connection each time.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function createClient(): PrismaClient {
  // better-sqlite3's `timeout` is SQLite's busy timeout: a writer waits up to 5 s for another writer's lock
  // instead of failing at once with SQLITE_BUSY.
  const adapter = new PrismaBetterSQLite3({ url: env().DATABASE_URL, timeout: 5000 });
  return new PrismaClient({ adapter });
}

/** The Prisma client. Only modules in lib/db import it. */
export const db: PrismaClient = globalForPrisma.prisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = db;
