import { z } from "zod";

/** Where the SQLite file lives unless DATABASE_URL says otherwise (relative to the working directory). */
export const DEFAULT_DATABASE_URL = "file:./prisma/dev.db";

// A development default keeps `npm run dev` a one-command start; production refuses to run without a real secret
// (scripts/start.mjs makes and keeps one when the operator gives none).
const DEV_SECRET = "factdeck-development-secret-do-not-use-in-production";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(
      /^(file:|postgres(ql)?:\/\/)/,
      "DATABASE_URL must be a SQLite file URL such as file:./prisma/dev.db or a postgresql:// URL",
    )
    .default(DEFAULT_DATABASE_URL),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters").optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  // Mail for "forgot password" links, e.g. smtps://user:password@mail.example.com:465; without it the link goes to
  // the server log and the admin page (lib/auth/reset-delivery.ts).
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, "SMTP_URL must look like smtp://user:password@host:587 or smtps://…:465")
    .optional(),
  MAIL_FROM: z.string().min(3).max(200).optional(),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

/** The validated environment, read once per process. Throws with every problem listed when it is invalid. */
export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("\n  ");
    throw new Error(`Invalid environment:\n  ${problems}`);
  }
  cached = parsed.data;
  return cached;
}

/**
 * The secret that signs session tokens. Read when a request needs it, not at import time, so that `next build`
 * works without one; a production server without it fails loudly on the first request that needs a session.
 */
export function authSecret(): string {
  const { NEXTAUTH_SECRET, NODE_ENV } = env();
  if (NEXTAUTH_SECRET) return NEXTAUTH_SECRET;
  if (NODE_ENV === "production")
    throw new Error("NEXTAUTH_SECRET must be set in production (see README, Configuration).");
  return DEV_SECRET;
}

/** Which database DATABASE_URL names: `file:` is SQLite, `postgresql://` (or `postgres://`) PostgreSQL. */
export function databaseKind(url: string = env().DATABASE_URL): "sqlite" | "postgres" {
  return /^postgres(ql)?:\/\//.test(url) ? "postgres" : "sqlite";
}
