import { z } from "zod";

// Control characters (but tab and newlines) and bidirectional overrides, which can make a name display as something
// else; lone UTF-16 surrogates are refused too (the database driver cannot store them).
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** Human-written text shown to others (names, titles, descriptions): trimmed, bounded, printable. */
export function plainText(label: string, max: number) {
  return z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters.`)
    .refine((s) => s.isWellFormed() && !FORBIDDEN.test(s), `${label} contains characters that are not allowed.`);
}

/**
 * Free text kept as written (answers): any character, with broken surrogates and NUL replaced by U+FFFD (PostgreSQL
 * text cannot hold NUL; SQLite can, so both databases store the same).
 */
export const anyText = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => s.toWellFormed().replaceAll("\u0000", "\uFFFD"));

/** Ids made by the app (cuid, uuid, base64url). */
export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "That id is not valid.");
