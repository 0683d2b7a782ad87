/**
 * Micro-benchmark: the per-request session check of the study API (lib/auth/session.ts userFromSessionToken) with
 * the Session join (issue 12) against the check before it (the same cached decode, then the User row by id).
 *   npx tsx bench/session-check.ts [--users 1000] [--sessions-per-user 3] [--calls 200000]
 * A fresh migrated SQLite file; users and sessions written straight with better-sqlite3; the token decode is cached
 * in both cases (as in the server), so what differs is the one prepared statement. Prints µs per call (median of 5
 * runs) and a JSON line.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const USERS = flag("users", 1000);
const PER_USER = flag("sessions-per-user", 3);
const CALLS = flag("calls", 200_000);

const dir = mkdtempSync(path.join(tmpdir(), "factdeck-session-bench-"));
const file = path.join(dir, "bench.db");
process.env.DATABASE_URL = `file:${file}`;
process.env.NEXTAUTH_SECRET = "factdeck-session-bench-secret-0123456789";
const migrated = spawnSync(process.execPath, ["scripts/prepare-db.mjs", "--no-seed"], {
  env: process.env,
  stdio: ["ignore", "ignore", "inherit"],
});
if (migrated.status !== 0) throw new Error("migration failed");

const raw = new Database(file);
const now = new Date().toISOString().replace("Z", "+00:00");
const later = new Date(Date.now() + 8 * 86_400_000).toISOString().replace("Z", "+00:00");
const insertUser = raw.prepare(
  "INSERT INTO User (id, email, name, passwordHash, role, createdAt, updatedAt) VALUES (?, ?, ?, 'x', 'learner', ?, ?)",
);
const insertSession = raw.prepare("INSERT INTO Session (id, userId, createdAt, expiresAt) VALUES (?, ?, ?, ?)");
raw.transaction(() => {
  for (let u = 0; u < USERS; u += 1) {
    insertUser.run(`user${u}`, `user${u}@example.com`, `User ${u}`, now, now);
    for (let s = 0; s < PER_USER; s += 1) insertSession.run(`s${u}-${s}`, `user${u}`, now, later);
  }
})();
raw.close();

async function main() {
  const { encode } = await import("next-auth/jwt");
  const { userFromSessionToken } = await import("@/lib/auth/session");
  const { decodeSessionToken } = await import("@/lib/auth/session-token");
  const { findUserById } = await import("@/lib/db/users");

  const secret = process.env.NEXTAUTH_SECRET!;
  const sample = Math.min(USERS, 200);
  const tokens = await Promise.all(
    Array.from({ length: sample }, (_, u) =>
      encode({ token: { id: `user${u}`, role: "learner", sid: `s${u}-0` }, secret, maxAge: 3600 }),
    ),
  );

  /** The check as it was before sessions: cached decode, then the user by id (no revocation). */
  async function before(token: string) {
    const claims = await decodeSessionToken(token);
    return claims ? findUserById(claims.userId) : null;
  }

  async function time(label: string, check: (token: string) => Promise<unknown>) {
    for (const token of tokens) if (!(await check(token))) throw new Error(`${label}: a valid token was refused`);
    const runs: number[] = [];
    for (let r = 0; r < 5; r += 1) {
      const start = process.hrtime.bigint();
      for (let i = 0; i < CALLS; i += 1) await check(tokens[i % sample]!);
      runs.push(Number(process.hrtime.bigint() - start) / 1000 / CALLS);
    }
    runs.sort((a, b) => a - b);
    return { label, usPerCall: runs[2]! };
  }

  const results = [await time("before: User by id", before), await time("after: Session ⋈ User", userFromSessionToken)];
  console.log(`| check | µs per call (median of 5 × ${CALLS.toLocaleString("en")}) |\n|---|---|`);
  for (const r of results) console.log(`| ${r.label} | ${r.usPerCall.toFixed(2)} |`);
  console.log(
    JSON.stringify({ session_check_before_us: results[0]!.usPerCall, session_check_after_us: results[1]!.usPerCall }),
  );
  rmSync(dir, { recursive: true, force: true });
}

void main();
