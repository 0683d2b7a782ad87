import { createHash } from "node:crypto";
import { RateLimiterRes } from "rate-limiter-flexible";
import { storedLimiter } from "@/lib/db/rate-limits";

/**
 * Sign-in and sign-up limits, in OWASP's shape (Authentication and Credential Stuffing cheat sheets) and with
 * rate-limiter-flexible's "login endpoint protection" numbers. Only failures count against sign-in: a successful
 * sign-in gives its points back, so a classroom behind one address never locks itself out.
 * - per account *and* address: 10 failures in 15 minutes, then that pair waits; the owner signing in from elsewhere
 *   is not affected, so nobody can lock an account out by guessing at it;
 * - per address: 100 failures a day, whatever the accounts (slow guessing and credential stuffing from one place);
 * - per account, across all addresses: 1,000 failures a day. One address can spend at most 100 of them, so reaching
 *   the cap (which does lock the owner out until the day ends) takes ten addresses' full budgets: distributed guessing
 *   is bounded without one attacker being able to lock anyone out.
 * - sign-up: 100 per address per hour: a school behind one address signs a whole class (or three) up in a lesson,
 *   while mass account creation from one place stays bounded.
 * Counters live in the database (lib/db/rate-limits.ts): a restart keeps them and no flood of keys can evict them.
 * E-mail addresses are keyed by a hash, so what someone typed into the email field is never stored.
 */
const byPair = storedLimiter({ name: "sign-in-pair", points: 10, durationS: 15 * 60 });
const byAddress = storedLimiter({ name: "sign-in-address", points: 100, durationS: 24 * 60 * 60 });
const byAccount = storedLimiter({ name: "sign-in-account", points: 1000, durationS: 24 * 60 * 60 });
/** Sign-ups per address per hour. */
export const SIGN_UPS_PER_HOUR = 100;
const signUps = storedLimiter({ name: "sign-up-address", points: SIGN_UPS_PER_HOUR, durationS: 60 * 60 });

/**
 * "Forgot password": 20 requests per address per hour (a class resetting in one lesson) and 5 per email address per
 * hour, whoever asks: enough for a learner who lost a mail, too few to flood someone's inbox. The email limit counts
 * addresses without an account too, so being limited says nothing about whether one exists.
 */
export const RESET_REQUESTS_PER_ADDRESS = 20;
export const RESET_REQUESTS_PER_ACCOUNT = 5;
const resetsByAddress = storedLimiter({
  name: "reset-address",
  points: RESET_REQUESTS_PER_ADDRESS,
  durationS: 60 * 60,
});
const resetsByAccount = storedLimiter({
  name: "reset-account",
  points: RESET_REQUESTS_PER_ACCOUNT,
  durationS: 60 * 60,
});

const accountKey = (email: string) => createHash("sha256").update(email).digest("base64url").slice(0, 32);

/** Consumes a point; false when the limiter refused it (over its limit). Store failures are thrown. */
async function consume(limiter: ReturnType<typeof storedLimiter>, key: string): Promise<boolean> {
  try {
    await limiter.consume(key);
    return true;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return false;
    throw rejection;
  }
}

/**
 * Counts a sign-in attempt for `email` (already normalised) from `address` before the password is checked, so that
 * parallel guesses are counted too; false when it must be refused. The limits are consumed address first, then the
 * pair, then the account: an attempt refused by an earlier limit spends nothing of the later ones, so an attacker's
 * refused attempts never eat into the owner's account-wide budget.
 * @example if (!(await beginSignIn(email, address))) throw new Error(RATE_LIMITED)
 */
export async function beginSignIn(email: string, address: string): Promise<boolean> {
  const account = accountKey(email);
  return (
    (await consume(byAddress, address)) &&
    (await consume(byPair, `${account}:${address}`)) &&
    (await consume(byAccount, account))
  );
}

/** A successful sign-in: the pair's failures are forgotten and the attempt is given back to the other two limits. */
export async function signInSucceeded(email: string, address: string): Promise<void> {
  const account = accountKey(email);
  await Promise.all([byPair.delete(`${account}:${address}`), byAddress.reward(address), byAccount.reward(account)]);
}

/**
 * Counts a sign-up attempt from `address`; false when the address has used its SIGN_UPS_PER_HOUR.
 * @example if (!(await allowSignUp(clientAddress(await headers())))) return { ok: false, message: … }
 */
export function allowSignUp(address: string): Promise<boolean> {
  return consume(signUps, address);
}

/**
 * Counts a "forgot password" request for `email` (normalised) from `address`; false when either limit is used up.
 * The address is counted first, so one address cannot spend an inbox's budget once it is limited itself.
 * @example if (!(await allowPasswordResetRequest(email, address))) return { ok: false, reason: "limited" }
 */
export async function allowPasswordResetRequest(email: string, address: string): Promise<boolean> {
  return (await consume(resetsByAddress, address)) && (await consume(resetsByAccount, accountKey(email)));
}
