import type { NextRequest } from "next/server";
import { z } from "zod";
import { can } from "@/lib/auth/can";
import { getRequestUser } from "@/lib/auth/session";
import { deckItemsForExport } from "@/lib/db/interchange";
import { jsonError } from "@/lib/http";
import { BUSY_FILE_MESSAGE, exportForUser } from "@/lib/generation/pool";
import { downloadResponse } from "@/lib/interchange/export";
import { idSchema } from "@/lib/validations/text";

const ParamsSchema = z.object({ deckId: idSchema });
const FormatSchema = z.enum(["csv", "apkg"]);

/**
 * GET /api/decks/[deckId]/export?format=csv|apkg: the deck's live items as CSV or as an Anki package, for
 * instructors and admins (an export holds every answer). 400 unknown format, 401 not signed in, 404 no such deck or
 * not a teacher, 409 an unfinished quiz of the user's asks one of the items, 429 another file of the user's is
 * being read or written.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ deckId: string }> }) {
  const user = await getRequestUser(request);
  if (!user) return jsonError(401, "unauthenticated", "Sign in first.");
  const parsed = ParamsSchema.safeParse(await params);
  if (!can(user, "upload-document") || !parsed.success) return jsonError(404, "not_found", "Not found.");
  const format = FormatSchema.safeParse(request.nextUrl.searchParams.get("format"));
  if (!format.success) return jsonError(400, "invalid", "Choose format=csv or format=apkg.");
  const load = await deckItemsForExport(user, parsed.data.deckId);
  if (!load) return jsonError(404, "not_found", "Not found.");
  if (!load.ok) return jsonError(409, "in_quiz", "Finish your quiz first: it asks items of this deck.");
  // Writing an Anki package of 10,000 items takes seconds: a worker thread does it (lib/generation/pool.ts).
  const run = await exportForUser(user.id, {
    format: format.data,
    title: load.title,
    items: load.items,
    now: new Date(),
  });
  if (!run.ok) return jsonError(429, "busy", BUSY_FILE_MESSAGE);
  return downloadResponse(run.result);
}
