import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type Database from "better-sqlite3";
import path from "node:path";
import { PrismaClient } from "@/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/generated/prisma-postgres/client";
import { databaseKind, env } from "@/lib/env";
import { holdAppLock } from "@/scripts/app-lock.mjs";

// One client per process. In development Next reloads modules on every edit, so the client is kept on globalThis
// instead of opening a new connection each time.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; prismaConnection?: Database.Database };

/**
 * The adapter factory, remembering the better-sqlite3 connection Prisma opens: the study loop's writes run on that
 * same connection (lib/db/sqlite.ts writeTransaction), so the process keeps one writer and Prisma's transactions
 * never meet a write from a second connection.
 * TODO: this reads the adapter's private `client`. Giving the raw writes a connection of their own first needs every
 * Prisma interactive transaction to begin as a writer (beginAsWriter), else a raw commit between its read and its
 * write fails it with SQLITE_BUSY_SNAPSHOT (docs/decisions/027, "Left").
 */
type AdapterFactory = NonNullable<NonNullable<ConstructorParameters<typeof PrismaClient>[0]>["adapter"]>;

function sqliteAdapterFactory(): AdapterFactory {
  // better-sqlite3's `timeout` is SQLite's busy timeout: a writer waits up to 5 s for another writer's lock
  // instead of failing at once with SQLITE_BUSY.
  const factory = new PrismaBetterSQLite3({ url: env().DATABASE_URL, timeout: 5000 });
  const remember = (adapter: Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>) => {
    // The adapter keeps its connection in `client` (@prisma/adapter-better-sqlite3); tests/integration/reviews
    // fails if a Prisma upgrade changes that.
    globalForPrisma.prismaConnection = (adapter as unknown as { client: Database.Database }).client;
    // While connected, this process marks the database as in use, so db:restore refuses to pull it from under the
    // app (scripts/app-lock.mjs); $disconnect() lets go of it.
    const marker = holdAppLock(path.resolve(env().DATABASE_URL.slice("file:".length)));
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = () => {
      marker.release();
      return dispose();
    };
    return adapter;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => factory.connect().then(remember),
  };
}

function createClient(): PrismaClient {
  if (databaseKind() === "postgres") {
    // The client generated from prisma/postgres/schema.prisma: the same models, and types that are a superset of
    // the SQLite client's for everything this code uses (STACK.md), so the rest of lib/db uses one type.
    const client = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: env().DATABASE_URL }) });
    return client as unknown as PrismaClient;
  }
  return new PrismaClient({ adapter: sqliteAdapterFactory() });
}

/** The Prisma client. Only modules in lib/db import it. */
export const db: PrismaClient = globalForPrisma.prisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = db;

/** Prisma's own better-sqlite3 connection (opened by the first query). SQLite only. */
export async function prismaConnection(): Promise<Database.Database> {
  if (databaseKind() !== "sqlite") throw new Error("prismaConnection(): the database is not SQLite");
  if (!globalForPrisma.prismaConnection?.open) await db.$connect();
  const connection = globalForPrisma.prismaConnection;
  if (!connection?.open) throw new Error("Prisma's SQLite connection is not open");
  return connection;
}
