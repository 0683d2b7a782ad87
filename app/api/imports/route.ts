import type { NextRequest } from "next/server";
import { can } from "@/lib/auth/can";
import { getRequestUser } from "@/lib/auth/session";
import { createImportedDeck } from "@/lib/db/interchange";
import { BUSY_FILE_MESSAGE, importForUser } from "@/lib/generation/pool";
import { isCrossSite, jsonError } from "@/lib/http";
import { IMPORT_LIMITS } from "@/lib/interchange/limits";
import { previewBody } from "@/lib/interchange/preview";

// The multipart envelope (boundary, headers, file name, title) is small; more than this over the file limit is not
// one file of an allowed size.
const ENVELOPE_BYTES = 64 * 1024;

/**
 * POST /api/imports (multipart: `file`, optional `title`, `intent` = "preview" or "create"): reads a CSV/TSV file or
 * an Anki package. "preview" answers the items it would make and the rows it cannot import, storing nothing;
 * "create" makes the deck, owned by the importer, only when no row has an error (else 422 with the rows, nothing
 * written). For instructors and admins. 400 no file, 401 not signed in, 403 other site, 404 not a teacher, 411 no
 * length, 413 too large (checked from the declared length before the body is read), 422 a file it cannot read,
 * 429 another file of the user's is being read or written.
 * A route rather than a server action: files may be 10 MB, five times what actions accept.
 */
export async function POST(request: NextRequest) {
  if (isCrossSite(request)) return jsonError(403, "cross_site", "Requests from other sites are refused.");
  const user = await getRequestUser(request);
  if (!user) return jsonError(401, "unauthenticated", "Sign in first.");
  if (!can(user, "upload-document")) return jsonError(404, "not_found", "Not found.");
  const declared = request.headers.get("content-length");
  if (declared === null || !/^\d+$/.test(declared))
    return jsonError(411, "length_required", "Send the file with its length.");
  const tooLarge = `The file is larger than ${IMPORT_LIMITS.bytes / 1024 / 1024} MB. Split the deck into smaller files.`;
  if (Number(declared) > IMPORT_LIMITS.bytes + ENVELOPE_BYTES) return jsonError(413, "too_large", tooLarge);
  const form = await request.formData().catch(() => null);
  const file = form?.get("file");
  const title = form?.get("title") ?? "";
  const intent = form?.get("intent") ?? "preview";
  if (!form || !(file instanceof File) || form.getAll("file").length !== 1)
    return jsonError(400, "invalid", "Choose one file to import.");
  if (typeof title !== "string" || (intent !== "preview" && intent !== "create"))
    return jsonError(400, "invalid", "Send a title and intent=preview or intent=create.");
  if (file.size > IMPORT_LIMITS.bytes) return jsonError(413, "too_large", tooLarge);
  // Reading an Anki package or 10,000 rows takes seconds: a worker thread does it (lib/generation/pool.ts).
  const run = await importForUser(user.id, {
    bytes: new Uint8Array(await file.arrayBuffer()),
    filename: file.name.slice(0, 255),
  });
  if (!run.ok) return jsonError(429, "busy", BUSY_FILE_MESSAGE);
  const read = run.result;
  if (!read.ok) return jsonError(422, "unreadable", read.message);
  if (intent === "preview") return Response.json(previewBody(read), { headers: { "Cache-Control": "no-store" } });
  const created = await createImportedDeck({ owner: user, title: title.trim() || read.title, preview: read });
  if (!created.ok)
    return Response.json(
      { error: { code: "invalid", message: created.message }, ...previewBody(read) },
      { status: 422, headers: { "Cache-Control": "no-store" } },
    );
  return Response.json(
    { deckId: created.documentId, items: created.items },
    { status: 201, headers: { "Cache-Control": "no-store" } },
  );
}
