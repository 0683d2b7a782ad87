import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

/** Migrates one template database with the real migrations; each test file then works on its own copy. */
export default function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), "factdeck-test-"));
  const file = path.join(dir, "template.db");
  const result = spawnSync(process.execPath, ["scripts/prepare-db.mjs", "--no-seed"], {
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`Migrating the test database failed:\n${result.stdout}\n${result.stderr}`);
  project.provide("templateDatabase", file);
  return () => rmSync(dir, { recursive: true, force: true });
}
