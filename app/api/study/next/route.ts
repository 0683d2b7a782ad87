import { z } from "zod";
import type { NextRequest } from "next/server";
import { getRequestUser } from "@/lib/auth/session";
import { getStudyDeck } from "@/lib/db/content";
import { nextStep } from "@/lib/db/study";
import { jsonError } from "@/lib/http";
import { idSchema } from "@/lib/validations/text";

const QuerySchema = z.object({ deckId: idSchema.optional() });

/** GET /api/study/next[?deckId=…]: the signed-in learner's next card (never its answer) and what is left. */
export async function GET(request: NextRequest) {
  const user = await getRequestUser(request);
  if (!user) return jsonError(401, "unauthenticated", "Sign in first.");
  const query = QuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return jsonError(400, "invalid", "Invalid query.", query.error.issues);
  // A deck the learner may not study (another class's, a draft, archived) is "not found", like its page.
  if (query.data.deckId && !(await getStudyDeck(query.data.deckId, user.id))) {
    return jsonError(404, "not_found", "No such deck.");
  }
  return Response.json(await nextStep({ userId: user.id, deckId: query.data.deckId }, new Date()), {
    headers: { "Cache-Control": "no-store" },
  });
}
