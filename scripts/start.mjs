#!/usr/bin/env node
// `npm start`: prepares the database (migrations; seed when empty) and runs the production server on PORT.
// Without NEXTAUTH_SECRET it makes a random one and keeps it in .nextauth-secret (git-ignored), so sessions survive
// restarts; set NEXTAUTH_SECRET yourself when you run more than one server.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { holdAppLock } from "./app-lock.mjs";
import { databaseFile } from "./sqlite-file.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

// PostgreSQL (docs/decisions/027) has no such file: instances share the server, and restores go through pg_restore.
const postgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "");
if (postgres && !process.env.NEXTAUTH_SECRET) {
  // Several instances on one database must sign sessions with one secret; a file per machine would split them.
  console.error("start: NEXTAUTH_SECRET must be set when DATABASE_URL is PostgreSQL (the same on every instance)");
  process.exit(1);
}

const prepared = spawnSync(process.execPath, [path.join(root, "scripts/prepare-db.mjs")], {
  stdio: "inherit",
  cwd: root,
});
if (prepared.status !== 0) process.exit(prepared.status ?? 1);
// The server marks the database as in use from before it serves (its own connections mark it too once open), so
// db:restore and an exclusive migration refuse while it runs (scripts/app-lock.mjs). Released when this process ends.
const marker = postgres ? { release() {} } : holdAppLock(databaseFile());

const env = { ...process.env, NODE_ENV: "production" };
if (!env.NEXTAUTH_SECRET) {
  const secretFile = path.join(root, ".nextauth-secret");
  if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString("base64url"), { mode: 0o600 });
  env.NEXTAUTH_SECRET = readFileSync(secretFile, "utf8").trim();
  console.warn("start: NEXTAUTH_SECRET is not set; using the generated secret in .nextauth-secret");
}

// The preload gives the app the client's real address (Next does not; see scripts/client-address.mjs).
const preload = path.join(root, "scripts/client-address.mjs");
const nextArgs = [
  "--import",
  pathToFileURL(preload).href,
  require.resolve("next/dist/bin/next"),
  "start",
  ...process.argv.slice(2),
];
const next = spawn(process.execPath, nextArgs, {
  stdio: "inherit",
  cwd: root,
  env,
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => next.kill(signal));
next.on("exit", (code, signal) => {
  marker.release();
  process.exit(code ?? (signal ? 1 : 0));
});
