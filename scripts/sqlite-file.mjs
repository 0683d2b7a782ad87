// The SQLite file DATABASE_URL names (default file:./prisma/dev.db), as an absolute path.
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export function databaseFile() {
  const url = process.env.DATABASE_URL ?? "file:./prisma/dev.db";
  if (!url.startsWith("file:")) throw new Error(`DATABASE_URL must be a SQLite file URL (file:./path.db), got: ${url}`);
  return path.resolve(root, url.slice("file:".length));
}
