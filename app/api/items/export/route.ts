import type { NextRequest } from "next/server";
import { z } from "zod";
import { can } from "@/lib/auth/can";
import { getRequestUser } from "@/lib/auth/session";
import { browseItemIds } from "@/lib/db/browse";
import { getDeckTitle } from "@/lib/db/content";
import { itemsForExport } from "@/lib/db/interchange";
import { BUSY_FILE_MESSAGE, exportForUser } from "@/lib/generation/pool";
import { jsonError } from "@/lib/http";
import { downloadResponse } from "@/lib/interchange/export";
import { IMPORT_LIMITS } from "@/lib/interchange/limits";
import { parseBrowseParams } from "@/lib/validations/items";
import { idSchema } from "@/lib/validations/text";

const FormatSchema = z.enum(["csv", "apkg"]);
// An export holds what an import may read back: no more items than one import takes.
const MAX_ITEMS = IMPORT_LIMITS.rows;

/**
 * GET /api/items/export?format=csv|apkg&deckId=…&<the browser's filters>: "Export these" of the item browser. Every
 * item the browser's search, filters and sort select (all pages, not only the one shown), with the browser's own
 * visibility rules, as CSV or an Anki package. For instructors and admins, like a deck's export (an export holds
 * every answer). 400 unknown format, 401 not signed in, 404 no such deck (or not a teacher), 409 an unfinished quiz
 * of the user's asks one of the items, 413 more than 10,000 items (narrow the search), 422 nothing matches, 429 another file of the
 * user's is being read or written.
 */
export async function GET(request: NextRequest) {
  const user = await getRequestUser(request);
  if (!user) return jsonError(401, "unauthenticated", "Sign in first.");
  if (!can(user, "upload-document")) return jsonError(404, "not_found", "Not found.");
  const search = request.nextUrl.searchParams;
  const format = FormatSchema.safeParse(search.get("format"));
  if (!format.success) return jsonError(400, "invalid", "Choose format=csv or format=apkg.");
  const rawDeck = search.get("deckId");
  const deckId = rawDeck === null ? null : idSchema.safeParse(rawDeck);
  if (deckId && !deckId.success) return jsonError(404, "not_found", "Not found.");
  const deck = deckId ? await getDeckTitle(deckId.data!, user.id) : null;
  if (deckId && !deck) return jsonError(404, "not_found", "Not found.");
  const params = parseBrowseParams(Object.fromEntries(search));
  const ids = await browseItemIds(user, { deckId: deckId?.data }, params, MAX_ITEMS);
  if (ids.length === 0) return jsonError(422, "empty", "No items match: change the search, then export.");
  if (ids.length > MAX_ITEMS)
    return jsonError(413, "too_many", `More than ${MAX_ITEMS} items match. Narrow the search, then export.`);
  const load = await itemsForExport(user, ids);
  if (!load.ok) return jsonError(409, "in_quiz", "Finish your quiz first: it asks some of these items.");
  const title = deck ? `${deck.title} (selection)` : "Factdeck items";
  const run = await exportForUser(user.id, { format: format.data, title, items: load.items, now: new Date() });
  if (!run.ok) return jsonError(429, "busy", BUSY_FILE_MESSAGE);
  return downloadResponse(run.result);
}
