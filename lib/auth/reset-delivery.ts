import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

/**
 * How a "forgot password" link reaches its owner. With SMTP_URL (and NEXTAUTH_URL, so the link names this site and
 * not whatever Host header the request carried) it is mailed. Without a mail server it is written to the server log
 * and kept in this process's memory for the admin page (/admin/users), which an admin passes on by hand: the
 * database holds only the token's hash, so a copy of it cannot be used to take over accounts. A restart forgets the
 * admin's copies (the log keeps them; the learner can ask again). docs/decisions/022.
 */

export type ResetNotice = { resetId: string; email: string; name: string; link: string; expiresAt: Date };

const OUTBOX = Symbol.for("factdeck.passwordResetOutbox");

/** This process's copies of links that were not mailed, by reset id (shared by every route bundle). */
function outbox(): Map<string, ResetNotice> {
  const holder = globalThis as Record<symbol, Map<string, ResetNotice> | undefined>;
  return (holder[OUTBOX] ??= new Map());
}

/** The link the admin page may show for a reset, if it was not mailed and has not expired. */
export function outboxLink(resetId: string, now: Date): string | null {
  const notice = outbox().get(resetId);
  return notice && notice.expiresAt > now ? notice.link : null;
}

/** Forgets the admin's copies of a user's links (used, replaced or expired ones) and of expired links. */
export function forgetOutboxLinks(email: string | null, now: Date): void {
  for (const [id, notice] of outbox()) if (notice.email === email || notice.expiresAt <= now) outbox().delete(id);
}

let transport: Transporter | undefined;

/** Whether links are mailed (SMTP_URL and NEXTAUTH_URL set) or go to the log and admin page. */
export function mailConfigured(): boolean {
  const { SMTP_URL, NEXTAUTH_URL } = env();
  return Boolean(SMTP_URL && NEXTAUTH_URL);
}

/**
 * The base of links in mails and the log: NEXTAUTH_URL when set; otherwise none (a path), since the request's Host
 * header is the client's to choose and must not decide where a reset link points.
 */
export function siteUrl(): string {
  return env().NEXTAUTH_URL?.replace(/\/+$/, "") ?? "";
}

/**
 * Sends (or logs) a reset link. Delivery failures are logged, never shown to the requester: the answer to "forgot
 * password" is the same whatever happens after it. `via` replaces the SMTP transport (tests).
 * @example await deliverResetLink({ resetId, email, name, link, expiresAt })
 */
export async function deliverResetLink(notice: ResetNotice, via?: Transporter): Promise<"mail" | "log"> {
  const { SMTP_URL, MAIL_FROM } = env();
  if (via || mailConfigured()) {
    transport ??= via ?? nodemailer.createTransport(SMTP_URL!);
    try {
      await (via ?? transport).sendMail({
        from: MAIL_FROM ?? "Factdeck <no-reply@localhost>",
        to: notice.email,
        subject: "Reset your Factdeck password",
        text:
          `Hello ${notice.name},\n\nSomeone (we hope you) asked to reset the password of your Factdeck account. ` +
          `Open this link within an hour to choose a new one:\n\n${notice.link}\n\n` +
          "If you did not ask, ignore this mail: your password stays as it is.\n",
      });
      return "mail";
    } catch (error) {
      console.warn(`password-reset: mailing the link for ${notice.email} failed (${(error as Error).message})`);
    }
  } else if (SMTP_URL) {
    console.warn("password-reset: SMTP_URL is set but NEXTAUTH_URL is not, so links are not mailed (README).");
  }
  forgetOutboxLinks(notice.email, new Date());
  outbox().set(notice.resetId, notice);
  // The operator's copy when no mail server is configured: an admin passes it on (README, Configuration).
  console.info(
    `password-reset: link for ${notice.email} (valid until ${notice.expiresAt.toISOString()}): ${notice.link}`,
  );
  return "log";
}
