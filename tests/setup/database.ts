import { copyFileSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";

// A copy of the migrated template per test file: costs a millisecond and isolates files from each other
// (Vitest gives each file its own module registry, so each file's Prisma client opens its own copy).
const template = inject("templateDatabase");
const file = path.join(path.dirname(template), `${crypto.randomUUID()}.db`);
copyFileSync(template, file);
process.env.DATABASE_URL = `file:${file}`;
