import { createHash } from "node:crypto";
import { db } from "./client";

export type DocumentInput = { slug: string; title: string; source?: string; textDate?: string; body: string };

/**
 * Stores a source document by its slug; an unchanged body (same checksum) writes nothing.
 * @returns "added", "updated" or "unchanged"
 */
export async function saveDocument(input: DocumentInput): Promise<"added" | "updated" | "unchanged"> {
  const checksum = createHash("sha256").update(input.body).digest("hex");
  const existing = await db.document.findUnique({ where: { slug: input.slug }, select: { checksum: true, title: true } });
  if (existing && existing.checksum === checksum && existing.title === input.title) return "unchanged";
  const data = { ...input, source: input.source ?? null, textDate: input.textDate ?? null, checksum };
  await db.document.upsert({ where: { slug: input.slug }, create: data, update: data });
  return existing ? "updated" : "added";
}

export function listDocuments() {
  return db.document.findMany({
    orderBy: { title: "asc" },
    select: { id: true, slug: true, title: true, source: true, textDate: true },
  });
}

export function countDocuments(): Promise<number> {
  return db.document.count();
}
