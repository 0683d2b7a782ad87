import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import path from "node:path";
import { PrismaClient } from "@/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/generated/prisma-postgres/client";
import { databaseKind, env } from "@/lib/env";
import { holdAppLock } from "@/scripts/app-lock.mjs";
import { BEGIN_AS_WRITER_SQL } from "./sqlite";

// One client per process. In development Next reloads modules on every edit, so the client is kept on globalThis
// instead of opening a new connection each time.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

type AdapterFactory = NonNullable<NonNullable<ConstructorParameters<typeof PrismaClient>[0]>["adapter"]>;
type Adapter = Awaited<ReturnType<AdapterFactory["connect"]>>;

/**
 * Prisma's SQLite adapter, with every transaction beginning as a writer. The study loop writes on a connection of its
 * own (lib/db/sqlite.ts writeSync); a Prisma transaction begins with a plain BEGIN, and if it read first, a commit
 * of those writes between its read and its write would fail it at once with SQLITE_BUSY_SNAPSHOT (docs/decisions/008,
 * 027). A write as its first statement takes the write lock before any snapshot: the study loop's writes then retry
 * until it ends. Only the adapter's public interface is used (startTransaction, executeRaw, dispose).
 */
function sqliteAdapterFactory(): AdapterFactory {
  // better-sqlite3's `timeout` is SQLite's busy timeout: a writer waits up to 5 s for another process's write lock
  // instead of failing at once with SQLITE_BUSY.
  const factory = new PrismaBetterSQLite3({ url: env().DATABASE_URL, timeout: 5000 });
  const wrap = (adapter: Adapter): Adapter => {
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const transaction = await startTransaction(isolationLevel);
      try {
        await transaction.executeRaw({ sql: BEGIN_AS_WRITER_SQL, args: [], argTypes: [] });
      } catch (error) {
        // Prisma sends COMMIT/ROLLBACK itself; a transaction it never receives must be ended here.
        await transaction.executeRaw({ sql: "ROLLBACK", args: [], argTypes: [] }).catch(() => undefined);
        await transaction.rollback();
        throw error;
      }
      return transaction;
    };
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
    connect: () => factory.connect().then(wrap),
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
