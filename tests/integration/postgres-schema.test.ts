import { describe, expect, it } from "vitest";
import { outOfDate } from "@/scripts/postgres-schema.mjs";

// prisma/postgres/schema.prisma is generated from prisma/schema.prisma, and its migrations must cover every SQLite
// migration: a schema change merged without `npm run db:postgres-schema` fails here (no PostgreSQL needed).
describe("PostgreSQL schema", () => {
  it("is generated from the current source schema, with a migration for every change", () => {
    expect(outOfDate()).toEqual([]);
  });
});
