import Database from "better-sqlite3";

/** Reads the e2e server's database directly (prisma/e2e.db), for checks a page does not show. */
export function sql<T>(query: string, ...args: unknown[]): T[] {
  const db = new Database("prisma/e2e.db");
  try {
    return db.prepare(query).all(...args) as T[];
  } finally {
    db.close();
  }
}

export type ItemRow = { kind: string; prompt: string; answer: string; topic: string };

/** A deck's live items as an export/import round trip compares them. */
export const itemsOf = (documentId: string) =>
  sql<ItemRow>(
    `SELECT kind, prompt, answer, topic FROM "Item" WHERE documentId = ? AND retiredAt IS NULL ORDER BY position`,
    documentId,
  );

/** How an exported item is asked once imported: options, pairs and sequences do not travel (README). */
export const asImported = (row: ItemRow) => ({
  ...row,
  kind: ["multiple_choice", "true_false"].includes(row.kind)
    ? "typed"
    : ["matching", "ordering"].includes(row.kind)
      ? "flashcard"
      : row.kind,
});
