import type { NextRequest } from "next/server";
import { getRequestUser } from "@/lib/auth/session";
import { csvResponse } from "@/lib/csv";
import { reviewHistory } from "@/lib/db/interchange";
import { jsonError } from "@/lib/http";
import { revlogCsv } from "@/lib/interchange/revlog";

/**
 * GET /api/reviews/export: the signed-in user's own review history as CSV with Anki's revlog columns
 * (lib/interchange/revlog.ts). 401 when not signed in; nobody can ask for another user's history.
 */
export async function GET(request: NextRequest) {
  const user = await getRequestUser(request);
  if (!user) return jsonError(401, "unauthenticated", "Sign in first.");
  return csvResponse("factdeck-review-history.csv", revlogCsv(await reviewHistory(user.id)));
}
