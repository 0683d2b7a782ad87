import { describe, expect, it } from "vitest";
import { queryDb } from "@/lib/db/query";
import { TABLES } from "@/lib/db/tables";

// The query builder's hand-kept column types (lib/db/tables.ts) against the migrated database, on SQLite and on
// PostgreSQL (tests/setup/both-databases.ts): a column renamed, added to TABLES by mistake or retyped in the schema
// fails here instead of at run time.
const KINDS: Record<string, string> = {
  // SQLite (Prisma's column types)
  TEXT: "text",
  INTEGER: "int",
  REAL: "float",
  BOOLEAN: "bool",
  DATETIME: "date",
  // PostgreSQL
  text: "text",
  int4: "int",
  float8: "float",
  bool: "bool",
  timestamp: "date",
};

describe("query builder tables", () => {
  it("match the migrated database column by column", async () => {
    const { q } = queryDb();
    const tables = await q.introspection.getTables();
    for (const [table, columns] of Object.entries(TABLES)) {
      const actual = tables.find((t) => t.name === table);
      expect(actual, `table ${table}`).toBeDefined();
      const described = Object.fromEntries(
        actual!.columns
          .filter((column) => column.name in columns)
          .map((column) => [
            column.name,
            `${KINDS[column.dataType] ?? column.dataType}${column.isNullable ? "?" : ""}`,
          ]),
      );
      expect(described, table).toEqual(columns);
      // Every column of the table that the types leave out would be invisible to queries: list them all.
      expect(
        actual!.columns.map((column) => column.name).sort(),
        `${table} has columns lib/db/tables.ts lacks`,
      ).toEqual(Object.keys(columns).sort());
    }
  });
});
