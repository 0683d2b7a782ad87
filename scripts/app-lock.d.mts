/** The marker file of a database file (see app-lock.mjs). */
export function appLockFile(databaseFile: string): string;
/** Marks the database as in use by this process until release() or the process's end. */
export function holdAppLock(databaseFile: string, timeout?: number): { release(): void };
/** Takes the marker exclusively when no process holds it; `running: true` when one does. */
export function lockOutApp(databaseFile: string): { running: boolean; release(): void };
