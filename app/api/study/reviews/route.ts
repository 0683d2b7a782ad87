import type { NextRequest } from "next/server";
import { getRequestUser } from "@/lib/auth/session";
import { recordReview } from "@/lib/db/reviews";
import { nextStep } from "@/lib/db/study";
import { isCrossSite, jsonError, readJson } from "@/lib/http";
import { localeFromAcceptLanguage } from "@/lib/study/answer-locale";
import { REFUSAL_MESSAGES } from "@/lib/study/messages";
import { ReviewSchema } from "@/lib/validations/study";

const STATUS = { not_found: 404, stale: 409, suspended: 409, in_quiz: 409 } as const;

/**
 * POST /api/study/reviews: records a rated answer (idempotent by `reviewId`) and returns the next card.
 * Body: { reviewId (uuid), itemId, version, response, rating: "again"|"hard"|"good"|"easy", responseMs, deckId? }.
 * 400 malformed body, 401 not signed in, 403 sent from another site, 404 unknown or retired item, 409 stale card,
 * suspended item, or an item of the learner's unfinished quiz (`in_quiz`). Never returns an item's answer: a client
 * that wants to show one records the answer first (docs/decisions/011-answers-are-committed.md).
 */
export async function POST(request: NextRequest) {
  // Next checks the origin of server actions itself; this JSON route does the same against cross-site requests
  // (on top of next-auth's SameSite=Lax session cookie).
  if (isCrossSite(request)) return jsonError(403, "cross_site", "Requests from other sites are refused.");
  const user = await getRequestUser(request);
  if (!user) return jsonError(401, "unauthenticated", "Sign in first.");
  const body = await readJson(request);
  if (body === undefined) return jsonError(400, "invalid", "The body must be JSON of at most 64 KB.");
  const parsed = ReviewSchema.safeParse(body);
  if (!parsed.success) return jsonError(400, "invalid", REFUSAL_MESSAGES.invalid, parsed.error.issues);
  const { deckId, ...answer } = parsed.data;
  const now = new Date();
  const locale = localeFromAcceptLanguage(request.headers.get("accept-language"));
  const result = await recordReview({ userId: user.id, ...answer, now, locale });
  if (!result.ok) return jsonError(STATUS[result.reason], result.reason, REFUSAL_MESSAGES[result.reason]);
  const next = await nextStep({ userId: user.id, deckId }, now);
  return Response.json(
    { duplicate: result.duplicate, leech: result.leech, next },
    { headers: { "Cache-Control": "no-store" } },
  );
}
