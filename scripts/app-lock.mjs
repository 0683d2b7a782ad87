// The "app is running" marker of a database: every process that uses the database through the app (the server
// started by `npm start` from before it serves, `next dev`, content:build, the seed) holds a shared lock on a small
// SQLite file beside it, `<database>-app.lock`; db:restore and a migration that must have the database to itself
// take it exclusively. The locks are the operating system's (SQLite's POSIX advisory locks), so they vanish with the
// process however it ends, SIGKILL included: no stale marker to clean up, no PID that a new process could reuse.
// The database file itself cannot tell: in WAL mode an idle connection holds no lock on it that another connection
// could test for, and a server that has not served a request yet has no connection at all.
import Database from "better-sqlite3";

/** The marker file of a database file. */
export function appLockFile(databaseFile) {
  return `${databaseFile}-app.lock`;
}

function open(databaseFile, timeout) {
  const lock = new Database(appLockFile(databaseFile), { timeout });
  // Created once; afterwards a read, which only needs the shared lock.
  lock.exec("CREATE TABLE IF NOT EXISTS marker (note TEXT)");
  return lock;
}

/**
 * Marks the database as in use by this process until `release()` or the process's end: a read transaction left
 * open keeps SQLite's shared lock on the marker file. Waits up to `timeout` ms while a restore holds it.
 * @example const marker = holdAppLock("/var/lib/factdeck/factdeck.db"); … marker.release()
 */
export function holdAppLock(databaseFile, timeout = 10_000) {
  const lock = open(databaseFile, timeout);
  lock.exec("BEGIN");
  lock.prepare("SELECT count(*) FROM marker").get();
  return {
    release() {
      if (lock.open) lock.close();
    },
  };
}

/**
 * Takes the marker exclusively when no process holds it: `{ running: false, release }`, and until `release()` no
 * app can start on the database. `{ running: true }` when a process holds it (the app, or a script using the
 * database), without waiting.
 * @example const app = lockOutApp(file); if (app.running) refuse(); else try { restore() } finally { app.release() }
 */
export function lockOutApp(databaseFile) {
  let lock;
  try {
    lock = open(databaseFile, 0);
    lock.exec("BEGIN EXCLUSIVE");
  } catch (error) {
    if (lock?.open) lock.close();
    if (error?.code === "SQLITE_BUSY") return { running: true, release() {} };
    throw error;
  }
  return {
    running: false,
    release() {
      if (lock.open) lock.close();
    },
  };
}
